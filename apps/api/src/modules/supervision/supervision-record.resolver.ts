import { Args, Int, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Actor, Permission } from '@lantern/shared-domain';
import { Allow, Ctx, CurrentActor } from '../../common/auth/decorators';
import type { RequestContext } from '../../common/context/request-context';
import { Errors } from '../../common/errors/app-error';
import { FieldAccess } from '../../common/graphql/field-access';
import { IdArg } from '../../common/validation';
import { SupervisionRecordAddendaService } from './supervision-record-addenda.service';
import { SupervisionRecordReadService } from './supervision-record-read.service';
import { SupervisionRecordService } from './supervision-record.service';
import { SupervisionRecordModel } from './supervision-record.model';
import { SupervisionSessionModel } from './supervision.model';

/**
 * A session's record (ADR 12): drafted by either signing side once the session has ended, signed
 * by both, corrected only by addenda both sign. Case data: every operation needs
 * Permission.CaseDataUse and an elevated session (PolicyGuard); the services apply the session's rules.
 */
@Resolver(() => SupervisionSessionModel)
export class SupervisionRecordResolver {
  constructor(
    private readonly read: SupervisionRecordReadService,
    private readonly records: SupervisionRecordService,
    private readonly addenda: SupervisionRecordAddendaService,
  ) {}

  @ResolveField('record', () => SupervisionRecordModel, {
    nullable: true,
    description: 'The record of the session (null until drafted).',
  })
  @FieldAccess.policy('canSeeSupervision')
  record(
    @Parent() session: SupervisionSessionModel,
    @Ctx() ctx: RequestContext,
  ): Promise<SupervisionRecordModel | null> {
    const actor = ctx.actor;
    if (!actor) throw Errors.unauthenticated();
    return ctx.loaders
      .memo(`supervision.record:${actor.userId}`, () => this.read.loader(actor))
      .load(session.id);
  }

  @Mutation(() => SupervisionRecordModel, {
    description:
      'Draft (or, while unsigned, redraft) the record of an ended session: a new revision, which clears both signatures.',
  })
  @Allow(Permission.CaseDataUse, 'draft supervision records')
  draftSupervisionRecord(
    @CurrentActor() actor: Actor,
    @IdArg('sessionId') sessionId: string,
  ): Promise<SupervisionRecordModel> {
    return this.records.draft(actor, sessionId);
  }

  @Mutation(() => SupervisionRecordModel, {
    description:
      'Sign the record for your side (SENCO or SEND lead), naming the revision you read (CONFLICT if redrafted since).',
  })
  @Allow(Permission.CaseDataUse, 'sign supervision records')
  signSupervisionRecord(
    @CurrentActor() actor: Actor,
    @IdArg('sessionId') sessionId: string,
    @Args('revision', { type: () => Int }) revision: number,
  ): Promise<SupervisionRecordModel> {
    return this.records.sign(actor, sessionId, revision);
  }

  @Mutation(() => SupervisionRecordModel, {
    description:
      'Add a dated addendum to a signed record (checked for pupil details; override: save anyway when only a name was flagged).',
  })
  @Allow(Permission.CaseDataUse, 'add addenda to supervision records')
  addSupervisionAddendum(
    @Ctx() ctx: RequestContext,
    @CurrentActor() actor: Actor,
    @IdArg('sessionId') sessionId: string,
    @Args('body', { type: () => String }) body: string,
    @Args('override', { type: () => Boolean, nullable: true }) override: boolean | null,
  ): Promise<SupervisionRecordModel> {
    return this.addenda.add(ctx, actor, sessionId, body, override === true);
  }

  @Mutation(() => SupervisionRecordModel, { description: 'Sign an addendum for your side.' })
  @Allow(Permission.CaseDataUse, 'sign supervision records')
  signSupervisionAddendum(
    @CurrentActor() actor: Actor,
    @IdArg('addendumId') addendumId: string,
  ): Promise<SupervisionRecordModel> {
    return this.addenda.sign(actor, addendumId);
  }
}
