import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditAction, ErrorCode, describeFindings, findPersonalData } from '@lantern/shared-domain';
import type { RequestContext } from '../../common/context/request-context';
import { AppError } from '../../common/errors/app-error';
import { AuditService } from '../audit/audit.service';

/**
 * The API side of the personal-data check: text that looks like it names a pupil is refused with
 * PERSONAL_DATA unless the author overrides with a reason, which goes to the audit trail.
 */
@Injectable()
export class PersonalDataGuard {
  constructor(private readonly audit: AuditService) {}

  async check(
    ctx: RequestContext,
    texts: string[],
    override: { reason: string } | null | undefined,
    where: { trustId: string | null; targetType: string; targetId?: string },
    m: EntityManager,
  ): Promise<void> {
    const findings = texts.flatMap((t) => findPersonalData(t));
    if (!findings.length) return;
    if (!override?.reason?.trim()) {
      throw new AppError(ErrorCode.PersonalData, describeFindings(findings), {
        findings: [...new Set(findings.map((f) => f.kind))].join(','),
      });
    }
    await this.audit.recordFor(
      ctx,
      {
        action: AuditAction.ForumPersonalDataOverride,
        summary: `Posted despite the personal-data check (${[...new Set(findings.map((f) => f.kind))].join(', ')}). Reason: ${override.reason.trim().slice(0, 300)}`,
        targetType: where.targetType,
        targetId: where.targetId,
        trustId: where.trustId,
      },
      m,
    );
  }
}
