import { Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { FieldAccess } from '../../common/graphql/field-access';
import { Actor, adoptingTrustsOf, canAdoptForTrust, canSeeResource } from '@lantern/shared-domain';
import { Ctx, CurrentActor } from '../../common/auth/decorators';
import type { RequestContext } from '../../common/context/request-context';
import { renderMarkdown } from '../../common/markdown/render-markdown';
import { LocalAuthorityByIdLoader, SchoolByIdLoader, TrustByIdLoader } from '../directory/directory.loader';
import { toLocalAuthority, toSchool, toTrust } from '../directory/directory.mappers';
import { LocalAuthorityModel, SchoolModel, TrustModel } from '../directory/directory.model';
import { toUser } from '../users/user.mapper';
import { UserModel } from '../users/user.model';
import { UserByIdLoader } from '../users/users.loader';
import { LibraryEngagementService } from './library-engagement.service';
import { LibraryReadService } from './library-read.service';
import { LibraryToolkitsService } from './library-toolkits.service';
import {
  LibraryAdoptionsLoader,
  LibraryFileLoader,
  LibraryResourceByIdLoader,
  LibraryVariantsLoader,
  LibraryVersionByIdLoader,
} from './library.loader';
import {
  LibraryAdoptionModel,
  LibraryCommentModel,
  LibraryEhcpSectionModel,
  LibraryFileModel,
  LibraryResourceModel,
  LibraryVersionModel,
  ToolkitItemModel,
  ToolkitModel,
} from './library.model';

async function user(ctx: RequestContext, id: string | null): Promise<UserModel | null> {
  if (!id) return null;
  const u = await ctx.loaders.get(UserByIdLoader).load(id);
  return u ? toUser(u) : null;
}

/** Nested fields of a resource, each through a per-request DataLoader (no N+1 on list pages). */
@Resolver(() => LibraryResourceModel)
export class LibraryResourceFieldsResolver {
  constructor(
    private readonly read: LibraryReadService,
    private readonly engagement: LibraryEngagementService,
  ) {}

  @FieldAccess.directory()
  @ResolveField(() => LocalAuthorityModel, { nullable: true, description: 'Null: for any local authority.' })
  async localAuthority(@Parent() r: LibraryResourceModel, @Ctx() ctx: RequestContext) {
    if (!r.localAuthorityId) return null;
    const la = await ctx.loaders.get(LocalAuthorityByIdLoader).load(r.localAuthorityId);
    return la ? toLocalAuthority(la) : null;
  }

  @FieldAccess.directory()
  @ResolveField(() => TrustModel, { nullable: true, description: 'Set for TRUST and SCHOOL scope.' })
  async trust(@Parent() r: LibraryResourceModel, @Ctx() ctx: RequestContext) {
    if (!r.trustId) return null;
    const t = await ctx.loaders.get(TrustByIdLoader).load(r.trustId);
    return t ? toTrust(t) : null;
  }

  @FieldAccess.directory()
  @ResolveField(() => SchoolModel, { nullable: true, description: 'Set for SCHOOL scope.' })
  async school(@Parent() r: LibraryResourceModel, @Ctx() ctx: RequestContext) {
    if (!r.schoolId) return null;
    const s = await ctx.loaders.get(SchoolByIdLoader).load(r.schoolId);
    return s ? toSchool(s) : null;
  }

  @FieldAccess.directory()
  @ResolveField(() => UserModel, { nullable: true })
  owner(@Parent() r: LibraryResourceModel, @Ctx() ctx: RequestContext) {
    return user(ctx, r.ownerId);
  }

  @FieldAccess.directory()
  @ResolveField(() => UserModel, { nullable: true })
  lastReviewedBy(@Parent() r: LibraryResourceModel, @Ctx() ctx: RequestContext) {
    return user(ctx, r.lastReviewedBy);
  }

  @FieldAccess.parent()
  @ResolveField(() => LibraryVersionModel, { nullable: true, description: 'The newest version.' })
  async currentVersion(@Parent() r: LibraryResourceModel, @Ctx() ctx: RequestContext) {
    if (!r.currentVersionId) return null;
    const v = await ctx.loaders.get(LibraryVersionByIdLoader).load(r.currentVersionId);
    return v ? this.read.presentVersion(v, r) : null;
  }

  @FieldAccess.policy('canSeeResource')
  @ResolveField(() => LibraryResourceModel, {
    nullable: true,
    description: 'The base template this local-authority variant derives from (null if not visible).',
  })
  async baseResource(@Parent() r: LibraryResourceModel, @Ctx() ctx: RequestContext) {
    if (!r.baseResourceId) return null;
    const base = await ctx.loaders.get(LibraryResourceByIdLoader).load(r.baseResourceId);
    return base && canSeeResource(ctx.actor, base) ? this.read.present(ctx, base) : null;
  }

  @FieldAccess.policy('canSeeResource')
  @ResolveField(() => [LibraryResourceModel], { description: 'Local-authority variants the viewer may see.' })
  async variants(@Parent() r: LibraryResourceModel, @Ctx() ctx: RequestContext) {
    const all = await ctx.loaders.get(LibraryVariantsLoader).load(r.id);
    return all.filter((v) => canSeeResource(ctx.actor, v)).map((v) => this.read.present(ctx, v));
  }

  @ResolveField(() => Boolean, { description: 'The viewer marked it useful.' })
  endorsedByViewer(
    @Parent() r: LibraryResourceModel,
    @CurrentActor() actor: Actor,
    @Ctx() ctx: RequestContext,
  ) {
    const userId = actor.userId;
    return ctx.loaders
      .memo('library.endorsed', () => this.engagement.viewerSetLoader('library_endorsements', userId))
      .load(r.id);
  }

  @ResolveField(() => Boolean)
  bookmarkedByViewer(
    @Parent() r: LibraryResourceModel,
    @CurrentActor() actor: Actor,
    @Ctx() ctx: RequestContext,
  ) {
    const userId = actor.userId;
    return ctx.loaders
      .memo('library.bookmarked', () => this.engagement.viewerSetLoader('library_bookmarks', userId))
      .load(r.id);
  }

  @FieldAccess.parent()
  @ResolveField(() => [LibraryAdoptionModel], { description: 'Trusts that use it, with their notes.' })
  async usedByTrusts(
    @Parent() r: LibraryResourceModel,
    @Ctx() ctx: RequestContext,
  ): Promise<LibraryAdoptionModel[]> {
    const rows = await ctx.loaders.get(LibraryAdoptionsLoader).load(r.id);
    const trusts = await ctx.loaders.get(TrustByIdLoader).loadMany(rows.map((a) => a.trustId));
    return Promise.all(
      rows.map(async (a, i) => {
        const t = trusts[i];
        return {
          trust: t && !(t instanceof Error) ? toTrust(t) : { id: a.trustId, name: 'A trust', shortName: '' },
          notes: a.notes,
          notesHtml: renderMarkdown(a.notes),
          adoptedBy: await user(ctx, a.adoptedBy),
          adoptedAt: a.adoptedAt,
        };
      }),
    );
  }

  @FieldAccess.policy('canAdoptForTrust')
  @ResolveField(() => [TrustModel], {
    description: 'Trusts the viewer may adopt it for (as their SEND lead).',
  })
  async adoptableForTrusts(
    @Parent() r: LibraryResourceModel,
    @CurrentActor() actor: Actor,
    @Ctx() ctx: RequestContext,
  ) {
    const ids = adoptingTrustsOf(actor).filter((t) => canAdoptForTrust(actor, t, r));
    const trusts = await ctx.loaders.get(TrustByIdLoader).loadMany(ids);
    return trusts.filter((t) => t && !(t instanceof Error)).map((t) => toTrust(t as never));
  }
}

@Resolver(() => LibraryVersionModel)
export class LibraryVersionFieldsResolver {
  @FieldAccess.directory()
  @ResolveField(() => UserModel, { nullable: true })
  author(@Parent() v: LibraryVersionModel, @Ctx() ctx: RequestContext) {
    return user(ctx, v.authorId);
  }

  @FieldAccess.parent()
  @ResolveField(() => [LibraryFileModel], { description: 'Attached files, in order.' })
  async files(@Parent() v: LibraryVersionModel, @Ctx() ctx: RequestContext): Promise<LibraryFileModel[]> {
    if (!v.fileIds.length) return [];
    const files = await ctx.loaders.get(LibraryFileLoader).loadMany(v.fileIds);
    return files.filter((f): f is LibraryFileModel => !!f && !(f instanceof Error));
  }

  @FieldAccess.parent()
  @ResolveField(() => [LibraryEhcpSectionModel], {
    nullable: true,
    description: 'EHCP template structure (A to K).',
  })
  ehcpSections(@Parent() v: LibraryVersionModel): LibraryEhcpSectionModel[] | null {
    return v.ehcpJson?.map((s) => ({ ...s, guidanceHtml: renderMarkdown(s.guidance) })) ?? null;
  }
}

@Resolver(() => LibraryCommentModel)
export class LibraryCommentFieldsResolver {
  @FieldAccess.directory()
  @ResolveField(() => UserModel, { nullable: true })
  author(@Parent() c: LibraryCommentModel & { authorId: string }, @Ctx() ctx: RequestContext) {
    return user(ctx, c.authorId);
  }
}

@Resolver(() => ToolkitModel)
export class ToolkitFieldsResolver {
  constructor(private readonly toolkits: LibraryToolkitsService) {}

  @FieldAccess.policy('canSeeResource')
  @ResolveField(() => [ToolkitItemModel], { description: 'Items the viewer may see, in order.' })
  async items(
    @Parent() t: ToolkitModel,
    @CurrentActor() actor: Actor,
    @Ctx() ctx: RequestContext,
  ): Promise<ToolkitItemModel[]> {
    return (await this.toolkits.itemsLoader(ctx, actor).load(t.id)).items;
  }

  @ResolveField(() => Int, { description: 'Items hidden because the viewer may not see them.' })
  async hiddenItemCount(
    @Parent() t: ToolkitModel,
    @CurrentActor() actor: Actor,
    @Ctx() ctx: RequestContext,
  ): Promise<number> {
    return (await this.toolkits.itemsLoader(ctx, actor).load(t.id)).hidden;
  }
}
