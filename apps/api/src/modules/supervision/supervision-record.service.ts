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
  londonToday,
} from '@lantern/shared-domain';
import { Errors } from '../../common/errors/app-error';
import { CaseAccessLogService } from '../case-access/case-access-log.service';
import { SupervisionAccess, SupervisionSessionScope } from './supervision-access.service';
import { SupervisionRecordContent, caseLogNote, recordContentOf } from './supervision-record-content';
import { SupervisionRecordEvents } from './supervision-record-events';
import { SupervisionRecordReadService } from './supervision-record-read.service';
import type { SupervisionRecordModel } from './supervision-record.model';
import { Signatures, lockSession, signSide, signingSide } from './supervision-signatures';

const SIDES: readonly SupervisionSignSide[] = [SupervisionRole.Senco, SupervisionRole.SendLead];

interface RecordState extends Signatures {
  id: string;
  revision: number;
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
      const { final, other } = await signSide(
        m,
        'supervision_records',
        r,
        side,
        actor.userId,
        'Your side has already signed this revision.',
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
