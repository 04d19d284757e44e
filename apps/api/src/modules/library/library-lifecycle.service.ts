import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Actor, AuditAction, LIBRARY_LIMITS, ResourceStatus, nextReviewDue } from '@lantern/shared-domain';
import type { RequestContext } from '../../common/context/request-context';
import { Errors } from '../../common/errors/app-error';
import { AuditService } from '../audit/audit.service';
import { LibraryAccessService } from './library-access.service';
import { LibraryNotifier } from './library-notifier.service';
import { LibraryVersionEntity } from './library.entity';
import { addVersion } from './library-versions';

/** A resource's life after creation: restoring a version, its status and its reviews. All audited. */
@Injectable()
export class LibraryLifecycleService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly access: LibraryAccessService,
    private readonly audit: AuditService,
    private readonly notifier: LibraryNotifier,
  ) {}

  /** An old version's content becomes the newest version; nothing is removed. */
  async restore(
    ctx: RequestContext,
    actor: Actor,
    resourceId: string,
    number: number,
    changeNote: string | null,
  ): Promise<void> {
    const publish = await this.ds.transaction(async (m) => {
      const r = await this.access.managed(actor, resourceId, m, 'restore versions of this resource');
      const old = await m.getRepository(LibraryVersionEntity).findOneBy({ resourceId, number });
      if (!old) throw Errors.notFound(`Version ${number}`);
      if (number === r.versionCount) throw Errors.badInput('That is already the newest version.');
      const v = await addVersion(
        m,
        r,
        {
          title: old.title,
          summary: old.summary,
          bodyMd: old.bodyMd,
          ehcpSections: old.ehcpSections,
          fileIds: old.fileIds,
        },
        actor.userId,
        changeNote?.trim() || `Restored from version ${number}`,
        number,
      );
      await this.audit.recordFor(
        ctx,
        {
          action: AuditAction.LibraryVersionRestored,
          summary: `Restored version ${number} of “${old.title.slice(0, 120)}” as version ${v.number}`,
          targetType: 'library_resource',
          targetId: r.id,
          trustId: r.trustId,
          schoolId: r.schoolId,
        },
        m,
      );
      return this.notifier.newVersion(m, ctx, actor, r, v);
    });
    await publish();
  }

  async setStatus(
    ctx: RequestContext,
    actor: Actor,
    resourceId: string,
    status: ResourceStatus,
  ): Promise<void> {
    await this.ds.transaction(async (m) => {
      const r = await this.access.managed(actor, resourceId, m, 'change the status of this resource');
      if (r.status === status) return;
      if (status === ResourceStatus.Draft && r.adoptionCount > 0)
        throw Errors.conflict(
          'Trusts have adopted this resource: archive it instead of returning it to draft.',
        );
      await m.query(
        'UPDATE library_resources SET status = $2, updated_at = now(), review_due_at = COALESCE(review_due_at, $3) WHERE id = $1',
        [r.id, status, nextReviewDue(new Date())],
      );
      await this.audit.recordFor(
        ctx,
        {
          action: AuditAction.LibraryStatusChanged,
          summary: `Changed “${r.title.slice(0, 120)}” from ${r.status.toLowerCase()} to ${status.toLowerCase()}`,
          targetType: 'library_resource',
          targetId: r.id,
          trustId: r.trustId,
          schoolId: r.schoolId,
        },
        m,
      );
    });
  }

  /** Record a review now and set the next review date (default 12 months). */
  async markReviewed(
    ctx: RequestContext,
    actor: Actor,
    resourceId: string,
    months: number | null,
  ): Promise<void> {
    const interval = months ?? LIBRARY_LIMITS.reviewIntervalMonths;
    if (!Number.isInteger(interval) || interval < 1 || interval > LIBRARY_LIMITS.reviewIntervalMaxMonths)
      throw Errors.badInput(
        `Choose the next review between 1 and ${LIBRARY_LIMITS.reviewIntervalMaxMonths} months away.`,
        {
          months: 'Out of range',
        },
      );
    await this.ds.transaction(async (m) => {
      const r = await this.access.managed(actor, resourceId, m, 'mark this resource as reviewed');
      if (r.status === ResourceStatus.Archived)
        throw Errors.conflict('An archived resource is not reviewed. Publish it again first.');
      const now = new Date();
      await m.query(
        `UPDATE library_resources SET last_reviewed_at = $2, last_reviewed_by = $3, review_due_at = $4, review_notified_at = NULL
          WHERE id = $1`,
        [r.id, now, actor.userId, nextReviewDue(now, interval)],
      );
      await this.audit.recordFor(
        ctx,
        {
          action: AuditAction.LibraryReviewed,
          summary: `Reviewed “${r.title.slice(0, 120)}”; next review in ${interval} month${interval === 1 ? '' : 's'}`,
          targetType: 'library_resource',
          targetId: r.id,
          trustId: r.trustId,
          schoolId: r.schoolId,
        },
        m,
      );
    });
  }
}
