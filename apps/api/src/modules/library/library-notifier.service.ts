import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Actor, NotificationKind, ResourceStatus, ShareScope, canSeeResource } from '@lantern/shared-domain';
import { APP_CONFIG, AppConfig } from '../../config/config';
import type { RequestContext } from '../../common/context/request-context';
import { JobsService } from '../jobs/jobs.service';
import { NotificationsService, Publish } from '../notifications/notifications.service';
import { LibraryAccessService } from './library-access.service';
import { LibraryResourceEntity, LibraryVersionEntity } from './library.entity';

const BATCH = 200;
const link = (id: string) => `/library/resources/${id}`;

/**
 * Library notifications through the backbone: a new version reaches people who bookmarked the
 * resource, bookmarked a toolkit holding it, or belong to a trust that adopted it (its SEND leads and
 * SENCOs), if they may still see it; a review falling due reaches the owner once per due date.
 */
@Injectable()
export class LibraryNotifier implements OnModuleInit {
  private readonly logger = new Logger(LibraryNotifier.name);

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly notifications: NotificationsService,
    private readonly access: LibraryAccessService,
    private readonly jobs: JobsService,
  ) {}

  async newVersion(
    m: EntityManager,
    ctx: RequestContext,
    actor: Actor,
    r: LibraryResourceEntity,
    v: LibraryVersionEntity,
  ): Promise<Publish> {
    const rows: Array<{ user_id: string }> = await m.query(
      `SELECT user_id FROM library_bookmarks WHERE resource_id = $1
       UNION SELECT b.user_id FROM library_toolkit_items i JOIN library_bookmarks b ON b.resource_id = i.toolkit_id
              WHERE i.resource_id = $1
       UNION SELECT ms.user_id FROM library_adoptions a JOIN memberships ms ON ms.trust_id = a.trust_id
              WHERE a.resource_id = $1 AND ms.role = 'TRUST_SEND_LEAD'
       UNION SELECT ms.user_id FROM library_adoptions a JOIN schools s ON s.trust_id = a.trust_id
              JOIN memberships ms ON ms.school_id = s.id
              WHERE a.resource_id = $1 AND ms.role = 'SENCO'`,
      [r.id],
    );
    const candidates = rows.map((x) => x.user_id).filter((u) => u !== actor.userId);
    const recipients = await this.access.whoCanSee(candidates, r, m);
    const publishes: Publish[] = [];
    for (const recipientId of recipients) {
      publishes.push(
        await this.notifications.notify(m, {
          recipientId,
          kind: NotificationKind.LibraryNewVersion,
          title: `New version of “${v.title.slice(0, 80)}” (version ${v.number})`,
          body: `${ctx.session?.displayName ?? 'Someone'}: ${v.changeNote.slice(0, 200)}`,
          link: link(r.id),
        }),
      );
    }
    return async () => {
      for (const p of publishes) await p();
    };
  }

  /** Review reminders: daily at the digest hour, as the job `library.review-reminders`. */
  onModuleInit(): void {
    this.jobs.register({
      name: 'library.review-reminders',
      cron: `0 ${this.config.digestHourUtc} * * *`,
      handler: async () => {
        const sent = await this.reviewsDue(new Date());
        if (sent) this.logger.log(`Sent ${sent} library review reminder${sent === 1 ? '' : 's'}`);
      },
    });
  }

  /**
   * Tell owners about resources whose review is due (published or draft, not archived), once per due
   * date; safe with several processes (rows locked with SKIP LOCKED). Returns how many were sent.
   */
  async reviewsDue(now: Date = new Date()): Promise<number> {
    let total = 0;
    for (;;) {
      const { count, publish } = await this.ds.transaction(async (m) => {
        const due: Array<{
          id: string;
          title: string;
          owner_id: string;
          review_due_at: Date;
          status: ResourceStatus;
          share_scope: ShareScope;
          trust_id: string | null;
          school_id: string | null;
        }> = await m.query(
          `SELECT r.id, r.title, r.owner_id, r.review_due_at, r.status, r.share_scope, r.trust_id, r.school_id
               FROM library_resources r
            WHERE r.status <> 'ARCHIVED' AND r.review_due_at <= $1
              AND (r.review_notified_at IS NULL OR r.review_notified_at < r.review_due_at)
            ORDER BY r.review_due_at LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`,
          [now],
        );
        const publishes: Publish[] = [];
        const owners = await this.access.activeActors(
          due.map((r) => r.owner_id),
          m,
        );
        for (const r of due) {
          // Only an owner who can still see it (active, and still in its school or trust).
          const owner = owners.get(r.owner_id);
          const record = {
            ownerId: r.owner_id,
            status: r.status,
            shareScope: r.share_scope,
            trustId: r.trust_id,
            schoolId: r.school_id,
          };
          if (owner && canSeeResource(owner, record)) {
            publishes.push(
              await this.notifications.notify(m, {
                recipientId: r.owner_id,
                kind: NotificationKind.LibraryReviewDue,
                title: `Time to review “${r.title.slice(0, 80)}”`,
                body: `Its review was due on ${new Date(r.review_due_at).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })}. Check it is still right, then mark it reviewed.`,
                link: link(r.id),
              }),
            );
          }
        }
        if (due.length)
          await m.query('UPDATE library_resources SET review_notified_at = $2 WHERE id = ANY($1::uuid[])', [
            due.map((r) => r.id),
            now,
          ]);
        return { count: due.length, publish: publishes };
      });
      for (const p of publish) await p();
      total += count;
      if (count < BATCH) return total;
    }
  }
}
