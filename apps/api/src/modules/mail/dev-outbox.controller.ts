import { Controller, Get, Header, Inject, NotFoundException } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../../config/config';
import { Public } from '../../common/auth/decorators';
import { MailService } from './mail.service';

const escape = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

const linkify = (s: string) => escape(s).replace(/(https?:\/\/[^\s<]+)/g, '<a href="$1">$1</a>');

/** Development only: the mail Lantern would have sent, so invitations work on a laptop. */
@Controller('dev/outbox')
export class DevOutboxController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly mail: MailService,
  ) {}

  @Get()
  @Public('development only: the mail a laptop would have sent (refused in production)')
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  async outbox(): Promise<string> {
    if (this.config.isProduction || !this.mail.usesOutbox) throw new NotFoundException();
    const messages = await this.mail.recent();
    const items = messages
      .map(
        (m) => `<article>
  <h2>${escape(m.subject)}</h2>
  <p>To: ${escape(m.to)} · <time datetime="${m.createdAt.toISOString()}">${m.createdAt.toUTCString()}</time></p>
  <pre>${linkify(m.text)}</pre>
</article>`,
      )
      .join('\n');
    return `<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><title>Development outbox · Lantern</title>
<style>body{font-family:system-ui,sans-serif;max-width:50rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}
article{border:1px solid #767676;border-radius:6px;padding:1rem;margin:1rem 0}pre{white-space:pre-wrap}
a{color:#0b57d0}</style></head>
<body><main><h1>Development outbox</h1>
<p>Mail Lantern sent while no SMTP server is configured (newest first). This page does not exist in production.</p>
${items || '<p>No mail yet.</p>'}
</main></body></html>`;
  }
}
