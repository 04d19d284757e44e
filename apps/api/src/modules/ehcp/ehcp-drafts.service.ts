import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  AuditAction,
  CaseAccessKind,
  EHCP_LIMITS,
  EHCP_SECTION_SHORT,
  EHCP_SECTION_STATUS_TEXT,
  EhcpCompleteness,
  EhcpSectionStatus,
  ErrorCode,
  ResourceStatus,
  canAccessEhcpDraft,
  draftCompleteness,
  ehcpDraftReach,
  ehcpDraftSchoolsOf,
  isEhcpSectionKey,
  pupilReferenceProblem,
  isEhcpSectionStatus,
  wordCount,
} from '@lantern/shared-domain';
import type { RequestContext } from '../../common/context/request-context';
import { AppError, Errors } from '../../common/errors/app-error';
import { renderMarkdown } from '../../common/markdown/render-markdown';
import { Connection, decodeCursor, encodeCursor, toConnection } from '../../common/pagination/connection';
import { PersonalDataService } from '../../common/personal-data/personal-data.service';
import { AuditService } from '../audit/audit.service';
import { CaseAccess, CaseAccessLogService } from '../case-access/case-access-log.service';
import { EhcpTemplatesService } from './ehcp-templates.service';
import { EhcpDraftEntity, EhcpDraftSectionEntity } from './ehcp.entity';
import {
  EhcpDraftModel,
  EhcpDraftSchoolModel,
  EhcpDraftSectionModel,
  EhcpDraftSummaryModel,
  EhcpSectionSavedModel,
  EhcpSectionStateSetModel,
} from './ehcp.models';

type Signed = RequestContext & {
  actor: NonNullable<RequestContext['actor']>;
  session: NonNullable<RequestContext['session']>;
};

/** A draft with where it belongs. */
interface DraftRow {
  draft: EhcpDraftEntity;
  schoolName: string;
  trustId: string;
}

/** Everything the .docx export needs. */
export interface DraftForExport {
  draft: EhcpDraftEntity;
  schoolName: string;
  sections: EhcpDraftSectionEntity[];
}

/** Rows from `query()`: TypeORM answers UPDATE ... RETURNING with [rows, count]. */
function rowsOf<T>(result: unknown): T[] {
  if (
    Array.isArray(result) &&
    result.length === 2 &&
    Array.isArray(result[0]) &&
    typeof result[1] === 'number'
  )
    return result[0] as T[];
  return result as T[];
}

const SECTION_COLUMNS =
  'draft_id AS "draftId", key, title, guidance, prompts, text, state, revision, updated_at AS "updatedAt", updated_by AS "updatedBy"';

export function exportUrlOf(id: string): string {
  return `/ehcp-drafts/${id}/export.docx`;
}

/** Paragraph text as people typed it: Unix line ends, no control characters except tabs and newlines. */
export function cleanSectionText(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '');
}

function sectionModel(s: EhcpDraftSectionEntity): EhcpDraftSectionModel {
  return {
    key: s.key,
    title: s.title,
    shortTitle: EHCP_SECTION_SHORT[s.key] ?? s.title,
    guidance: s.guidance,
    guidanceHtml: renderMarkdown(s.guidance),
    prompts: s.prompts,
    text: s.text,
    revision: s.revision,
    status: s.state,
    wordCount: wordCount(s.text),
    updatedAt: s.updatedAt,
  };
}

/**
 * A school's private EHCP drafts. Visible only to its SENCOs and headteacher and its trust's SEND
 * lead (canAccessEhcpDraft); anyone else gets NOT_FOUND, as if it did not exist. Every read and
 * change is written to the audit trail, scoped to the school and its trust, in the same transaction.
 * Audit summaries never include the pupil reference (network admins read every audit entry).
 */
@Injectable()
export class EhcpDraftsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly templates: EhcpTemplatesService,
    private readonly audit: AuditService,
    private readonly personalData: PersonalDataService,
    private readonly accessLog: CaseAccessLogService,
  ) {}

  private async row(m: EntityManager, id: string, lock = false): Promise<DraftRow | null> {
    const qb = m
      .getRepository(EhcpDraftEntity)
      .createQueryBuilder('d')
      .innerJoin('schools', 's', 's.id = d.school_id')
      .addSelect(['s.name AS school_name', 's.trust_id AS trust_id'])
      .where('d.id = :id AND d.archived_at IS NULL', { id });
    if (lock) qb.setLock('pessimistic_write', undefined, ['d']);
    const { entities, raw } = await qb.getRawAndEntities<{ school_name: string; trust_id: string }>();
    const draft = entities[0];
    const r = raw[0];
    return draft && r ? { draft, schoolName: r.school_name, trustId: r.trust_id } : null;
  }

  /** The draft when the viewer may see it; NOT_FOUND otherwise (whether it exists or not). */
  private async visible(ctx: Signed, m: EntityManager, id: string, lock = false): Promise<DraftRow> {
    const found = await this.row(m, id, lock);
    if (!found || !canAccessEhcpDraft(ctx.actor, { schoolId: found.draft.schoolId, trustId: found.trustId }))
      throw Errors.notFound('That EHCP draft');
    return found;
  }

  /** The audit entry (no pupil reference) and the school's case-access log, with the change's manager. */
  private async record(ctx: Signed, m: EntityManager, d: DraftRow, action: AuditAction, summary: string) {
    await this.audit.recordFor(ctx, auditEntry(d, action, summary), m);
    await this.accessLog.record(m, [accessEntry(ctx, d, action)]);
  }

  private sectionsOf(m: EntityManager, draftIds: string[]): Promise<EhcpDraftSectionEntity[]> {
    if (!draftIds.length) return Promise.resolve([]);
    return m
      .getRepository(EhcpDraftSectionEntity)
      .createQueryBuilder('s')
      .where('s.draft_id = ANY(:ids)', { ids: draftIds })
      .orderBy('s.draft_id')
      .addOrderBy('s.key')
      .getMany();
  }

  private model(d: DraftRow, sections: EhcpDraftSectionEntity[]): EhcpDraftModel {
    return {
      id: d.draft.id,
      pupilReference: d.draft.pupilReference,
      caseId: d.draft.caseId,
      templateTitle: d.draft.templateTitle,
      templateResourceId: d.draft.templateResourceId,
      templateVersionId: d.draft.templateVersionId,
      schoolId: d.draft.schoolId,
      schoolName: d.schoolName,
      revision: d.draft.revision,
      createdAt: d.draft.createdAt,
      updatedAt: d.draft.updatedAt,
      sections: sections.map(sectionModel),
      completeness: draftCompleteness(sections.map((s) => ({ status: s.state }))),
      exportUrl: exportUrlOf(d.draft.id),
    };
  }

  /** Start a draft for the viewer's school from a template's newest version (its sections are copied). */
  async start(
    ctx: Signed,
    templateResourceId: string,
    pupilReference: string,
    schoolId: string | null,
  ): Promise<string> {
    const schools = ehcpDraftSchoolsOf(ctx.actor);
    if (!schools.length)
      throw Errors.forbidden("start an EHCP draft: only a school's SENCO or headteacher can");
    let school = schoolId;
    if (school && !schools.includes(school)) throw Errors.forbidden('start an EHCP draft for that school');
    if (!school) {
      if (schools.length > 1)
        throw Errors.badInput('You work in more than one school: choose the school this draft is for.', {
          schoolId: 'Choose a school',
        });
      school = schools[0]!;
    }
    const reference = pupilReference.trim().replace(/\s+/g, ' ');
    const problem = pupilReferenceProblem(reference);
    if (problem) throw Errors.badInput(problem, { pupilReference: problem });
    return this.ds.transaction(async (m) => {
      const t = await this.templates.load(ctx.actor, templateResourceId, m);
      if (t.resource.status === ResourceStatus.Archived)
        throw Errors.badInput(
          'This template is archived, so new drafts cannot start from it. Look in the library for the current template.',
          { templateResourceId: 'Archived template' },
        );
      const draft = await m.getRepository(EhcpDraftEntity).save({
        schoolId: school!,
        templateResourceId: t.resource.id,
        templateVersionId: t.version.id,
        templateTitle: t.resource.title.slice(0, 200),
        pupilReference: reference,
        revision: 0,
        createdBy: ctx.session.userId,
      });
      await m.getRepository(EhcpDraftSectionEntity).insert(
        t.sections.map((s) => ({
          draftId: draft.id,
          key: s.key,
          title: s.title.slice(0, 300),
          guidance: s.guidance.slice(0, 5000),
          prompts: s.prompts,
          text: '',
          state: EhcpSectionStatus.NotStarted,
          revision: 0,
        })),
      );
      // A case the school recorded for this reference owns the draft.
      await m.query(
        `UPDATE ehcp_drafts SET case_id = (SELECT c.id FROM cases c WHERE c.school_id = $2 AND lower(c.reference) = lower($3))
          WHERE id = $1`,
        [draft.id, school!, reference],
      );
      const saved = (await this.row(m, draft.id))!;
      await this.record(
        ctx,
        m,
        saved,
        AuditAction.EhcpDraftCreated,
        `Started an EHCP draft from “${t.resource.title}” (version ${t.version.number})`,
      );
      return draft.id;
    });
  }

  /** One draft with its sections (audited as a read). */
  async get(ctx: Signed, id: string): Promise<EhcpDraftModel> {
    return this.ds.transaction(async (m) => {
      const d = await this.visible(ctx, m, id);
      const sections = await this.sectionsOf(m, [id]);
      await this.record(
        ctx,
        m,
        d,
        AuditAction.EhcpDraftRead,
        `Opened an EHCP draft (“${d.draft.templateTitle}”)`,
      );
      return this.model(d, sections);
    });
  }

  /**
   * The drafts the viewer may see (their schools', and every school of a trust they are SEND lead
   * of), most recently changed first. Each draft listed is an audited read.
   */
  async list(
    ctx: Signed,
    limit: number,
    after: string | null,
    schoolId: string | null = null,
  ): Promise<Connection<EhcpDraftSummaryModel>> {
    const reach = ehcpDraftReach(ctx.actor);
    if (!reach.schoolIds.length && !reach.trustIds.length)
      return { nodes: [], pageInfo: { hasNextPage: false, endCursor: null }, totalCount: 0 };
    const cursor = decodeCursor(after);
    return this.ds.transaction(async (m) => {
      if (schoolId) {
        const [school] = rowsOf<{ trust_id: string }>(
          await m.query('SELECT trust_id FROM schools WHERE id = $1', [schoolId]),
        );
        if (!school || !canAccessEhcpDraft(ctx.actor, { schoolId, trustId: school.trust_id }))
          throw Errors.forbidden("see that school's EHCP drafts");
      }
      const qb = m
        .getRepository(EhcpDraftEntity)
        .createQueryBuilder('d')
        .innerJoin('schools', 's', 's.id = d.school_id')
        .addSelect(['s.name AS school_name', 's.trust_id AS trust_id'])
        .where('d.archived_at IS NULL')
        .andWhere('(d.school_id = ANY(:schools) OR s.trust_id = ANY(:trusts))', {
          schools: reach.schoolIds,
          trusts: reach.trustIds,
        });
      // Uses ehcp_drafts_school_idx (school_id, updated_at DESC, id DESC).
      if (schoolId) qb.andWhere('d.school_id = :schoolId', { schoolId });
      const total = await qb.clone().getCount();
      if (cursor)
        qb.andWhere('(d.updated_at, d.id) < (:ts::timestamptz, :cid::uuid)', {
          ts: cursor.sortValue,
          cid: cursor.id,
        });
      const { entities, raw } = await qb
        .orderBy('d.updated_at', 'DESC')
        .addOrderBy('d.id', 'DESC')
        .take(limit + 1)
        .getRawAndEntities<{ d_id: string; school_name: string; trust_id: string }>();
      const rows: DraftRow[] = entities.map((draft) => {
        const r = raw.find((x) => x.d_id === draft.id)!;
        return { draft, schoolName: r.school_name, trustId: r.trust_id };
      });
      const page = rows.slice(0, limit);
      const sections = await this.sectionsOf(
        m,
        page.map((r) => r.draft.id),
      );
      await this.audit.recordAllFor(
        ctx,
        page.map((d) =>
          auditEntry(d, AuditAction.EhcpDraftRead, `Listed an EHCP draft (“${d.draft.templateTitle}”)`),
        ),
        m,
      );
      await this.accessLog.record(
        m,
        page.map((d) => accessEntry(ctx, d, AuditAction.EhcpDraftRead)),
      );
      return toConnection(
        rows,
        limit,
        total,
        (d): EhcpDraftSummaryModel => ({
          id: d.draft.id,
          pupilReference: d.draft.pupilReference,
          templateTitle: d.draft.templateTitle,
          schoolId: d.draft.schoolId,
          schoolName: d.schoolName,
          createdAt: d.draft.createdAt,
          updatedAt: d.draft.updatedAt,
          completeness: draftCompleteness(
            sections.filter((s) => s.draftId === d.draft.id).map((s) => ({ status: s.state })),
          ),
        }),
        (d) => encodeCursor(d.draft.updatedAt.toISOString(), d.draft.id),
      );
    });
  }

  /** The schools whose drafts the viewer may see (for the list's school filter), by trust then name. */
  async schools(ctx: Signed): Promise<EhcpDraftSchoolModel[]> {
    const reach = ehcpDraftReach(ctx.actor);
    if (!reach.schoolIds.length && !reach.trustIds.length) return [];
    const rows: Array<{ id: string; name: string; trust_name: string }> = await this.ds.query(
      `SELECT s.id, s.name, t.name AS trust_name FROM schools s JOIN trusts t ON t.id = s.trust_id
       WHERE s.id = ANY($1) OR s.trust_id = ANY($2) ORDER BY t.name, s.name, s.id`,
      [reach.schoolIds, reach.trustIds],
    );
    return rows.map((r) => ({ id: r.id, name: r.name, trustName: r.trust_name }));
  }

  /**
   * Save one section's text if nobody saved it since `revision` (optimistic concurrency). A stale
   * revision is a CONFLICT and nothing is overwritten: the person keeps their text to merge.
   */
  async saveSection(
    ctx: Signed,
    draftId: string,
    key: string,
    text: string,
    revision: number,
    override?: { reason: string } | null,
  ): Promise<EhcpSectionSavedModel> {
    if (!isEhcpSectionKey(key)) throw Errors.badInput('There is no such EHCP section.', { key: 'A to K' });
    const clean = cleanSectionText(text);
    if (clean.length > EHCP_LIMITS.sectionTextMax)
      throw Errors.badInput(
        `Section ${key} is too long: keep it to ${EHCP_LIMITS.sectionTextMax.toLocaleString('en-GB')} characters and attach longer evidence as appendices.`,
        { text: 'Too long' },
      );
    if (!Number.isInteger(revision) || revision < 0)
      throw Errors.badInput('That revision is not valid.', { revision: 'Invalid' });
    return this.ds.transaction(async (m) => {
      const d = await this.visible(ctx, m, draftId, true);
      // The pupil is a pseudonymous reference here: names, dates of birth, UPNs and NHS numbers in
      // section text are refused unless someone gives a reason (audited, without the text).
      await this.personalData.check(
        ctx,
        [clean],
        override,
        {
          action: AuditAction.EhcpPersonalDataOverride,
          verb: `Saved section ${key} of an EHCP draft`,
          trustId: d.trustId,
          schoolId: d.draft.schoolId,
          targetType: 'case.data',
          targetId: draftId,
        },
        m,
      );
      const updated: EhcpDraftSectionEntity[] = await m
        .query(
          `UPDATE ehcp_draft_sections SET text = $4, revision = revision + 1, updated_at = now(), updated_by = $5,
            state = CASE WHEN state = 'NOT_STARTED' AND $4 ~ '[^[:space:]]' THEN 'IN_PROGRESS' ELSE state END
          WHERE draft_id = $1 AND key = $2 AND revision = $3
          RETURNING ${SECTION_COLUMNS}`,
          [draftId, key, revision, clean, ctx.session.userId],
        )
        .then(rowsOf<EhcpDraftSectionEntity>);
      const section = updated[0];
      if (!section) {
        const [current] = await m.query(
          'SELECT revision FROM ehcp_draft_sections WHERE draft_id = $1 AND key = $2',
          [draftId, key],
        );
        if (!current)
          throw Errors.badInput(`This draft has no section ${key}.`, { key: 'Not in this draft' });
        throw new AppError(
          ErrorCode.Conflict,
          `Section ${key} was saved by someone else since you opened it, so your text has not been saved. Copy your text, reload the section to see their changes, then add yours.`,
          { revision: String(current.revision) },
        );
      }
      const [{ revision: draftRevision }] = rowsOf<{ revision: number }>(
        await m.query(
          'UPDATE ehcp_drafts SET revision = revision + 1, updated_at = now() WHERE id = $1 RETURNING revision',
          [draftId],
        ),
      );
      await this.record(
        ctx,
        m,
        d,
        AuditAction.EhcpDraftSectionSaved,
        `Saved section ${key} of an EHCP draft (“${d.draft.templateTitle}”)`,
      );
      const all = await this.sectionsOf(m, [draftId]);
      const completeness: EhcpCompleteness = draftCompleteness(all.map((x) => ({ status: x.state })));
      return { section: sectionModel(section), draftRevision, completeness };
    });
  }

  /**
   * Set one section's state (not started, in progress, complete). The writers decide; this does not
   * touch the text or its revision, so it never conflicts with someone typing.
   */
  async setSectionState(
    ctx: Signed,
    draftId: string,
    key: string,
    state: string,
  ): Promise<EhcpSectionStateSetModel> {
    if (!isEhcpSectionKey(key)) throw Errors.badInput('There is no such EHCP section.', { key: 'A to K' });
    if (!isEhcpSectionStatus(state))
      throw Errors.badInput('Choose not started, in progress or complete.', { state: 'Not a state' });
    return this.ds.transaction(async (m) => {
      const d = await this.visible(ctx, m, draftId, true);
      const [before] = rowsOf<{ state: EhcpSectionStatus }>(
        await m.query('SELECT state FROM ehcp_draft_sections WHERE draft_id = $1 AND key = $2 FOR UPDATE', [
          draftId,
          key,
        ]),
      );
      if (!before) throw Errors.badInput(`This draft has no section ${key}.`, { key: 'Not in this draft' });
      if (before.state !== state) {
        await m.query('UPDATE ehcp_draft_sections SET state = $3 WHERE draft_id = $1 AND key = $2', [
          draftId,
          key,
          state,
        ]);
        await m.query('UPDATE ehcp_drafts SET revision = revision + 1, updated_at = now() WHERE id = $1', [
          draftId,
        ]);
        await this.record(
          ctx,
          m,
          d,
          AuditAction.EhcpDraftSectionStateChanged,
          `Marked section ${key} of an EHCP draft (“${d.draft.templateTitle}”) as ${EHCP_SECTION_STATUS_TEXT[state].toLowerCase()}`,
        );
      }
      const all = await this.sectionsOf(m, [draftId]);
      return {
        section: sectionModel(all.find((s) => s.key === key)!),
        completeness: draftCompleteness(all.map((s) => ({ status: s.state }))),
      };
    });
  }

  /** Archive (delete from view) a draft; kept for the record, audited. */
  async archive(ctx: Signed, id: string): Promise<boolean> {
    return this.ds.transaction(async (m) => {
      const d = await this.visible(ctx, m, id, true);
      await m.query('UPDATE ehcp_drafts SET archived_at = now() WHERE id = $1', [id]);
      await this.record(
        ctx,
        m,
        d,
        AuditAction.EhcpDraftArchived,
        `Deleted (archived) an EHCP draft (“${d.draft.templateTitle}”)`,
      );
      return true;
    });
  }

  /** What the export needs, after the same check as a read; audited as an export. */
  async forExport(ctx: Signed, id: string): Promise<DraftForExport> {
    return this.ds.transaction(async (m) => {
      const d = await this.visible(ctx, m, id);
      const sections = await this.sectionsOf(m, [id]);
      await this.record(
        ctx,
        m,
        d,
        AuditAction.EhcpDraftExported,
        `Exported an EHCP draft as .docx (“${d.draft.templateTitle}”)`,
      );
      return { draft: d.draft, schoolName: d.schoolName, sections };
    });
  }
}

/** An audit entry about a draft, readable by its school and trust. */
function auditEntry(d: DraftRow, action: AuditAction, summary: string) {
  return {
    action,
    summary,
    targetType: 'case.data',
    targetId: d.draft.id,
    schoolId: d.draft.schoolId,
    trustId: d.trustId,
  };
}

/** The case-access log's line for a draft: read, exported, or changed (started, saved, archived). */
function accessEntry(ctx: Signed, d: DraftRow, action: AuditAction): CaseAccess {
  const kind =
    action === AuditAction.EhcpDraftRead
      ? CaseAccessKind.DraftRead
      : action === AuditAction.EhcpDraftExported
        ? CaseAccessKind.DraftExported
        : CaseAccessKind.DraftChanged;
  return {
    schoolId: d.draft.schoolId,
    caseId: d.draft.caseId,
    ehcpDraftId: d.draft.id,
    actorUserId: ctx.actor.userId,
    kind,
  };
}
