import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Actor, AuditAction } from '@lantern/shared-domain';
import type { RequestContext } from '../../common/context/request-context';
import { Errors } from '../../common/errors/app-error';
import { mentionsIn, renderMarkdown } from '../../common/markdown/render-markdown';
import { AuditService } from '../audit/audit.service';
import { Publish } from '../notifications/notifications.service';
import { ForumAccessService } from './forum-access.service';
import { ForumReplyEntity, ForumThreadEntity } from './forum.entity';
import { CreateThreadInput, ReplyInput } from './dto/post.input';
import { PersonalDataService } from '../../common/personal-data/personal-data.service';
import { ForumLiveService } from './forum-live.service';
import { ForumNotifier, Writer } from './forum-notifier.service';

export { threadStream } from './forum-live.service';
const NOTHING: Publish = async () => undefined;
/** How a forum override reads in the audit trail. */
const POSTED = { action: AuditAction.ForumPersonalDataOverride, verb: 'Posted' } as const;
/** The person writing, as notifications name them. */
const writerOf = (ctx: RequestContext, actor: Actor): Writer => ({
  userId: actor.userId,
  name: ctx.session?.displayName ?? 'Someone',
});
const normaliseTags = (tags: string[] | null | undefined) =>
  [...new Set((tags ?? []).map((t) => t.trim().toLowerCase().replace(/\s+/g, '-')).filter(Boolean))].slice(
    0,
    5,
  );

/** Writing to the forum: threads, replies, edits, deletions, accepted answers. */
@Injectable()
export class ForumPostsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly access: ForumAccessService,
    private readonly personalData: PersonalDataService,
    private readonly live: ForumLiveService,
    private readonly audit: AuditService,
    private readonly notifier: ForumNotifier,
  ) {}

  async createThread(ctx: RequestContext, actor: Actor, input: CreateThreadInput): Promise<string> {
    const category = await this.access.category(actor, input.categoryId);
    return this.ds
      .transaction(async (m) => {
        const repo = m.getRepository(ForumThreadEntity);
        const saved = await repo.save(
          repo.create({
            categoryId: category.id,
            authorId: actor.userId,
            anonymous: !!input.anonymous,
            kind: input.kind,
            title: input.title.trim(),
            body: input.body,
            bodyHtml: renderMarkdown(input.body, await this.mentionNames(m, input.mentions)),
            tags: normaliseTags(input.tags),
            pinned: false,
            locked: false,
            hidden: false,
            replyCount: 0,
            lastActivityAt: new Date(),
            acceptedReplyId: null,
          }),
        );
        await this.personalData.check(
          ctx,
          [input.title, input.body],
          input.personalDataOverride,
          { ...POSTED, trustId: category.trustId, targetType: 'forum_thread', targetId: saved.id },
          m,
        );
        const publish = await this.notifier.newThread(m, writerOf(ctx, actor), category, input.mentions, {
          anonymous: !!input.anonymous,
          title: saved.title,
          body: input.body,
          threadId: saved.id,
        });
        return { id: saved.id, publish };
      })
      .then(async ({ id, publish }) => {
        await publish();
        return id;
      });
  }

  /** The display names of the people mentioned, shown as mentions in the post (an edit keeps them). */
  private async mentionNames(m: EntityManager, ids: string[] | null | undefined): Promise<string[]> {
    if (!ids?.length) return [];
    const rows: Array<{ display_name: string }> = await m.query(
      'SELECT display_name FROM users WHERE id = ANY($1::uuid[])',
      [[...new Set(ids)]],
    );
    return rows.map((r) => r.display_name);
  }

  async reply(ctx: RequestContext, actor: Actor, input: ReplyInput): Promise<string> {
    const { thread, category, moderator } = await this.access.thread(actor, input.threadId);
    if (thread.locked) throw Errors.conflict('This thread is locked: no new replies.');
    if (thread.deletedAt) throw Errors.conflict('This thread was deleted.');
    const { id, publish } = await this.ds.transaction(async (m) => {
      // TypeORM answers UPDATE ... RETURNING with [rows, affected].
      const [updated] = (await m.query(
        'UPDATE forum_threads SET reply_seq = reply_seq + 1, reply_count = reply_count + 1, last_activity_at = now() WHERE id = $1 RETURNING reply_seq',
        [thread.id],
      )) as [Array<{ reply_seq: string }>, number];
      const seg = String(updated[0]!.reply_seq).padStart(8, '0');
      let parent: ForumReplyEntity | null = null;
      if (input.parentId) {
        parent = await m
          .getRepository(ForumReplyEntity)
          .findOneBy({ id: input.parentId, threadId: thread.id });
        // A hidden reply does not exist for non-moderators: it cannot be answered either.
        if (!parent || (parent.hidden && !moderator)) throw Errors.notFound('The reply you are answering');
      }
      const repo = m.getRepository(ForumReplyEntity);
      const saved = await repo.save(
        repo.create({
          threadId: thread.id,
          parentId: parent?.id ?? null,
          authorId: actor.userId,
          anonymous: !!input.anonymous,
          body: input.body,
          bodyHtml: renderMarkdown(input.body, await this.mentionNames(m, input.mentions)),
          path: parent ? `${parent.path}.${seg}` : seg,
          depth: parent ? parent.depth + 1 : 0,
          helpfulCount: 0,
          hidden: false,
        }),
      );
      await this.personalData.check(
        ctx,
        [input.body],
        input.personalDataOverride,
        { ...POSTED, trustId: category.trustId, targetType: 'forum_reply', targetId: saved.id },
        m,
      );
      const pushLive = await this.live.record(
        m,
        thread.id,
        { type: 'reply', replyId: saved.id, parentId: saved.parentId },
        saved.id,
      );
      // The person answered, everyone watching the thread or its category, and the people mentioned.
      const notify = await this.notifier.newReply(
        m,
        writerOf(ctx, actor),
        thread,
        category,
        parent,
        input.mentions,
        {
          anonymous: !!input.anonymous,
          title: thread.title,
          body: input.body,
          threadId: thread.id,
          replyId: saved.id,
        },
      );
      return {
        id: saved.id,
        publish: async () => {
          pushLive();
          await notify();
        },
      };
    });
    await publish();
    return id;
  }

  async editThread(
    ctx: RequestContext,
    actor: Actor,
    id: string,
    title: string,
    body: string,
    override: { reason: string } | null | undefined,
  ): Promise<void> {
    const { thread, category, moderator } = await this.access.thread(actor, id);
    if (thread.authorId !== actor.userId && !moderator) throw Errors.forbidden('edit this post');
    if (thread.deletedAt) throw Errors.conflict('A deleted post cannot be edited.');
    const pushLive = await this.ds.transaction(async (m) => {
      await m.query(
        'INSERT INTO forum_revisions (thread_id, editor_id, title, body) VALUES ($1, $2, $3, $4)',
        [thread.id, actor.userId, thread.title, thread.body],
      );
      await m.getRepository(ForumThreadEntity).update(
        { id },
        {
          title: title.trim(),
          body,
          bodyHtml: renderMarkdown(body, mentionsIn(thread.bodyHtml)),
          editedAt: new Date(),
        },
      );
      await this.personalData.check(
        ctx,
        [title, body],
        override,
        { ...POSTED, trustId: category.trustId, targetType: 'forum_thread', targetId: id },
        m,
      );
      return this.live.record(m, id, { type: 'thread-changed', what: 'edited' });
    });
    pushLive();
  }

  async editReply(
    ctx: RequestContext,
    actor: Actor,
    id: string,
    body: string,
    override: { reason: string } | null | undefined,
  ): Promise<void> {
    const reply = await this.ds.getRepository(ForumReplyEntity).findOneBy({ id });
    if (!reply) throw Errors.notFound('That reply');
    const { category, moderator } = await this.access.thread(actor, reply.threadId);
    if (reply.authorId !== actor.userId && !moderator) throw Errors.forbidden('edit this reply');
    if (reply.deletedAt) throw Errors.conflict('A deleted reply cannot be edited.');
    const pushLive = await this.ds.transaction(async (m) => {
      await m.query(
        'INSERT INTO forum_revisions (thread_id, reply_id, editor_id, body) VALUES ($1, $2, $3, $4)',
        [reply.threadId, id, actor.userId, reply.body],
      );
      await m
        .getRepository(ForumReplyEntity)
        .update(
          { id },
          { body, bodyHtml: renderMarkdown(body, mentionsIn(reply.bodyHtml)), editedAt: new Date() },
        );
      await this.personalData.check(
        ctx,
        [body],
        override,
        { ...POSTED, trustId: category.trustId, targetType: 'forum_reply', targetId: id },
        m,
      );
      return this.live.record(m, reply.threadId, { type: 'reply-changed', replyId: id, what: 'edited' });
    });
    pushLive();
  }

  /** Delete leaves a placeholder (the tree stays whole); the text goes, a revision keeps it for moderators. */
  async deletePost(
    ctx: RequestContext,
    actor: Actor,
    threadId: string,
    replyId: string | null,
  ): Promise<void> {
    const { thread, category, moderator } = await this.access.thread(actor, threadId);
    const post = replyId
      ? await this.ds.getRepository(ForumReplyEntity).findOneBy({ id: replyId, threadId })
      : thread;
    if (!post) throw Errors.notFound('That reply');
    if (post.authorId !== actor.userId && !moderator) throw Errors.forbidden('delete this post');
    if (post.deletedAt) return;
    const pushLive = await this.ds.transaction(async (m) => {
      await m.query(
        'INSERT INTO forum_revisions (thread_id, reply_id, editor_id, body) VALUES ($1, $2, $3, $4)',
        [threadId, replyId, actor.userId, post.body],
      );
      const change = { body: '', bodyHtml: '', deletedAt: new Date() };
      if (replyId) await m.getRepository(ForumReplyEntity).update({ id: replyId }, change);
      else await m.getRepository(ForumThreadEntity).update({ id: threadId }, change);
      if (post.authorId !== actor.userId) {
        await this.audit.recordFor(
          ctx,
          {
            action: AuditAction.ForumModeration,
            summary: `Deleted a ${replyId ? 'reply' : 'thread'} in ${category.name}`,
            targetType: replyId ? 'forum_reply' : 'forum_thread',
            targetId: replyId ?? threadId,
            trustId: category.trustId,
          },
          m,
        );
      }
      return this.live.record(
        m,
        threadId,
        replyId
          ? { type: 'reply-changed', replyId, what: 'deleted' }
          : { type: 'thread-changed', what: 'deleted' },
      );
    });
    pushLive();
  }

  /** The asker or a moderator marks one reply as the accepted answer to a question. */
  async accept(ctx: RequestContext, actor: Actor, threadId: string, replyId: string | null): Promise<void> {
    const { thread, category, moderator } = await this.access.thread(actor, threadId);
    if (thread.kind !== 'QUESTION') throw Errors.badInput('Only a question can have an accepted answer.');
    if (thread.authorId !== actor.userId && !moderator) throw Errors.forbidden('accept an answer here');
    let reply: ForumReplyEntity | null = null;
    if (replyId) {
      reply = await this.ds.getRepository(ForumReplyEntity).findOneBy({ id: replyId, threadId });
      if (!reply || reply.deletedAt || (reply.hidden && !moderator)) throw Errors.notFound('That reply');
    }
    if (thread.acceptedReplyId === replyId) return;
    // Looked up before the transaction (inside it, only its own connection is used).
    const tell =
      reply && reply.authorId !== actor.userId
        ? (await this.access.whoCanSee([reply.authorId], category)).length > 0
        : false;
    const { pushLive, publish } = await this.ds.transaction(async (m) => {
      await m.getRepository(ForumThreadEntity).update({ id: threadId }, { acceptedReplyId: replyId });
      const pushLive = await this.live.record(m, threadId, { type: 'thread-changed', what: 'accepted' });
      return {
        pushLive,
        publish:
          reply && tell ? await this.notifier.accepted(m, writerOf(ctx, actor), thread, reply) : NOTHING,
      };
    });
    pushLive();
    await publish();
  }
}
