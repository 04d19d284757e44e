import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  NotificationKind,
  SUPERVISION_LIMITS,
  SupervisionRole,
  canJoinSupervision,
} from '@lantern/shared-domain';
import { ActorsRepository } from '../../common/auth/actors.repository';
import { JobsService } from '../jobs/jobs.service';
import { NotificationsService, Publish } from '../notifications/notifications.service';
import { timeLabel, whenLabel } from './supervision-rows';

export const SUPERVISION_REMINDERS_JOB = 'supervision.reminders';

/**
 * Who hears about a session: each participant but the scheduler when invited, and every participant
 * "starting in 15 minutes" (the job `supervision.reminders`, every minute; a session is claimed with
 * one UPDATE ... RETURNING, so it is reminded once across processes). The notifications say when and
 * where only: nothing about the cases, which need the second factor.
 */
@Injectable()
export class SupervisionNotifier implements OnModuleInit {
  private readonly logger = new Logger(SupervisionNotifier.name);

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly jobs: JobsService,
    private readonly actors: ActorsRepository,
    private readonly notifications: NotificationsService,
  ) {}

  onModuleInit(): void {
    this.jobs.register({
      name: SUPERVISION_REMINDERS_JOB,
      cron: '* * * * *',
      handler: async () => {
        const sent = await this.remind();
        if (sent) this.logger.log(`Sent ${sent} supervision reminder${sent === 1 ? '' : 's'}`);
      },
    });
  }

  /** In the scheduling transaction `m`; returns what to call after commit. */
  async invited(
    m: EntityManager,
    session: { id: string; schoolName: string; startsAt: Date; live: boolean },
    recipientIds: readonly string[],
  ): Promise<Publish[]> {
    const publishes: Publish[] = [];
    for (const recipientId of recipientIds)
      publishes.push(
        await this.notifications.notify(m, {
          recipientId,
          kind: NotificationKind.SupervisionInvited,
          title: session.live
            ? `Supervision at ${session.schoolName} has started: join now`
            : `You are invited to supervision at ${session.schoolName}, ${whenLabel(session.startsAt)}`,
          body: null,
          link: `/supervision/${session.id}`,
        }),
      );
    return publishes;
  }

  /** Claim the sessions starting within 15 minutes and tell their participants. Returns how many were told. */
  async remind(): Promise<number> {
    const publishes = await this.ds.transaction(async (m) => {
      const [due] = (await m.query(
        `UPDATE supervision_sessions s SET reminded_at = now()
           FROM schools sc
          WHERE sc.id = s.school_id AND s.status = 'SCHEDULED' AND s.reminded_at IS NULL
            AND s.starts_at <= now() + make_interval(mins => $1) AND s.starts_at > now()
          RETURNING s.id, s.school_id, s.trust_id, s.chair_id, s.starts_at, sc.name AS school_name`,
        [SUPERVISION_LIMITS.remindMinutesBefore],
      )) as [
        Array<{
          id: string;
          school_id: string;
          trust_id: string;
          chair_id: string;
          starts_at: Date;
          school_name: string;
        }>,
        number,
      ];
      if (!due.length) return [] as Publish[];
      const participants: Array<{ session_id: string; user_id: string; role: SupervisionRole }> =
        await m.query(
          'SELECT session_id, user_id, role FROM supervision_participants WHERE session_id = ANY($1::uuid[])',
          [due.map((d) => d.id)],
        );
      const people = await this.actors.actorsFor(
        participants.map((p) => p.user_id),
        m,
      );
      const out: Publish[] = [];
      for (const s of due) {
        const scope = {
          schoolId: s.school_id,
          trustId: s.trust_id,
          chairId: s.chair_id,
          participants: participants
            .filter((p) => p.session_id === s.id)
            .map((p) => ({ userId: p.user_id, role: p.role })),
        };
        for (const p of scope.participants) {
          const person = people.get(p.userId);
          // Someone who has since lost the role (or left) is not reminded.
          if (!person || !canJoinSupervision(person, scope)) continue;
          out.push(
            await this.notifications.notify(m, {
              recipientId: p.userId,
              kind: NotificationKind.SupervisionStartingSoon,
              title: `Supervision at ${s.school_name} starts at ${timeLabel(new Date(s.starts_at))}`,
              body: null,
              link: `/supervision/${s.id}`,
            }),
          );
        }
      }
      return out;
    });
    for (const p of publishes) await p();
    return publishes.length;
  }
}
