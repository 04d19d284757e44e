import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { STREAM_KINDS, StreamKey } from '@lantern/shared-domain';
import { RealtimeBus } from '../realtime/realtime-bus';
import { StreamsService } from '../streams/streams.service';

export const threadStream = (threadId: string): StreamKey => `${STREAM_KINDS.ForumThread}:${threadId}`;

/** What changed about a reply or the opening post, for a polite announcement in open threads. */
export type ThreadChangeWhat =
  | 'edited'
  | 'deleted'
  | 'accepted'
  | 'hidden'
  | 'shown'
  | 'locked'
  | 'unlocked'
  | 'pinned'
  | 'unpinned'
  | 'moved';

/**
 * What the stream `forum-thread:<id>` carries. Only ids and the kind of change: never text, names
 * or author ids, so nothing an anonymous author or a hidden post holds can leak through it. Each
 * reader fetches what changed through GraphQL, where the policy and anonymity rules apply to them.
 * (Items stored before `type` existed are new replies.)
 */
export type ThreadStreamBody =
  | { type: 'reply'; replyId: string; parentId: string | null }
  | { type: 'reply-changed'; replyId: string; what: ThreadChangeWhat }
  | { type: 'thread-changed'; what: ThreadChangeWhat };

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
