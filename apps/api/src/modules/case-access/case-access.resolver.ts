import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { Actor, Permission } from '@lantern/shared-domain';
import { Allow, CurrentActor } from '../../common/auth/decorators';
import { pageSize } from '../../common/pagination/connection';
import { IdArg } from '../../common/validation';
import { CaseAccessLogModel } from './case-access.model';
import { CaseAccessLogService } from './case-access-log.service';

@Resolver()
export class CaseAccessResolver {
  constructor(private readonly log: CaseAccessLogService) {}

  @Query(() => CaseAccessLogModel, {
    description: "Who read or changed which of a school's cases and EHCP drafts, and when (newest first).",
  })
  @Allow(Permission.CaseDataUse, "read a school's case-access log")
  caseAccessLog(
    @CurrentActor() actor: Actor,
    @IdArg('schoolId') schoolId: string,
    @IdArg('caseId', { nullable: true }) caseId: string | null,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 50 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<CaseAccessLogModel> {
    return this.log.list(actor, schoolId, caseId, pageSize(first), after);
  }
}
