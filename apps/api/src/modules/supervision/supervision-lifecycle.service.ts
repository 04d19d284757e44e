import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Actor, SupervisionStatus, canChairSupervision, canRunSupervision } from '@lantern/shared-domain';
import { ActorsRepository } from '../../common/auth/actors.repository';
import { Errors } from '../../common/errors/app-error';
import { SupervisionAccess } from './supervision-access.service';
import { SupervisionAnnouncer } from './supervision-announcer.service';
import { changeSession } from './supervision-change';
import type { SupervisionSessionModel } from './supervision.model';

/**
 * Start, end, cancel, hand over the chair. Those who take part and sign (the school's SENCO, the
 * trust's SEND lead) start and cancel; the chair ends the session and hands the chair over.
 */
@Injectable()
export class SupervisionLifecycleService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly access: SupervisionAccess,
    private readonly announcer: SupervisionAnnouncer,
    private readonly people: ActorsRepository,
  ) {}

  private get deps() {
    return { ds: this.ds, access: this.access, announcer: this.announcer };
  }

  cancel(actor: Actor, id: string): Promise<SupervisionSessionModel> {
    return changeSession(this.deps, actor, id, canRunSupervision, 'cancel this session', async (m, s) => {
      if (s.status === SupervisionStatus.Cancelled) return false;
      if (s.status !== SupervisionStatus.Scheduled)
        throw Errors.conflict(
          s.status === SupervisionStatus.Live
            ? 'This session is live: end it instead of cancelling it.'
            : 'This session has ended, so it cannot be cancelled.',
        );
      await m.query(
        `UPDATE supervision_sessions SET status = 'CANCELLED', updated_at = now() WHERE id = $1`,
        [s.id],
      );
      return true;
    });
  }

  start(actor: Actor, id: string): Promise<SupervisionSessionModel> {
    return changeSession(this.deps, actor, id, canRunSupervision, 'start this session', async (m, s) => {
      if (s.status === SupervisionStatus.Live) return false;
      if (s.status !== SupervisionStatus.Scheduled)
        throw Errors.conflict('This session has ended, so it cannot start again. Schedule a new one.');
      await m.query(
        `UPDATE supervision_sessions SET status = 'LIVE', started_at = now(), updated_at = now() WHERE id = $1`,
        [s.id],
      );
      return true;
    });
  }

  end(actor: Actor, id: string): Promise<SupervisionSessionModel> {
    return changeSession(
      this.deps,
      actor,
      id,
      canChairSupervision,
      'end this session (the chair does)',
      async (m, s) => {
        if (s.status === SupervisionStatus.Ended) return false;
        if (s.status !== SupervisionStatus.Live)
          throw Errors.conflict('This session has not started: cancel it instead of ending it.');
        await m.query(
          `UPDATE supervision_sessions SET status = 'ENDED', ended_at = now(), updated_at = now() WHERE id = $1`,
          [s.id],
        );
        return true;
      },
    );
  }

  handOver(actor: Actor, id: string, userId: string): Promise<SupervisionSessionModel> {
    return changeSession(
      this.deps,
      actor,
      id,
      canChairSupervision,
      'hand over the chair (the chair does)',
      async (m, s) => {
        if (s.status !== SupervisionStatus.Scheduled && s.status !== SupervisionStatus.Live)
          throw Errors.conflict('This session has ended: there is no chair to hand over.');
        if (userId === s.chairId) return false;
        const to = (await this.people.actorsFor([userId], m)).get(userId);
        if (!to || !canRunSupervision(to, s)) {
          const msg = 'Hand the chair to the SENCO or the SEND lead taking part.';
          throw Errors.badInput(msg, { userId: msg });
        }
        await m.query('UPDATE supervision_sessions SET chair_id = $2, updated_at = now() WHERE id = $1', [
          s.id,
          userId,
        ]);
        return true;
      },
    );
  }
}
