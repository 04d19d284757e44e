import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  Actor,
  AuditAction,
  RESOURCE_KIND_LABEL,
  ResourceKind,
  SHARE_SCOPE_LABEL,
  ShareScope,
} from '@lantern/shared-domain';
import type { RequestContext } from '../../common/context/request-context';
import { Errors } from '../../common/errors/app-error';
import { AuditService } from '../audit/audit.service';
import { ChangeResourceSharingInput } from './dto/resource-sharing.input';
import { LibraryAccessService } from './library-access.service';
import { LibraryWriteService } from './library-write.service';

/**
 * Changing a resource's kind and who it is shared with after it was created: widening (a school's
 * resource to its trust or the network) or narrowing. The person must look after the resource
 * (canManageResource) and be allowed to share with the new audience (canShareWith, the same rule as
 * creating). People outside the new audience stop seeing it at once (every read checks the
 * audience); trust adoptions, which are only of network resources, end when it leaves the network.
 */
@Injectable()
export class LibrarySharingService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly access: LibraryAccessService,
    private readonly write: LibraryWriteService,
    private readonly audit: AuditService,
  ) {}

  async change(ctx: RequestContext, actor: Actor, input: ChangeResourceSharingInput): Promise<void> {
    await this.ds.transaction(async (m) => {
      const r = await this.access.managed(
        actor,
        input.resourceId,
        m,
        'change who this resource is shared with',
      );
      const audience = await this.write.audience(actor, input, m);
      const kind = input.kind ?? r.kind;
      if (kind !== r.kind) {
        if (r.kind === ResourceKind.Toolkit || kind === ResourceKind.Toolkit)
          throw Errors.badInput('A toolkit stays a toolkit, and other resources cannot become one.', {
            kind: 'Not this kind',
          });
        const [v] = await m.query(
          'SELECT ehcp_sections IS NOT NULL AS ehcp FROM library_resource_versions WHERE id = $1',
          [r.currentVersionId],
        );
        if (r.baseResourceId || v?.ehcp)
          throw Errors.badInput('An EHCP template (or a variant of one) stays a template.', {
            kind: 'Not this kind',
          });
      }
      const sameAudience =
        audience.shareScope === r.shareScope &&
        audience.trustId === r.trustId &&
        audience.schoolId === r.schoolId;
      if (sameAudience && kind === r.kind) throw Errors.badInput('There are no changes to save.');
      let adoptionsEnded = 0;
      if (r.shareScope === ShareScope.Network && audience.shareScope !== ShareScope.Network) {
        const ended: unknown[] = await m.query(
          'DELETE FROM library_adoptions WHERE resource_id = $1 RETURNING trust_id',
          [r.id],
        );
        adoptionsEnded = (Array.isArray(ended[0]) ? (ended[0] as unknown[]) : ended).length;
      }
      await m.query(
        `UPDATE library_resources SET kind = $2, share_scope = $3, trust_id = $4, school_id = $5,
           adoption_count = CASE WHEN $3 = 'NETWORK' THEN adoption_count ELSE 0 END, updated_at = now()
         WHERE id = $1`,
        [r.id, kind, audience.shareScope, audience.trustId, audience.schoolId],
      );
      const where = (a: { shareScope: ShareScope }) => SHARE_SCOPE_LABEL[a.shareScope].toLowerCase();
      const summary =
        `Changed “${r.title.slice(0, 120)}” from ${RESOURCE_KIND_LABEL[r.kind].toLowerCase()} shared with ${where(r)} ` +
        `to ${RESOURCE_KIND_LABEL[kind].toLowerCase()} shared with ${where(audience)}` +
        (adoptionsEnded ? `; ${adoptionsEnded} trust adoption${adoptionsEnded === 1 ? '' : 's'} ended` : '');
      // Readable by the leaders of where it was and of where it is now.
      const scopes = [
        { trustId: r.trustId, schoolId: r.schoolId },
        ...(sameAudience ? [] : [{ trustId: audience.trustId, schoolId: audience.schoolId }]),
      ];
      for (const scope of scopes)
        await this.audit.recordFor(
          ctx,
          {
            action: AuditAction.LibrarySharingChanged,
            summary,
            targetType: 'library_resource',
            targetId: r.id,
            ...scope,
          },
          m,
        );
    });
  }
}
