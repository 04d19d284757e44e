import { Args, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { EhcpSectionKey, EhcpSectionStatus, Permission } from '@lantern/shared-domain';
import { Allow, Ctx } from '../../common/auth/decorators';
import type { RequestContext } from '../../common/context/request-context';
import { Errors } from '../../common/errors/app-error';
import { Connection, pageSize } from '../../common/pagination/connection';
import { PersonalDataOverrideInput } from '../../common/personal-data/personal-data-override.input';
import { IdArg, InputArg } from '../../common/validation';
import { EhcpDraftsService } from './ehcp-drafts.service';
import { EhcpTemplatesService } from './ehcp-templates.service';
import {
  EhcpDraftConnection,
  EhcpDraftModel,
  EhcpDraftSchoolModel,
  EhcpDraftSummaryModel,
  EhcpSectionKeyEnum,
  EhcpSectionSavedModel,
  EhcpSectionStateSetModel,
  EhcpSectionStatusEnum,
  EhcpTemplateVariantsModel,
} from './ehcp.models';

type Signed = RequestContext & {
  actor: NonNullable<RequestContext['actor']>;
  session: NonNullable<RequestContext['session']>;
};

function signed(ctx: RequestContext): Signed {
  if (!ctx.actor || !ctx.session) throw Errors.unauthenticated();
  return ctx as Signed;
}

/**
 * EHCP templates (read from the library) and a school's private drafts. Drafts: only the school's
 * SENCOs and headteacher and its trust's SEND lead (canAccessEhcpDraft); every read and change is audited.
 */
@Resolver()
export class EhcpResolver {
  constructor(
    private readonly drafts: EhcpDraftsService,
    private readonly templates: EhcpTemplatesService,
  ) {}

  @Query(() => EhcpTemplateVariantsModel, {
    description:
      'An EHCP template (or a variant of one) with its base and every local-authority variant, with differences.',
  })
  @Allow(Permission.LibraryUse)
  ehcpTemplateVariants(
    @Ctx() ctx: RequestContext,
    @IdArg('resourceId') resourceId: string,
  ): Promise<EhcpTemplateVariantsModel> {
    return this.templates.variants(signed(ctx).actor, resourceId);
  }

  @Query(() => EhcpDraftModel, { description: 'One draft (audited).' })
  @Allow(Permission.CaseDataUse)
  ehcpDraft(@Ctx() ctx: RequestContext, @IdArg('id') id: string): Promise<EhcpDraftModel> {
    return this.drafts.get(signed(ctx), id);
  }

  @Query(() => EhcpDraftConnection, {
    description:
      "Drafts of the viewer's schools (and, for a trust SEND lead, the trust's schools); most recently changed first. Audited.",
  })
  @Allow(Permission.CaseDataUse)
  ehcpDrafts(
    @Ctx() ctx: RequestContext,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 25 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
    // Only this school: one of those in ehcpDraftSchools (FORBIDDEN otherwise).
    @IdArg('schoolId', { nullable: true }) schoolId: string | null,
  ): Promise<Connection<EhcpDraftSummaryModel>> {
    return this.drafts.list(signed(ctx), pageSize(first), after, schoolId);
  }

  @Query(() => [EhcpDraftSchoolModel], {
    description: "The schools whose drafts the viewer may see (their own, or their trusts' schools).",
  })
  @Allow(Permission.CaseDataUse)
  ehcpDraftSchools(@Ctx() ctx: RequestContext): Promise<EhcpDraftSchoolModel[]> {
    return this.drafts.schools(signed(ctx));
  }

  @Mutation(() => EhcpDraftModel, {
    description:
      "Start a private draft for the viewer's school from a template's newest version. The pupil is named only by a pseudonymous reference (no names, dates of birth, UPNs or NHS numbers).",
  })
  @Allow(Permission.CaseDataUse)
  async startEhcpDraft(
    @Ctx() ctx: RequestContext,
    @IdArg('templateResourceId') templateResourceId: string,
    @Args('pupilReference', { type: () => String }) pupilReference: string,
    @IdArg('schoolId', { nullable: true }) schoolId: string | null,
  ): Promise<EhcpDraftModel> {
    const s = signed(ctx);
    const id = await this.drafts.start(s, templateResourceId, pupilReference, schoolId);
    return this.drafts.get(s, id);
  }

  @Mutation(() => EhcpSectionSavedModel, {
    description:
      'Save one section from the revision it was read at; a stale revision is a CONFLICT and nothing is overwritten. Text that looks like it identifies the pupil (a name, date of birth, UPN, NHS number) is refused with PERSONAL_DATA unless personalDataOverride gives a reason (audited).',
  })
  @Allow(Permission.CaseDataUse)
  saveEhcpDraftSection(
    @Ctx() ctx: RequestContext,
    @IdArg('draftId') draftId: string,
    @Args('key', { type: () => EhcpSectionKeyEnum }) key: EhcpSectionKey,
    @Args('text', { type: () => String }) text: string,
    @Args('revision', { type: () => Int }) revision: number,
    @InputArg('personalDataOverride', PersonalDataOverrideInput, { nullable: true })
    override: PersonalDataOverrideInput | null,
  ): Promise<EhcpSectionSavedModel> {
    return this.drafts.saveSection(signed(ctx), draftId, key, text, revision, override);
  }

  @Mutation(() => EhcpSectionStateSetModel, {
    description:
      'Mark one section not started, in progress or complete (the writers decide). The text and its revision are untouched. Audited.',
  })
  @Allow(Permission.CaseDataUse)
  setEhcpDraftSectionState(
    @Ctx() ctx: RequestContext,
    @IdArg('draftId') draftId: string,
    @Args('key', { type: () => EhcpSectionKeyEnum }) key: EhcpSectionKey,
    @Args('state', { type: () => EhcpSectionStatusEnum }) state: EhcpSectionStatus,
  ): Promise<EhcpSectionStateSetModel> {
    return this.drafts.setSectionState(signed(ctx), draftId, key, state);
  }

  @Mutation(() => Boolean, {
    description: 'Delete a draft from view (it is archived, and audited). Ask to confirm first.',
  })
  @Allow(Permission.CaseDataUse)
  archiveEhcpDraft(@Ctx() ctx: RequestContext, @IdArg('id') id: string): Promise<boolean> {
    return this.drafts.archive(signed(ctx), id);
  }
}
