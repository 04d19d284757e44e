import { Args, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { ACTION_LIMITS, Actor, AuditAction } from '@lantern/shared-domain';
import { PersonalDataService } from '../../common/personal-data/personal-data.service';
import { Ctx, CurrentActor, SignedIn } from '../../common/auth/decorators';
import { sessionIsElevated } from '../../common/auth/elevation';
import type { RequestContext } from '../../common/context/request-context';
import { Errors } from '../../common/errors/app-error';
import { InputArg } from '../../common/validation';
import { ActionModel, MyActionsModel } from './action.model';
import { SessionElevationService } from '../second-factor/session-elevation.service';
import { ActionsService } from './actions.service';
import { UpdateActionInput } from './dto/action.input';

/** "My actions" for everyone, and changing an action; the record's feature decides who may (ActionSource). */
@Resolver()
export class ActionsResolver {
  constructor(
    private readonly actions: ActionsService,
    private readonly elevation: SessionElevationService,
    private readonly personalData: PersonalDataService,
  ) {}

  @Query(() => MyActionsModel, {
    description: 'Actions the viewer owns: open ones soonest due first, or closed ones most recent first.',
  })
  @SignedIn()
  myActions(
    @CurrentActor() actor: Actor,
    @Ctx() ctx: RequestContext,
    @Args('open', { type: () => Boolean, defaultValue: true }) open: boolean,
    @Args('first', { type: () => Int, defaultValue: ACTION_LIMITS.pageSize }) first: number,
    @Args('offset', { type: () => Int, defaultValue: 0 }) offset: number,
  ): Promise<MyActionsModel> {
    if (!Number.isInteger(first) || first < 1 || first > ACTION_LIMITS.pageSize)
      throw Errors.badInput(`Ask for between 1 and ${ACTION_LIMITS.pageSize} actions at a time.`, {
        first: 'Out of range',
      });
    if (!Number.isInteger(offset) || offset < 0 || offset > 100_000)
      throw Errors.badInput('That page does not exist.', { offset: 'Out of range' });
    return this.actions.mine(actor, sessionIsElevated(ctx.session), open, first, offset);
  }

  @Mutation(() => ActionModel, {
    description:
      'Mark an action done or cancelled, reopen it, change its title or due date, or hand it over.',
  })
  @SignedIn()
  updateAction(
    @CurrentActor() actor: Actor,
    @Ctx() ctx: RequestContext,
    @InputArg('input', UpdateActionInput) input: UpdateActionInput,
  ): Promise<ActionModel> {
    return this.actions.update(
      actor,
      input,
      () => this.elevation.demand(ctx),
      // No override for an action's title: text that looks like pupil details is refused (PERSONAL_DATA).
      (m, texts, record) =>
        this.personalData.check(
          ctx,
          texts,
          null,
          {
            action: AuditAction.CasePersonalDataOverride,
            verb: 'Saved an action',
            trustId: record.trustId,
            schoolId: record.schoolId,
            targetType: 'action',
            targetId: input.id,
          },
          m,
        ),
    );
  }
}
