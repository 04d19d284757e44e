import { io, Socket } from 'socket.io-client';
import {
  Ack,
  SocketEvent,
  StreamItem,
  StreamKey,
  StreamSendAck,
  StreamSubscribeAck,
  acceptItems,
} from '@lantern/shared-domain';

// Kept free of the Nest app (unlike test-app.ts) so that process-level tests load only a client.

/** The origin test sockets present (the spawned servers list it in ALLOWED_ORIGINS). */
export const CLIENT_ORIGIN = 'http://lantern.test';
export const DEMO_PASSWORD = 'lantern-demo-2026';

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Sign in over GraphQL; returns the `lantern_session=...` cookie pair. */
export async function signIn(url: string, email: string): Promise<string> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query:
        'mutation($e: String!, $p: String!) { login(input: { email: $e, password: $p }) { user { id } } }',
      variables: { e: email, p: DEMO_PASSWORD },
    }),
  });
  const body = (await res.json()) as { errors?: unknown };
  const cookie = res.headers.get('set-cookie')?.split(';')[0];
  if (body.errors || !cookie) throw new Error(`Could not sign in as ${email}: ${JSON.stringify(body)}`);
  return cookie;
}

/** A GraphQL call with a session cookie; throws on errors. */
export async function gql<T = Record<string, unknown>>(
  url: string,
  cookie: string,
  query: string,
  variables?: Record<string, unknown>,
): Promise<T> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: T; errors?: unknown };
  if (body.errors || !body.data) throw new Error(`GraphQL failed: ${JSON.stringify(body.errors)}`);
  return body.data;
}

export function openSocket(url: string, cookie: string | null, origin = CLIENT_ORIGIN): Socket {
  return io(url, {
    path: '/socket.io',
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    extraHeaders: { origin, ...(cookie ? { cookie } : {}) },
  });
}

/** Resolves when connected; rejects with the server's reason (e.g. UNAUTHENTICATED) or on timeout. */
export function connected(socket: Socket, timeoutMs = 5_000): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => {
      socket.off('connect', ok);
      socket.off('connect_error', bad);
      reject(new Error('timed out connecting'));
    }, timeoutMs);
    const ok = () => {
      clearTimeout(t);
      socket.off('connect_error', bad);
      resolve(socket);
    };
    const bad = (err: Error) => {
      clearTimeout(t);
      socket.off('connect', ok);
      reject(err);
    };
    socket.once('connect', ok);
    socket.once('connect_error', bad);
  });
}

/**
 * Connect, retrying while the server is away (a client's own reconnect loop). A refusal by the
 * server (UNAUTHENTICATED, ...) is not retried. `prepare` runs on each new socket before it connects.
 */
export async function connectUntil(
  url: string,
  cookie: string,
  deadline: number,
  prepare?: (s: Socket) => void,
): Promise<Socket> {
  for (let attempt = 0; ; attempt++) {
    const s = openSocket(url, cookie);
    prepare?.(s);
    try {
      return await connected(s, 3_000);
    } catch (err) {
      s.disconnect();
      s.removeAllListeners();
      const message = err instanceof Error ? err.message : String(err);
      if (/UNAUTHENTICATED|FORBIDDEN/.test(message)) throw err;
      if (Date.now() > deadline) throw new Error(`Could not reconnect to ${url} in time (${message})`);
      await sleep(Math.min(1_000, 100 * 2 ** Math.min(attempt, 4)));
    }
  }
}

export function request<T extends object>(
  socket: Socket,
  event: string,
  payload: unknown,
  timeoutMs = 5_000,
): Promise<Ack<T>> {
  return socket.timeout(timeoutMs).emitWithAck(event, payload) as Promise<Ack<T>>;
}

/** The next `event` on the socket that matches, or null after `timeoutMs`. */
export function nextEvent<T>(
  socket: Socket,
  event: string,
  timeoutMs = 5_000,
  match: (p: T) => boolean = () => true,
): Promise<T | null> {
  return new Promise((resolve) => {
    const t = setTimeout(() => {
      socket.off(event, on);
      resolve(null);
    }, timeoutMs);
    const on = (payload: T) => {
      if (!match(payload)) return;
      clearTimeout(t);
      socket.off(event, on);
      resolve(payload);
    };
    socket.on(event, on);
  });
}

/**
 * A stream member as the web client behaves: on every (re)connect it subscribes with the last
 * sequence it holds, applies items with `acceptItems` (dropping duplicates) and syncs on a gap.
 */
export class StreamMember {
  lastSeq = 0;
  /** Sequence numbers in the order they were applied. */
  readonly applied: number[] = [];
  /** seq -> clientId of what was applied. */
  readonly clientIds = new Map<number, string>();
  connects = 0;
  liveItems = 0;
  duplicatesDropped = 0;
  gaps = 0;
  errors: string[] = [];
  private stopped = false;
  private wake: (() => void) | null = null;
  private socket: Socket | null = null;
  private syncing: Promise<void> | null = null;
  private again = false;

  constructor(
    private readonly url: string,
    private readonly cookie: string,
    private readonly stream: StreamKey,
  ) {}

  private apply(items: readonly StreamItem[]): boolean {
    const r = acceptItems(this.lastSeq, items);
    this.duplicatesDropped += items.filter((i) => i.seq <= this.lastSeq).length;
    for (const item of r.apply) {
      this.applied.push(item.seq);
      this.clientIds.set(item.seq, item.clientId);
    }
    this.lastSeq = r.lastSeq;
    if (r.gap) this.gaps++;
    return r.gap;
  }

  /** Sync from lastSeq until nothing more; serialised, and rerun if asked again meanwhile. */
  private catchUp(s: Socket): Promise<void> {
    if (this.syncing) {
      this.again = true;
      return this.syncing;
    }
    this.syncing = (async () => {
      do {
        this.again = false;
        for (let more = true; more; ) {
          const a = await request<StreamSubscribeAck>(s, SocketEvent.StreamSync, {
            stream: this.stream,
            after: this.lastSeq,
          });
          if (!a.ok) throw new Error(`sync refused: ${a.code}`);
          this.apply(a.items);
          more = a.more;
        }
      } while (this.again);
    })()
      .catch((err) => {
        if (s.connected) this.errors.push(String(err));
      })
      .finally(() => {
        this.syncing = null;
      });
    return this.syncing;
  }

  /** Runs until stop(); resolves when the last socket is closed. */
  async run(deadline: number): Promise<void> {
    while (!this.stopped) {
      let s: Socket;
      try {
        s = await connectUntil(this.url, this.cookie, deadline, (sock) =>
          sock.on(SocketEvent.StreamItem, (item: StreamItem) => {
            if (item.stream !== this.stream) return;
            this.liveItems++;
            if (this.apply([item])) void this.catchUp(sock);
          }),
        );
      } catch (err) {
        this.errors.push(String(err));
        return;
      }
      this.socket = s;
      this.connects++;
      const closed = new Promise<void>((r) => s.once('disconnect', () => r()));
      try {
        const ack = await request<StreamSubscribeAck>(s, SocketEvent.StreamSubscribe, {
          stream: this.stream,
          after: this.lastSeq,
        });
        if (!ack.ok) throw new Error(`subscribe refused: ${ack.code} ${ack.message}`);
        if (this.apply(ack.items) || ack.more) void this.catchUp(s);
      } catch (err) {
        if (s.connected) this.errors.push(String(err));
      }
      await Promise.race([closed, new Promise<void>((r) => (this.wake = r))]);
      this.wake = null;
      s.disconnect();
      s.removeAllListeners();
      this.socket = null;
      if (!this.stopped) await sleep(50 + Math.random() * 100);
    }
  }

  stop(): void {
    this.stopped = true;
    this.wake?.();
    this.socket?.disconnect();
  }
}

export interface SendReport {
  /** clientId -> seq from the acknowledgement. */
  seqOf: Map<string, number>;
  /** Acks that said the item had already been stored (a retry after an unacknowledged send). */
  alreadyStored: number;
  /** Sends that got no ack (disconnected or timed out) and were retried. */
  retried: number;
  /** Acks ignored on purpose (`loseAck`), as if lost on the way back; those items were sent again. */
  lostOnPurpose: number;
  connects: number;
}

/**
 * Send `count` items (clientId = index) with a window of `lanes` in flight, one socket per lane, each
 * paced below the per-socket rate limit. An unacknowledged item goes back to the front of the queue
 * and is sent again with the same clientId after the lane reconnects. `onSent(n)` is called after the
 * n-th emit (before its ack), so a test can kill the server with items in flight; `loseAck(n)` makes
 * the sender act as if the n-th ack never arrived, so the retry path is taken for certain.
 */
export async function sendAll(o: {
  url: string;
  cookie: string;
  stream: StreamKey;
  count: number;
  lanes: number;
  paceMs: number;
  deadline: number;
  onSent?: (emitted: number) => void;
  /** Ignore the ack of the n-th emit, as if it were lost: the item is sent again later (same clientId). */
  loseAck?: (emitted: number) => boolean;
  /** The i-th item's client id and body (default: String(i) and { i }). */
  clientIdOf?: (i: number) => string;
  bodyOf?: (i: number) => unknown;
}): Promise<SendReport> {
  const queue = Array.from({ length: o.count }, (_, i) => i);
  const report: SendReport = {
    seqOf: new Map(),
    alreadyStored: 0,
    retried: 0,
    lostOnPurpose: 0,
    connects: 0,
  };
  let emitted = 0;
  const lane = async () => {
    while (report.seqOf.size < o.count) {
      const s = await connectUntil(o.url, o.cookie, o.deadline);
      report.connects++;
      try {
        while (report.seqOf.size < o.count && s.connected) {
          if (Date.now() > o.deadline)
            throw new Error(`Sent only ${report.seqOf.size} of ${o.count} in time`);
          const i = queue.shift();
          if (i === undefined) {
            await sleep(20); // another lane holds the rest in flight
            continue;
          }
          const clientId = o.clientIdOf ? o.clientIdOf(i) : String(i);
          const pending = request<StreamSendAck>(
            s,
            SocketEvent.StreamSend,
            { stream: o.stream, clientId, body: o.bodyOf ? o.bodyOf(i) : { i } },
            5_000,
          );
          const n = ++emitted;
          o.onSent?.(n);
          try {
            const ack = await pending;
            if (!ack.ok) throw new Error(`${ack.code}: ${ack.message}`);
            if (ack.item.clientId !== clientId)
              throw new Error(`ack for ${clientId} names ${ack.item.clientId}`);
            if (!ack.created) report.alreadyStored++;
            if (o.loseAck?.(n)) {
              report.lostOnPurpose++;
              queue.push(i);
            } else {
              report.seqOf.set(clientId, ack.item.seq);
            }
          } catch (err) {
            // No ack: it may or may not be stored; send it again with the same clientId.
            report.retried++;
            queue.unshift(i);
            if (s.connected && !/timed out|disconnected/i.test(String(err))) await sleep(200);
          }
          await sleep(o.paceMs);
        }
      } finally {
        s.disconnect();
        s.removeAllListeners();
      }
    }
  };
  await Promise.all(Array.from({ length: o.lanes }, lane));
  return report;
}
