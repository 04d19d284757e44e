import { Injectable } from '@nestjs/common';
import {
  Ack,
  ErrorCode,
  PolicyRecord,
  PolicyRuleName,
  REALTIME_LIMITS,
  SocketEvent,
  SocketRequest,
  StreamKey,
  StreamSendAck,
  StreamSignal,
  StreamSubscribeAck,
} from '@lantern/shared-domain';
import { AppError } from '../../common/errors/app-error';
import { StreamBatcher } from '../streams/stream-batcher';
import { StreamKind, StreamRegistry, parseStreamKey } from '../streams/stream-registry';
import { StreamsService } from '../streams/streams.service';
import { RealtimeBus, streamRoom } from './realtime-bus';
import { refuse, secondFactorAck } from './socket-ack';
import type { LanternSocket } from './socket-data';

type Request<
  E extends 'StreamSubscribe' | 'StreamUnsubscribe' | 'StreamSync' | 'StreamSend' | 'StreamSignal',
> = SocketRequest<(typeof SocketEvent)[E]>;

/** Signals counted per socket in the current one-second window. */
const signalWindows = new WeakMap<LanternSocket, { from: number; count: number }>();

/**
 * Streams over a socket: every join, catch-up and send asks the stream registry, which applies the
 * kind's named rule of the policy (and case-data kinds need an elevated session).
 */
@Injectable()
export class SocketStreams {
  constructor(
    private readonly streams: StreamsService,
    private readonly registry: StreamRegistry,
    private readonly bus: RealtimeBus,
    private readonly batcher: StreamBatcher,
  ) {}

  async subscribe(
    socket: LanternSocket,
    { stream, after }: Request<'StreamSubscribe'>,
  ): Promise<Ack<StreamSubscribeAck>> {
    if (!this.registry.kindOf(stream)) return refuse(ErrorCode.BadInput, 'That stream does not exist.');
    if (!(await this.registry.canRead(socket.data.actor, stream)))
      return refuse(ErrorCode.Forbidden, 'You do not have access to that stream.');
    const elevation = secondFactorAck(socket, this.registry.kindOf(stream));
    if (elevation) return elevation;
    // Join first, then read: anything committed meanwhile arrives live and the client drops duplicates.
    await socket.join(streamRoom(stream));
    if (!socket.data.streams.includes(stream)) socket.data.streams.push(stream);
    if (after === undefined)
      return { ok: true, items: [], lastSeq: await this.streams.lastSeq(stream), more: false };
    return { ok: true, ...(await this.streams.itemsAfter(stream, after)) };
  }

  async unsubscribe(socket: LanternSocket, { stream }: Request<'StreamUnsubscribe'>): Promise<Ack> {
    await socket.leave(streamRoom(stream));
    socket.data.streams = socket.data.streams.filter((s) => s !== stream);
    return { ok: true };
  }

  async sync(
    socket: LanternSocket,
    { stream, after }: Request<'StreamSync'>,
  ): Promise<Ack<StreamSubscribeAck>> {
    if (!(await this.registry.canRead(socket.data.actor, stream)))
      return refuse(ErrorCode.Forbidden, 'You do not have access to that stream.');
    const elevation = secondFactorAck(socket, this.registry.kindOf(stream));
    if (elevation) return elevation;
    return { ok: true, ...(await this.streams.itemsAfter(stream, after)) };
  }

  async send(
    socket: LanternSocket,
    { stream, clientId, body }: Request<'StreamSend'>,
  ): Promise<Ack<StreamSendAck>> {
    const kind = this.registry.kindOf(stream);
    if (!kind) return refuse(ErrorCode.BadInput, 'That stream does not exist.');
    const size = Buffer.byteLength(JSON.stringify(body ?? null));
    const max = kind.maxBodyBytes ?? REALTIME_LIMITS.maxBodyBytes;
    if (size > max)
      return refuse(ErrorCode.BadInput, `That message is too large (at most ${Math.floor(max / 1024)} KB).`);
    if (kind.accept) return this.sendChecked(socket, kind, { stream, clientId, body });
    if (!(await this.registry.canWrite(socket.data.actor, stream)))
      return refuse(ErrorCode.Forbidden, 'You cannot post to that stream.');
    const elevation = secondFactorAck(socket, kind);
    if (elevation) return elevation;
    if (kind.body && !kind.body.safeParse(body).success)
      return refuse(ErrorCode.BadInput, 'That message is not in the shape this stream takes.');
    const { item, created } = await this.streams.append(
      stream,
      clientId,
      socket.data.actor.userId,
      body ?? null,
    );
    if (created) this.bus.streamItem(item);
    return { ok: true, item, created };
  }

  /**
   * A send to a kind with an `accept` hook: the rule (with a fresh record) and the second factor are
   * checked, then the hook runs, all in the append's transaction, batched with other streams' sends
   * (StreamBatcher); a retry of a stored clientId gets the stored item without the hook running
   * again. The hook's AppError becomes the ack's refusal.
   */
  private async sendChecked(
    socket: LanternSocket,
    kind: StreamKind,
    { stream, clientId, body }: Request<'StreamSend'>,
  ): Promise<Ack<StreamSendAck>> {
    const parsed = kind.body ? kind.body.safeParse(body) : { success: true as const, data: body ?? null };
    if (kind.writers !== 'readers') return refuse(ErrorCode.Forbidden, 'You cannot post to that stream.');
    const { actor, session } = socket.data;
    try {
      const { item, created } = await this.batcher.send({
        kind,
        key: stream as StreamKey,
        id: parseStreamKey(stream)!.id,
        clientId,
        actor,
        session,
        body: parsed.success ? parsed.data : null,
        precheck: () => {
          const elevation = secondFactorAck(socket, kind);
          if (elevation?.ok === false) return new AppError(elevation.code as ErrorCode, elevation.message);
          if (!parsed.success)
            return new AppError(ErrorCode.BadInput, 'That message is not in the shape this stream takes.');
          return null;
        },
      });
      if (created) this.bus.streamItem(item);
      return { ok: true, item, created };
    } catch (err) {
      if (err instanceof AppError) return refuse(err.code, err.message);
      throw err;
    }
  }

  /**
   * An ephemeral signal (typing, read position) relayed to the stream's room, not to the sender:
   * the kind's read rule and the second factor apply as for a subscribe; `readUpTo` is stored by
   * the kind's `onRead` when it keeps read positions (then the stored position is relayed). At most
   * REALTIME_LIMITS.signalsPerSecond per socket: more are refused and not relayed.
   */
  async signal(socket: LanternSocket, { stream, typing, readUpTo }: Request<'StreamSignal'>): Promise<Ack> {
    const now = Date.now();
    const w = signalWindows.get(socket);
    if (!w || now - w.from >= 1_000) signalWindows.set(socket, { from: now, count: 1 });
    else if (++w.count > REALTIME_LIMITS.signalsPerSecond)
      return refuse(ErrorCode.RateLimited, 'Too many signals too quickly; this one was not passed on.');
    const kind = this.registry.kindOf(stream);
    if (!kind) return refuse(ErrorCode.BadInput, 'That stream does not exist.');
    const { actor } = socket.data;
    if (!(await this.registry.canRead(actor, stream)))
      return refuse(ErrorCode.Forbidden, 'You do not have access to that stream.');
    const elevation = secondFactorAck(socket, kind);
    if (elevation) return elevation;
    let read = readUpTo;
    if (readUpTo !== undefined && kind.onRead)
      read = (await kind.onRead(actor, parseStreamKey(stream)!.id, readUpTo)) ?? undefined;
    const signal: StreamSignal = {
      stream: stream as StreamKey,
      userId: actor.userId,
      ...(typing !== undefined ? { typing } : {}),
      ...(read !== undefined ? { readUpTo: read } : {}),
    };
    if (signal.typing !== undefined || signal.readUpTo !== undefined)
      socket.to(streamRoom(stream)).emit(SocketEvent.StreamSignal, signal);
    return { ok: true };
  }

  /**
   * Leave, and say so, every joined stream the socket's person may no longer read (fresh grants).
   * `records`: shared by one sweep over all sockets, so each stream's record is read once.
   */
  async recheck(
    socket: LanternSocket,
    records: Map<string, Promise<PolicyRecord<PolicyRuleName> | null>> = new Map(),
  ): Promise<void> {
    const data = socket.data;
    for (const key of [...data.streams]) {
      const allowed = await this.registry.canReadShared(data.actor, key, records);
      const elevation = allowed ? secondFactorAck(socket, this.registry.kindOf(key)) : null;
      if (!allowed || elevation) {
        await socket.leave(streamRoom(key));
        data.streams = data.streams.filter((s) => s !== key);
        socket.emit(SocketEvent.Problem, {
          code: elevation?.ok === false ? elevation.code : ErrorCode.Forbidden,
          message:
            elevation?.ok === false ? elevation.message : 'You no longer have access to part of this page.',
        });
      }
    }
  }
}
