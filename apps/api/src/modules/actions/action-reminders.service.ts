import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  ACTION_LIMITS,
  ActionSourceKind,
  NotificationKind,
  REMINDER_LOOKBACK_DAYS,
  Term,
  daysBetween,
  londonToday,
  soonReminderDay,
} from '@lantern/shared-domain';
import type { EntityManager } from 'typeorm';
import { ActorsRepository } from '../../common/auth/actors.repository';
import { APP_CONFIG, AppConfig } from '../../config/config';
import { JobsService } from '../jobs/jobs.service';
import { NotificationsService, Publish } from '../notifications/notifications.service';
import { ActionSources } from './action-sources';

const BATCH = 200;

/**
 * Reminders for open actions: once when the due date is within ACTION_LIMITS.remindDaysBefore days,
 * and once when it has passed; daily as the job `actions.reminders` (once across processes). Each
 * reminder is marked in the same transaction as its notification, so a rerun sends nothing twice.
 * An owner who can no longer use the record (left the school, lost the role) is not reminded.
 * A "due soon" reminder whose day is not a school day of the owner's term dates (their schools'
 * own, else their local authorities') goes on the last school day before it (soonReminderDay).
 */
@Injectable()
export class ActionRemindersService implements OnModuleInit {
  private readonly logger = new Logger(ActionRemindersService.name);

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly jobs: JobsService,
    private readonly sources: ActionSources,
    private readonly actors: ActorsRepository,
    private readonly notifications: NotificationsService,
  ) {}

  onModuleInit(): void {
    this.jobs.register({
      name: 'actions.reminders',
      cron: `0 ${this.config.digestHourUtc} * * *`,
      handler: async () => {
        const sent = await this.remind(new Date());
        if (sent) this.logger.log(`Sent ${sent} action reminder${sent === 1 ? '' : 's'}`);
      },
    });
  }

  /** Send the reminders due on `now`'s date in England. Returns how many were sent. */
  async remind(now: Date = new Date()): Promise<number> {
    const today = londonToday(now);
    let total = 0;
    // Actions looked at whose "due soon" day has not come yet (left unmarked, not asked again).
    const notYet: string[] = [];
    for (;;) {
      const { found, publishes } = await this.ds.transaction(async (m) => {
        const due: Array<{
          id: string;
          source_kind: ActionSourceKind;
          source_id: string;
          owner_id: string;
          due_on: string;
          overdue: boolean;
        }> = await m.query(
          `SELECT id, source_kind, source_id, owner_id, to_char(due_on, 'YYYY-MM-DD') AS due_on, due_on < $1::date AS overdue
             FROM actions
            WHERE status = 'OPEN'
              AND ((due_on < $1::date AND reminded_overdue_at IS NULL)
                OR (due_on >= $1::date AND due_on <= $1::date + $2::int AND reminded_soon_at IS NULL))
              AND NOT (id = ANY($3::uuid[]))
            ORDER BY due_on LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`,
          [today, ACTION_LIMITS.remindDaysBefore + REMINDER_LOOKBACK_DAYS, notYet],
        );
        if (!due.length) return { found: 0, publishes: [] as Publish[] };
        const terms = await this.termsOf(m, due.filter((d) => !d.overdue).map((d) => d.owner_id));
        for (const d of due)
          if (!d.overdue && soonReminderDay(d.due_on, terms.get(d.owner_id) ?? []) > today) notYet.push(d.id);
        const waiting = new Set(notYet);
        const found = due.length;
        due.splice(0, due.length, ...due.filter((d) => !waiting.has(d.id)));
        const owners = await this.actors.actorsFor(
          due.map((d) => d.owner_id),
          m,
        );
        const records = await this.sources.recordsOf(
          due.map((d) => ({ sourceKind: d.source_kind, sourceId: d.source_id })),
          m,
        );
        const publishes: Publish[] = [];
        for (const d of due) {
          const owner = owners.get(d.owner_id);
          const record = records.get(d.source_id);
          if (owner && record && this.sources.get(d.source_kind).canUse(owner, record)) {
            const days = daysBetween(today, d.due_on);
            publishes.push(
              await this.notifications.notify(m, {
                recipientId: d.owner_id,
                kind: d.overdue ? NotificationKind.ActionOverdue : NotificationKind.ActionDueSoon,
                title: d.overdue
                  ? `Overdue action (${record.label}): it was due ${d.due_on}`
                  : `Action due ${days === 0 ? 'today' : `in ${days} day${days === 1 ? '' : 's'}`} (${record.label})`,
                body: null,
                link: '/actions',
              }),
            );
          }
        }
        const overdue = due.filter((d) => d.overdue).map((d) => d.id);
        const soon = due.filter((d) => !d.overdue).map((d) => d.id);
        // An overdue action that never had its "due soon" reminder does not get one afterwards.
        if (overdue.length)
          await m.query(
            'UPDATE actions SET reminded_overdue_at = now(), reminded_soon_at = COALESCE(reminded_soon_at, now()) WHERE id = ANY($1::uuid[])',
            [overdue],
          );
        if (soon.length)
          await m.query('UPDATE actions SET reminded_soon_at = now() WHERE id = ANY($1::uuid[])', [soon]);
        return { found, publishes };
      });
      for (const p of publishes) await p();
      total += publishes.length;
      if (found < BATCH) return total;
    }
  }

  /** Each owner's term dates: their schools' own, else their schools' local authorities'. One statement. */
  private async termsOf(m: EntityManager, ownerIds: string[]): Promise<Map<string, Term[]>> {
    const out = new Map<string, Term[]>();
    if (!ownerIds.length) return out;
    const rows: Array<Term & { user_id: string }> = await m.query(
      `SELECT DISTINCT ms.user_id, t.name, t.starts::text AS starts, t.ends::text AS ends,
              t.half_term_starts::text AS "halfTermStarts", t.half_term_ends::text AS "halfTermEnds"
         FROM memberships ms JOIN schools sc ON sc.id = ms.school_id
         JOIN terms t ON (sc.own_term_dates AND t.school_id = sc.id)
                      OR (NOT sc.own_term_dates AND t.local_authority_id = sc.local_authority_id)
        WHERE ms.user_id = ANY($1::uuid[])`,
      [[...new Set(ownerIds)]],
    );
    for (const { user_id, ...t } of rows) out.set(user_id, [...(out.get(user_id) ?? []), t]);
    return out;
  }
}
