import { Inject, Injectable } from '@nestjs/common';
import { create as createContentDisposition } from 'content-disposition';
import type { Request, Response } from 'express';
import { ErrorCode } from '@lantern/shared-domain';
import { APP_CONFIG, AppConfig } from '../../config/config';
import type { RequestContext } from '../../common/context/request-context';
import { RequestContextFactory } from '../auth/request-context.factory';

/** A refusal of a REST request, answered as `{ code, message }` with `status`. */
export class HttpRefusal extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'HttpRefusal';
  }
}

export type SignedInContext = RequestContext & {
  actor: NonNullable<RequestContext['actor']>;
  session: NonNullable<RequestContext['session']>;
};

/**
 * The REST side of authentication (file uploads and downloads, exports): the same request context
 * as GraphQL (session cookie, actor, loaders) from RequestContextFactory, plus the Origin allow-list
 * (the one the socket handshake uses) for requests that change data. (Their rate limit is the
 * `mutations` throttler of the global RateLimitGuard, which counts POST requests per address.)
 */
@Injectable()
export class HttpContextService {
  private readonly allowed: Set<string>;
  readonly uploadMaxBytes: number;

  constructor(
    private readonly contexts: RequestContextFactory,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.uploadMaxBytes = config.uploadMaxBytes;
    this.allowed = new Set(config.allowedOrigins);
  }

  /** A signed-in person's context; 401 otherwise. */
  async signedIn(req: Request, res: Response): Promise<SignedInContext> {
    const ctx = await this.contexts.create(req, res);
    if (!ctx.actor || !ctx.session)
      throw new HttpRefusal(401, ErrorCode.Unauthenticated, 'Please sign in to continue.');
    return ctx as SignedInContext;
  }

  /**
   * For requests that change data: the Origin must be one of ours (a page elsewhere cannot make a
   * signed-in browser upload).
   */
  checkChange(req: Request): void {
    const origin = req.get('origin');
    if (!origin || !this.allowed.has(origin))
      throw new HttpRefusal(
        403,
        ErrorCode.Forbidden,
        'This request did not come from Lantern, so it was refused. Open Lantern and try again there.',
      );
  }
}

/**
 * `Content-Disposition: attachment` (RFC 6266, written by the content-disposition package): the exact
 * name as UTF-8 in `filename*`, and a plain ASCII `filename` (accents dropped) for older clients.
 */
export function attachmentDisposition(name: string): string {
  const ascii = name
    .normalize('NFKD')
    .replace(/[^\x20-\x7e]/g, '')
    .replace(/["\\%;]/g, '_')
    .replace(/\s+/g, ' ')
    .trim();
  return createContentDisposition(name, { type: 'attachment', fallback: ascii || 'download' });
}

/** Headers on every download: never sniffed, never cached by shared caches, never rendered. */
export function setDownloadHeaders(
  res: Response,
  o: { name: string; mediaType: string; size?: number },
): void {
  res.setHeader('Content-Type', o.mediaType);
  if (o.size !== undefined) res.setHeader('Content-Length', String(o.size));
  res.setHeader('Content-Disposition', attachmentDisposition(o.name));
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Cache-Control', 'private, no-store');
  res.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
}

/** Answer a refusal as JSON `{ code, message }`. */
export function sendRefusal(
  res: Response,
  status: number,
  code: string,
  message: string,
  headers: Record<string, string> = {},
): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
  res.status(status).setHeader('Cache-Control', 'no-store').json({ code, message });
}
