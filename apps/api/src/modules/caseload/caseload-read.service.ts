import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  Actor,
  ActionSourceKind,
  CaseAccessKind,
  CaseSort,
  CaseStatus,
  canAccessCaseData,
  caseDataReach,
  londonToday,
} from '@lantern/shared-domain';
import { Errors } from '../../common/errors/app-error';
import { renderMarkdown } from '../../common/markdown/render-markdown';
import { ActionsService } from '../actions/actions.service';
import { CaseAccessLogService } from '../case-access/case-access-log.service';
import { caseRecord } from './case-actions.source';
import {
  CaseRow,
  CURRENT_YEAR_SQL,
  academicYearNow,
  caseColumns,
  openActionsJoin,
  summaryOf,
} from './case-rows';
import { CaseListModel, CaseModel, CaseNoteModel, CaseSchoolModel } from './case.model';
import type { CaseFilterInput } from './dto/case.input';

const SORTS: Record<CaseSort, string> = {
  [CaseSort.NeedsAttention]:
    '(COALESCE(a.overdue_actions, 0) > 0) DESC, LEAST(a.next_action, c.next_concern_on) ASC NULLS LAST, lower(c.reference), c.id',
  [CaseSort.Reference]: 'lower(c.reference), c.id',
  [CaseSort.YearGroup]: 'current_year, lower(c.reference), c.id',
  [CaseSort.RecentlyChanged]: 'c.updated_at DESC, c.id',
};

interface NoteRow {
  id: string;
  note_id: string;
  version: number;
  happened_on: string;
  body: string;
  written_by: string;
  writer: string;
  written_at: Date;
}

/**
 * Reading the caseload: the schools the viewer may read, a school's cases (filtered, sorted by
 * "needs attention", one page in one statement) and one case with its log, actions and EHCP drafts.
 * Only under the case-data rule (canAccessCaseData); anyone else gets NOT_FOUND. Every read is
 * written to the case-access log.
 */
@Injectable()
export class CaseloadReadService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly actions: ActionsService,
    private readonly accessLog: CaseAccessLogService,
  ) {}

  async schools(actor: Actor): Promise<CaseSchoolModel[]> {
    const reach = caseDataReach(actor);
    const rows: Array<{ id: string; name: string; trust_name: string; open_cases: number }> =
      await this.ds.query(
        `SELECT s.id, s.name, t.name AS trust_name,
              (SELECT count(*) FROM cases c WHERE c.school_id = s.id AND c.status <> 'CLOSED')::int AS open_cases
         FROM schools s JOIN trusts t ON t.id = s.trust_id
        WHERE s.id = ANY($1::uuid[]) OR s.trust_id = ANY($2::uuid[])
        ORDER BY t.name, s.name`,
        [reach.schoolIds, reach.trustIds],
      );
    return rows.map((r) => ({ id: r.id, name: r.name, trustName: r.trust_name, openCases: r.open_cases }));
  }

  /** The school, if the actor may read its case data (NOT_FOUND otherwise). */
  async school(m: EntityManager, actor: Actor, schoolId: string): Promise<{ trustId: string; name: string }> {
    const [s] = await m.query('SELECT trust_id, name FROM schools WHERE id = $1', [schoolId]);
    if (!s || !canAccessCaseData(actor, { schoolId, trustId: s.trust_id }))
      throw Errors.notFound("That school's caseload");
    return { trustId: s.trust_id, name: s.name };
  }

  async list(
    actor: Actor,
    schoolId: string,
    f: CaseFilterInput,
    first: number,
    offset: number,
  ): Promise<CaseListModel> {
    // Checked and logged in one statement (the case-data rule in SQL: caseDataReach), then one read.
    // An attempted list is logged even if the read then fails.
    const m = this.ds.manager;
    if (!(await this.accessLog.recordForSchool(m, actor, schoolId, CaseAccessKind.CaseloadListed)))
      throw Errors.notFound("That school's caseload");
    const today = londonToday();
    const params: unknown[] = [
      schoolId,
      today,
      academicYearNow(),
      f.statuses?.length ? f.statuses : [CaseStatus.Open, CaseStatus.Monitoring],
    ];
    const where = ['c.school_id = $1', 'c.status = ANY($4::text[])'];
    if (f.need) {
      params.push(f.need);
      where.push(`(c.primary_need = $${params.length} OR c.secondary_need = $${params.length})`);
    }
    if (f.concern) {
      params.push([f.concern]);
      where.push(`c.concern_kinds @> $${params.length}::text[]`);
    }
    if (f.yearGroup !== null && f.yearGroup !== undefined) {
      params.push(f.yearGroup);
      where.push(`${CURRENT_YEAR_SQL('$3')} = $${params.length}`);
    }
    const rows: Array<CaseRow & { total: number }> = await m.query(
      `SELECT ${caseColumns('$2', '$3')}, count(*) OVER ()::int AS total
         FROM cases c JOIN schools s ON s.id = c.school_id ${openActionsJoin('$1', '$2')}
        WHERE ${where.join(' AND ')}
        ORDER BY ${SORTS[f.sort ?? CaseSort.NeedsAttention]}
        LIMIT ${first + 1} OFFSET ${offset}`,
      params,
    );
    return {
      nodes: rows.slice(0, first).map((r) => summaryOf(r, today)),
      totalCount: rows[0]?.total ?? 0,
      hasNextPage: rows.length > first,
    };
  }

  /** One case, logged as read. */
  async get(actor: Actor, id: string): Promise<CaseModel> {
    return this.ds.transaction(async (m) => {
      const c = await this.load(m, actor, id);
      await this.accessLog.record(m, [
        { schoolId: c.schoolId, caseId: id, actorUserId: actor.userId, kind: CaseAccessKind.CaseRead },
      ]);
      return c;
    });
  }

  /** The case row if the actor may read it (NOT_FOUND otherwise); `lock` for a change. */
  async row(
    m: EntityManager,
    actor: Actor,
    id: string,
    lock = false,
  ): Promise<CaseRow & { school_name: string }> {
    const today = londonToday();
    const [r]: Array<CaseRow & { school_name: string }> = await m.query(
      `SELECT ${caseColumns('$2', '$3')}, s.name AS school_name
         FROM cases c JOIN schools s ON s.id = c.school_id
         LEFT JOIN LATERAL (
           SELECT count(*) AS open_actions, count(*) FILTER (WHERE due_on < $2::date) AS overdue_actions, min(due_on) AS next_action
             FROM actions WHERE status = 'OPEN' AND source_kind = 'CASE' AND source_id = c.id) a ON true
        WHERE c.id = $1 ${lock ? 'FOR UPDATE OF c' : ''}`,
      [id, today, academicYearNow()],
    );
    if (!r || !canAccessCaseData(actor, { schoolId: r.school_id, trustId: r.trust_id }))
      throw Errors.notFound('That case');
    return r;
  }

  /** A case with its log, actions and drafts (not logged: the caller logs what it did). */
  async load(m: EntityManager, actor: Actor, id: string): Promise<CaseModel> {
    const r = await this.row(m, actor, id);
    const today = londonToday();
    const [notes, actions, drafts] = [
      await this.notes(m, id),
      await this.actions.forSources(m, actor, new Map([[id, caseRecord(r)]]), ActionSourceKind.Case),
      (await m.query(
        `SELECT id, template_title AS "templateTitle", updated_at AS "updatedAt" FROM ehcp_drafts
          WHERE case_id = $1 AND archived_at IS NULL ORDER BY updated_at DESC`,
        [id],
      )) as CaseModel['ehcpDrafts'],
    ];
    return {
      ...summaryOf(r, today),
      schoolId: r.school_id,
      schoolName: r.school_name,
      revision: r.revision,
      createdAt: r.created_at,
      notes,
      actions: actions.get(id) ?? [],
      ehcpDrafts: drafts,
    };
  }

  /** Every note's newest version with its earlier ones, newest note first; one statement. */
  async notes(m: EntityManager, caseId: string, noteId?: string): Promise<CaseNoteModel[]> {
    const rows: NoteRow[] = await m.query(
      `SELECT e.id, e.note_id, e.version, to_char(e.happened_on, 'YYYY-MM-DD') AS happened_on, e.body,
              e.written_by, u.display_name AS writer, e.written_at
         FROM case_log_entries e JOIN users u ON u.id = e.written_by
        WHERE e.case_id = $1 ${noteId ? 'AND e.note_id = $2' : ''}
        ORDER BY e.note_id, e.version DESC`,
      noteId ? [caseId, noteId] : [caseId],
    );
    const byNote = new Map<string, NoteRow[]>();
    for (const r of rows) byNote.set(r.note_id, [...(byNote.get(r.note_id) ?? []), r]);
    const notes = [...byNote.values()].map((versions): CaseNoteModel => {
      const [latest, ...earlier] = versions;
      const first = versions[versions.length - 1]!;
      return {
        id: latest!.note_id,
        happenedOn: latest!.happened_on,
        body: latest!.body,
        bodyHtml: renderMarkdown(latest!.body),
        version: latest!.version,
        writtenBy: { id: latest!.written_by, displayName: latest!.writer },
        writtenAt: latest!.written_at,
        firstWrittenAt: first.written_at,
        earlierVersions: earlier.map((v) => ({
          version: v.version,
          body: v.body,
          bodyHtml: renderMarkdown(v.body),
          writtenBy: { id: v.written_by, displayName: v.writer },
          writtenAt: v.written_at,
        })),
      };
    });
    return notes.sort(
      (a, b) =>
        b.happenedOn.localeCompare(a.happenedOn) || b.firstWrittenAt.getTime() - a.firstWrittenAt.getTime(),
    );
  }
}
