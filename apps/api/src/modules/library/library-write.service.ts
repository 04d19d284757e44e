import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  Actor,
  AuditAction,
  ResourceAudience,
  ResourceStatus,
  ShareScope,
  canShareWith,
  nextReviewDue,
  normaliseResourceTags,
} from '@lantern/shared-domain';
import type { RequestContext } from '../../common/context/request-context';
import { Errors } from '../../common/errors/app-error';
import { AuditService } from '../audit/audit.service';
import { Publish } from '../notifications/notifications.service';
import { CreateResourceInput, UpdateResourceInput } from './dto/resource.input';
import { ResourceFacetsInput } from './dto/resource-content.input';
import { LibraryAccessService } from './library-access.service';
import { LibraryNotifier } from './library-notifier.service';
import { PersonalDataService } from '../../common/personal-data/personal-data.service';
import { LibraryResourceEntity, LibraryVersionEntity } from './library.entity';
import { VersionContent, addVersion, normaliseSections, sameList, sortedEqual } from './library-versions';

/** How a library override reads in the audit trail. */
const SAVED = { action: AuditAction.LibraryPersonalDataOverride, verb: 'Saved to the library' } as const;

/**
 * Creating resources and saving new versions, checked (audience, files, personal data) and audited.
 * Restoring a version, status and reviews: LibraryLifecycleService.
 */
@Injectable()
export class LibraryWriteService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly access: LibraryAccessService,
    private readonly personalData: PersonalDataService,
    private readonly audit: AuditService,
    private readonly notifier: LibraryNotifier,
  ) {}

  /** Where the resource will be shared, checked against the database and the policy. */
  async audience(
    actor: Actor,
    input: { shareScope: ShareScope; trustId?: string | null; schoolId?: string | null },
    m: EntityManager,
  ): Promise<ResourceAudience> {
    let audience: ResourceAudience;
    if (input.shareScope === ShareScope.Network)
      audience = { shareScope: ShareScope.Network, trustId: null, schoolId: null };
    else if (input.shareScope === ShareScope.Trust) {
      if (!input.trustId) throw Errors.badInput('Choose the trust to share with.', { trustId: 'Required' });
      const [t] = await m.query('SELECT id FROM trusts WHERE id = $1', [input.trustId]);
      if (!t) throw Errors.badInput('Choose a trust from the list.', { trustId: 'Unknown trust' });
      audience = { shareScope: ShareScope.Trust, trustId: input.trustId, schoolId: null };
    } else {
      if (!input.schoolId)
        throw Errors.badInput('Choose the school to share with.', { schoolId: 'Required' });
      const [s] = await m.query('SELECT trust_id FROM schools WHERE id = $1', [input.schoolId]);
      if (!s) throw Errors.badInput('Choose a school from the list.', { schoolId: 'Unknown school' });
      audience = { shareScope: ShareScope.School, trustId: s.trust_id, schoolId: input.schoolId };
    }
    if (!canShareWith(actor, audience)) throw Errors.forbidden('share resources there');
    return audience;
  }

  private async checkLocalAuthority(id: string | null | undefined, m: EntityManager): Promise<void> {
    if (!id) return;
    const [la] = await m.query('SELECT id FROM local_authorities WHERE id = $1', [id]);
    if (!la)
      throw Errors.badInput('Choose a local authority from the list.', { localAuthorityId: 'Unknown' });
  }

  /** Files must exist and be the author's own uploads, or already attached to this resource. */
  private async checkFiles(actor: Actor, fileIds: string[], resourceId: string | null, m: EntityManager) {
    if (!fileIds.length) return;
    if (new Set(fileIds).size !== fileIds.length) throw Errors.badInput('The same file is attached twice.');
    const rows: Array<{ id: string; uploaded_by: string; attached: boolean }> = await m.query(
      `SELECT f.id, f.uploaded_by,
              EXISTS (SELECT 1 FROM library_resource_versions v WHERE v.resource_id = $2 AND f.id = ANY(v.file_ids)) AS attached
         FROM files f WHERE f.id = ANY($1::uuid[]) FOR SHARE OF f`,
      [fileIds, resourceId],
    );
    const ok = new Set(rows.filter((r) => r.uploaded_by === actor.userId || r.attached).map((r) => r.id));
    if (fileIds.some((id) => !ok.has(id)))
      throw Errors.badInput('One of the attached files was not found. Upload it again.', {
        fileIds: 'Unknown file',
      });
  }

  private facets(input: ResourceFacetsInput, current?: LibraryResourceEntity) {
    return {
      needAreas: input.needAreas ? [...new Set(input.needAreas)] : (current?.needAreas ?? []),
      phases: input.phases ? [...new Set(input.phases)] : (current?.phases ?? []),
      tags: input.tags ? normaliseResourceTags(input.tags) : (current?.tags ?? []),
      localAuthorityId:
        input.localAuthorityId !== undefined
          ? (input.localAuthorityId ?? null)
          : (current?.localAuthorityId ?? null),
    };
  }

  private async checkText(
    ctx: RequestContext,
    c: VersionContent,
    override: { reason: string } | null | undefined,
    r: LibraryResourceEntity,
    m: EntityManager,
    changeNote: string | null | undefined,
  ) {
    // Change notes and file names are shown too (history, notifications, downloads): check them alike.
    const files: Array<{ original_name: string }> = c.fileIds.length
      ? await m.query('SELECT original_name FROM files WHERE id = ANY($1::uuid[])', [c.fileIds])
      : [];
    await this.personalData.check(
      ctx,
      [
        c.title,
        c.summary,
        c.bodyMd,
        changeNote,
        ...files.map((f) => f.original_name.replace(/_+/g, ' ')),
        ...(c.ehcpSections ?? []).flatMap((s) => [s.title, s.guidance, ...s.prompts]),
      ],
      override,
      { ...SAVED, trustId: r.trustId, schoolId: r.schoolId, targetType: 'library_resource', targetId: r.id },
      m,
    );
  }

  /** `extra` runs in the same transaction once the resource exists (toolkit items). */
  async create(
    ctx: RequestContext,
    actor: Actor,
    input: CreateResourceInput,
    extra?: (m: EntityManager, r: LibraryResourceEntity) => Promise<void>,
  ): Promise<string> {
    return this.ds.transaction(async (m) => {
      const audience = await this.audience(actor, input, m);
      const facets = this.facets(input);
      await this.checkLocalAuthority(facets.localAuthorityId, m);
      let baseId: string | null = null;
      if (input.baseResourceId) {
        const base = await this.access.resource(actor, input.baseResourceId, m);
        if (base.baseResourceId)
          throw Errors.badInput('Derive a variant from the base resource, not from another variant.');
        if (!facets.localAuthorityId)
          throw Errors.badInput('A variant is for one local authority: choose it.', {
            localAuthorityId: 'Required',
          });
        baseId = base.id;
      }
      const content: VersionContent = {
        title: input.title.trim(),
        summary: (input.summary ?? '').trim(),
        bodyMd: input.bodyMd ?? '',
        ehcpSections: normaliseSections(input.ehcpSections),
        fileIds: input.fileIds ?? [],
      };
      await this.checkFiles(actor, content.fileIds, null, m);
      const status = input.status ?? ResourceStatus.Draft;
      const [row] = await m.query(
        `INSERT INTO library_resources (kind, title, summary, need_areas, phases, local_authority_id, tags, share_scope,
                                        trust_id, school_id, status, owner_id, base_resource_id, review_due_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id`,
        [
          input.kind,
          content.title,
          content.summary,
          facets.needAreas,
          facets.phases,
          facets.localAuthorityId,
          facets.tags,
          audience.shareScope,
          audience.trustId,
          audience.schoolId,
          status,
          actor.userId,
          baseId,
          nextReviewDue(new Date()),
        ],
      );
      const r = await m.getRepository(LibraryResourceEntity).findOneByOrFail({ id: row.id as string });
      await addVersion(m, r, content, actor.userId, input.changeNote?.trim() || 'First version', null);
      await this.checkText(ctx, content, input.personalDataOverride, r, m, input.changeNote);
      if (extra) await extra(m, r);
      await this.audit.recordFor(
        ctx,
        {
          action: AuditAction.LibraryResourceCreated,
          summary: `Created “${content.title.slice(0, 120)}” (${input.kind.toLowerCase()}, ${status.toLowerCase()}, shared with ${audience.shareScope.toLowerCase()})`,
          targetType: 'library_resource',
          targetId: r.id,
          trustId: audience.trustId,
          schoolId: audience.schoolId,
        },
        m,
      );
      return r.id;
    });
  }

  /** A new version with a change note; descriptive fields (tags, need areas...) update in place. */
  async update(ctx: RequestContext, actor: Actor, input: UpdateResourceInput): Promise<void> {
    const publish = await this.ds.transaction(async (m) => {
      const r = await this.access.managed(actor, input.resourceId, m, 'change this resource');
      if (input.basedOnVersion && input.basedOnVersion !== r.versionCount)
        throw Errors.conflict(
          `Someone saved version ${r.versionCount} while you were editing version ${input.basedOnVersion}. Open the newest version and make your change again.`,
        );
      const current = await m
        .getRepository(LibraryVersionEntity)
        .findOneByOrFail({ id: r.currentVersionId! });
      const content: VersionContent = {
        title: input.title.trim(),
        summary:
          input.summary !== undefined && input.summary !== null ? input.summary.trim() : current.summary,
        bodyMd: input.bodyMd ?? current.bodyMd,
        ehcpSections: input.ehcpSections ? normaliseSections(input.ehcpSections) : current.ehcpSections,
        fileIds: input.fileIds ?? current.fileIds,
      };
      const facets = this.facets(input, r);
      await this.checkLocalAuthority(facets.localAuthorityId, m);
      const contentChanged =
        content.title !== current.title ||
        content.summary !== current.summary ||
        content.bodyMd !== current.bodyMd ||
        JSON.stringify(content.ehcpSections) !== JSON.stringify(current.ehcpSections) ||
        !sameList(content.fileIds, current.fileIds);
      const facetsChanged =
        !sortedEqual(facets.needAreas, r.needAreas) ||
        !sortedEqual(facets.phases, r.phases) ||
        !sameList(facets.tags, r.tags) ||
        facets.localAuthorityId !== r.localAuthorityId;
      if (!contentChanged && !facetsChanged) throw Errors.badInput('There are no changes to save.');
      if (r.baseResourceId && !facets.localAuthorityId)
        throw Errors.badInput('A variant is for one local authority: keep one chosen.', {
          localAuthorityId: 'Required',
        });
      if (facetsChanged) {
        await m.query(
          'UPDATE library_resources SET need_areas = $2, phases = $3, tags = $4, local_authority_id = $5, updated_at = now() WHERE id = $1',
          [r.id, facets.needAreas, facets.phases, facets.tags, facets.localAuthorityId],
        );
      }
      let publish: Publish = async () => undefined;
      if (contentChanged) {
        await this.checkFiles(actor, content.fileIds, r.id, m);
        const v = await addVersion(m, r, content, actor.userId, input.changeNote, null);
        await this.checkText(ctx, content, input.personalDataOverride, r, m, input.changeNote);
        publish = await this.notifier.newVersion(m, ctx, actor, r, v);
      }
      await this.audit.recordFor(
        ctx,
        {
          action: AuditAction.LibraryVersionAdded,
          summary: contentChanged
            ? `Saved version ${r.versionCount + 1} of “${content.title.slice(0, 120)}”: ${input.changeNote.trim().slice(0, 200)}`
            : `Changed the details of “${r.title.slice(0, 120)}” (need areas, phases, tags or local authority)`,
          targetType: 'library_resource',
          targetId: r.id,
          trustId: r.trustId,
          schoolId: r.schoolId,
        },
        m,
      );
      return publish;
    });
    await publish();
  }
}
