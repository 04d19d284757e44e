import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Actor, Permission } from '@lantern/shared-domain';
import { Allow, Ctx, CurrentActor } from '../../common/auth/decorators';
import type { RequestContext } from '../../common/context/request-context';
import { Connection, pageSize } from '../../common/pagination/connection';
import { IdArg, InputArg } from '../../common/validation';
import { ForumPostsService } from './forum-posts.service';
import { ForumReadService } from './forum-read.service';
import { ForumSearchService } from './forum-search.service';
import { ForumCategoriesService } from './forum-categories.service';
import { CategoryInput } from './dto/category.input';
import { CreateThreadInput, ReplyInput } from './dto/post.input';
import {
  ForumCategoryModel,
  ForumReplyModel,
  ForumReplyPageModel,
  ForumSearchResultsModel,
  ForumThreadConnection,
  ForumThreadModel,
  MentionCandidateModel,
  ReplySort,
} from './forum.model';
import { ForumSearchFilter } from './dto/search-filter.input';
import { PersonalDataOverrideInput } from '../../common/personal-data/personal-data-override.input';

/** The forum. Every operation needs ForumUse; which categories and posts it reaches is the policy's call. */
@Resolver()
export class ForumResolver {
  constructor(
    private readonly read: ForumReadService,
    private readonly posts: ForumPostsService,
    private readonly searching: ForumSearchService,
    private readonly categoriesAdmin: ForumCategoriesService,
  ) {}

  @Mutation(() => ForumCategoryModel, { description: 'Create a category (network admins; audited).' })
  @Allow(Permission.ForumAdmin)
  async createForumCategory(
    @Ctx() ctx: RequestContext,
    @InputArg('input', CategoryInput) input: CategoryInput,
  ): Promise<ForumCategoryModel> {
    const c = await this.categoriesAdmin.create(ctx, {
      name: input.name,
      description: input.description ?? '',
      trustId: input.trustId ?? null,
      roles: input.roles ?? null,
    });
    return this.read.presentCategory(ctx, c);
  }

  @Mutation(() => ForumCategoryModel, {
    description: 'Rename, describe or change who sees a category (network admins; audited).',
  })
  @Allow(Permission.ForumAdmin)
  async updateForumCategory(
    @Ctx() ctx: RequestContext,
    @IdArg('id') id: string,
    @InputArg('input', CategoryInput) input: CategoryInput,
  ): Promise<ForumCategoryModel> {
    const c = await this.categoriesAdmin.update(ctx, id, {
      name: input.name,
      description: input.description ?? '',
      trustId: input.trustId ?? null,
      roles: input.roles ?? null,
    });
    return this.read.presentCategory(ctx, c);
  }

  @Mutation(() => Boolean, { description: 'Put the categories in this order (every id once).' })
  @Allow(Permission.ForumAdmin)
  async reorderForumCategories(
    @Ctx() ctx: RequestContext,
    @Args('ids', { type: () => [ID] }) ids: string[],
  ): Promise<boolean> {
    await this.categoriesAdmin.reorder(ctx, ids);
    return true;
  }

  @Query(() => [ForumCategoryModel], {
    description: 'Categories the viewer may see, in order, with thread counts.',
  })
  @Allow(Permission.ForumUse)
  forumCategories(@CurrentActor() actor: Actor, @Ctx() ctx: RequestContext): Promise<ForumCategoryModel[]> {
    return this.read.categories(ctx, actor);
  }

  @Query(() => ForumThreadConnection, {
    description: 'Threads: one category (pinned first) or all the viewer may see; latest activity first.',
  })
  @Allow(Permission.ForumUse)
  forumThreads(
    @CurrentActor() actor: Actor,
    @Ctx() ctx: RequestContext,
    @IdArg('categoryId', { nullable: true }) categoryId: string | null,
    @Args('tag', { type: () => String, nullable: true }) tag: string | null,
    @Args('unanswered', { type: () => Boolean, nullable: true }) unanswered: boolean | null,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 20 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<Connection<ForumThreadModel>> {
    return this.read.threads(ctx, actor, { categoryId, tag, unanswered }, pageSize(first), after);
  }

  @Query(() => ForumThreadModel)
  @Allow(Permission.ForumUse)
  forumThread(
    @CurrentActor() actor: Actor,
    @Ctx() ctx: RequestContext,
    @IdArg('id') id: string,
  ): Promise<ForumThreadModel> {
    return this.read.thread(ctx, actor, id);
  }

  @Query(() => ForumReplyPageModel, {
    description: 'A page of top-level replies with their replies (tree order).',
  })
  @Allow(Permission.ForumUse)
  forumReplies(
    @CurrentActor() actor: Actor,
    @Ctx() ctx: RequestContext,
    @IdArg('threadId') threadId: string,
    @Args('sort', { type: () => ReplySort, nullable: true, defaultValue: ReplySort.OLDEST }) sort: ReplySort,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 20 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<ForumReplyPageModel> {
    return this.read.replies(ctx, actor, threadId, sort, pageSize(first), after);
  }

  @Query(() => ForumReplyModel)
  @Allow(Permission.ForumUse)
  forumReply(
    @CurrentActor() actor: Actor,
    @Ctx() ctx: RequestContext,
    @IdArg('id') id: string,
  ): Promise<ForumReplyModel> {
    return this.read.reply(ctx, actor, id);
  }

  @Query(() => [ForumReplyModel], {
    description: '"Continue this thread": a reply and the replies below it.',
  })
  @Allow(Permission.ForumUse)
  forumReplyThread(
    @CurrentActor() actor: Actor,
    @Ctx() ctx: RequestContext,
    @IdArg('replyId') replyId: string,
  ): Promise<ForumReplyModel[]> {
    return this.read.subtree(ctx, actor, replyId);
  }

  @Query(() => ForumSearchResultsModel)
  @Allow(Permission.ForumUse)
  searchForum(
    @CurrentActor() actor: Actor,
    @Ctx() ctx: RequestContext,
    @Args('query', { type: () => String }) query: string,
    @InputArg('filter', ForumSearchFilter, { nullable: true }) filter: ForumSearchFilter | null,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 20 }) first: number,
    @Args('offset', { type: () => Int, nullable: true, defaultValue: 0 }) offset: number,
  ): Promise<ForumSearchResultsModel> {
    return this.searching.search(ctx, actor, query, filter, pageSize(first), offset);
  }

  @Query(() => [MentionCandidateModel], {
    description: 'People who can see the category, for @mention autocomplete.',
  })
  @Allow(Permission.ForumUse)
  forumMentionCandidates(
    @CurrentActor() actor: Actor,
    @IdArg('categoryId') categoryId: string,
    @Args('search', { type: () => String }) search: string,
  ): Promise<MentionCandidateModel[]> {
    return this.read.mentionCandidates(actor, categoryId, search);
  }

  @Mutation(() => ForumThreadModel, {
    description: 'Start a discussion or ask a question. PERSONAL_DATA when it looks like pupil details.',
  })
  @Allow(Permission.ForumUse)
  async createForumThread(
    @CurrentActor() actor: Actor,
    @Ctx() ctx: RequestContext,
    @InputArg('input', CreateThreadInput) input: CreateThreadInput,
  ): Promise<ForumThreadModel> {
    return this.read.thread(ctx, actor, await this.posts.createThread(ctx, actor, input));
  }

  @Mutation(() => ForumReplyModel, { description: 'Reply to a thread or to a reply.' })
  @Allow(Permission.ForumUse)
  async replyInForum(
    @CurrentActor() actor: Actor,
    @Ctx() ctx: RequestContext,
    @InputArg('input', ReplyInput) input: ReplyInput,
  ): Promise<ForumReplyModel> {
    return this.read.reply(ctx, actor, await this.posts.reply(ctx, actor, input));
  }

  @Mutation(() => ForumThreadModel, {
    description: 'Edit the opening post (author or moderator); the old text is kept as a revision.',
  })
  @Allow(Permission.ForumUse)
  async editForumThread(
    @CurrentActor() actor: Actor,
    @Ctx() ctx: RequestContext,
    @IdArg('id') id: string,
    @Args('title', { type: () => String }) title: string,
    @Args('body', { type: () => String }) body: string,
    @InputArg('personalDataOverride', PersonalDataOverrideInput, { nullable: true })
    override: PersonalDataOverrideInput | null,
  ): Promise<ForumThreadModel> {
    await this.posts.editThread(ctx, actor, id, title, body, override);
    return this.read.thread(ctx, actor, id);
  }

  @Mutation(() => ForumReplyModel)
  @Allow(Permission.ForumUse)
  async editForumReply(
    @CurrentActor() actor: Actor,
    @Ctx() ctx: RequestContext,
    @IdArg('id') id: string,
    @Args('body', { type: () => String }) body: string,
    @InputArg('personalDataOverride', PersonalDataOverrideInput, { nullable: true })
    override: PersonalDataOverrideInput | null,
  ): Promise<ForumReplyModel> {
    await this.posts.editReply(ctx, actor, id, body, override);
    return this.read.reply(ctx, actor, id);
  }

  @Mutation(() => Boolean, {
    description: 'Delete a thread’s opening post or a reply; a placeholder keeps the tree whole.',
  })
  @Allow(Permission.ForumUse)
  async deleteForumPost(
    @CurrentActor() actor: Actor,
    @Ctx() ctx: RequestContext,
    @IdArg('threadId') threadId: string,
    @IdArg('replyId', { nullable: true }) replyId: string | null,
  ): Promise<boolean> {
    await this.posts.deletePost(ctx, actor, threadId, replyId);
    return true;
  }

  @Mutation(() => ForumThreadModel, { description: 'Mark a reply as the accepted answer (null clears it).' })
  @Allow(Permission.ForumUse)
  async acceptForumAnswer(
    @CurrentActor() actor: Actor,
    @Ctx() ctx: RequestContext,
    @IdArg('threadId') threadId: string,
    @IdArg('replyId', { nullable: true }) replyId: string | null,
  ): Promise<ForumThreadModel> {
    await this.posts.accept(ctx, actor, threadId, replyId);
    return this.read.thread(ctx, actor, threadId);
  }
}
