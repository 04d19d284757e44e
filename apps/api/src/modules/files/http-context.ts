import { Inject, Injectable } from '@nestjs/common';
import { create as createContentDisposition } from 'content-disposition';
import type { Response } from 'express';
import { APP_CONFIG, AppConfig } from '../../config/config';

export { HttpRefusal } from '../../common/errors/http-errors';

/**
 * What REST file routes need to know besides the request. Who may call them is PolicyGuard's
 * (@Allow, the session, the cross-site rule), and refusals are answered by the HttpErrorFilter.
 * (Their rate limit is the `mutations` throttler of the global RateLimitGuard.)
 */
@Injectable()
export class HttpContextService {
  readonly uploadMaxBytes: number;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.uploadMaxBytes = config.uploadMaxBytes;
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
