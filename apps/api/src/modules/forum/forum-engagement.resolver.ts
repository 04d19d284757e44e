import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { FieldAccess } from '../../common/graphql/field-access';
import { Actor, Permission } from '@lantern/shared-domain';
import { Allow, Ctx, CurrentActor } from '../../common/auth/decorators';
import type { RequestContext } from '../../common/context/request-context';
import { IdArg } from '../../common/validation';
import { ForumAccessService } from './forum-access.service';
import { ForumEngagementService, ReactionKind } from './forum-engagement.service';
import { ForumModerationService } from './forum-moderation.service';
import { presentAuthor } from './forum-present';
import {
  ForumReportModel,
  ForumRevisionModel,
  ModerationActionEnum,
  ReactionKindEnum,
  ReplyReactionsModel,
  ThreadViewerStateModel,
} from './forum-engagement.model';
import { ForumCategoryModel, ForumReplyModel, ForumThreadModel } from './forum.model';
import { ForumReadService } from './forum-read.service';

@Resolver(() => ForumThreadModel)
export class ForumThreadFieldsResolver {
  constructor(private readonly engagement: ForumEngagementService) {}

  @FieldAccess.viewer()
  @ResolveField(() => ThreadViewerStateModel)
  viewerState(
    @Parent() thread: ForumThreadModel,
    @CurrentActor() actor: Actor,
    @Ctx() ctx: RequestContext,
  ): Promise<ThreadViewerStateModel> {
    return ctx.loaders
      .memo('forum.threadState', () => this.engagement.threadStateLoader(actor.userId))
      .load(thread.id);
  }
}

@Resolver(() => ForumCategoryModel)
export class ForumCategoryFieldsResolver {
  constructor(private readonly read: ForumReadService) {}

  @ResolveField(() => Boolean, { description: 'Whether the viewer watches the whole category.' })
  watching(
    @Parent() category: ForumCategoryModel,
    @CurrentActor() actor: Actor,
    @Ctx() ctx: RequestContext,
  ): Promise<boolean> {
    return ctx.loaders
      .memo('forum.categoryWatches', () => this.read.categoryWatchLoader(actor.userId))
      .load(category.id);
  }
}

@Resolver(() => ForumReplyModel)
export class ForumReplyFieldsResolver {
  constructor(
    private readonly engagement: ForumEngagementService,
    private readonly read: ForumReadService,
  ) {}

  @ResolveField(() => [ID], {
    description:
      'The replies this one answers, from the top-level reply down to its parent (to show it in place in the tree).',
  })
  ancestorIds(@Parent() reply: ForumReplyModel, @Ctx() ctx: RequestContext): Promise<string[]> {
    return ctx.loaders.memo('forum.ancestors', () => this.read.ancestorsLoader()).load(reply.id);
  }

  @FieldAccess.parent()
  @ResolveField(() => ReplyReactionsModel)
  async reactions(
    @Parent() reply: ForumReplyModel,
    @CurrentActor() actor: Actor,
    @Ctx() ctx: RequestContext,
  ): Promise<ReplyReactionsModel> {
    const r = await ctx.loaders
      .memo('forum.reactions', () => this.engagement.reactionsLoader(actor.userId))
      .load(reply.id);
    return { helpful: r.helpful, thanks: r.thanks, mine: r.mine as ReactionKindEnum[] };
  }
}

/** Reactions, bookmarks, watching, read markers, reports, moderation and edit history. */
@Resolver()
export class ForumEngagementResolver {
  constructor(
    private readonly engagement: ForumEngagementService,
    private readonly moderation: ForumModerationService,
    private readonly access: ForumAccessService,
  ) {}

  @Mutation(() => Boolean, {
    description: 'Add or take back a "helpful" or "thanks" on someone else’s reply.',
  })
  @Allow(Permission.ForumUse)
  async reactToForumReply(
    @CurrentActor() actor: Actor,
    @IdArg('replyId') replyId: string,
    @Args('kind', { type: () => ReactionKindEnum }) kind: ReactionKindEnum,
    @Args('on', { type: () => Boolean }) on: boolean,
  ): Promise<boolean> {
    await this.engagement.react(actor, replyId, kind as ReactionKind, on);
    return on;
  }

  @Mutation(() => Boolean)
  @Allow(Permission.ForumUse)
  async bookmarkForumThread(
    @CurrentActor() actor: Actor,
    @IdArg('threadId') threadId: string,
    @Args('on', { type: () => Boolean }) on: boolean,
  ): Promise<boolean> {
    await this.engagement.bookmark(actor, threadId, on);
    return on;
  }

  @Mutation(() => Boolean, { description: 'Be notified of new replies in a thread.' })
  @Allow(Permission.ForumUse)
  async watchForumThread(
    @CurrentActor() actor: Actor,
    @IdArg('threadId') threadId: string,
    @Args('on', { type: () => Boolean }) on: boolean,
  ): Promise<boolean> {
    await this.engagement.watchThread(actor, threadId, on);
    return on;
  }

  @Mutation(() => Boolean, { description: 'Be notified of new replies anywhere in a category.' })
  @Allow(Permission.ForumUse)
  async watchForumCategory(
    @CurrentActor() actor: Actor,
    @IdArg('categoryId') categoryId: string,
    @Args('on', { type: () => Boolean }) on: boolean,
  ): Promise<boolean> {
    await this.engagement.watchCategory(actor, categoryId, on);
    return on;
  }

  @Mutation(() => Date, { description: 'Mark the thread read now; returns the new marker.' })
  @Allow(Permission.ForumUse)
  markForumThreadRead(@CurrentActor() actor: Actor, @IdArg('threadId') threadId: string): Promise<Date> {
    return this.engagement.markRead(actor, threadId);
  }

  @Mutation(() => Boolean, { description: 'Report a thread or reply to the moderators, with a reason.' })
  @Allow(Permission.ForumUse)
  async reportForumPost(
    @CurrentActor() actor: Actor,
    @IdArg('threadId') threadId: string,
    @IdArg('replyId', { nullable: true }) replyId: string | null,
    @Args('reason', { type: () => String }) reason: string,
  ): Promise<boolean> {
    await this.moderation.report(actor, threadId, replyId, reason);
    return true;
  }

  @Query(() => [ForumReportModel], { description: 'Open reports in the categories the viewer moderates.' })
  @Allow(Permission.ForumUse)
  forumModerationQueue(@CurrentActor() actor: Actor): Promise<ForumReportModel[]> {
    return this.moderation.queue(actor);
  }

  @Mutation(() => Boolean)
  @Allow(Permission.ForumUse)
  async resolveForumReport(
    @CurrentActor() actor: Actor,
    @Ctx() ctx: RequestContext,
    @IdArg('reportId') reportId: string,
    @Args('resolution', { type: () => String }) resolution: string,
  ): Promise<boolean> {
    await this.moderation.resolve(ctx, actor, reportId, resolution);
    return true;
  }

  @Mutation(() => Boolean, {
    description: 'Hide, lock, pin or move a thread, or hide a reply (moderators; audited).',
  })
  @Allow(Permission.ForumUse)
  async moderateForum(
    @CurrentActor() actor: Actor,
    @Ctx() ctx: RequestContext,
    @Args('action', { type: () => ModerationActionEnum }) action: ModerationActionEnum,
    @IdArg('threadId') threadId: string,
    @IdArg('replyId', { nullable: true }) replyId: string | null,
    @IdArg('categoryId', { nullable: true }) categoryId: string | null,
  ): Promise<boolean> {
    await this.moderation.moderate(ctx, actor, action, threadId, replyId, categoryId);
    return true;
  }

  @Query(() => [ForumRevisionModel], { description: 'Earlier versions of a post, newest first.' })
  @Allow(Permission.ForumUse)
  async forumRevisions(
    @CurrentActor() actor: Actor,
    @Ctx() ctx: RequestContext,
    @IdArg('threadId') threadId: string,
    @IdArg('replyId', { nullable: true }) replyId: string | null,
  ): Promise<ForumRevisionModel[]> {
    const revisions = await this.moderation.revisions(actor, threadId, replyId);
    const { thread, moderator } = await this.access.thread(actor, threadId);
    const [post] = replyId
      ? await this.access.replyAuthor(replyId)
      : [{ authorId: thread.authorId, anonymous: thread.anonymous }];
    return Promise.all(
      revisions.map(async (r) => ({
        id: r.id,
        title: r.title,
        body: r.body,
        createdAt: r.createdAt,
        editor: await presentAuthor(
          ctx,
          actor,
          {
            authorId: r.editorId,
            anonymous: !!post && post.anonymous && r.editorId === post.authorId,
            deletedAt: null,
          },
          moderator,
        ),
      })),
    );
  }
}
