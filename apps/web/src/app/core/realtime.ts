import {
  DestroyRef,
  Injectable,
  InjectionToken,
  Injector,
  computed,
  effect,
  inject,
  signal,
  untracked,
} from '@angular/core';
import {
  type Ack,
  type Problem,
  ErrorCode,
  SocketEvent,
  type StreamItem,
  type StreamKey,
  type StreamSendAck,
  type StreamSendRequest,
  type StreamSubscribeAck,
  acceptItems,
  reconnectDelayMs,
} from '@lantern/shared-domain';
import { GlobalErrors } from './global-errors';
import { Session } from './session';

/** The part of a socket.io client socket this service uses (a fake one stands in for it in tests). */
export interface RealtimeSocket {
  readonly connected: boolean;
  // socket.io's listener and emit signatures are loosely typed too.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  on(event: string, listener: (...args: any[]) => void): unknown;
  emit(event: string, ...args: unknown[]): unknown;
  connect(): unknown;
  disconnect(): unknown;
}

export type SocketFactory = () => Promise<RealtimeSocket>;

/**
 * Makes the one socket of this tab: same origin, path /socket.io, the session cookie, WebSocket only.
 * socket.io's own reconnection is off: this service reconnects on its own schedule, and always
 * catches up from the database (connection-state recovery is never relied on).
 * The client library is loaded on first use, so it stays out of the first download.
 */
export const SOCKET_FACTORY = new InjectionToken<SocketFactory>('SOCKET_FACTORY', {
  providedIn: 'root',
  factory: () => async () => {
    const { io } = await import('socket.io-client');
    return io({
      path: '/socket.io',
      withCredentials: true,
      transports: ['websocket'],
      reconnection: false,
      autoConnect: false,
    });
  },
});

export interface RealtimeOptions {
  /** How long to wait for an acknowledgement before treating the connection as broken. */
  ackTimeoutMs: number;
  /** A number in [0, 1) for the reconnect jitter. */
  random: () => number;
}

export const REALTIME_OPTIONS = new InjectionToken<RealtimeOptions>('REALTIME_OPTIONS', {
  providedIn: 'root',
  factory: () => ({ ackTimeoutMs: 10_000, random: Math.random }),
});

/** The wait before reconnect attempt `attempt` (0-based): the shared schedule plus up to 30% jitter. */
export function reconnectDelayWithJitter(attempt: number, random: () => number): number {
  const base = reconnectDelayMs(attempt);
  return base + Math.floor(random() * base * 0.3);
}

export type ConnectionState = 'connecting' | 'connected' | 'reconnecting' | 'offline';

/** A refusal from the server (an `Ack` with `ok: false`). */
export class RealtimeError extends Error {
  override readonly name = 'RealtimeError';
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

type ItemHandler = (item: StreamItem) => void;

interface StreamState {
  readonly handlers: Set<ItemHandler>;
  /** The last sequence number applied; null until the first subscribe answers ("only new items"). */
  lastSeq: number | null;
  /** A subscribe or sync is under way: live items wait in `buffer` until it is done. */
  syncing: boolean;
  buffer: StreamItem[];
}

interface Outgoing {
  readonly request: StreamSendRequest;
  readonly resolve: (item: StreamItem) => void;
  readonly reject: (error: Error) => void;
  inFlight: boolean;
  /** Times the server answered "busy" in a row (the retry waits longer each time). */
  busy: number;
}

interface PendingCall {
  readonly reject: (error: Error) => void;
}

const DISCONNECTED = 'DISCONNECTED';

/**
 * The tab's one real-time connection. It opens when someone signs in and closes when they sign out.
 *
 * - Reconnects on the shared schedule (`reconnectDelayMs` plus jitter) for as long as the session lasts.
 * - Streams: `subscribe(stream, handler)` delivers each item once and in order. On every (re)connect it
 *   subscribes again with `after` = the last sequence seen; duplicates are dropped and a gap starts a
 *   `stream:sync` from the last item applied.
 * - `send(stream, body)` gives the item a client id and retries with the same id until acknowledged,
 *   so an item is stored once however often the connection drops.
 * - A session that ends (`session:ended`, or a refused handshake) goes to sign in like any other.
 */
@Injectable({ providedIn: 'root' })
export class RealtimeService {
  private readonly session = inject(Session);
  private readonly errors = inject(GlobalErrors);
  private readonly factory = inject(SOCKET_FACTORY);
  private readonly options = inject(REALTIME_OPTIONS);
  private readonly injector = inject(Injector);

  private socket: RealtimeSocket | null = null;
  private userId: string | null = null;
  /** Bumped whenever the tab opens or closes a socket: late answers from an older one are ignored. */
  private lifetime = 0;
  /** Bumped on every connect and disconnect: acks and catch-ups from an older connection are ignored. */
  private generation = 0;
  private attempt = 0;
  private reconnectTimer: ReturnType<typeof setTimeout> | null = null;
  private started = false;

  private readonly streams = new Map<StreamKey, StreamState>();
  private readonly outbox = new Map<string, Outgoing>();
  private readonly pendingCalls = new Set<PendingCall>();
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  private readonly listeners = new Map<string, Set<(payload: any) => void>>();
  private readonly connectHooks = new Set<() => void>();
  private readonly wired = new WeakMap<RealtimeSocket, Set<string>>();

  private readonly connectedState = signal(false);
  private readonly troubled = signal(false);
  private readonly browserOnline = signal(
    typeof navigator === 'undefined' ? true : navigator.onLine !== false,
  );

  /** What the person should know about the connection (the shell says it when it matters). */
  readonly connectionState = computed<ConnectionState>(() => {
    if (!this.browserOnline()) return 'offline';
    if (this.connectedState()) return 'connected';
    return this.troubled() ? 'reconnecting' : 'connecting';
  });
  readonly connected = this.connectedState.asReadonly();

  /** Follow the session: a socket while someone is signed in, none otherwise. Called once, by the app. */
  start(destroyRef: DestroyRef): void {
    if (this.started) return;
    this.started = true;
    const watcher = effect(
      () => {
        const userId = this.session.user()?.id ?? null;
        const ending = this.session.ending();
        untracked(() => (userId && !ending ? this.open(userId) : this.close()));
      },
      { injector: this.injector },
    );
    const online = () => this.setBrowserOnline(true);
    const offline = () => this.setBrowserOnline(false);
    if (typeof window !== 'undefined') {
      window.addEventListener('online', online);
      window.addEventListener('offline', offline);
    }
    destroyRef.onDestroy(() => {
      watcher.destroy();
      if (typeof window !== 'undefined') {
        window.removeEventListener('online', online);
        window.removeEventListener('offline', offline);
      }
      this.close();
      this.started = false;
    });
  }

  /**
   * Receive every item of a stream once, in order, from now on (and across reconnects).
   * Returns the function that stops it.
   */
  subscribe<B = unknown>(stream: StreamKey, handler: (item: StreamItem<B>) => void): () => void {
    let state = this.streams.get(stream);
    const fresh = !state;
    if (!state) {
      state = { handlers: new Set(), lastSeq: null, syncing: false, buffer: [] };
      this.streams.set(stream, state);
    }
    const h = handler as ItemHandler;
    state.handlers.add(h);
    if (fresh && this.connectedState()) this.catchUp(stream, state, 'subscribe');
    return () => {
      const current = this.streams.get(stream);
      if (!current) return;
      current.handlers.delete(h);
      if (current.handlers.size > 0) return;
      this.streams.delete(stream);
      if (this.connectedState()) {
        this.call(SocketEvent.StreamUnsubscribe, { stream }).catch(() => undefined);
      }
    };
  }

  /**
   * Append an item to a stream. Resolves with the stored item once the server has it; while the
   * connection is down it waits and is sent again, with the same client id, when it comes back.
   * Rejects with a `RealtimeError` when the server refuses it.
   */
  send<B>(stream: StreamKey, body: B): Promise<StreamItem<B>> {
    const clientId = crypto.randomUUID();
    return new Promise<StreamItem<B>>((resolve, reject) => {
      const outgoing: Outgoing = {
        request: { stream, clientId, body },
        resolve: resolve as (item: StreamItem) => void,
        reject,
        inFlight: false,
        busy: 0,
      };
      this.outbox.set(clientId, outgoing);
      this.flush(outgoing);
    });
  }

  /** Listen to a server-to-client event (e.g. `notification:count`). Returns the function that stops it. */
  on<T>(event: string, handler: (payload: T) => void): () => void {
    let set = this.listeners.get(event);
    if (!set) {
      set = new Set();
      this.listeners.set(event, set);
    }
    set.add(handler);
    if (this.socket) this.wire(this.socket, event);
    return () => set.delete(handler);
  }

  /** Run `hook` on every (re)connect, and now if connected. Returns the function that stops it. */
  onConnected(hook: () => void): () => void {
    this.connectHooks.add(hook);
    if (this.connectedState()) hook();
    return () => this.connectHooks.delete(hook);
  }

  /** Send a client-to-server event and wait for its `Ack`. Rejects when not connected or unanswered. */
  request<T extends object = object>(event: string, payload: unknown): Promise<Ack<T>> {
    return this.call<T>(event, payload);
  }

  // ---- lifecycle ----

  private open(userId: string): void {
    if (this.userId === userId) return;
    this.close();
    this.userId = userId;
    const lifetime = ++this.lifetime;
    this.factory()
      .then((socket) => {
        if (lifetime !== this.lifetime) {
          socket.disconnect();
          return;
        }
        this.socket = socket;
        for (const event of [
          'connect',
          'disconnect',
          'connect_error',
          SocketEvent.SessionEnded,
          SocketEvent.Problem,
          SocketEvent.StreamItem,
          ...this.listeners.keys(),
        ]) {
          this.wire(socket, event);
        }
        socket.connect();
      })
      .catch(() => {
        // The client library could not be loaded (offline on first use): try again later.
        if (lifetime !== this.lifetime) return;
        this.troubled.set(true);
        this.reconnectTimer = setTimeout(
          () => {
            this.reconnectTimer = null;
            if (lifetime !== this.lifetime) return;
            this.userId = null;
            this.open(userId);
          },
          reconnectDelayWithJitter(this.attempt++, this.options.random),
        );
      });
  }

  private close(): void {
    this.lifetime++;
    this.generation++;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    this.reconnectTimer = null;
    const socket = this.socket;
    this.socket = null;
    this.userId = null;
    this.attempt = 0;
    socket?.disconnect();
    this.connectedState.set(false);
    this.troubled.set(false);
    this.rejectPendingCalls();
    for (const state of this.streams.values()) {
      state.lastSeq = null;
      state.syncing = false;
      state.buffer = [];
    }
    for (const outgoing of this.outbox.values())
      outgoing.reject(new RealtimeError(DISCONNECTED, 'You were signed out.'));
    this.outbox.clear();
  }

  private wire(socket: RealtimeSocket, event: string): void {
    let done = this.wired.get(socket);
    if (!done) {
      done = new Set();
      this.wired.set(socket, done);
    }
    if (done.has(event)) return;
    done.add(event);
    const mine = () => socket === this.socket;
    switch (event) {
      case 'connect':
        socket.on('connect', () => mine() && this.onConnect());
        return;
      case 'disconnect':
        socket.on('disconnect', () => mine() && this.onDisconnect());
        return;
      case 'connect_error':
        socket.on('connect_error', (error: { message?: string } | undefined) => {
          if (!mine()) return;
          if (error?.message === 'UNAUTHENTICATED') this.sessionEnded();
          else this.onDisconnect();
        });
        return;
      case SocketEvent.SessionEnded:
        socket.on(event, () => mine() && this.sessionEnded());
        return;
      case SocketEvent.Problem:
        socket.on(event, (problem: Problem | undefined) => {
          if (mine() && problem?.message) this.errors.show(problem.message);
        });
        return;
      case SocketEvent.StreamItem:
        socket.on(event, (item: StreamItem) => mine() && this.receiveLive(item));
        return;
      default:
        socket.on(event, (payload: unknown) => {
          if (!mine()) return;
          for (const handler of [...(this.listeners.get(event) ?? [])]) safely(() => handler(payload));
        });
    }
  }

  private onConnect(): void {
    this.generation++;
    this.attempt = 0;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    this.reconnectTimer = null;
    this.connectedState.set(true);
    this.troubled.set(false);
    for (const [stream, state] of this.streams) this.catchUp(stream, state, 'subscribe');
    for (const outgoing of this.outbox.values()) this.flush(outgoing);
    for (const hook of [...this.connectHooks]) safely(hook);
  }

  private onDisconnect(): void {
    this.generation++;
    this.connectedState.set(false);
    this.troubled.set(true);
    this.rejectPendingCalls();
    for (const state of this.streams.values()) {
      state.syncing = false;
      state.buffer = [];
    }
    for (const outgoing of this.outbox.values()) outgoing.inFlight = false;
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    if (!this.socket || this.reconnectTimer) return;
    // Offline: wait for the browser to say it is back (then reconnect at once).
    if (!this.browserOnline()) return;
    const delay = reconnectDelayWithJitter(this.attempt++, this.options.random);
    const socket = this.socket;
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      if (socket === this.socket && !socket.connected) socket.connect();
    }, delay);
  }

  private setBrowserOnline(online: boolean): void {
    this.browserOnline.set(online);
    if (!online) {
      // The connection cannot work now, even if it has not noticed yet: drop it, and send nothing
      // until the browser is back (then reconnect at once and catch up).
      this.dropConnection();
      return;
    }
    if (!this.socket || this.socket.connected) return;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    this.reconnectTimer = null;
    this.attempt = 0;
    this.socket.connect();
  }

  /** The connection is there but not answering: drop it and reconnect. */
  private dropConnection(): void {
    const socket = this.socket;
    if (!socket || !this.connectedState()) return;
    this.socket = null; // so the 'disconnect' below is not mistaken for a sign-out
    socket.disconnect();
    this.socket = socket;
    this.onDisconnect();
  }

  private sessionEnded(): void {
    if (this.session.ending()) return;
    this.close();
    this.errors.sessionEnded();
  }

  // ---- acks ----

  private call<T extends object>(event: string, payload: unknown): Promise<Ack<T>> {
    const socket = this.socket;
    if (!socket || !this.connectedState()) {
      return Promise.reject(new RealtimeError(DISCONNECTED, 'Not connected.'));
    }
    return new Promise<Ack<T>>((resolve, reject) => {
      const pending: PendingCall = { reject };
      const timer = setTimeout(() => {
        this.pendingCalls.delete(pending);
        reject(new RealtimeError('TIMEOUT', 'No answer.'));
        this.dropConnection();
      }, this.options.ackTimeoutMs);
      this.pendingCalls.add(pending);
      socket.emit(event, payload, (ack: Ack<T>) => {
        clearTimeout(timer);
        this.pendingCalls.delete(pending);
        resolve(ack);
      });
    });
  }

  private rejectPendingCalls(): void {
    const pending = [...this.pendingCalls];
    this.pendingCalls.clear();
    for (const p of pending) p.reject(new RealtimeError(DISCONNECTED, 'The connection dropped.'));
  }

  // ---- sending ----

  private flush(outgoing: Outgoing): void {
    if (outgoing.inFlight || !this.connectedState()) return;
    outgoing.inFlight = true;
    const { clientId } = outgoing.request;
    this.call<StreamSendAck>(SocketEvent.StreamSend, outgoing.request).then(
      (ack) => {
        outgoing.inFlight = false;
        if (this.outbox.get(clientId) !== outgoing) return;
        if (!ack.ok && ack.code === ErrorCode.Unavailable) {
          // Busy: nothing was stored. Send again later with the same client id (stored at most once).
          setTimeout(() => this.flush(outgoing), reconnectDelayMs(outgoing.busy++));
          return;
        }
        this.outbox.delete(clientId);
        if (ack.ok) {
          outgoing.resolve(ack.item);
          // The sender sees its own item through the same door as everyone else's (once).
          this.receiveLive(ack.item);
        } else {
          outgoing.reject(new RealtimeError(ack.code, ack.message));
        }
      },
      () => {
        // Not answered: it stays in the outbox and goes again, same client id, on the next connect.
        outgoing.inFlight = false;
      },
    );
  }

  // ---- receiving ----

  private receiveLive(item: StreamItem): void {
    const state = this.streams.get(item.stream);
    if (!state) return;
    if (state.syncing) {
      state.buffer.push(item);
      return;
    }
    // Not subscribed on this connection (refused, or not yet asked): the subscribe answer has it.
    if (state.lastSeq === null) return;
    const result = this.apply(state, [item]);
    if (result.gap) {
      state.buffer.push(item);
      this.catchUp(item.stream, state, 'sync');
    }
  }

  /**
   * Subscribe (or sync) and apply what comes back, then whatever arrived live meanwhile, syncing
   * again for as long as there is more or a gap.
   */
  private catchUp(stream: StreamKey, state: StreamState, how: 'subscribe' | 'sync'): void {
    const generation = this.generation;
    state.syncing = true;
    const stale = () => generation !== this.generation || this.streams.get(stream) !== state;
    const ask = (event: string, after: number | null) =>
      this.call<StreamSubscribeAck>(event, after === null ? { stream } : { stream, after });

    const run = async () => {
      let ack = await ask(
        how === 'subscribe' ? SocketEvent.StreamSubscribe : SocketEvent.StreamSync,
        state.lastSeq,
      );
      let stuck = 0;
      for (;;) {
        if (stale()) return;
        if (!ack.ok) {
          // Refused (for example no longer allowed): nothing more comes from this stream.
          state.buffer = [];
          break;
        }
        const before = state.lastSeq;
        this.applyAnswer(state, ack);
        const buffered = state.buffer;
        state.buffer = [];
        const { gap } = this.apply(state, buffered);
        if (gap) state.buffer = buffered.filter((item) => item.seq > (state.lastSeq ?? 0));
        if (!ack.more && !gap) break;
        if (!ack.more && state.lastSeq === before && ++stuck >= 2) {
          // Twice the server had nothing between here and the next live item: those numbers were
          // never stored. Go on from the next item there is.
          state.lastSeq = Math.min(...state.buffer.map((item) => item.seq)) - 1;
          const rest = state.buffer;
          state.buffer = [];
          if (!this.apply(state, rest).gap) break;
          state.buffer = rest.filter((item) => item.seq > (state.lastSeq ?? 0));
        } else if (state.lastSeq !== before) {
          stuck = 0;
        }
        ack = await ask(SocketEvent.StreamSync, state.lastSeq ?? 0);
      }
      state.syncing = false;
    };
    run().catch(() => {
      // Disconnected or unanswered: the next connect subscribes again from the last item applied.
      if (!stale()) state.syncing = false;
    });
  }

  /**
   * A subscribe or sync answer is everything the server has after `after` (up to a batch), in
   * order: items already applied are dropped, and a number missing from it was never stored.
   */
  private applyAnswer(state: StreamState, ack: StreamSubscribeAck): void {
    const items = [...ack.items].sort((a, b) => a.seq - b.seq);
    if (state.lastSeq === null) state.lastSeq = items.length ? items[0].seq - 1 : ack.lastSeq;
    for (const item of items) {
      if (item.seq <= state.lastSeq) continue;
      state.lastSeq = item.seq - 1;
      this.apply(state, [item]);
    }
  }

  /** Apply live items: duplicates are dropped, and a gap stops at the item before it. */
  private apply(state: StreamState, incoming: readonly StreamItem[]): { gap: boolean } {
    if (!incoming.length) return { gap: false };
    const result = acceptItems(state.lastSeq ?? 0, incoming);
    state.lastSeq = result.lastSeq;
    for (const item of result.apply) {
      for (const handler of [...state.handlers]) safely(() => handler(item));
    }
    return { gap: result.gap };
  }
}

function safely(fn: () => void): void {
  try {
    fn();
  } catch (error) {
    console.error(error);
  }
}
