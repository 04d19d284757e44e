import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditAction, ErrorCode, describeFindings, findPersonalData } from '@lantern/shared-domain';
import type { RequestContext } from '../../common/context/request-context';
import { AppError } from '../../common/errors/app-error';
import { AuditService } from '../audit/audit.service';

/**
 * The forum's personal-data check applied to the library: resources are for practice, not pupils.
 * Text that looks like it names a pupil is refused with PERSONAL_DATA unless the author gives a
 * reason, which is audited in the same transaction.
 */
@Injectable()
export class LibraryPersonalDataGuard {
  constructor(private readonly audit: AuditService) {}

  async check(
    ctx: RequestContext,
    texts: Array<string | null | undefined>,
    override: { reason: string } | null | undefined,
    where: { trustId: string | null; schoolId: string | null; targetType: string; targetId: string },
    m: EntityManager,
  ): Promise<void> {
    const findings = texts.flatMap((t) => (t ? findPersonalData(t) : []));
    if (!findings.length) return;
    const kinds = [...new Set(findings.map((f) => f.kind))];
    if (!override?.reason?.trim()) {
      throw new AppError(ErrorCode.PersonalData, describeFindings(findings), { findings: kinds.join(',') });
    }
    await this.audit.recordFor(
      ctx,
      {
        action: AuditAction.LibraryPersonalDataOverride,
        summary: `Saved to the library despite the personal-data check (${kinds.join(', ')}). Reason: ${override.reason.trim().slice(0, 300)}`,
        targetType: where.targetType,
        targetId: where.targetId,
        trustId: where.trustId,
        schoolId: where.schoolId,
      },
      m,
    );
  }
}
