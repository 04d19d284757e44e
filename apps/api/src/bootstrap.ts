import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import cookieParser from 'cookie-parser';
import type { Express, NextFunction, Request, Response } from 'express';
import { resolve } from 'node:path';
import pinoHttp from 'pino-http';
import type { Logger } from 'pino';
import { AppModule } from './app/app.module';
import { AppConfig } from './config/config';
import { DatabaseOptions } from './database/data-source';
import { EmbeddedPostgres, startEmbeddedPostgres } from './database/embedded-postgres';
import { requestIdFor, requestIdStore } from './common/context/request-id';
import { PinoNestLogger, createLogger } from './common/logging/logger';
import { validationPipe } from './common/validation';
import { securityHeaders } from './common/web/security-headers';
import { serveWeb } from './common/web/serve-web';
import { SeedService } from './seed/seed.service';
import { LanternIoAdapter } from './modules/realtime/io-adapter';

export interface RunningApp {
  app: NestExpressApplication;
  url: string;
  logger: Logger;
  close(): Promise<void>;
}

/** Build the Nest application with all HTTP middleware (used by main and by the integration tests). */
export async function createApp(
  config: AppConfig,
  database: DatabaseOptions,
  logger: Logger,
): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(
    AppModule.forRoot({ config, database, logger }),
    {
      logger: new PinoNestLogger(logger),
      bodyParser: true,
      abortOnError: false,
    },
  );
  app.set('trust proxy', config.trustProxy);
  app.disable('x-powered-by');
  // No API response is revalidated with an ETag (GraphQL is POST; files and the client's assets set
  // their own): without this Express hashes every response body it sends.
  app.set('etag', false);
  app.use(
    pinoHttp({
      logger,
      genReqId: (req, res) => {
        const id = requestIdFor(req);
        res.setHeader('X-Request-Id', id);
        return id;
      },
      autoLogging: { ignore: (req) => req.url === '/health' },
      serializers: {
        req: (req: { id: string; method: string; url: string }) => ({
          id: req.id,
          method: req.method,
          url: req.url.split('?')[0],
        }),
      },
    }),
  );
  app.use((req: Request & { id?: string }, _res: Response, next: NextFunction) =>
    requestIdStore.run(String(req.id ?? ''), next),
  );
  app.use(securityHeaders());
  app.use(cookieParser());
  app.useBodyParser('json', { limit: '100kb' });
  app.useGlobalPipes(validationPipe());
  app.useWebSocketAdapter(new LanternIoAdapter(app, config, logger));
  serveWeb(
    app.getHttpAdapter().getInstance() as Express,
    config.webDistDir ?? resolve(__dirname, '../web/browser'),
    logger,
  );
  return app;
}

/** Start Lantern: embedded Postgres when no DATABASE_URL, migrations, demo data, HTTP. */
export interface StartHooks {
  /** Runs after the app is initialised and before it listens (tests register extra stream kinds here). */
  beforeListen?: (app: NestExpressApplication) => void | Promise<void>;
}

export async function start(
  config: AppConfig,
  logger = createLogger(config.logLevel),
  hooks: StartHooks = {},
): Promise<RunningApp> {
  let embedded: EmbeddedPostgres | null = null;
  let database: DatabaseOptions;
  if (config.databaseUrl) {
    database = { url: config.databaseUrl, poolMax: config.dbPoolMax };
  } else {
    embedded = await startEmbeddedPostgres(config.dataDir);
    database = { url: embedded.url, embedded: true };
    logger.info(
      { dataDir: config.dataDir },
      'Using the embedded database (PGlite); set DATABASE_URL to use a PostgreSQL server',
    );
  }
  try {
    const app = await createApp(config, database, logger);
    await app.init();
    await app.get(SeedService).seedIfEmpty();
    await hooks.beforeListen?.(app);
    await app.listen(config.port, config.host);
    const url = `http://localhost:${config.port}`;
    logger.info({ url }, `Lantern is running at ${url}`);
    return {
      app,
      url,
      logger,
      async close() {
        await app.close();
        await embedded?.stop();
      },
    };
  } catch (err) {
    await embedded?.stop().catch(() => undefined);
    throw err;
  }
}
