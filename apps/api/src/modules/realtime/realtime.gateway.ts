import { Inject, Logger, OnModuleDestroy } from '@nestjs/common';
import {
  ConnectedSocket,
  MessageBody,
  OnGatewayConnection,
  OnGatewayDisconnect,
  OnGatewayInit,
  SubscribeMessage,
  WebSocketGateway,
} from '@nestjs/websockets';
import type { Server } from 'socket.io';
import {
  Ack,
  ErrorCode,
  REALTIME_LIMITS,
  SECOND_FACTOR_MESSAGES,
  SocketEvent,
  SocketRequest,
  SocketRequestEvent,
  StreamSendAck,
  StreamSubscribeAck,
  parseSocketRequest,
  ruleNeedsSecondFactor,
  secondFactorRefusal,
} from '@lantern/shared-domain';
import { isDatabaseUnavailable } from '../../common/errors/format-error';
import { APP_CONFIG, AppConfig } from '../../config/config';
import { THROTTLER, Throttle } from '../../common/security/throttle';
import { NotificationsService } from '../notifications/notifications.service';
import { SessionsService } from '../sessions/sessions.service';
import { StreamRegistry } from '../streams/stream-registry';
import { StreamsService } from '../streams/streams.service';
import { sessionTokenFromCookie } from './handshake';
import { PresenceService } from './presence.service';
import { RealtimeBus, streamRoom, userRoom } from './realtime-bus';
import type { LanternSocket } from './socket-data';

const refuse = (code: string, message: string): Ack<never> => ({ ok: false, code, message });
const FULL_CHECK_MS = 30_000;

/**
 * Streams whose kind's rule is about case data (ruleNeedsSecondFactor) are, like case data over
 * GraphQL and REST, only for a session elevated by the second factor: the refusal, or null.
 */
function secondFactorAck(socket: LanternSocket, kind: { rule: string } | null): Ack<never> | null {
  if (!kind || !ruleNeedsSecondFactor(kind.rule)) return null;
  const s = socket.data.session;
  const code = secondFactorRefusal({ enrolled: s.secondFactorEnrolled, elevatedUntil: s.elevatedUntil });
  return code ? refuse(code, SECOND_FACTOR_MESSAGES[code]) : null;
}

/**
 * Run a handler so that the client always gets an ack, never a thrown exception: the payload is
 * validated with the event's schema from the shared domain first (BAD_USER_INPUT otherwise), and
 * any failure inside becomes an ack too.
 */
async function handle<E extends SocketRequestEvent, T extends object>(
  logger: Logger,
  event: E,
  payload: unknown,
  fn: (request: SocketRequest<E>) => Promise<Ack<T>>,
): Promise<Ack<T>> {
  try {
    const parsed = parseSocketRequest(event, payload);
    if (!parsed.ok) return refuse(ErrorCode.BadInput, parsed.message);
    return await fn(parsed.request);
  } catch (err) {
    if (isDatabaseUnavailable(err)) {
      // Busy or briefly unreachable: nothing was stored; the client retries with the same clientId.
      logger.warn(
        `Socket handler could not reach the database: ${err instanceof Error ? err.message : String(err)}`,
      );
      return refuse(
        ErrorCode.Unavailable,
        'Lantern is busy just now. Your message will be sent again shortly.',
      );
    }
    logger.error(`Socket handler failed: ${err instanceof Error ? err.message : String(err)}`);
    return refuse(ErrorCode.Internal, 'Something went wrong on our side. Please try again.');
  }
}

/**
 * The real-time entry point. The handshake is authenticated by the session cookie; every payload is
 * checked against its event's schema (shared domain); every room join asks the stream registry, which
 * applies the kind's named rule of the policy; every half second the sessions and rooms of open
 * sockets are checked again, so a signed-out, deactivated or demoted person stops receiving at once.
 */
@WebSocketGateway()
export class RealtimeGateway
  implements OnGatewayInit, OnGatewayConnection, OnGatewayDisconnect, OnModuleDestroy
{
  private readonly logger = new Logger('Realtime');
  private server!: Server;
  private timer: NodeJS.Timeout | null = null;
  private revalidating = false;
  /** auth_epoch at the last full check, and when that was. */
  private epoch: string | null = null;
  private lastFullCheck = 0;
  /** Sockets connected since the last check: checked on the next tick whatever the epoch says. */
  private fresh = new Set<string>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly sessions: SessionsService,
    private readonly streams: StreamsService,
    private readonly registry: StreamRegistry,
    private readonly presence: PresenceService,
    private readonly notifications: NotificationsService,
    private readonly bus: RealtimeBus,
    private readonly throttle: Throttle,
  ) {}

  afterInit(server: Server): void {
    this.server = server;
    this.bus.attach(server);
    server.use((socket, next) => {
      const token = sessionTokenFromCookie(socket.handshake.headers.cookie);
      this.sessions
        .resolve(token)
        .then((resolved) => {
          if (!resolved) return next(new Error(ErrorCode.Unauthenticated));
          const s = socket as LanternSocket;
          s.data = {
            session: resolved.session,
            actor: resolved.actor,
            streams: [],
            presence: 'online',
            presenceRooms: [],
          };
          next();
        })
        .catch(() => next(new Error(ErrorCode.Unavailable)));
    });
    this.timer = setInterval(() => void this.revalidate(), REALTIME_LIMITS.revalidateMs);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /**
   * Errors here must never escape: Nest does not catch them, and an unhandled rejection would end
   * the process. A socket that cannot be set up is told and closed instead.
   */
  async handleConnection(socket: LanternSocket): Promise<void> {
    try {
      await this.setUp(socket);
    } catch (err) {
      this.logger.warn(`Could not set up a socket: ${err instanceof Error ? err.message : String(err)}`);
      socket.emit(SocketEvent.Problem, {
        code: ErrorCode.Unavailable,
        message: 'Lantern cannot reach its database just now. The page will reconnect shortly.',
      });
      socket.disconnect(true);
    }
  }

  private async setUp(socket: LanternSocket): Promise<void> {
    const { actor, session } = socket.data;
    if (!actor) return;
    // Messages per socket, counted by the one throttler (shared storage with REDIS_URL).
    socket.use((_packet, next) => {
      this.throttle
        .hit(THROTTLER.socketEvents, socket.id, REALTIME_LIMITS.eventsPer10s, 10_000)
        .then((wait) => {
          if (!wait) return next();
          socket.emit(SocketEvent.Problem, {
            code: ErrorCode.RateLimited,
            message:
              'Too many messages too quickly. You have been disconnected; the page will reconnect shortly.',
          });
          socket.disconnect(true);
        })
        .catch((err: unknown) => {
          // The counter's store is away: let the message through rather than cut everyone off.
          this.logger.warn(
            `Could not count a socket message: ${err instanceof Error ? err.message : String(err)}`,
          );
          next();
        });
    });
    this.fresh.add(socket.id);
    await socket.join(userRoom(actor.userId));
    socket.data.presenceRooms = this.presence.roomsFor(actor);
    await socket.join(socket.data.presenceRooms);
    socket.emit(SocketEvent.NotificationCount, {
      unread: await this.notifications.unreadCount(actor.userId),
    });
    if (session.showPresence && !this.presence.staysOnline(actor.userId, socket.id))
      await this.presence.announce(actor, true);
  }

  async handleDisconnect(socket: LanternSocket): Promise<void> {
    this.fresh.delete(socket.id);
    const { actor, session } = socket.data ?? {};
    if (actor && session?.showPresence && !this.presence.staysOnline(actor.userId, socket.id)) {
      await this.presence
        .announce(actor, true)
        .catch((err: unknown) => this.logger.warn(`Could not announce presence: ${String(err)}`));
    }
  }

  @SubscribeMessage(SocketEvent.StreamSubscribe)
  subscribe(
    @ConnectedSocket() socket: LanternSocket,
    @MessageBody() payload: unknown,
  ): Promise<Ack<StreamSubscribeAck>> {
    return handle(this.logger, SocketEvent.StreamSubscribe, payload, async ({ stream, after }) => {
      if (!this.registry.kindOf(stream)) return refuse(ErrorCode.BadInput, 'That stream does not exist.');
      if (!(await this.registry.canRead(socket.data.actor, stream)))
        return refuse(ErrorCode.Forbidden, 'You do not have access to that stream.');
      const elevation = secondFactorAck(socket, this.registry.kindOf(stream));
      if (elevation) return elevation;
      // Join first, then read: anything committed meanwhile arrives live and the client drops duplicates.
      await socket.join(streamRoom(stream));
      if (!socket.data.streams.includes(stream)) socket.data.streams.push(stream);
      if (after === undefined)
        return { ok: true, items: [], lastSeq: await this.streams.lastSeq(stream), more: false };
      return { ok: true, ...(await this.streams.itemsAfter(stream, after)) };
    });
  }

  @SubscribeMessage(SocketEvent.StreamUnsubscribe)
  unsubscribe(@ConnectedSocket() socket: LanternSocket, @MessageBody() payload: unknown): Promise<Ack> {
    return handle(this.logger, SocketEvent.StreamUnsubscribe, payload, async ({ stream }) => {
      await socket.leave(streamRoom(stream));
      socket.data.streams = socket.data.streams.filter((s) => s !== stream);
      return { ok: true };
    });
  }

  @SubscribeMessage(SocketEvent.StreamSync)
  sync(
    @ConnectedSocket() socket: LanternSocket,
    @MessageBody() payload: unknown,
  ): Promise<Ack<StreamSubscribeAck>> {
    return handle(this.logger, SocketEvent.StreamSync, payload, async ({ stream, after }) => {
      if (!(await this.registry.canRead(socket.data.actor, stream)))
        return refuse(ErrorCode.Forbidden, 'You do not have access to that stream.');
      const elevation = secondFactorAck(socket, this.registry.kindOf(stream));
      if (elevation) return elevation;
      return { ok: true, ...(await this.streams.itemsAfter(stream, after)) };
    });
  }

  @SubscribeMessage(SocketEvent.StreamSend)
  send(
    @ConnectedSocket() socket: LanternSocket,
    @MessageBody() payload: unknown,
  ): Promise<Ack<StreamSendAck>> {
    return handle(this.logger, SocketEvent.StreamSend, payload, async ({ stream, clientId, body }) => {
      const kind = this.registry.kindOf(stream);
      if (!kind) return refuse(ErrorCode.BadInput, 'That stream does not exist.');
      const size = Buffer.byteLength(JSON.stringify(body ?? null));
      const max = kind.maxBodyBytes ?? REALTIME_LIMITS.maxBodyBytes;
      if (size > max)
        return refuse(
          ErrorCode.BadInput,
          `That message is too large (at most ${Math.floor(max / 1024)} KB).`,
        );
      if (!(await this.registry.canWrite(socket.data.actor, stream)))
        return refuse(ErrorCode.Forbidden, 'You cannot post to that stream.');
      const elevation = secondFactorAck(socket, kind);
      if (elevation) return elevation;
      if (kind.body && !kind.body.safeParse(body).success)
        return refuse(ErrorCode.BadInput, 'That message is not in the shape this stream takes.');
      const { item, created } = await this.streams.append(
        stream,
        clientId,
        socket.data.actor.userId,
        body ?? null,
      );
      if (created) this.bus.streamItem(item);
      return { ok: true, item, created };
    });
  }

  @SubscribeMessage(SocketEvent.PresenceSet)
  setPresence(@ConnectedSocket() socket: LanternSocket, @MessageBody() payload: unknown): Promise<Ack> {
    return handle(this.logger, SocketEvent.PresenceSet, payload, async ({ status }) => {
      socket.data.presence = status;
      const { actor, session } = socket.data;
      if (session.showPresence && !this.presence.staysOnline(actor.userId, socket.id))
        await this.presence.announce(actor, true);
      return { ok: true };
    });
  }

  @SubscribeMessage(SocketEvent.PresenceQuery)
  queryPresence(
    @ConnectedSocket() socket: LanternSocket,
    @MessageBody() payload: unknown,
  ): Promise<Ack<{ statuses: Awaited<ReturnType<PresenceService['query']>> }>> {
    return handle(this.logger, SocketEvent.PresenceQuery, payload, async ({ userIds }) => ({
      ok: true,
      statuses: await this.presence.query(socket.data.actor, userIds),
    }));
  }

  /**
   * Check open sockets again, with fresh grants: an ended session is told and disconnected; a
   * stream the person may no longer read is left. A tick reads one counter (auth_epoch); all local
   * sockets are rechecked only when it moved (or every 30 s, for expiry), otherwise only sockets
   * that connected since the last tick.
   */
  async revalidate(): Promise<void> {
    if (this.revalidating || !this.server) return;
    this.revalidating = true;
    try {
      const epoch = await this.sessions.authEpoch();
      const full = epoch !== this.epoch || Date.now() - this.lastFullCheck > FULL_CHECK_MS;
      const all = [...this.server.sockets.sockets.values()] as LanternSocket[];
      const sockets = full ? all : all.filter((s) => this.fresh.has(s.id));
      this.fresh.clear();
      if (full) {
        this.epoch = epoch;
        this.lastFullCheck = Date.now();
      }
      const ids = [
        ...new Set(sockets.map((s) => s.data?.session?.sessionId).filter((x): x is string => !!x)),
      ];
      if (!ids.length) return;
      const valid = await this.sessions.resolveMany(ids);
      for (const socket of sockets) {
        const data = socket.data;
        if (!data?.session) continue;
        const fresh = valid.get(data.session.sessionId);
        if (!fresh) {
          socket.emit(SocketEvent.SessionEnded, { reason: 'revoked' });
          socket.disconnect(true);
          continue;
        }
        const presenceChanged = fresh.session.showPresence !== data.session.showPresence;
        data.actor = fresh.actor;
        data.session = fresh.session;
        for (const key of [...data.streams]) {
          const allowed = await this.registry.canRead(fresh.actor, key);
          const elevation = allowed ? secondFactorAck(socket, this.registry.kindOf(key)) : null;
          if (!allowed || elevation) {
            await socket.leave(streamRoom(key));
            data.streams = data.streams.filter((s) => s !== key);
            socket.emit(SocketEvent.Problem, {
              code: elevation?.ok === false ? elevation.code : ErrorCode.Forbidden,
              message:
                elevation?.ok === false
                  ? elevation.message
                  : 'You no longer have access to part of this page.',
            });
          }
        }
        const rooms = this.presence.roomsFor(fresh.actor);
        const gone = data.presenceRooms.filter((r) => !rooms.includes(r));
        for (const r of gone) await socket.leave(r);
        const added = rooms.filter((r) => !data.presenceRooms.includes(r));
        if (added.length) await socket.join(added);
        data.presenceRooms = rooms;
        if (presenceChanged) await this.presence.announce(fresh.actor, fresh.session.showPresence);
      }
    } catch (err) {
      this.logger.warn(`Could not recheck sockets: ${err instanceof Error ? err.message : String(err)}`);
    } finally {
      this.revalidating = false;
    }
  }
}
