import { Injectable, inject } from '@angular/core';
import {
  type Ack,
  ErrorCode,
  SocketEvent,
  type StreamItem,
  type StreamKey,
  type StreamSendAck,
  type StreamSendRequest,
  reconnectDelayMs,
} from '@lantern/shared-domain';
import { REALTIME_OPTIONS, RealtimeConnection } from './realtime-connection';

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
 * What the tab asks the server over the socket:
 *
 * - `call(event, payload)`: one event and its `Ack`, rejected when not connected, when the connection
 *   drops, or when no answer comes in time (then the connection is dropped and reconnected).
 * - `send(stream, body)`: an item for a stream, kept in an outbox until acknowledged. It gets a client
 *   id once and is sent again with that id after every reconnect, and after a growing wait while the
 *   server answers busy, so it is stored once however often the connection drops.
 */
@Injectable({ providedIn: 'root' })
export class RealtimeCalls {
  private readonly connection = inject(RealtimeConnection);
  private readonly options = inject(REALTIME_OPTIONS);

  private readonly outbox = new Map<string, Outgoing>();
  private readonly pendingCalls = new Set<PendingCall>();
  private stored: (item: StreamItem) => void = () => undefined;

  /** Where an item goes once stored (the sender sees it through the same door as everyone else's). */
  onStored(deliver: (item: StreamItem) => void): void {
    this.stored = deliver;
  }

  /** Send a client-to-server event and wait for its `Ack`. Rejects when not connected or unanswered. */
  call<T extends object>(event: string, payload: unknown): Promise<Ack<T>> {
    const socket = this.connection.socket;
    if (!socket) return Promise.reject(new RealtimeError(DISCONNECTED, 'Not connected.'));
    return new Promise<Ack<T>>((resolve, reject) => {
      const pending: PendingCall = { reject };
      const timer = setTimeout(() => {
        this.pendingCalls.delete(pending);
        reject(new RealtimeError('TIMEOUT', 'No answer.'));
        this.connection.drop();
      }, this.options.ackTimeoutMs);
      this.pendingCalls.add(pending);
      socket.emit(event, payload, (ack: Ack<T>) => {
        clearTimeout(timer);
        this.pendingCalls.delete(pending);
        resolve(ack);
      });
    });
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

  /** Connected again: send what waits in the outbox. */
  resume(): void {
    for (const outgoing of this.outbox.values()) this.flush(outgoing);
  }

  /** The connection dropped: calls under way fail; the outbox waits for the next connect. */
  interrupt(): void {
    this.rejectPendingCalls();
    for (const outgoing of this.outbox.values()) outgoing.inFlight = false;
  }

  /** Signed out: everything under way or waiting fails. */
  close(): void {
    this.rejectPendingCalls();
    for (const outgoing of this.outbox.values())
      outgoing.reject(new RealtimeError(DISCONNECTED, 'You were signed out.'));
    this.outbox.clear();
  }

  private rejectPendingCalls(): void {
    const pending = [...this.pendingCalls];
    this.pendingCalls.clear();
    for (const p of pending) p.reject(new RealtimeError(DISCONNECTED, 'The connection dropped.'));
  }

  private flush(outgoing: Outgoing): void {
    if (outgoing.inFlight || !this.connection.connected()) return;
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
          this.stored(ack.item);
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
}
