import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { Actor, Permission } from '@lantern/shared-domain';
import { InputArg } from '../../common/validation';
import { Allow, CurrentActor } from '../../common/auth/decorators';
import { Connection, pageSize } from '../../common/pagination/connection';
import { AuditEntryConnection, AuditEntryModel } from './audit.model';
import { AuditService } from './audit.service';
import { AuditFilter } from './dto/audit-filter.input';

@Resolver(() => AuditEntryModel)
export class AuditResolver {
  constructor(private readonly audit: AuditService) {}

  @Query(() => AuditEntryConnection, { description: 'The audit trail the viewer may read, newest first.' })
  @Allow(Permission.AuditRead)
  auditTrail(
    @CurrentActor() actor: Actor,
    @InputArg('filter', AuditFilter, { nullable: true }) filter: AuditFilter | null,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 50 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<Connection<AuditEntryModel>> {
    return this.audit.list(actor, filter, pageSize(first), after);
  }
}
