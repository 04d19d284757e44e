import { Injectable, Logger } from '@nestjs/common';
import type { Socket } from 'socket.io';
import { ErrorCode, REALTIME_LIMITS, SocketEvent } from '@lantern/shared-domain';
import { THROTTLER, Throttle } from '../../common/security/throttle';
import { NotificationsService } from '../notifications/notifications.service';
import { SessionsService } from '../sessions/sessions.service';
import { sessionTokenFromCookie } from './handshake';
import { PresenceService } from './presence.service';
import { userRoom } from './realtime-bus';
import type { LanternSocket } from './socket-data';
import { SocketRevalidator } from './socket-revalidator';

/**
 * A socket's life: the handshake is authenticated by the same session cookie as GraphQL; a new
 * socket is rate-limited, joins its person's rooms, hears its unread count and announces presence.
 */
@Injectable()
export class SocketConnections {
  private readonly logger = new Logger('Realtime');

  constructor(
    private readonly sessions: SessionsService,
    private readonly throttle: Throttle,
    private readonly presence: PresenceService,
    private readonly notifications: NotificationsService,
    private readonly revalidator: SocketRevalidator,
  ) {}

  /** socket.io middleware: only a live session may connect (its person and grants go on the socket). */
  authenticate(socket: Socket, next: (err?: Error) => void): void {
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
  }

  async setUp(socket: LanternSocket): Promise<void> {
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
    this.revalidator.connected(socket.id);
    await socket.join(userRoom(actor.userId));
    socket.data.presenceRooms = this.presence.roomsFor(actor);
    await socket.join(socket.data.presenceRooms);
    socket.emit(SocketEvent.NotificationCount, {
      unread: await this.notifications.unreadCount(actor.userId),
    });
    if (session.showPresence && !this.presence.staysOnline(actor.userId, socket.id))
      await this.presence.announce(actor, true);
  }

  async tearDown(socket: LanternSocket): Promise<void> {
    this.revalidator.disconnected(socket.id);
    const { actor, session } = socket.data ?? {};
    if (actor && session?.showPresence && !this.presence.staysOnline(actor.userId, socket.id)) {
      await this.presence
        .announce(actor, true)
        .catch((err: unknown) => this.logger.warn(`Could not announce presence: ${String(err)}`));
    }
  }
}
