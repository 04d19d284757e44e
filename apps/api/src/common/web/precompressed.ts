import type { NextFunction, Request, Response } from 'express';
import { readdir, readFile } from 'node:fs/promises';
import { extname, join, relative, sep } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Logger } from 'pino';

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

/** Files worth compressing (fonts and images are compressed already). */
const COMPRESSIBLE: Readonly<Record<string, string>> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};
/** Below this, compression saves less than the headers it costs. */
const MIN_BYTES = 1024;

interface Variants {
  type: string;
  br: Buffer;
  gzip: Buffer;
}

/**
 * The built client's scripts and styles, compressed once with brotli (quality 11) and gzip (level 9)
 * when the server starts, and served to browsers that accept them. Hashed files never change, so the
 * work is done once per start, off the request path; until it finishes, files go out uncompressed.
 * The index page is left alone (it is tiny and must never be cached).
 */
export class PrecompressedAssets {
  private readonly files = new Map<string, Variants>();
  readonly ready: Promise<void>;

  constructor(
    private readonly dir: string,
    logger: Logger,
  ) {
    const started = Date.now();
    this.ready = this.load().then(
      ({ count, raw, br }) =>
        logger.info(
          { files: count, rawBytes: raw, brotliBytes: br, ms: Date.now() - started },
          'Client assets precompressed (brotli, gzip)',
        ),
      (error: unknown) =>
        logger.warn({ err: error }, 'Could not precompress the client assets; serving them as they are'),
    );
  }

  /** Express middleware: answers GET/HEAD for a precompressed file when the browser accepts one. */
  middleware() {
    return (req: Request, res: Response, next: NextFunction): void => {
      if (req.method !== 'GET' && req.method !== 'HEAD') return next();
      const file = this.files.get(decodeURIComponent(req.path));
      if (!file) return next();
      // Brotli whenever it is accepted at all (browsers list gzip first with equal weight).
      const accepted = req.acceptsEncodings();
      const encoding = accepted.includes('br') ? 'br' : accepted.includes('gzip') ? 'gzip' : null;
      res.vary('Accept-Encoding');
      if (!encoding) return next();
      const body = encoding === 'br' ? file.br : file.gzip;
      res.setHeader('Content-Type', file.type);
      res.setHeader('Content-Encoding', encoding);
      res.setHeader('Content-Length', String(body.length));
      res.setHeader('Cache-Control', cacheControlFor(req.path));
      res.status(200);
      if (req.method === 'HEAD') res.end();
      else res.end(body);
    };
  }

  private async load(): Promise<{ count: number; raw: number; br: number }> {
    let raw = 0;
    let brTotal = 0;
    for (const path of await listFiles(this.dir)) {
      const type = COMPRESSIBLE[extname(path).toLowerCase()];
      if (!type) continue;
      const content = await readFile(path);
      if (content.length < MIN_BYTES) continue;
      const [br, gzipped] = await Promise.all([
        brotli(content, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
            [constants.BROTLI_PARAM_SIZE_HINT]: content.length,
          },
        }),
        gz(content, { level: 9 }),
      ]);
      const url = '/' + relative(this.dir, path).split(sep).join('/');
      this.files.set(url, { type, br, gzip: gzipped });
      raw += content.length;
      brTotal += br.length;
    }
    return { count: this.files.size, raw, br: brTotal };
  }
}

/** Hashed build outputs (main-AB12CD34.js, chunk-XYZ.css) may be cached for a year; anything else is revalidated. */
export function cacheControlFor(path: string): string {
  return /\.[0-9a-zA-Z]{8,}\.(js|css)$|-[A-Z0-9]{8}\.(js|css)$/.test(path)
    ? 'public, max-age=31536000, immutable'
    : 'no-cache';
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}
