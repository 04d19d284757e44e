import { Args, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Actor, Permission, ResourceSort, ResourceStatus } from '@lantern/shared-domain';
import { Allow, Ctx, CurrentActor } from '../../common/auth/decorators';
import type { RequestContext } from '../../common/context/request-context';
import { Connection, pageSize } from '../../common/pagination/connection';
import { IdArg, InputArg } from '../../common/validation';
import { AdoptTemplateInput } from './dto/adopt-template.input';
import { CommentOnResourceInput } from './dto/comment.input';
import { CreateResourceInput, UpdateResourceInput } from './dto/resource.input';
import { CreateToolkitInput, UpdateToolkitItemsInput } from './dto/toolkit.input';
import { LibraryResourceFilter } from './dto/resource-filter.input';
import { LibraryEngagementService } from './library-engagement.service';
import { LibraryReadService } from './library-read.service';
import { LibraryToolkitsService } from './library-toolkits.service';
import { ChangeResourceSharingInput } from './dto/resource-sharing.input';
import { LibrarySharingService } from './library-sharing.service';
import { LibraryLifecycleService } from './library-lifecycle.service';
import { LibraryWriteService } from './library-write.service';
import {
  LibraryCommentConnection,
  LibraryCommentModel,
  LibraryComparisonModel,
  LibraryResourceConnection,
  LibraryResourceModel,
  LibraryVersionConnection,
  LibraryVersionModel,
  ResourceSortEnum,
  ResourceStatusEnum,
  ToolkitConnection,
  ToolkitModel,
} from './library.model';

/** The resource library. Reading needs LibraryUse; which resources is the policy's call (library.ts). */
@Resolver()
export class LibraryResolver {
  constructor(
    private readonly read: LibraryReadService,
    private readonly write: LibraryWriteService,
    private readonly lifecycle: LibraryLifecycleService,
    private readonly sharing: LibrarySharingService,
    private readonly engagement: LibraryEngagementService,
    private readonly toolkitsService: LibraryToolkitsService,
  ) {}

  @Query(() => LibraryResourceConnection, {
    description: 'Resources the viewer may see: search, filters (published by default), sort, pages.',
  })
  @Allow(Permission.LibraryUse)
  libraryResources(
    @CurrentActor() actor: Actor,
    @Ctx() ctx: RequestContext,
    @InputArg('filter', LibraryResourceFilter, { nullable: true }) filter: LibraryResourceFilter | null,
    @Args('sort', { type: () => ResourceSortEnum, nullable: true, defaultValue: ResourceSort.Recent })
    sort: ResourceSort,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 20 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<LibraryResourceConnection> {
    return this.read.list(ctx, actor, filter, sort, pageSize(first), after);
  }

  @Query(() => LibraryResourceModel, {
    description: 'NOT_FOUND when it does not exist or is not shared with the viewer.',
  })
  @Allow(Permission.LibraryUse)
  libraryResource(
    @CurrentActor() actor: Actor,
    @Ctx() ctx: RequestContext,
    @IdArg('id') id: string,
  ): Promise<LibraryResourceModel> {
    return this.read.resource(ctx, actor, id);
  }

  @Query(() => LibraryVersionConnection, { description: 'The history, newest first.' })
  @Allow(Permission.LibraryUse)
  resourceVersions(
    @CurrentActor() actor: Actor,
    @IdArg('resourceId') resourceId: string,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 20 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<Connection<LibraryVersionModel>> {
    return this.read.versions(actor, resourceId, pageSize(first), after);
  }

  @Query(() => LibraryVersionModel, { description: 'One version (the newest when number is omitted).' })
  @Allow(Permission.LibraryUse)
  resourceVersion(
    @CurrentActor() actor: Actor,
    @IdArg('resourceId') resourceId: string,
    @Args('number', { type: () => Int, nullable: true }) number: number | null,
  ): Promise<LibraryVersionModel> {
    return this.read.version(actor, resourceId, number);
  }

  @Query(() => LibraryComparisonModel, { description: 'A line diff of the markdown between two versions.' })
  @Allow(Permission.LibraryUse)
  compareResourceVersions(
    @CurrentActor() actor: Actor,
    @Ctx() ctx: RequestContext,
    @IdArg('resourceId') resourceId: string,
    @Args('from', { type: () => Int }) from: number,
    @Args('to', { type: () => Int }) to: number,
  ): Promise<LibraryComparisonModel> {
    return this.read.compare(ctx, actor, resourceId, from, to);
  }

  @Query(() => LibraryCommentConnection, { description: 'Comments, oldest first.' })
  @Allow(Permission.LibraryUse)
  resourceComments(
    @CurrentActor() actor: Actor,
    @IdArg('resourceId') resourceId: string,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 20 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<Connection<LibraryCommentModel>> {
    return this.engagement.comments(actor, resourceId, pageSize(first), after);
  }

  @Mutation(() => LibraryResourceModel, {
    description: 'Share a new resource (version 1). PERSONAL_DATA when it looks like pupil details.',
  })
  @Allow(Permission.LibraryPublish)
  async createResource(
    @CurrentActor() actor: Actor,
    @Ctx() ctx: RequestContext,
    @InputArg('input', CreateResourceInput) input: CreateResourceInput,
  ): Promise<LibraryResourceModel> {
    return this.read.resource(ctx, actor, await this.write.create(ctx, actor, input));
  }

  @Mutation(() => LibraryResourceModel, {
    description: 'Save a new version with a change note (nothing is overwritten); details change in place.',
  })
  @Allow(Permission.LibraryPublish)
  async updateResource(
    @CurrentActor() actor: Actor,
    @Ctx() ctx: RequestContext,
    @InputArg('input', UpdateResourceInput) input: UpdateResourceInput,
  ): Promise<LibraryResourceModel> {
    await this.write.update(ctx, actor, input);
    return this.read.resource(ctx, actor, input.resourceId);
  }

  @Mutation(() => LibraryResourceModel, {
    description:
      "Change a resource's kind and who it is shared with (widen or narrow), within what the viewer may share with; audited.",
  })
  @Allow(Permission.LibraryPublish)
  async changeResourceSharing(
    @CurrentActor() actor: Actor,
    @Ctx() ctx: RequestContext,
    @InputArg('input', ChangeResourceSharingInput) input: ChangeResourceSharingInput,
  ): Promise<LibraryResourceModel> {
    await this.sharing.change(ctx, actor, input);
    return this.read.resource(ctx, actor, input.resourceId);
  }

  @Mutation(() => LibraryResourceModel, { description: 'Copy an old version as the newest version.' })
  @Allow(Permission.LibraryPublish)
  async restoreResourceVersion(
    @CurrentActor() actor: Actor,
    @Ctx() ctx: RequestContext,
    @IdArg('resourceId') resourceId: string,
    @Args('number', { type: () => Int }) number: number,
    @Args('changeNote', { type: () => String, nullable: true }) changeNote: string | null,
  ): Promise<LibraryResourceModel> {
    await this.lifecycle.restore(ctx, actor, resourceId, number, changeNote);
    return this.read.resource(ctx, actor, resourceId);
  }

  @Mutation(() => LibraryResourceModel, { description: 'Publish, archive or return to draft.' })
  @Allow(Permission.LibraryPublish)
  async setResourceStatus(
    @CurrentActor() actor: Actor,
    @Ctx() ctx: RequestContext,
    @IdArg('resourceId') resourceId: string,
    @Args('status', { type: () => ResourceStatusEnum }) status: ResourceStatus,
  ): Promise<LibraryResourceModel> {
    await this.lifecycle.setStatus(ctx, actor, resourceId, status);
    return this.read.resource(ctx, actor, resourceId);
  }

  @Mutation(() => LibraryResourceModel, {
    description: 'Record a review by the viewer now; the next is due after `months` (default 12).',
  })
  @Allow(Permission.LibraryPublish)
  async markResourceReviewed(
    @CurrentActor() actor: Actor,
    @Ctx() ctx: RequestContext,
    @IdArg('resourceId') resourceId: string,
    @Args('months', { type: () => Int, nullable: true }) months: number | null,
  ): Promise<LibraryResourceModel> {
    await this.lifecycle.markReviewed(ctx, actor, resourceId, months);
    return this.read.resource(ctx, actor, resourceId);
  }

  @Mutation(() => LibraryResourceModel, { description: 'Mark (or unmark) a published resource as useful.' })
  @Allow(Permission.LibraryUse)
  async endorseResource(
    @CurrentActor() actor: Actor,
    @Ctx() ctx: RequestContext,
    @IdArg('resourceId') resourceId: string,
    @Args('endorsed', { type: () => Boolean, nullable: true, defaultValue: true }) endorsed: boolean,
  ): Promise<LibraryResourceModel> {
    await this.engagement.endorse(actor, resourceId, endorsed);
    return this.read.resource(ctx, actor, resourceId);
  }

  @Mutation(() => LibraryResourceModel, {
    description: 'Bookmark (or un-bookmark); bookmarks hear of new versions.',
  })
  @Allow(Permission.LibraryUse)
  async bookmarkResource(
    @CurrentActor() actor: Actor,
    @Ctx() ctx: RequestContext,
    @IdArg('resourceId') resourceId: string,
    @Args('bookmarked', { type: () => Boolean, nullable: true, defaultValue: true }) bookmarked: boolean,
  ): Promise<LibraryResourceModel> {
    await this.engagement.bookmark(actor, resourceId, bookmarked);
    return this.read.resource(ctx, actor, resourceId);
  }

  @Mutation(() => LibraryCommentModel, {
    description: 'Comment (markdown). PERSONAL_DATA when it looks like pupil details.',
  })
  @Allow(Permission.LibraryUse)
  commentOnResource(
    @CurrentActor() actor: Actor,
    @Ctx() ctx: RequestContext,
    @InputArg('input', CommentOnResourceInput) input: CommentOnResourceInput,
  ): Promise<LibraryCommentModel> {
    return this.engagement.comment(ctx, actor, input);
  }

  @Mutation(() => LibraryResourceModel, {
    description:
      'A trust SEND lead marks a published network resource as used by the trust, with local notes.',
  })
  @Allow(Permission.LibraryAdopt)
  async adoptTemplate(
    @CurrentActor() actor: Actor,
    @Ctx() ctx: RequestContext,
    @InputArg('input', AdoptTemplateInput) input: AdoptTemplateInput,
  ): Promise<LibraryResourceModel> {
    await this.engagement.adopt(ctx, actor, input);
    return this.read.resource(ctx, actor, input.resourceId);
  }

  @Query(() => ToolkitConnection, {
    description: 'Toolkits the viewer may see (filters as libraryResources).',
  })
  @Allow(Permission.LibraryUse)
  toolkits(
    @CurrentActor() actor: Actor,
    @Ctx() ctx: RequestContext,
    @InputArg('filter', LibraryResourceFilter, { nullable: true }) filter: LibraryResourceFilter | null,
    @Args('sort', { type: () => ResourceSortEnum, nullable: true, defaultValue: ResourceSort.Recent })
    sort: ResourceSort,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 20 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<Connection<ToolkitModel>> {
    return this.toolkitsService.toolkits(ctx, actor, filter, sort, pageSize(first), after);
  }

  @Query(() => ToolkitModel)
  @Allow(Permission.LibraryUse)
  toolkit(
    @CurrentActor() actor: Actor,
    @Ctx() ctx: RequestContext,
    @IdArg('id') id: string,
  ): Promise<ToolkitModel> {
    return this.toolkitsService.toolkit(ctx, actor, id);
  }

  @Mutation(() => ToolkitModel, { description: 'A toolkit: a resource of kind TOOLKIT with ordered items.' })
  @Allow(Permission.LibraryPublish)
  async createToolkit(
    @CurrentActor() actor: Actor,
    @Ctx() ctx: RequestContext,
    @InputArg('input', CreateToolkitInput) input: CreateToolkitInput,
  ): Promise<ToolkitModel> {
    return this.toolkitsService.toolkit(ctx, actor, await this.toolkitsService.create(ctx, actor, input));
  }

  @Mutation(() => ToolkitModel, { description: 'Set the items in this order (add, remove, reorder).' })
  @Allow(Permission.LibraryPublish)
  async updateToolkitItems(
    @CurrentActor() actor: Actor,
    @Ctx() ctx: RequestContext,
    @InputArg('input', UpdateToolkitItemsInput) input: UpdateToolkitItemsInput,
  ): Promise<ToolkitModel> {
    await this.toolkitsService.updateItems(ctx, actor, input.toolkitId, input.items);
    return this.toolkitsService.toolkit(ctx, actor, input.toolkitId);
  }
}
