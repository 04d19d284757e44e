import type { Socket } from 'socket.io';
import type { Actor } from '@lantern/shared-domain';
import type { SessionInfo } from '../../common/context/request-context';

/** What a socket carries. Plain data only: with Redis it is serialised to other processes. */
export interface SocketData {
  session: SessionInfo;
  actor: Actor;
  /** Streams this socket has joined. */
  streams: string[];
  presence: 'online' | 'away';
  /** Rooms joined for presence visibility. */
  presenceRooms: string[];
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type LanternSocket = Socket<any, any, any, SocketData>;
