import { Injectable } from '@nestjs/common';
import { ActorsRepository } from '../../common/auth/actors.repository';
import {
  Actor,
  PresenceChange,
  PresenceStatus,
  SocketEvent,
  canSeePresence,
  isNetworkLevel,
  trustsOf,
} from '@lantern/shared-domain';
import { RealtimeBus, userRoom } from './realtime-bus';
import type { SocketData } from './socket-data';

const ALL = 'presence:all';
const trustRoom = (trustId: string) => `presence:trust:${trustId}`;

@Injectable()
export class PresenceService {
  constructor(
    private readonly bus: RealtimeBus,
    private readonly actors: ActorsRepository,
  ) {}

  /** Rooms a socket joins to hear about the people it may see. */
  roomsFor(actor: Actor): string[] {
    return [...trustsOf(actor).map(trustRoom), ...(isNetworkLevel(actor) ? [ALL] : [])];
  }

  /** A person's status from their sockets in every process. */
  async statusOf(userId: string): Promise<PresenceStatus> {
    const io = this.bus.io;
    if (!io) return 'offline';
    const sockets = await io.in(userRoom(userId)).fetchSockets();
    const data = sockets.map((s) => s.data as SocketData).filter((d) => d?.session?.showPresence !== false);
    if (!data.length) return 'offline';
    return data.some((d) => d.presence === 'online') ? 'online' : 'away';
  }

  /**
   * Whether another socket of this person in this process is online and visible: then their status
   * is "online" before and after whatever `socketId` does, and nothing needs announcing. Announcing
   * only on transitions keeps a burst of connections (every tab, every reconnect) from sending each
   * new socket's arrival to everyone who can see the person: O(people), not O(sockets²).
   */
  staysOnline(userId: string, socketId: string): boolean {
    const io = this.bus.io;
    const members = io?.sockets.adapter.rooms.get(userRoom(userId));
    if (!io || !members) return false;
    for (const id of members) {
      if (id === socketId) continue;
      const data = io.sockets.sockets.get(id)?.data as SocketData | undefined;
      if (data?.presence === 'online' && data.session?.showPresence !== false) return true;
    }
    return false;
  }

  /** Tell everyone who may see `actor` their current status. */
  async announce(actor: Actor, showPresence: boolean): Promise<void> {
    const status: PresenceStatus = showPresence ? await this.statusOf(actor.userId) : 'offline';
    const change: PresenceChange = { userId: actor.userId, status };
    if (isNetworkLevel(actor)) this.bus.toAll(SocketEvent.PresenceChanged, change);
    else this.bus.toRooms([...trustsOf(actor).map(trustRoom), ALL], SocketEvent.PresenceChanged, change);
  }

  /** Statuses of up to 100 people, answering only for those the viewer may see. */
  async query(viewer: Actor, userIds: string[]): Promise<PresenceChange[]> {
    const ids = [...new Set(userIds)].slice(0, 100);
    if (!ids.length) return [];
    const people = await this.actors.actorsFor(ids);
    const visible = [...people.values()].filter((p) => canSeePresence(viewer, p));
    return Promise.all(
      visible.map(async (r) => ({
        userId: r.userId,
        status: r.showPresence ? await this.statusOf(r.userId) : ('offline' as const),
      })),
    );
  }
}
