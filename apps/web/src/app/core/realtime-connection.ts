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
import { type Problem, SocketEvent, type StreamItem, reconnectDelayMs } from '@lantern/shared-domain';
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

/** What the call queue and the streams do when the connection changes (`RealtimeService` wires them). */
export interface ConnectionListener {
  /** Connected (first time or again). */
  connected(): void;
  /** The connection dropped; it will be tried again. */
  disconnected(): void;
  /** Signed out (or the session ended): nothing will be tried again on this socket. */
  closed(): void;
  /** A `stream:item` pushed by the server. */
  item(item: StreamItem): void;
}

/** Run a listener without letting its failure stop the others. */
export function safely(fn: () => void): void {
  try {
    fn();
  } catch (error) {
    console.error(error);
  }
}

/**
 * The tab's one socket: opened when someone signs in, closed when they sign out, reconnected on the
 * shared schedule (`reconnectDelayMs` plus jitter) for as long as the session lasts, and dropped while
 * the browser is offline. A session that ends (`session:ended`, or a handshake refused as
 * UNAUTHENTICATED) goes to sign in like any other.
 */
@Injectable({ providedIn: 'root' })
export class RealtimeConnection {
  private readonly session = inject(Session);
  private readonly errors = inject(GlobalErrors);
  private readonly factory = inject(SOCKET_FACTORY);
  private readonly options = inject(REALTIME_OPTIONS);
  private readonly injector = inject(Injector);

  private current: RealtimeSocket | null = null;
  private userId: string | null = null;
  /** Bumped whenever the tab opens or closes a socket: late answers from an older one are ignored. */
  private lifetime = 0;
  /** Bumped on every connect and disconnect: acks and catch-ups from an older connection are ignored. */
  private connections = 0;
  private attempt = 0;
  private reconnectTimer: ReturnType<typeof setTimeout> | null = null;
  private started = false;
  private listener: ConnectionListener | null = null;

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
  readonly state = computed<ConnectionState>(() => {
    if (!this.browserOnline()) return 'offline';
    if (this.connectedState()) return 'connected';
    return this.troubled() ? 'reconnecting' : 'connecting';
  });
  readonly connected = this.connectedState.asReadonly();

  /** The socket while connected (null otherwise). */
  get socket(): RealtimeSocket | null {
    return this.connectedState() ? this.current : null;
  }

  /** Which connection this is: compare before and after waiting to know whether it dropped meanwhile. */
  get generation(): number {
    return this.connections;
  }

  attach(listener: ConnectionListener): void {
    this.listener = listener;
  }

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

  /** Listen to a server-to-client event (e.g. `notification:count`). Returns the function that stops it. */
  on<T>(event: string, handler: (payload: T) => void): () => void {
    let set = this.listeners.get(event);
    if (!set) {
      set = new Set();
      this.listeners.set(event, set);
    }
    set.add(handler);
    if (this.current) this.wire(this.current, event);
    return () => set.delete(handler);
  }

  /** Run `hook` on every (re)connect, and now if connected. Returns the function that stops it. */
  onConnected(hook: () => void): () => void {
    this.connectHooks.add(hook);
    if (this.connectedState()) hook();
    return () => this.connectHooks.delete(hook);
  }

  /** The connection is there but not answering: drop it and reconnect. */
  drop(): void {
    const socket = this.current;
    if (!socket || !this.connectedState()) return;
    this.current = null; // so the 'disconnect' below is not mistaken for a sign-out
    socket.disconnect();
    this.current = socket;
    this.onDisconnect();
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
        this.current = socket;
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
    this.connections++;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    this.reconnectTimer = null;
    const socket = this.current;
    this.current = null;
    this.userId = null;
    this.attempt = 0;
    socket?.disconnect();
    this.connectedState.set(false);
    this.troubled.set(false);
    this.listener?.closed();
  }

  private wire(socket: RealtimeSocket, event: string): void {
    let done = this.wired.get(socket);
    if (!done) {
      done = new Set();
      this.wired.set(socket, done);
    }
    if (done.has(event)) return;
    done.add(event);
    const mine = () => socket === this.current;
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
        socket.on(event, (item: StreamItem) => mine() && this.listener?.item(item));
        return;
      default:
        socket.on(event, (payload: unknown) => {
          if (!mine()) return;
          for (const handler of [...(this.listeners.get(event) ?? [])]) safely(() => handler(payload));
        });
    }
  }

  private onConnect(): void {
    this.connections++;
    this.attempt = 0;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    this.reconnectTimer = null;
    this.connectedState.set(true);
    this.troubled.set(false);
    this.listener?.connected();
    for (const hook of [...this.connectHooks]) safely(hook);
  }

  private onDisconnect(): void {
    this.connections++;
    this.connectedState.set(false);
    this.troubled.set(true);
    this.listener?.disconnected();
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    if (!this.current || this.reconnectTimer) return;
    // Offline: wait for the browser to say it is back (then reconnect at once).
    if (!this.browserOnline()) return;
    const delay = reconnectDelayWithJitter(this.attempt++, this.options.random);
    const socket = this.current;
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      if (socket === this.current && !socket.connected) socket.connect();
    }, delay);
  }

  private setBrowserOnline(online: boolean): void {
    this.browserOnline.set(online);
    if (!online) {
      // The connection cannot work now, even if it has not noticed yet: drop it, and send nothing
      // until the browser is back (then reconnect at once and catch up).
      this.drop();
      return;
    }
    if (!this.current || this.current.connected) return;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    this.reconnectTimer = null;
    this.attempt = 0;
    this.current.connect();
  }

  private sessionEnded(): void {
    if (this.session.ending()) return;
    this.close();
    this.errors.sessionEnded();
  }
}
