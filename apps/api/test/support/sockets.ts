import { io, Socket } from 'socket.io-client';
import type { Ack } from '@lantern/shared-domain';
import { TEST_ORIGIN } from './test-app';

export interface SocketOptions {
  cookie?: string | null;
  origin?: string;
}

/** A socket.io client as a browser on `url` would open it (same origin, session cookie). */
export function openSocket(url: string, o: SocketOptions = {}): Socket {
  return io(url, {
    path: '/socket.io',
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    extraHeaders: { origin: o.origin ?? TEST_ORIGIN, ...(o.cookie ? { cookie: o.cookie } : {}) },
  });
}

/** Resolves when connected; rejects with the server's reason (e.g. UNAUTHENTICATED). */
export function connected(socket: Socket, timeoutMs = 5_000): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error('timed out connecting')), timeoutMs);
    socket.once('connect', () => {
      clearTimeout(t);
      resolve(socket);
    });
    socket.once('connect_error', (err) => {
      clearTimeout(t);
      reject(err);
    });
  });
}

export function request<T extends object>(
  socket: Socket,
  event: string,
  payload: unknown,
  timeoutMs = 5_000,
): Promise<Ack<T>> {
  return socket.timeout(timeoutMs).emitWithAck(event, payload) as Promise<Ack<T>>;
}

/** The next `event` on the socket, or null after `timeoutMs`. */
export function next<T>(socket: Socket, event: string, timeoutMs = 2_000): Promise<T | null> {
  return new Promise((resolve) => {
    const t = setTimeout(() => {
      socket.off(event, on);
      resolve(null);
    }, timeoutMs);
    const on = (payload: T) => {
      clearTimeout(t);
      resolve(payload);
    };
    socket.once(event, on);
  });
}

export function disconnected(socket: Socket, timeoutMs = 2_000): Promise<string | null> {
  return new Promise((resolve) => {
    if (socket.disconnected) return resolve('already');
    const t = setTimeout(() => resolve(null), timeoutMs);
    socket.once('disconnect', (reason) => {
      clearTimeout(t);
      resolve(reason);
    });
  });
}
