import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import DataLoader from 'dataloader';
import { DataSource, EntityManager, In } from 'typeorm';
import { Actor, AuditAction, ResourceKind, ResourceSort, canSeeResource } from '@lantern/shared-domain';
import type { RequestContext } from '../../common/context/request-context';
import { Errors } from '../../common/errors/app-error';
import { Connection } from '../../common/pagination/connection';
import { AuditService } from '../audit/audit.service';
import { CreateResourceInput } from './dto/resource.input';
import { CreateToolkitInput, ToolkitItemInput } from './dto/toolkit.input';
import { LibraryResourceFilter } from './dto/resource-filter.input';
import { LibraryAccessService } from './library-access.service';
import { PersonalDataService } from '../../common/personal-data/personal-data.service';
import { COLUMNS, LibraryReadService, rowToEntity } from './library-read.service';
import { LibraryWriteService } from './library-write.service';
import { LibraryResourceEntity } from './library.entity';
import { LibraryResourceModel, ToolkitItemModel, ToolkitModel } from './library.model';

/** How a library override reads in the audit trail. */
const SAVED = { action: AuditAction.LibraryPersonalDataOverride, verb: 'Saved to the library' } as const;

export interface ToolkitItems {
  items: ToolkitItemModel[];
  hidden: number;
}

/** Toolkits: resources of kind TOOLKIT with an ordered list of other resources. */
@Injectable()
export class LibraryToolkitsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly access: LibraryAccessService,
    private readonly read: LibraryReadService,
    private readonly write: LibraryWriteService,
    private readonly audit: AuditService,
    private readonly personalData: PersonalDataService,
  ) {}

  toModel(resource: LibraryResourceModel): ToolkitModel {
    return { id: resource.id, resource, items: [], hiddenItemCount: 0 };
  }

  async toolkit(ctx: RequestContext, actor: Actor, id: string): Promise<ToolkitModel> {
    const r = await this.access.resource(actor, id);
    if (r.kind !== ResourceKind.Toolkit) throw Errors.notFound('That toolkit');
    return this.toModel(this.read.present(ctx, r));
  }

  async toolkits(
    ctx: RequestContext,
    actor: Actor,
    filter: LibraryResourceFilter | null,
    sort: ResourceSort,
    limit: number,
    after: string | null,
  ): Promise<Connection<ToolkitModel>> {
    const page = await this.read.list(
      ctx,
      actor,
      Object.assign(new LibraryResourceFilter(), filter ?? {}, { kinds: [ResourceKind.Toolkit] }),
      sort,
      limit,
      after,
    );
    return { ...page, nodes: page.nodes.map((n) => this.toModel(n)) };
  }

  /** The items of many toolkits that this viewer may see, in order, in one statement. */
  itemsLoader(ctx: RequestContext, actor: Actor): DataLoader<string, ToolkitItems> {
    return ctx.loaders.memo(
      'library.toolkitItems',
      () =>
        new DataLoader<string, ToolkitItems>(async (ids) => {
          const params: unknown[] = [ids];
          const visible = this.access.visibleSql(actor, 'r', params);
          const rows: Array<
            Record<string, unknown> & { toolkit_id: string; position: number; note: string; visible: boolean }
          > = await this.ds.query(
            `SELECT i.toolkit_id, i.position, i.note, ${visible} AS visible, ${COLUMNS}
               FROM library_toolkit_items i JOIN library_resources r ON r.id = i.resource_id
              WHERE i.toolkit_id = ANY($1::uuid[]) ORDER BY i.toolkit_id, i.position`,
            params,
          );
          return ids.map((id) => {
            const mine = rows.filter((x) => x.toolkit_id === id);
            const shown = mine.filter((x) => x.visible);
            return {
              hidden: mine.length - shown.length,
              items: shown.map((x, i) => ({
                position: i,
                note: x.note,
                resource: this.read.present(
                  ctx,
                  rowToEntity(x as unknown as Parameters<typeof rowToEntity>[0]),
                ),
              })),
            };
          });
        }),
    );
  }

  private async checkItems(
    actor: Actor,
    toolkitId: string | null,
    items: ToolkitItemInput[],
    m: EntityManager,
  ) {
    const ids = items.map((i) => i.resourceId);
    if (new Set(ids).size !== ids.length) throw Errors.badInput('A resource appears twice in the toolkit.');
    if (toolkitId && ids.includes(toolkitId)) throw Errors.badInput('A toolkit cannot contain itself.');
    const found = ids.length ? await m.getRepository(LibraryResourceEntity).findBy({ id: In(ids) }) : [];
    const visible = new Set(found.filter((r) => canSeeResource(actor, r)).map((r) => r.id));
    if (ids.some((id) => !visible.has(id)))
      throw Errors.badInput('One of the resources was not found. Choose it again from the library.', {
        items: 'Unknown resource',
      });
  }

  private async writeItems(
    m: EntityManager,
    toolkitId: string,
    items: Array<{ resourceId: string; note: string }>,
  ) {
    await m.query('DELETE FROM library_toolkit_items WHERE toolkit_id = $1', [toolkitId]);
    if (!items.length) return;
    await m.query(
      `INSERT INTO library_toolkit_items (toolkit_id, resource_id, position, note)
       SELECT $1, x.resource_id, x.ord - 1, x.note
         FROM unnest($2::uuid[], $3::text[]) WITH ORDINALITY AS x(resource_id, note, ord)`,
      [toolkitId, items.map((i) => i.resourceId), items.map((i) => i.note)],
    );
  }

  async create(ctx: RequestContext, actor: Actor, input: CreateToolkitInput): Promise<string> {
    const resourceInput = Object.assign(new CreateResourceInput(), input, { kind: ResourceKind.Toolkit });
    return this.write.create(ctx, actor, resourceInput, async (m, r) => {
      await this.checkItems(actor, r.id, input.items, m);
      await this.personalData.check(
        ctx,
        input.items.map((i) => i.note),
        input.personalDataOverride,
        {
          ...SAVED,
          trustId: r.trustId,
          schoolId: r.schoolId,
          targetType: 'library_resource',
          targetId: r.id,
        },
        m,
      );
      await this.writeItems(
        m,
        r.id,
        input.items.map((i) => ({ resourceId: i.resourceId, note: (i.note ?? '').trim() })),
      );
    });
  }

  /**
   * Replace the toolkit's items with this ordered list (adding, removing and reordering). Items the
   * editor cannot see stay, after the ones they can.
   */
  async updateItems(
    ctx: RequestContext,
    actor: Actor,
    toolkitId: string,
    items: ToolkitItemInput[],
  ): Promise<void> {
    await this.ds.transaction(async (m) => {
      const r: LibraryResourceEntity = await this.access.managed(actor, toolkitId, m, 'change this toolkit');
      if (r.kind !== ResourceKind.Toolkit) throw Errors.notFound('That toolkit');
      await this.checkItems(actor, r.id, items, m);
      // No override here: a note beside a resource in a toolkit has no reason to name a pupil.
      await this.personalData.check(
        ctx,
        items.map((i) => i.note),
        null,
        {
          ...SAVED,
          trustId: r.trustId,
          schoolId: r.schoolId,
          targetType: 'library_resource',
          targetId: r.id,
        },
        m,
      );
      const params: unknown[] = [r.id];
      const visible = this.access.visibleSql(actor, 'r', params);
      const kept: Array<{ resource_id: string; note: string }> = await m.query(
        `SELECT i.resource_id, i.note FROM library_toolkit_items i JOIN library_resources r ON r.id = i.resource_id
          WHERE i.toolkit_id = $1 AND NOT ${visible} ORDER BY i.position`,
        params,
      );
      await this.writeItems(m, r.id, [
        ...items.map((i) => ({ resourceId: i.resourceId, note: (i.note ?? '').trim() })),
        ...kept.map((k) => ({ resourceId: k.resource_id, note: k.note })),
      ]);
      await m.query('UPDATE library_resources SET updated_at = now() WHERE id = $1', [r.id]);
      await this.audit.recordFor(
        ctx,
        {
          action: AuditAction.LibraryToolkitChanged,
          summary: `Changed the items of the toolkit “${r.title.slice(0, 120)}” (${items.length} shown)`,
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
