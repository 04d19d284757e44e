import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  Actor,
  ActionSourceKind,
  AuditAction,
  CaseAccessKind,
  DatedConcern,
  Permission,
  ScopeKind,
  rolesOf,
  caseProblem,
  isIsoDate,
  londonToday,
} from '@lantern/shared-domain';
import type { RequestContext } from '../../common/context/request-context';
import { Errors } from '../../common/errors/app-error';
import { PersonalDataService, PersonalDataTarget } from '../../common/personal-data/personal-data.service';
import { ActionModel } from '../actions/action.model';
import { ActionsService } from '../actions/actions.service';
import { CaseAccessLogService } from '../case-access/case-access-log.service';
import { caseRecord } from './case-actions.source';
import { CaseModel, CaseNoteModel } from './case.model';
import { CaseloadReadService } from './caseload-read.service';
import type {
  AddCaseActionInput,
  AddCaseNoteInput,
  CaseConcernInput,
  CreateCaseInput,
  EditCaseNoteInput,
  UpdateCaseInput,
} from './dto/case.input';

const UNIQUE_VIOLATION = '23505';

function concernsOf(input: readonly CaseConcernInput[]): DatedConcern[] {
  const seen = new Set<string>();
  return input.map((c) => {
    if (seen.has(c.kind)) throw Errors.badInput('Each concern can be added once.', { concerns: 'Repeated' });
    seen.add(c.kind);
    if (c.dueOn && !isIsoDate(c.dueOn))
      throw Errors.badInput('Enter the date of the concern as a real date.', { concerns: 'Not a date' });
    return { kind: c.kind, dueOn: c.dueOn || null, note: c.note?.trim() || null };
  });
}

function earliest(concerns: readonly DatedConcern[]): string | null {
  const dates = concerns
    .map((c) => c.dueOn)
    .filter((d): d is string => !!d)
    .sort();
  return dates[0] ?? null;
}

/**
 * Changing the caseload: recording and updating cases, the append-only log, and adding actions.
 * Each change checks the case-data rule (through CaseloadReadService), the pseudonymous reference
 * and the personal-data check, and is written to the case-access log in the same transaction.
 */
@Injectable()
export class CaseloadWriteService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly read: CaseloadReadService,
    private readonly actions: ActionsService,
    private readonly accessLog: CaseAccessLogService,
    private readonly personalData: PersonalDataService,
  ) {}

  private target(schoolId: string, trustId: string, caseId?: string): PersonalDataTarget {
    return {
      action: AuditAction.CasePersonalDataOverride,
      verb: 'Saved to a case',
      trustId,
      schoolId,
      targetType: 'case',
      targetId: caseId,
    };
  }

  private validate(input: CreateCaseInput | UpdateCaseInput): DatedConcern[] {
    const problem = caseProblem({
      reference: input.reference,
      yearGroup: input.yearGroup,
      senStatus: input.senStatus,
      primaryNeed: input.primaryNeed,
      secondaryNeed: input.secondaryNeed ?? null,
    });
    if (problem) throw Errors.badInput(problem, { reference: problem });
    return concernsOf(input.concerns ?? []);
  }

  async create(ctx: RequestContext, actor: Actor, input: CreateCaseInput): Promise<CaseModel> {
    const concerns = this.validate(input);
    return this.ds.transaction(async (m) => {
      const school = await this.read.school(m, actor, input.schoolId);
      const target = this.target(input.schoolId, school.trustId);
      await this.personalData.check(
        ctx,
        concerns.map((c) => c.note),
        input.personalDataOverride,
        target,
        m,
      );
      const id = await this.insert(m, actor, input, concerns);
      // EHCP drafts the school started for this reference belong to the case.
      await m.query(
        `UPDATE ehcp_drafts SET case_id = $1
          WHERE school_id = $2 AND case_id IS NULL AND lower(trim(pupil_reference)) = lower(trim($3))`,
        [id, input.schoolId, input.reference],
      );
      await this.accessLog.record(m, [
        { schoolId: input.schoolId, caseId: id, actorUserId: actor.userId, kind: CaseAccessKind.CaseCreated },
      ]);
      return this.read.load(m, actor, id);
    });
  }

  private async insert(
    m: EntityManager,
    actor: Actor,
    input: CreateCaseInput,
    concerns: DatedConcern[],
  ): Promise<string> {
    try {
      const [row] = await m.query(
        `INSERT INTO cases (school_id, reference, year_group, year_group_on, sen_status, primary_need, secondary_need,
                            concerns, concern_kinds, next_concern_on, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9::text[], $10, $11) RETURNING id`,
        [
          input.schoolId,
          input.reference.trim(),
          input.yearGroup,
          londonToday(),
          input.senStatus,
          input.primaryNeed,
          input.secondaryNeed ?? null,
          JSON.stringify(concerns),
          concerns.map((c) => c.kind),
          earliest(concerns),
          actor.userId,
        ],
      );
      return row.id;
    } catch (e) {
      if ((e as { code?: string }).code === UNIQUE_VIOLATION)
        throw Errors.conflict(
          'This school already has a case with that reference. Add a letter or number to tell them apart.',
        );
      throw e;
    }
  }

  async update(ctx: RequestContext, actor: Actor, input: UpdateCaseInput): Promise<CaseModel> {
    const concerns = this.validate(input);
    return this.ds.transaction(async (m) => {
      const current = await this.read.row(m, actor, input.id, true);
      if (current.revision !== input.revision)
        throw Errors.conflict(
          'Someone changed this case while you were editing it. Reload it to see their change, then make yours again.',
        );
      await this.personalData.check(
        ctx,
        concerns.map((c) => c.note),
        input.personalDataOverride,
        this.target(current.school_id, current.trust_id, input.id),
        m,
      );
      try {
        await m.query(
          `UPDATE cases SET reference = $2, year_group = $3, year_group_on = $4, sen_status = $5, primary_need = $6,
                  secondary_need = $7, status = $8, concerns = $9::jsonb, concern_kinds = $10::text[], next_concern_on = $11,
                  revision = revision + 1, updated_at = now()
            WHERE id = $1`,
          [
            input.id,
            input.reference.trim(),
            input.yearGroup,
            londonToday(),
            input.senStatus,
            input.primaryNeed,
            input.secondaryNeed ?? null,
            input.status,
            JSON.stringify(concerns),
            concerns.map((c) => c.kind),
            earliest(concerns),
          ],
        );
      } catch (e) {
        if ((e as { code?: string }).code === UNIQUE_VIOLATION)
          throw Errors.conflict('This school already has a case with that reference.');
        throw e;
      }
      await this.accessLog.record(m, [
        {
          schoolId: current.school_id,
          caseId: input.id,
          actorUserId: actor.userId,
          kind: CaseAccessKind.CaseChanged,
        },
      ]);
      return this.read.load(m, actor, input.id);
    });
  }

  async addNote(ctx: RequestContext, actor: Actor, input: AddCaseNoteInput): Promise<CaseNoteModel> {
    const body = input.body.trim();
    if (!body) throw Errors.badInput('Write the note first.', { body: 'Empty' });
    if (!isIsoDate(input.happenedOn) || input.happenedOn > londonToday())
      throw Errors.badInput('Enter the date it happened: today or earlier.', {
        happenedOn: 'Not a past date',
      });
    return this.ds.transaction(async (m) => {
      const c = await this.read.row(m, actor, input.caseId, true);
      await this.personalData.check(
        ctx,
        [body],
        input.personalDataOverride,
        this.target(c.school_id, c.trust_id, c.id),
        m,
      );
      const [row] = await m.query(
        `INSERT INTO case_log_entries (case_id, note_id, version, happened_on, body, written_by)
         VALUES ($1, gen_random_uuid(), 1, $2, $3, $4) RETURNING note_id`,
        [c.id, input.happenedOn, body, actor.userId],
      );
      await m.query('UPDATE cases SET updated_at = now() WHERE id = $1', [c.id]);
      await this.accessLog.record(m, [
        { schoolId: c.school_id, caseId: c.id, actorUserId: actor.userId, kind: CaseAccessKind.NoteAdded },
      ]);
      return (await this.read.notes(m, c.id, row.note_id))[0]!;
    });
  }

  /** An edit adds the next version; the earlier text stays readable to those who may read the case. */
  async editNote(ctx: RequestContext, actor: Actor, input: EditCaseNoteInput): Promise<CaseNoteModel> {
    const body = input.body.trim();
    if (!body)
      throw Errors.badInput('A note cannot be emptied: its earlier text stays in the log.', {
        body: 'Empty',
      });
    return this.ds.transaction(async (m) => {
      const [latest] = await m.query(
        `SELECT case_id, version, happened_on FROM case_log_entries WHERE note_id = $1 ORDER BY version DESC LIMIT 1`,
        [input.noteId],
      );
      if (!latest) throw Errors.notFound('That note');
      const c = await this.read.row(m, actor, latest.case_id, true);
      if (latest.version !== input.version)
        throw Errors.conflict(
          'Someone edited this note while you were editing it. Reload to see their version.',
        );
      await this.personalData.check(
        ctx,
        [body],
        input.personalDataOverride,
        this.target(c.school_id, c.trust_id, c.id),
        m,
      );
      await m.query(
        `INSERT INTO case_log_entries (case_id, note_id, version, happened_on, body, written_by)
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [c.id, input.noteId, latest.version + 1, latest.happened_on, body, actor.userId],
      );
      await m.query('UPDATE cases SET updated_at = now() WHERE id = $1', [c.id]);
      await this.accessLog.record(m, [
        { schoolId: c.school_id, caseId: c.id, actorUserId: actor.userId, kind: CaseAccessKind.NoteEdited },
      ]);
      return (await this.read.notes(m, c.id, input.noteId))[0]!;
    });
  }

  async addAction(ctx: RequestContext, actor: Actor, input: AddCaseActionInput): Promise<ActionModel> {
    const { action, publish } = await this.ds.transaction(async (m) => {
      const c = await this.read.row(m, actor, input.caseId, true);
      await this.personalData.check(ctx, [input.title], null, this.target(c.school_id, c.trust_id, c.id), m);
      const added = await this.actions.add(m, actor, ActionSourceKind.Case, caseRecord(c), input);
      await m.query('UPDATE cases SET updated_at = now() WHERE id = $1', [c.id]);
      return added;
    });
    await publish();
    return action;
  }

  /** People who may own an action on the case: those the case-data rule lets read it. */
  async owners(actor: Actor, caseId: string): Promise<Array<{ id: string; displayName: string }>> {
    const c = await this.read.row(this.ds.manager, actor, caseId);
    return this.ds.query(
      `SELECT DISTINCT u.id, u.display_name AS "displayName"
         FROM memberships ms JOIN users u ON u.id = ms.user_id
        WHERE u.deactivated_at IS NULL
          AND ((ms.school_id = $1 AND ms.role = ANY($3::text[])) OR (ms.trust_id = $2 AND ms.role = ANY($4::text[])))
        ORDER BY u.display_name`,
      [
        c.school_id,
        c.trust_id,
        rolesOf(Permission.CaseDataUse, ScopeKind.School),
        rolesOf(Permission.CaseDataUse, ScopeKind.Trust),
      ],
    );
  }
}
