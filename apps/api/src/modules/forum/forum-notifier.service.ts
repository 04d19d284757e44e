import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { NotificationKind } from '@lantern/shared-domain';
import { markdownToText } from '../../common/markdown/render-markdown';
import { NotificationsService, Publish } from '../notifications/notifications.service';
import { ForumAccessService } from './forum-access.service';
import { ForumEngagementService } from './forum-engagement.service';
import { ForumCategoryEntity, ForumReplyEntity, ForumThreadEntity } from './forum.entity';

/** Who wrote the post: never told about it, and named unless they posted anonymously. */
export interface Writer {
  userId: string;
  name: string;
}

/** A new post, as the notifications describe it. */
interface Post {
  anonymous: boolean;
  title: string;
  body: string;
  threadId: string;
  replyId?: string;
}

const all =
  (publishes: Publish[]): Publish =>
  async () => {
    for (const p of publishes) await p();
  };

/**
 * Who hears about a forum post: only people who may still see the category (a title alone can say
 * too much), never the writer, nobody twice. Notifications are written with the caller's
 * transaction (`m`) and pushed by the returned Publish after it commits.
 */
@Injectable()
export class ForumNotifier {
  constructor(
    private readonly notifications: NotificationsService,
    private readonly access: ForumAccessService,
    private readonly engagement: ForumEngagementService,
  ) {}

  /** A new thread: people watching the category, then the people mentioned. */
  async newThread(
    m: EntityManager,
    writer: Writer,
    category: ForumCategoryEntity,
    mentions: string[] | null | undefined,
    post: Post,
  ): Promise<Publish> {
    const watching = (await this.engagement.categoryWatchers(category.id, m)).filter(
      (u) => u !== writer.userId,
    );
    const told = new Set(await this.access.whoCanSee(watching, category, m));
    const publishes: Publish[] = [];
    for (const recipientId of told) {
      publishes.push(
        await this.notifications.notify(m, {
          recipientId,
          kind: NotificationKind.ForumNewThread,
          title: `${post.anonymous ? 'Someone (anonymously)' : writer.name} started “${post.title.slice(0, 80)}” in ${category.name}`,
          body: markdownToText(post.body, 160),
          link: `/forum/threads/${post.threadId}`,
        }),
      );
    }
    publishes.push(await this.mentioned(m, writer, category, mentions, told, post));
    return all(publishes);
  }

  /** A new reply: the person answered and everyone watching the thread or its category, then mentions. */
  async newReply(
    m: EntityManager,
    writer: Writer,
    thread: ForumThreadEntity,
    category: ForumCategoryEntity,
    parent: ForumReplyEntity | null,
    mentions: string[] | null | undefined,
    post: Post & { replyId: string },
  ): Promise<Publish> {
    const candidates = [
      ...new Set([
        parent?.authorId ?? thread.authorId,
        ...(await this.engagement.watchers(thread.id, category.id, m)),
      ]),
    ];
    const recipients = new Set(
      await this.access.whoCanSee(
        candidates.filter((u) => u !== writer.userId),
        category,
        m,
      ),
    );
    const publishes: Publish[] = [];
    for (const recipientId of recipients) {
      publishes.push(
        await this.notifications.notify(m, {
          recipientId,
          kind: NotificationKind.ForumReply,
          title: `${post.anonymous ? 'Someone (anonymously)' : writer.name} replied in “${thread.title.slice(0, 80)}”`,
          body: markdownToText(post.body, 160),
          link: `/forum/threads/${thread.id}?reply=${post.replyId}`,
        }),
      );
    }
    publishes.push(await this.mentioned(m, writer, category, mentions, recipients, post));
    return all(publishes);
  }

  /**
   * Tell the reply's author their answer was accepted (the caller checks it is not the accepter and
   * that they may still see the category). An asker who posted anonymously stays unnamed.
   */
  accepted(
    m: EntityManager,
    writer: Writer,
    thread: ForumThreadEntity,
    reply: ForumReplyEntity,
  ): Promise<Publish> {
    const askerAnonymous = thread.anonymous && thread.authorId === writer.userId;
    const who = askerAnonymous ? 'The person who asked (anonymously)' : writer.name;
    return this.notifications.notify(m, {
      recipientId: reply.authorId,
      kind: NotificationKind.ForumAnswerAccepted,
      title: `${who} accepted your reply as the answer to “${thread.title.slice(0, 80)}”`,
      body: markdownToText(reply.body, 160),
      link: `/forum/threads/${thread.id}?reply=${reply.id}`,
    });
  }

  /** Each mentioned person who may see the category and was not told already. */
  private async mentioned(
    m: EntityManager,
    writer: Writer,
    category: ForumCategoryEntity,
    mentions: string[] | null | undefined,
    alreadyTold: Set<string>,
    post: Post,
  ): Promise<Publish> {
    const wanted = [...new Set(mentions ?? [])].filter((u) => u !== writer.userId && !alreadyTold.has(u));
    const allowed = await this.access.whoCanSee(wanted, category, m);
    const publishes: Publish[] = [];
    for (const recipientId of allowed) {
      publishes.push(
        await this.notifications.notify(m, {
          recipientId,
          kind: NotificationKind.ForumMention,
          title: `${post.anonymous ? 'Someone (anonymously)' : writer.name} mentioned you in “${post.title.slice(0, 80)}”`,
          body: markdownToText(post.body, 160),
          // The reply's own link, so hiding the reply can withdraw its text from this notification.
          link: `/forum/threads/${post.threadId}${post.replyId ? `?reply=${post.replyId}` : ''}`,
        }),
      );
    }
    return all(publishes);
  }
}
