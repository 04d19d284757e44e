import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../../config/config';
import { MailService } from '../mail/mail.service';
import { JobsService } from '../jobs/jobs.service';

/**
 * The daily email digest: unread notifications whose kind the person set to "daily email", each
 * sent once. Safe with several processes: each recipient's batch is locked (SKIP LOCKED) and marked
 * in the same transaction that writes the mail. Runs daily at DIGEST_HOUR_UTC as the job
 * `notifications.digest` (once across processes; a missed day is caught up on the next run, since
 * everything not yet digested is sent).
 */
@Injectable()
export class DigestService implements OnModuleInit {
  private readonly logger = new Logger(DigestService.name);

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly mail: MailService,
    private readonly jobs: JobsService,
  ) {}

  onModuleInit(): void {
    this.jobs.register({
      name: 'notifications.digest',
      cron: `0 ${this.config.digestHourUtc} * * *`,
      handler: async () => {
        const sent = await this.runOnce();
        if (sent) this.logger.log(`Sent ${sent} notification digest${sent === 1 ? '' : 's'}`);
      },
    });
  }

  /** Send every due digest now; returns how many emails were sent. */
  async runOnce(): Promise<number> {
    const recipients: Array<{ recipient_id: string }> = await this.ds.query(
      `SELECT DISTINCT recipient_id FROM notifications WHERE digest AND read_at IS NULL AND digested_at IS NULL`,
    );
    let sent = 0;
    for (const { recipient_id } of recipients) {
      const done = await this.ds.transaction(async (m) => {
        const items: Array<{ id: string; title: string; body: string | null; link: string | null }> =
          await m.query(
            `SELECT n.id, n.title, n.body, n.link FROM notifications n
            WHERE n.recipient_id = $1 AND n.digest AND n.read_at IS NULL AND n.digested_at IS NULL
            ORDER BY n.created_at FOR UPDATE SKIP LOCKED`,
            [recipient_id],
          );
        if (!items.length) return false;
        const [user] = await m.query(
          'SELECT email, display_name FROM users WHERE id = $1 AND deactivated_at IS NULL',
          [recipient_id],
        );
        await m.query('UPDATE notifications SET digested_at = now() WHERE id = ANY($1::uuid[])', [
          items.map((i) => i.id),
        ]);
        if (!user) return false;
        const lines = items.map(
          (i) =>
            `- ${i.title}${i.body ? `: ${i.body}` : ''}${i.link ? `\n  ${this.config.publicUrl}${i.link}` : ''}`,
        );
        await this.mail.send(
          {
            to: user.email,
            subject: `Lantern: ${items.length} thing${items.length === 1 ? '' : 's'} you have not seen yet`,
            text: `Hello ${user.display_name},\n\nSince your last digest:\n\n${lines.join('\n')}\n\nChange what you receive on your profile page: ${this.config.publicUrl}/profile\n`,
          },
          m,
        );
        return true;
      });
      if (done) sent++;
    }
    return sent;
  }
}
