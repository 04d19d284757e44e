import { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import type { MessageMappingProperties } from '@nestjs/websockets';
import { Observable, filter } from 'rxjs';
import { createAdapter } from '@socket.io/redis-adapter';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { Server, ServerOptions, Socket } from 'socket.io';
import { REALTIME_LIMITS } from '@lantern/shared-domain';
import type { AppConfig } from '../../config/config';
import { fromOurSite } from '../../common/auth/same-site';

/**
 * socket.io on the API's own HTTP server: a capped message size, an origin allow-list checked before
 * the connection is accepted, and, with REDIS_URL, the Redis adapter so rooms span processes.
 */
export class LanternIoAdapter extends IoAdapter {
  private redis: Redis[] = [];

  constructor(
    app: INestApplicationContext,
    private readonly config: AppConfig,
    private readonly logger: Logger,
  ) {
    super(app);
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const allowed = new Set(this.config.allowedOrigins);
    const server: Server = super.createIOServer(port, {
      ...options,
      path: '/socket.io',
      serveClient: false,
      maxHttpBufferSize: REALTIME_LIMITS.maxPayloadBytes,
      pingInterval: 20_000,
      pingTimeout: 20_000,
      cors: { origin: [...allowed], credentials: true },
      allowRequest: (req, callback) => {
        // The one cross-site rule (as for REST routes); a socket always needs an Origin of ours.
        if (fromOurSite(req.method ?? 'GET', req.headers, allowed, { originRequired: true }))
          return callback(null, true);
        this.logger.warn(
          { origin: req.headers.origin ?? null },
          'Refused a socket from an origin that is not allowed',
        );
        callback('FORBIDDEN_ORIGIN', false);
      },
    } satisfies Partial<ServerOptions>);
    if (this.config.redisUrl) {
      const pub = new Redis(this.config.redisUrl, { maxRetriesPerRequest: null, lazyConnect: false });
      const sub = pub.duplicate();
      for (const c of [pub, sub])
        c.on('error', (err) => this.logger.warn({ err: err.message }, 'Redis connection problem'));
      this.redis = [pub, sub];
      server.adapter(createAdapter(pub, sub, { key: this.config.redisKeyPrefix }));
      this.logger.info('Real-time rooms are shared between processes through Redis');
    }
    return server;
  }

  /**
   * One plain listener per event instead of Nest's RxJS pipeline per event per socket: an idle
   * socket then costs its listeners only (Nest's default keeps several subscribers alive for every
   * handler of every open socket). The handlers and their answers are the same.
   */
  override bindMessageHandlers(
    socket: Socket,
    handlers: MessageMappingProperties[],
    transform: (data: unknown) => Observable<unknown>,
  ): void {
    for (const { message, callback, isAckHandledManually } of handlers) {
      socket.on(message as string, (...args: unknown[]) => {
        const { data, ack } = this.mapPayload(args);
        transform(callback(data, ack))
          .pipe(filter((response) => response !== null && response !== undefined))
          .subscribe((response) => {
            const event = response as { event?: string; data?: unknown };
            if (event.event) return void socket.emit(event.event, event.data);
            if (!isAckHandledManually && typeof ack === 'function') ack(response);
          });
      });
    }
  }

  override async close(server: Server): Promise<void> {
    await super.close(server);
    await Promise.all(this.redis.map((c) => c.quit().catch(() => c.disconnect())));
    this.redis = [];
  }
}
