import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import {
  AuditAction,
  ErrorCode,
  PersonalDataKind,
  type PersonalDataFinding,
  describeFindings,
  findPersonalData,
} from '@lantern/shared-domain';
import { NAME_DATA } from '@lantern/shared-domain/names';
import type { RequestContext } from '../context/request-context';
import { AppError } from '../errors/app-error';
import { AuditService } from '../../modules/audit/audit.service';

/** Where the checked text goes, for the refusal and the audit entry of an override. */
export interface PersonalDataTarget {
  /** The audit action recorded when someone keeps flagged text with a reason. */
  action: AuditAction;
  /** How the override reads in the audit trail: "Posted", "Saved to the library", ... */
  verb: string;
  trustId: string | null;
  schoolId?: string | null;
  targetType: string;
  targetId?: string;
}

/**
 * The one personal-data check for text people share (forum posts, library resources, comments,
 * change notes, toolkit notes, file names, EHCP section text; later agendas, minutes and chat).
 * Text that looks like it identifies a pupil is refused with PERSONAL_DATA unless the author gives a
 * reason, which is audited in the same transaction. Names of the directory's own members are let
 * through: they are colleagues, not pupils.
 */
@Injectable()
export class PersonalDataService {
  constructor(private readonly audit: AuditService) {}

  /** The findings in `texts`, members' names excluded. Reads with `m` (inside the caller's transaction). */
  async find(
    texts: ReadonlyArray<string | null | undefined>,
    m: EntityManager,
  ): Promise<PersonalDataFinding[]> {
    const present = texts.filter((t): t is string => !!t);
    const first = present.flatMap((t) => findPersonalData(t, { names: NAME_DATA }));
    const names = first.filter((f) => f.kind === PersonalDataKind.PersonName);
    if (!names.length) return first;
    const allowedNames = await this.memberNames(names, m);
    if (!allowedNames.length) return first;
    return present.flatMap((t) => findPersonalData(t, { names: NAME_DATA, allowedNames }));
  }

  async check(
    ctx: RequestContext,
    texts: ReadonlyArray<string | null | undefined>,
    override: { reason: string } | null | undefined,
    target: PersonalDataTarget,
    m: EntityManager,
  ): Promise<void> {
    const findings = await this.find(texts, m);
    if (!findings.length) return;
    const kinds = [...new Set(findings.map((f) => f.kind))];
    if (!override?.reason?.trim()) {
      throw new AppError(ErrorCode.PersonalData, describeFindings(findings), { findings: kinds.join(',') });
    }
    await this.audit.recordFor(
      ctx,
      {
        action: target.action,
        summary: `${target.verb} despite the personal-data check (${kinds.join(', ')}). Reason: ${override.reason.trim().slice(0, 300)}`,
        targetType: target.targetType,
        targetId: target.targetId,
        trustId: target.trustId,
        schoolId: target.schoolId ?? null,
      },
      m,
    );
  }

  /**
   * The check for case talk with "keep it anyway" (supervision messages, agendas, outcomes, addenda):
   * `keep` lets through only what looks like a person's name (often a colleague's, or a false alarm),
   * audited with `reason`; an identifier (UPN, NHS number, date of birth, a name next to a year group,
   * …) is refused even then. The one place this rule is written.
   */
  async checkKeepingNames(
    ctx: RequestContext,
    texts: ReadonlyArray<string | null | undefined>,
    keep: boolean | null | undefined,
    reason: string,
    target: PersonalDataTarget,
    m: EntityManager,
  ): Promise<void> {
    if (!keep) return this.check(ctx, texts, null, target, m);
    const findings = await this.find(texts, m);
    const identifiers = findings.filter((f) => f.kind !== PersonalDataKind.PersonName);
    if (identifiers.length)
      throw new AppError(
        ErrorCode.PersonalData,
        `${describeFindings(identifiers)} Identifiers cannot be kept, even with "keep it anyway".`,
        { findings: [...new Set(identifiers.map((f) => f.kind))].join(',') },
      );
    if (findings.length) await this.check(ctx, texts, { reason }, target, m);
  }

  /**
   * Display names of active members that contain a flagged name (a full name, or a lone given name
   * as a first name), so only the few that matter are read, however big the directory.
   */
  private async memberNames(found: readonly PersonalDataFinding[], m: EntityManager): Promise<string[]> {
    const patterns = [
      ...new Set(
        found.flatMap((f) => {
          const name = f.match.toLowerCase().replace(/[%_\\]/g, '');
          return [`${name}`, `${name} %`, `% ${name}`, `% ${name} %`];
        }),
      ),
    ];
    const rows: Array<{ display_name: string }> = await m.query(
      'SELECT display_name FROM users WHERE deactivated_at IS NULL AND lower(display_name) LIKE ANY($1::text[]) LIMIT 200',
      [patterns],
    );
    return rows.map((r) => r.display_name);
  }
}
