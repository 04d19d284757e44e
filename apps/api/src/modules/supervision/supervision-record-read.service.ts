import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import DataLoader from 'dataloader';
import { DataSource, EntityManager } from 'typeorm';
import {
  Actor,
  CaseAccessKind,
  SupervisionRole,
  SupervisionScope,
  SupervisionSignSide,
  canSeeSupervision,
  canSignSupervision,
  supervisionRoleOf,
} from '@lantern/shared-domain';
import { Errors } from '../../common/errors/app-error';
import { renderMarkdown } from '../../common/markdown/render-markdown';
import { CaseAccessLogService } from '../case-access/case-access-log.service';
import { SupervisionAccess } from './supervision-access.service';
import type { SupervisionRecordContent } from './supervision-record-content';
import { SupervisionAddendumModel, SupervisionRecordModel } from './supervision-record.model';

/** Where the record's downloads are (SupervisionRecordExportController). */
export const recordDocxUrl = (sessionId: string) => `/api/supervision/${sessionId}/record.docx`;
export const recordPdfUrl = (sessionId: string) => `/api/supervision/${sessionId}/record.pdf`;

interface Signatures {
  senco_signed_by_name: string | null;
  senco_signed_at: Date | null;
  lead_signed_by_name: string | null;
  lead_signed_at: Date | null;
  signed_at: Date | null;
}

interface RecordRow extends Signatures {
  id: string;
  session_id: string;
  school_id: string;
  trust_id: string;
  chair_id: string;
  participants: SupervisionScope['participants'];
  content: SupervisionRecordContent;
  revision: number;
  drafted_by_name: string;
  drafted_at: Date;
}

interface AddendumRow extends Signatures {
  id: string;
  record_id: string;
  body: string;
  written_by_name: string;
  written_at: Date;
}

const SIGNERS = `sb.display_name AS senco_signed_by_name, x.senco_signed_at,
  lb.display_name AS lead_signed_by_name, x.lead_signed_at, x.signed_at`;
const SIGNER_JOINS = `LEFT JOIN users sb ON sb.id = x.senco_signed_by LEFT JOIN users lb ON lb.id = x.lead_signed_by`;

const RECORDS = `
  SELECT x.id, x.session_id, s.school_id, s.trust_id, s.chair_id, x.content, x.revision,
         d.display_name AS drafted_by_name, x.drafted_at, ${SIGNERS},
         coalesce((SELECT json_agg(json_build_object('userId', p.user_id, 'role', p.role))
                     FROM supervision_participants p WHERE p.session_id = s.id), '[]'::json) AS participants
    FROM supervision_records x
    JOIN supervision_sessions s ON s.id = x.session_id
    JOIN users d ON d.id = x.drafted_by
    ${SIGNER_JOINS}
   WHERE x.session_id = ANY($1::uuid[])`;

const ADDENDA = `
  SELECT x.id, x.record_id, x.body, w.display_name AS written_by_name, x.written_at, ${SIGNERS}
    FROM supervision_record_addenda x
    JOIN users w ON w.id = x.written_by
    ${SIGNER_JOINS}
   WHERE x.record_id = ANY($1::uuid[])
   ORDER BY x.written_at, x.id`;

const parse = <T>(v: T | string): T => (typeof v === 'string' ? (JSON.parse(v) as T) : v);

/** The side the actor may sign now: their own role's, if that side has not signed yet. */
function signableSide(actor: Actor, scope: SupervisionScope, x: Signatures): SupervisionRole | null {
  if (x.signed_at) return null;
  const role = supervisionRoleOf(actor, scope);
  if (role !== SupervisionRole.Senco && role !== SupervisionRole.SendLead) return null;
  if (!canSignSupervision(actor, scope, role as SupervisionSignSide)) return null;
  const signed = role === SupervisionRole.Senco ? x.senco_signed_at : x.lead_signed_at;
  return signed ? null : role;
}

function signaturesOf(x: Signatures) {
  return {
    sencoSignedByName: x.senco_signed_by_name,
    sencoSignedAt: x.senco_signed_at,
    leadSignedByName: x.lead_signed_by_name,
    leadSignedAt: x.lead_signed_at,
    signedAt: x.signed_at,
  };
}

/**
 * Reading records: the record of each session the actor may see (canSeeSupervision) in two
 * statements however many sessions are asked for, with the caller's manager; and the export's read,
 * which is logged in the case-access log (one row per case on the record).
 */
@Injectable()
export class SupervisionRecordReadService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly access: SupervisionAccess,
    private readonly accessLog: CaseAccessLogService,
  ) {}

  /** The records of these sessions that the actor may see, by session id (absent: none drafted, or not theirs). */
  async records(
    m: EntityManager,
    actor: Actor,
    sessionIds: readonly string[],
  ): Promise<Map<string, SupervisionRecordModel>> {
    const out = new Map<string, SupervisionRecordModel>();
    if (!sessionIds.length) return out;
    const rows: RecordRow[] = (await m.query(RECORDS, [[...new Set(sessionIds)]])) as RecordRow[];
    const visible = rows
      .map((r) => ({ ...r, participants: parse(r.participants), content: parse(r.content) }))
      .filter((r) =>
        canSeeSupervision(actor, {
          schoolId: r.school_id,
          trustId: r.trust_id,
          chairId: r.chair_id,
          participants: r.participants,
        }),
      );
    if (!visible.length) return out;
    const addenda: AddendumRow[] = await m.query(ADDENDA, [visible.map((r) => r.id)]);
    for (const r of visible) {
      const scope: SupervisionScope = {
        schoolId: r.school_id,
        trustId: r.trust_id,
        chairId: r.chair_id,
        participants: r.participants,
      };
      const c = r.content;
      out.set(r.session_id, {
        id: r.id,
        sessionId: r.session_id,
        revision: r.revision,
        title: c.title,
        schoolName: c.schoolName,
        startedAt: c.startedAt ? new Date(c.startedAt) : null,
        endedAt: c.endedAt ? new Date(c.endedAt) : null,
        attendees: c.attendees.map((a) => ({ displayName: a.displayName, role: a.role })),
        cases: c.cases.map((k) => ({
          caseId: k.caseId,
          caseReference: k.caseReference,
          question: k.question,
          summary: k.summary,
          summaryHtml: renderMarkdown(k.summary),
          decisions: k.decisions,
          decisionsHtml: renderMarkdown(k.decisions),
          actions: k.actions.map((a) => ({
            title: a.title,
            ownerName: a.ownerName,
            dueOn: a.dueOn,
            status: a.status,
          })),
        })),
        draftedByName: r.drafted_by_name,
        draftedAt: r.drafted_at,
        ...signaturesOf(r),
        addenda: addenda
          .filter((a) => a.record_id === r.id)
          .map(
            (a): SupervisionAddendumModel => ({
              id: a.id,
              body: a.body,
              bodyHtml: renderMarkdown(a.body),
              writtenByName: a.written_by_name,
              writtenAt: a.written_at,
              ...signaturesOf(a),
              canSignAs: signableSide(actor, scope, a),
            }),
          ),
        canSignAs: signableSide(actor, scope, r),
        docxUrl: recordDocxUrl(r.session_id),
        pdfUrl: recordPdfUrl(r.session_id),
      });
    }
    return out;
  }

  /** One session's record in the actor's view (null: not drafted yet), with the caller's manager. */
  async record(m: EntityManager, actor: Actor, sessionId: string): Promise<SupervisionRecordModel | null> {
    return (await this.records(m, actor, [sessionId])).get(sessionId) ?? null;
  }

  /** The record just changed, in the actor's view, with the caller's manager. */
  async mustRecord(m: EntityManager, actor: Actor, sessionId: string): Promise<SupervisionRecordModel> {
    const record = await this.record(m, actor, sessionId);
    if (!record) throw Errors.notFound('The record of that session');
    return record;
  }

  /** A per-request loader for SupervisionSession.record: every session of a page in two statements. */
  loader(actor: Actor): DataLoader<string, SupervisionRecordModel | null> {
    return new DataLoader(async (ids: readonly string[]) => {
      const found = await this.records(this.ds.manager, actor, ids);
      return ids.map((id) => found.get(id) ?? null);
    });
  }

  /**
   * The record to export, for those who may see the session (NOT_FOUND otherwise, and when nothing
   * is drafted yet); the read is logged for each case on it, in the same transaction.
   */
  forExport(actor: Actor, sessionId: string): Promise<SupervisionRecordModel> {
    return this.ds.transaction(async (m) => {
      const s = await this.access.require(actor, sessionId, canSeeSupervision, 'see this session', m);
      const record = await this.record(m, actor, sessionId);
      if (!record) throw Errors.notFound('The record of that session');
      await this.accessLog.record(
        m,
        record.cases.map((c) => ({
          schoolId: s.schoolId,
          caseId: c.caseId,
          actorUserId: actor.userId,
          kind: CaseAccessKind.SupervisionRecordExported,
        })),
      );
      return record;
    });
  }
}
