import { Args, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Actor, CASELOAD_LIMITS, Permission } from '@lantern/shared-domain';
import { Allow, Ctx, CurrentActor } from '../../common/auth/decorators';
import type { RequestContext } from '../../common/context/request-context';
import { Errors } from '../../common/errors/app-error';
import { IdArg, InputArg } from '../../common/validation';
import { ActionModel, ActionPersonModel } from '../actions/action.model';
import { CaseListModel, CaseModel, CaseNoteModel, CaseSchoolModel } from './case.model';
import { CaseloadReadService } from './caseload-read.service';
import { CaseloadWriteService } from './caseload-write.service';
import {
  AddCaseActionInput,
  AddCaseNoteInput,
  CaseFilterInput,
  CreateCaseInput,
  EditCaseNoteInput,
  UpdateCaseInput,
} from './dto/case.input';

/**
 * A school's caseload: case data, so every operation needs Permission.CaseDataUse and a session
 * elevated by the second factor (PolicyGuard), and the services apply the case-data rule to the record.
 */
@Resolver()
export class CaseloadResolver {
  constructor(
    private readonly read: CaseloadReadService,
    private readonly write: CaseloadWriteService,
  ) {}

  @Query(() => [CaseSchoolModel], {
    description: 'Schools whose caseload the viewer may read, with open cases.',
  })
  @Allow(Permission.CaseDataUse, 'read caseloads')
  caseloadSchools(@CurrentActor() actor: Actor): Promise<CaseSchoolModel[]> {
    return this.read.schools(actor);
  }

  @Query(() => CaseListModel, {
    description:
      "A school's cases, filtered; by default open and monitoring cases, those needing attention first. Logged.",
  })
  @Allow(Permission.CaseDataUse, 'read caseloads')
  cases(
    @CurrentActor() actor: Actor,
    @IdArg('schoolId') schoolId: string,
    @InputArg('filter', CaseFilterInput, { nullable: true }) filter: CaseFilterInput | null,
    @Args('first', { type: () => Int, defaultValue: CASELOAD_LIMITS.pageSize }) first: number,
    @Args('offset', { type: () => Int, defaultValue: 0 }) offset: number,
  ): Promise<CaseListModel> {
    if (!Number.isInteger(first) || first < 1 || first > CASELOAD_LIMITS.pageSize)
      throw Errors.badInput(`Ask for between 1 and ${CASELOAD_LIMITS.pageSize} cases at a time.`, {
        first: 'Out of range',
      });
    if (!Number.isInteger(offset) || offset < 0 || offset > 100_000)
      throw Errors.badInput('That page does not exist.', { offset: 'Out of range' });
    return this.read.list(actor, schoolId, filter ?? {}, first, offset);
  }

  @Query(() => CaseModel, { description: 'One case with its log, actions and EHCP drafts. Logged.' })
  @Allow(Permission.CaseDataUse, 'read cases')
  case(@CurrentActor() actor: Actor, @IdArg('id') id: string): Promise<CaseModel> {
    return this.read.get(actor, id);
  }

  @Query(() => [ActionPersonModel], {
    description: 'Who may own an action on this case (those who may read it).',
  })
  @Allow(Permission.CaseDataUse, 'read cases')
  caseActionOwners(
    @CurrentActor() actor: Actor,
    @IdArg('caseId') caseId: string,
  ): Promise<ActionPersonModel[]> {
    return this.write.owners(actor, caseId);
  }

  @Mutation(() => CaseModel, { description: 'Record a case for a school (a pseudonymous reference only).' })
  @Allow(Permission.CaseDataUse, 'record cases')
  createCase(
    @Ctx() ctx: RequestContext,
    @CurrentActor() actor: Actor,
    @InputArg('input', CreateCaseInput) input: CreateCaseInput,
  ): Promise<CaseModel> {
    return this.write.create(ctx, actor, input);
  }

  @Mutation(() => CaseModel, { description: "Change a case's details, concerns or status." })
  @Allow(Permission.CaseDataUse, 'change cases')
  updateCase(
    @Ctx() ctx: RequestContext,
    @CurrentActor() actor: Actor,
    @InputArg('input', UpdateCaseInput) input: UpdateCaseInput,
  ): Promise<CaseModel> {
    return this.write.update(ctx, actor, input);
  }

  @Mutation(() => CaseNoteModel, { description: 'Add a dated note to the case log.' })
  @Allow(Permission.CaseDataUse, 'write in case logs')
  addCaseNote(
    @Ctx() ctx: RequestContext,
    @CurrentActor() actor: Actor,
    @InputArg('input', AddCaseNoteInput) input: AddCaseNoteInput,
  ): Promise<CaseNoteModel> {
    return this.write.addNote(ctx, actor, input);
  }

  @Mutation(() => CaseNoteModel, {
    description: 'Edit a log note: a new version; the earlier text stays visible.',
  })
  @Allow(Permission.CaseDataUse, 'write in case logs')
  editCaseNote(
    @Ctx() ctx: RequestContext,
    @CurrentActor() actor: Actor,
    @InputArg('input', EditCaseNoteInput) input: EditCaseNoteInput,
  ): Promise<CaseNoteModel> {
    return this.write.editNote(ctx, actor, input);
  }

  @Mutation(() => ActionModel, {
    description: 'Add an action to a case (owner: someone who may read the case).',
  })
  @Allow(Permission.CaseDataUse, 'add actions to cases')
  addCaseAction(
    @Ctx() ctx: RequestContext,
    @CurrentActor() actor: Actor,
    @InputArg('input', AddCaseActionInput) input: AddCaseActionInput,
  ): Promise<ActionModel> {
    return this.write.addAction(ctx, actor, input);
  }
}
