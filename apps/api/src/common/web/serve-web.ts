import express, { NextFunction, Request, Response } from 'express';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { PrecompressedAssets, cacheControlFor } from './precompressed';

/** Paths the API owns; everything else that asks for HTML gets the Angular app. */
// Downloads (/files/:id, /ehcp-drafts/:id/export.docx, /api/supervision/:id/record.docx and .pdf)
// are followed as links, so they ask for HTML too.
const API_PATHS = /^\/(graphql|health|dev\/|socket\.io|files\/|api\/|ehcp-drafts\/[^/]+\/export\.docx$)/;

/**
 * Serve the built Angular client from the same process and origin as the API, with index.html for
 * client-side routes. Hashed assets are cached for a year; index.html never. Scripts and styles go
 * out brotli- or gzip-compressed when the browser accepts it (see PrecompressedAssets).
 */
export function serveWeb(app: express.Express, dir: string, logger: Logger): PrecompressedAssets | null {
  const index = join(dir, 'index.html');
  if (!existsSync(index)) {
    logger.warn(
      { dir },
      'The web client is not built; run `npm run build` (or `npm start`, which builds it)',
    );
    app.get('/', (_req, res) => {
      res
        .type('text/plain')
        .send('Lantern API is running. The web client is not built: run `npm run build`.');
    });
    return null;
  }
  const compressed = new PrecompressedAssets(dir, logger);
  app.use(compressed.middleware());
  app.use(
    express.static(dir, {
      index: false,
      setHeaders: (res, path) => {
        res.setHeader('Cache-Control', cacheControlFor(path));
      },
    }),
  );
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' || API_PATHS.test(req.path) || !req.accepts('html')) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
  return compressed;
}
