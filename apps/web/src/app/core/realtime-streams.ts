import { Injectable, inject } from '@angular/core';
import {
  SocketEvent,
  type StreamItem,
  type StreamKey,
  type StreamSubscribeAck,
  acceptItems,
} from '@lantern/shared-domain';
import { RealtimeCalls } from './realtime-calls';
import { RealtimeConnection, safely } from './realtime-connection';

type ItemHandler = (item: StreamItem) => void;

interface StreamState {
  readonly handlers: Set<ItemHandler>;
  /** The last sequence number applied; null until the first subscribe answers ("only new items"). */
  lastSeq: number | null;
  /** A subscribe or sync is under way: live items wait in `buffer` until it is done. */
  syncing: boolean;
  buffer: StreamItem[];
}

/**
 * Stream subscriptions: each item of a stream is delivered once and in order. On every (re)connect
 * each stream is subscribed again with `after` = the last sequence seen; duplicates are dropped and a
 * gap starts a `stream:sync` from the last item applied.
 */
@Injectable({ providedIn: 'root' })
export class RealtimeStreams {
  private readonly connection = inject(RealtimeConnection);
  private readonly calls = inject(RealtimeCalls);

  private readonly streams = new Map<StreamKey, StreamState>();

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
    if (fresh && this.connection.connected()) this.catchUp(stream, state, 'subscribe');
    return () => {
      const current = this.streams.get(stream);
      if (!current) return;
      current.handlers.delete(h);
      if (current.handlers.size > 0) return;
      this.streams.delete(stream);
      if (this.connection.connected()) {
        this.calls.call(SocketEvent.StreamUnsubscribe, { stream }).catch(() => undefined);
      }
    };
  }

  /** Connected again: subscribe to every stream from the last item applied. */
  resume(): void {
    for (const [stream, state] of this.streams) this.catchUp(stream, state, 'subscribe');
  }

  /** The connection dropped: catch-ups under way are abandoned (the next connect starts them again). */
  interrupt(): void {
    for (const state of this.streams.values()) {
      state.syncing = false;
      state.buffer = [];
    }
  }

  /** Signed out: the next sign-in starts from new items only. */
  close(): void {
    for (const state of this.streams.values()) {
      state.lastSeq = null;
      state.syncing = false;
      state.buffer = [];
    }
  }

  /** An item from the server (pushed live, or the sender's own once stored). */
  receive(item: StreamItem): void {
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
    const generation = this.connection.generation;
    state.syncing = true;
    const stale = () => generation !== this.connection.generation || this.streams.get(stream) !== state;
    const ask = (event: string, after: number | null) =>
      this.calls.call<StreamSubscribeAck>(event, after === null ? { stream } : { stream, after });

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
