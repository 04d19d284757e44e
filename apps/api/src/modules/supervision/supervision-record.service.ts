import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  Actor,
  CaseAccessKind,
  SupervisionRole,
  SupervisionSignSide,
  SupervisionStatus,
  canRunSupervision,
  canSignSupervision,
  londonToday,
  supervisionRoleOf,
} from '@lantern/shared-domain';
import { Errors } from '../../common/errors/app-error';
import { CaseAccessLogService } from '../case-access/case-access-log.service';
import { SupervisionAccess, SupervisionSessionScope } from './supervision-access.service';
import { SupervisionRecordContent, caseLogNote, recordContentOf } from './supervision-record-content';
import { SupervisionRecordEvents } from './supervision-record-events';
import { SupervisionRecordReadService } from './supervision-record-read.service';
import type { SupervisionRecordModel } from './supervision-record.model';

const SIDES: readonly SupervisionSignSide[] = [SupervisionRole.Senco, SupervisionRole.SendLead];

/** The column prefix of a side's signature. */
export const sideColumn = (side: SupervisionSignSide) => (side === SupervisionRole.Senco ? 'senco' : 'lead');

/**
 * The side the actor signs for (their role in the session), if the policy lets them sign it;
 * FORBIDDEN otherwise (an invited headteacher, a SENCO of the school who does not take part).
 */
export function signingSide(actor: Actor, s: SupervisionSessionScope): SupervisionSignSide {
  const role = supervisionRoleOf(actor, s);
  if (
    (role === SupervisionRole.Senco || role === SupervisionRole.SendLead) &&
    canSignSupervision(actor, s, role)
  )
    return role;
  throw Errors.forbidden('sign this record (only the SENCO and the SEND lead taking part sign it)');
}

/** Lock the session's row for the change (a draft and a signature never cross). */
export async function lockSession(m: EntityManager, sessionId: string): Promise<void> {
  await m.query('SELECT id FROM supervision_sessions WHERE id = $1 FOR UPDATE', [sessionId]);
}

interface RecordState {
  id: string;
  revision: number;
  senco_signed_at: Date | null;
  lead_signed_at: Date | null;
  signed_at: Date | null;
}

/**
 * Drafting and signing a session's record (ADR 12). Either signing side drafts once the session has
 * ended (a snapshot of the outcomes, attendees and times); a redraft while unsigned is the next
 * revision and clears both signatures. Each side signs a named revision; when both have, the record
 * is final (a trigger refuses any later change), and each case on it gets a case-log note pointing at it.
 */
@Injectable()
export class SupervisionRecordService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly access: SupervisionAccess,
    private readonly read: SupervisionRecordReadService,
    private readonly events: SupervisionRecordEvents,
    private readonly accessLog: CaseAccessLogService,
  ) {}

  async draft(actor: Actor, sessionId: string): Promise<SupervisionRecordModel> {
    const { record, publish, emit } = await this.ds.transaction(async (m) => {
      await lockSession(m, sessionId);
      const s = await this.access.require(
        actor,
        sessionId,
        canRunSupervision,
        'draft the record of this session',
        m,
      );
      if (s.status !== SupervisionStatus.Ended)
        throw Errors.conflict('The record is drafted once the session has ended. End the session first.');
      if (s.signed)
        throw Errors.conflict(
          'Both sides have signed this record: it cannot be changed. Add an addendum instead.',
        );
      const content = JSON.stringify(await recordContentOf(m, sessionId));
      await m.query(
        `INSERT INTO supervision_records (session_id, content, revision, drafted_by)
         VALUES ($1, $2::jsonb, 1, $3)
         ON CONFLICT (session_id) DO UPDATE SET content = EXCLUDED.content, revision = supervision_records.revision + 1,
           drafted_by = EXCLUDED.drafted_by, drafted_at = now(),
           senco_signed_by = NULL, senco_signed_at = NULL, lead_signed_by = NULL, lead_signed_at = NULL`,
        [sessionId, content, actor.userId],
      );
      const publish = await this.events.awaitingSignature(m, sessionId, SIDES, actor.userId, 'record');
      const emit = await this.events.stage(m, sessionId, 'drafted');
      return { record: await this.read.mustRecord(m, actor, sessionId), publish, emit };
    });
    await publish();
    emit();
    return record;
  }

  async sign(actor: Actor, sessionId: string, revision: number): Promise<SupervisionRecordModel> {
    const { record, publish, emit } = await this.ds.transaction(async (m) => {
      await lockSession(m, sessionId);
      const s = await this.access.require(actor, sessionId, () => true, 'sign this record', m);
      const side = signingSide(actor, s);
      const [r]: RecordState[] = await m.query(
        'SELECT id, revision, senco_signed_at, lead_signed_at, signed_at FROM supervision_records WHERE session_id = $1',
        [sessionId],
      );
      if (!r) throw Errors.notFound('The record of that session');
      if (r.signed_at) throw Errors.conflict('Both sides have already signed this record: it is final.');
      if (r.revision !== revision)
        throw Errors.conflict(
          'The record was redrafted since you read it. Read the new revision, then sign it if it is right.',
        );
      const other: SupervisionSignSide =
        side === SupervisionRole.Senco ? SupervisionRole.SendLead : SupervisionRole.Senco;
      if (side === SupervisionRole.Senco ? r.senco_signed_at : r.lead_signed_at)
        throw Errors.conflict('Your side has already signed this revision.');
      const final = !!(other === SupervisionRole.Senco ? r.senco_signed_at : r.lead_signed_at);
      const col = sideColumn(side);
      await m.query(
        `UPDATE supervision_records SET ${col}_signed_by = $2, ${col}_signed_at = now(),
                signed_at = CASE WHEN $3::boolean THEN now() ELSE NULL END
          WHERE id = $1`,
        [r.id, actor.userId, final],
      );
      const publish = final
        ? async () => undefined
        : await this.events.awaitingSignature(m, sessionId, [other], actor.userId, 'record');
      if (final) await this.keepWithCases(m, actor, s, r.id);
      const emit = final ? await this.events.stage(m, sessionId, 'signed') : () => undefined;
      return { record: await this.read.mustRecord(m, actor, sessionId), publish, emit };
    });
    await publish();
    emit();
    return record;
  }

  /**
   * The record is kept with each case on it: an append-only case-log note (a new note_id, version
   * 1) dated the day of the session, linking to the record; and the case-access log says so.
   */
  private async keepWithCases(
    m: EntityManager,
    actor: Actor,
    s: SupervisionSessionScope,
    recordId: string,
  ): Promise<void> {
    const [row] = await m.query('SELECT content FROM supervision_records WHERE id = $1', [recordId]);
    const content: SupervisionRecordContent =
      typeof row.content === 'string' ? JSON.parse(row.content) : row.content;
    const day = content.startedAt ? londonToday(new Date(content.startedAt)) : londonToday();
    for (const c of content.cases) {
      await m.query(
        `INSERT INTO case_log_entries (case_id, note_id, version, happened_on, body, written_by)
         VALUES ($1, gen_random_uuid(), 1, $2, $3, $4)`,
        [c.caseId, day, caseLogNote(content, c, s.id), actor.userId],
      );
    }
    if (!content.cases.length) return;
    await m.query('UPDATE cases SET updated_at = now() WHERE id = ANY($1::uuid[])', [
      content.cases.map((c) => c.caseId),
    ]);
    await this.accessLog.record(
      m,
      content.cases.map((c) => ({
        schoolId: s.schoolId,
        caseId: c.caseId,
        actorUserId: actor.userId,
        kind: CaseAccessKind.SupervisionRecordSigned,
      })),
    );
  }
}
