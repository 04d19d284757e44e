import { type DestroyRef, Injectable, inject } from '@angular/core';
import type { Ack, StreamItem, StreamKey } from '@lantern/shared-domain';
import { RealtimeCalls } from './realtime-calls';
import { RealtimeConnection } from './realtime-connection';
import { RealtimeStreams } from './realtime-streams';

export { RealtimeError } from './realtime-calls';
export {
  type ConnectionState,
  REALTIME_OPTIONS,
  type RealtimeOptions,
  type RealtimeSocket,
  SOCKET_FACTORY,
  type SocketFactory,
  reconnectDelayWithJitter,
} from './realtime-connection';

/**
 * The tab's one real-time connection, as the features use it. It opens when someone signs in and
 * closes when they sign out. Three parts, wired together here:
 *
 * - `RealtimeConnection` (realtime-connection.ts): the socket, reconnecting on the shared schedule
 *   (`reconnectDelayMs` plus jitter) for as long as the session lasts; a session that ends
 *   (`session:ended`, or a refused handshake) goes to sign in like any other.
 * - `RealtimeCalls` (realtime-calls.ts): events with acknowledgements, and `send(stream, body)`, which
 *   gives the item a client id and retries with the same id until acknowledged, so an item is stored
 *   once however often the connection drops.
 * - `RealtimeStreams` (realtime-streams.ts): `subscribe(stream, handler)` delivers each item once and in
 *   order. On every (re)connect it subscribes again with `after` = the last sequence seen; duplicates
 *   are dropped and a gap starts a `stream:sync` from the last item applied.
 */
@Injectable({ providedIn: 'root' })
export class RealtimeService {
  private readonly connection = inject(RealtimeConnection);
  private readonly calls = inject(RealtimeCalls);
  private readonly streams = inject(RealtimeStreams);

  /** What the person should know about the connection (the shell says it when it matters). */
  readonly connectionState = this.connection.state;
  readonly connected = this.connection.connected;

  constructor() {
    this.connection.attach({
      connected: () => {
        this.streams.resume();
        this.calls.resume();
      },
      disconnected: () => {
        this.calls.interrupt();
        this.streams.interrupt();
      },
      closed: () => {
        this.calls.close();
        this.streams.close();
      },
      item: (item) => this.streams.receive(item),
    });
    this.calls.onStored((item) => this.streams.receive(item));
  }

  /** Follow the session: a socket while someone is signed in, none otherwise. Called once, by the app. */
  start(destroyRef: DestroyRef): void {
    this.connection.start(destroyRef);
  }

  /**
   * Receive every item of a stream once, in order, from now on (and across reconnects).
   * Returns the function that stops it.
   */
  subscribe<B = unknown>(stream: StreamKey, handler: (item: StreamItem<B>) => void): () => void {
    return this.streams.subscribe(stream, handler);
  }

  /**
   * Append an item to a stream. Resolves with the stored item once the server has it; while the
   * connection is down it waits and is sent again, with the same client id, when it comes back.
   * Rejects with a `RealtimeError` when the server refuses it.
   */
  send<B>(stream: StreamKey, body: B): Promise<StreamItem<B>> {
    return this.calls.send(stream, body);
  }

  /** Listen to a server-to-client event (e.g. `notification:count`). Returns the function that stops it. */
  on<T>(event: string, handler: (payload: T) => void): () => void {
    return this.connection.on(event, handler);
  }

  /** Run `hook` on every (re)connect, and now if connected. Returns the function that stops it. */
  onConnected(hook: () => void): () => void {
    return this.connection.onConnected(hook);
  }

  /** Send a client-to-server event and wait for its `Ack`. Rejects when not connected or unanswered. */
  request<T extends object = object>(event: string, payload: unknown): Promise<Ack<T>> {
    return this.calls.call<T>(event, payload);
  }
}
