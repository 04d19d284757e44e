import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  Actor,
  AuditAction,
  LIBRARY_LIMITS,
  ResourceAudience,
  ResourceStatus,
  ShareScope,
  canShareWith,
  nextReviewDue,
  normaliseResourceTags,
} from '@lantern/shared-domain';
import type { RequestContext } from '../../common/context/request-context';
import { Errors } from '../../common/errors/app-error';
import { renderMarkdown } from '../../common/markdown/render-markdown';
import { AuditService } from '../audit/audit.service';
import { Publish } from '../notifications/notifications.service';
import { CreateResourceInput, UpdateResourceInput } from './dto/resource.input';
import { LibraryEhcpSectionInput, ResourceFacetsInput } from './dto/resource-content.input';
import { LibraryAccessService } from './library-access.service';
import { LibraryNotifier } from './library-notifier.service';
import { PersonalDataService } from '../../common/personal-data/personal-data.service';
import { EhcpSectionJson, LibraryResourceEntity, LibraryVersionEntity } from './library.entity';

/** How a library override reads in the audit trail. */
const SAVED = { action: AuditAction.LibraryPersonalDataOverride, verb: 'Saved to the library' } as const;

/** The content every version carries in full (a version never depends on another). */
export interface VersionContent {
  title: string;
  summary: string;
  bodyMd: string;
  ehcpSections: EhcpSectionJson[] | null;
  fileIds: string[];
}

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x, i) => x === b[i]);
const sortedEqual = (a: readonly string[], b: readonly string[]) => sameList([...a].sort(), [...b].sort());

function normaliseSections(sections: LibraryEhcpSectionInput[] | null | undefined): EhcpSectionJson[] | null {
  if (!sections?.length) return null;
  const keys = sections.map((s) => s.key);
  if (new Set(keys).size !== keys.length)
    throw Errors.badInput('Each EHCP section (A to K) may appear only once.', {
      ehcpSections: 'Repeated section',
    });
  return [...sections]
    .sort((a, b) => a.key.localeCompare(b.key))
    .map((s) => ({
      key: s.key,
      title: s.title.trim(),
      guidance: s.guidance,
      prompts: s.prompts.map((p) => p.trim()).filter(Boolean),
    }));
}

/** Everything that changes a resource: creation, new versions, restore, status and review. All audited. */
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

  /** Append version n+1 and point the resource at it (the search vector follows by trigger). */
  async addVersion(
    m: EntityManager,
    r: LibraryResourceEntity,
    c: VersionContent,
    authorId: string,
    changeNote: string,
    restoredFrom: number | null,
  ): Promise<LibraryVersionEntity> {
    const number = r.versionCount + 1;
    const [v] = await m.query(
      `INSERT INTO library_resource_versions
         (resource_id, number, title, summary, body_md, body_html, change_note, author_id, restored_from, ehcp_sections, file_ids)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb, $11::uuid[]) RETURNING id`,
      [
        r.id,
        number,
        c.title,
        c.summary,
        c.bodyMd,
        renderMarkdown(c.bodyMd),
        changeNote.trim().slice(0, LIBRARY_LIMITS.changeNoteMax),
        authorId,
        restoredFrom,
        c.ehcpSections ? JSON.stringify(c.ehcpSections) : null,
        c.fileIds,
      ],
    );
    await m.query(
      `UPDATE library_resources SET current_version_id = $2, version_count = $3, title = $4, summary = $5, updated_at = now()
        WHERE id = $1`,
      [r.id, v.id, number, c.title, c.summary],
    );
    return await m.getRepository(LibraryVersionEntity).findOneByOrFail({ id: v.id as string });
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
      await this.addVersion(m, r, content, actor.userId, input.changeNote?.trim() || 'First version', null);
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
        const v = await this.addVersion(m, r, content, actor.userId, input.changeNote, null);
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
      const v = await this.addVersion(
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
