import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { REALTIME_LIMITS, SocketEvent } from '@lantern/shared-domain';
import { SessionsService } from '../sessions/sessions.service';
import { PresenceService } from './presence.service';
import { RealtimeBus } from './realtime-bus';
import type { LanternSocket } from './socket-data';
import { SocketStreams } from './socket-streams.service';

const FULL_CHECK_MS = 30_000;

/**
 * Every half second the sessions and rooms of open sockets are checked again, with fresh grants, so
 * a signed-out, deactivated or demoted person stops receiving at once.
 */
@Injectable()
export class SocketRevalidator implements OnModuleDestroy {
  private readonly logger = new Logger('Realtime');
  private timer: NodeJS.Timeout | null = null;
  private revalidating = false;
  /** auth_epoch at the last full check, and when that was. */
  private epoch: string | null = null;
  private lastFullCheck = 0;
  /** Sockets connected since the last check: checked on the next tick whatever the epoch says. */
  private readonly fresh = new Set<string>();

  constructor(
    private readonly sessions: SessionsService,
    private readonly socketStreams: SocketStreams,
    private readonly presence: PresenceService,
    private readonly bus: RealtimeBus,
  ) {}

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.revalidate(), REALTIME_LIMITS.revalidateMs);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** A socket that connected: checked on the next tick. */
  connected(socketId: string): void {
    this.fresh.add(socketId);
  }

  disconnected(socketId: string): void {
    this.fresh.delete(socketId);
  }

  /**
   * Check open sockets again: an ended session is told and disconnected; a stream the person may no
   * longer read is left. A tick reads one counter (auth_epoch); all local sockets are rechecked only
   * when it moved (or every 30 s, for expiry), otherwise only sockets that connected since the last
   * tick.
   */
  async revalidate(): Promise<void> {
    const server = this.bus.io;
    if (this.revalidating || !server) return;
    this.revalidating = true;
    try {
      const epoch = await this.sessions.authEpoch();
      const full = epoch !== this.epoch || Date.now() - this.lastFullCheck > FULL_CHECK_MS;
      const all = [...server.sockets.sockets.values()] as LanternSocket[];
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
      // Each stream's record is read once per sweep, however many sockets joined it.
      const records = new Map();
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
        await this.socketStreams.recheck(socket, records);
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
