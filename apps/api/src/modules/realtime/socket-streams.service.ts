import { Injectable } from '@nestjs/common';
import {
  Ack,
  ErrorCode,
  REALTIME_LIMITS,
  SocketEvent,
  SocketRequest,
  StreamSendAck,
  StreamSubscribeAck,
} from '@lantern/shared-domain';
import { StreamRegistry } from '../streams/stream-registry';
import { StreamsService } from '../streams/streams.service';
import { RealtimeBus, streamRoom } from './realtime-bus';
import { refuse, secondFactorAck } from './socket-ack';
import type { LanternSocket } from './socket-data';

type Request<E extends 'StreamSubscribe' | 'StreamUnsubscribe' | 'StreamSync' | 'StreamSend'> = SocketRequest<
  (typeof SocketEvent)[E]
>;

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

  /** Leave, and say so, every joined stream the socket's person may no longer read (fresh grants). */
  async recheck(socket: LanternSocket): Promise<void> {
    const data = socket.data;
    for (const key of [...data.streams]) {
      const allowed = await this.registry.canRead(data.actor, key);
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
