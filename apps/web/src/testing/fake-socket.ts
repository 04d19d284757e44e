import { DestroyRef, type Provider } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { Ack, StreamItem, StreamKey } from '@lantern/shared-domain';
import { REALTIME_OPTIONS, RealtimeService, type RealtimeSocket, SOCKET_FACTORY } from '../app/core/realtime';

type Listener = (...args: unknown[]) => void;

export interface Emitted {
  event: string;
  payload: unknown;
  ack?: (answer: unknown) => void;
  answered: boolean;
}

/**
 * A stand-in for a socket.io client socket: records what the client emits and lets a test play the
 * server (connect, drop, push events, answer acks).
 */
export class FakeSocket implements RealtimeSocket {
  connected = false;
  connectCalls = 0;
  disconnectCalls = 0;
  readonly emitted: Emitted[] = [];
  private readonly listeners = new Map<string, Listener[]>();

  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }

  emit(event: string, payload?: unknown, ack?: (answer: unknown) => void): this {
    this.emitted.push({ event, payload, ack, answered: false });
    return this;
  }

  connect(): this {
    this.connectCalls++;
    return this;
  }

  disconnect(): this {
    this.disconnectCalls++;
    if (this.connected) {
      this.connected = false;
      this.fire('disconnect', 'io client disconnect');
    }
    return this;
  }

  // ---- the server's side ----

  fire(event: string, ...args: unknown[]): void {
    for (const listener of this.listeners.get(event) ?? []) listener(...args);
  }

  accept(): void {
    this.connected = true;
    this.fire('connect');
  }

  drop(reason = 'transport close'): void {
    this.connected = false;
    this.fire('disconnect', reason);
  }

  refuse(message: string): void {
    this.fire('connect_error', new Error(message));
  }

  push<B>(stream: StreamKey, seq: number, body?: B): void {
    this.fire('stream:item', item(stream, seq, body));
  }

  emitsOf(event: string): Emitted[] {
    return this.emitted.filter((e) => e.event === event);
  }

  /** Answer the oldest unanswered emit of this event. */
  answer(event: string, answer: Ack<object> | object): Emitted {
    const pending = this.emitted.find((e) => e.event === event && !e.answered);
    if (!pending) throw new Error(`nothing to answer for ${event}`);
    pending.answered = true;
    pending.ack?.(answer);
    return pending;
  }
}

export function item<B>(stream: StreamKey, seq: number, body?: B, clientId = `c-${seq}`): StreamItem<B> {
  return {
    stream,
    seq,
    clientId,
    authorId: null,
    body: (body ?? { n: seq }) as B,
    createdAt: '2026-03-03T10:00:00Z',
  };
}

/** Let promise callbacks (and the socket factory) run. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await Promise.resolve();
}

/** Providers that make RealtimeService use fake sockets (no jitter, short ack timeout). */
export function provideFakeSockets(): { providers: Provider[]; sockets: FakeSocket[]; last(): FakeSocket } {
  const sockets: FakeSocket[] = [];
  return {
    sockets,
    last: () => sockets[sockets.length - 1],
    providers: [
      {
        provide: SOCKET_FACTORY,
        useValue: async () => {
          const socket = new FakeSocket();
          sockets.push(socket);
          return socket;
        },
      },
      { provide: REALTIME_OPTIONS, useValue: { random: () => 0, ackTimeoutMs: 5000 } },
    ],
  };
}

/** Start the tab's connection (as the app does) and let the socket be made. */
export async function startRealtime(): Promise<RealtimeService> {
  const realtime = TestBed.inject(RealtimeService);
  realtime.start(TestBed.inject(DestroyRef));
  TestBed.tick();
  await settle();
  return realtime;
}
