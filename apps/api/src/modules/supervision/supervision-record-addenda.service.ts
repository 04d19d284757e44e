import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  Actor,
  AuditAction,
  SUPERVISION_LIMITS,
  SupervisionRole,
  SupervisionSignSide,
  canRunSupervision,
} from '@lantern/shared-domain';
import type { RequestContext } from '../../common/context/request-context';
import { Errors } from '../../common/errors/app-error';
import { PersonalDataService } from '../../common/personal-data/personal-data.service';
import { SupervisionAccess, SupervisionSessionScope } from './supervision-access.service';
import { SupervisionRecordEvents } from './supervision-record-events';
import { SupervisionRecordReadService } from './supervision-record-read.service';
import { lockSession, signSide, signingSide } from './supervision-signatures';
import type { SupervisionRecordModel } from './supervision-record.model';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SIDES: readonly SupervisionSignSide[] = [SupervisionRole.Senco, SupervisionRole.SendLead];
/** Findings "save anyway" may keep (a name can be a colleague's); identifiers never. */

/**
 * Addenda: the only way to correct a signed record. Written by either signing side (checked for
 * pupil details), then signed by both, each once; final when both have (the trigger refuses later
 * changes, as for the record).
 */
@Injectable()
export class SupervisionRecordAddendaService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly access: SupervisionAccess,
    private readonly read: SupervisionRecordReadService,
    private readonly events: SupervisionRecordEvents,
    private readonly personalData: PersonalDataService,
  ) {}

  async add(
    ctx: RequestContext,
    actor: Actor,
    sessionId: string,
    text: string,
    override: boolean,
  ): Promise<SupervisionRecordModel> {
    const body = text.replace(/\r\n?/g, '\n').trim();
    if (!body) throw Errors.badInput('Write the addendum first.', { body: 'Empty' });
    if (body.length > SUPERVISION_LIMITS.addendumMax)
      throw Errors.badInput(
        `Keep an addendum to ${SUPERVISION_LIMITS.addendumMax.toLocaleString('en-GB')} characters.`,
        {
          body: 'Too long',
        },
      );
    const { record, publish, emit } = await this.ds.transaction(async (m) => {
      await lockSession(m, sessionId);
      const s = await this.access.require(
        actor,
        sessionId,
        canRunSupervision,
        'add an addendum to this record',
        m,
      );
      const [r] = await m.query('SELECT id, signed_at FROM supervision_records WHERE session_id = $1', [
        sessionId,
      ]);
      if (!r) throw Errors.notFound('The record of that session');
      if (!r.signed_at)
        throw Errors.conflict(
          'Addenda are for a signed record. While it is unsigned, redraft the record instead.',
        );
      await this.checkText(ctx, m, s, body, override);
      await m.query(
        'INSERT INTO supervision_record_addenda (record_id, body, written_by) VALUES ($1, $2, $3)',
        [r.id, body, actor.userId],
      );
      const publish = await this.events.awaitingSignature(m, sessionId, SIDES, actor.userId, 'addendum');
      const emit = await this.events.stage(m, sessionId, 'addendum');
      return { record: await this.read.mustRecord(m, actor, sessionId), publish, emit };
    });
    await publish();
    emit();
    return record;
  }

  async sign(actor: Actor, addendumId: string): Promise<SupervisionRecordModel> {
    if (!UUID.test(addendumId)) throw Errors.notFound('That addendum');
    const [found] = await this.ds.query(
      'SELECT r.session_id FROM supervision_record_addenda a JOIN supervision_records r ON r.id = a.record_id WHERE a.id = $1',
      [addendumId],
    );
    if (!found) throw Errors.notFound('That addendum');
    const sessionId: string = found.session_id;
    const { record, publish, emit } = await this.ds.transaction(async (m) => {
      await lockSession(m, sessionId);
      const s = await this.access.require(actor, sessionId, () => true, 'sign this addendum', m);
      const side = signingSide(actor, s);
      const [a] = await m.query(
        'SELECT senco_signed_at, lead_signed_at, signed_at FROM supervision_record_addenda WHERE id = $1',
        [addendumId],
      );
      if (a.signed_at) throw Errors.conflict('Both sides have already signed this addendum: it is final.');
      const { final, other } = await signSide(
        m,
        'supervision_record_addenda',
        { id: addendumId, ...a },
        side,
        actor.userId,
        'Your side has already signed this addendum.',
      );
      const publish = final
        ? async () => undefined
        : await this.events.awaitingSignature(m, sessionId, [other], actor.userId, 'addendum');
      const emit = await this.events.stage(m, sessionId, 'addendum');
      return { record: await this.read.mustRecord(m, actor, sessionId), publish, emit };
    });
    await publish();
    emit();
    return record;
  }

  /**
   * The personal-data check: PERSONAL_DATA with the findings unless `override` ("save anyway") and
   * every finding is one a person may keep (a name); the override is audited, as in the caseload.
   */
  private async checkText(
    ctx: RequestContext,
    m: EntityManager,
    s: SupervisionSessionScope,
    body: string,
    override: boolean,
  ): Promise<void> {
    await this.personalData.checkKeepingNames(
      ctx,
      [body],
      override,
      'Kept after the warning, in an addendum to a supervision record',
      {
        action: AuditAction.CasePersonalDataOverride,
        verb: 'Added to a supervision record',
        trustId: s.trustId,
        schoolId: s.schoolId,
        targetType: 'supervision.record',
        targetId: s.id,
      },
      m,
    );
  }
}
