import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { STREAM_KINDS, StreamKey, type ThreadStreamBody } from '@lantern/shared-domain';
import { RealtimeBus } from '../realtime/realtime-bus';
import { StreamsService } from '../streams/streams.service';

export const threadStream = (threadId: string): StreamKey => `${STREAM_KINDS.ForumThread}:${threadId}`;

/** What the stream `forum-thread:<id>` carries: defined once, with its schema, in the shared domain. */
export type { ThreadChangeWhat, ThreadStreamBody } from '@lantern/shared-domain';

/** Pushes changes to everyone with the thread open (the stream's readers are rechecked by the registry). */
@Injectable()
export class ForumLiveService {
  constructor(
    private readonly streams: StreamsService,
    private readonly bus: RealtimeBus,
  ) {}

  /**
   * Store the change in the thread's stream inside the caller's transaction (so a reader who
   * reconnects catches up), and return what to call after commit to push it.
   */
  async record(
    m: EntityManager,
    threadId: string,
    body: ThreadStreamBody,
    clientId: string = randomUUID(),
  ): Promise<() => void> {
    const { item } = await this.streams.append(threadStream(threadId), clientId, null, body, m);
    return () => this.bus.streamItem(item);
  }
}
