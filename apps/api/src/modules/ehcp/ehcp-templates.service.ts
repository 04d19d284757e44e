import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  Actor,
  EHCP_SECTION_KEYS,
  EhcpTemplateSection,
  ResourceStatus,
  canSeeResource,
  compareEhcpSections,
  isEhcpSectionKey,
} from '@lantern/shared-domain';
import { Errors } from '../../common/errors/app-error';
import { renderMarkdown } from '../../common/markdown/render-markdown';
import { LibraryResourceEntity, LibraryVersionEntity } from '../library/library.entity';
import { EhcpTemplateModel, EhcpTemplateSectionModel, EhcpTemplateVariantsModel } from './ehcp.models';

/** A template resource the viewer may see, with its newest version's EHCP sections. */
export interface LoadedTemplate {
  resource: LibraryResourceEntity;
  version: LibraryVersionEntity;
  sections: EhcpTemplateSection[];
}

/** The sections stored with a version, cleaned: known keys only, A to K order, one per key. */
export function templateSections(raw: unknown): EhcpTemplateSection[] | null {
  if (!Array.isArray(raw)) return null;
  const byKey = new Map<string, EhcpTemplateSection>();
  for (const s of raw as Array<Record<string, unknown>>) {
    if (!s || !isEhcpSectionKey(s['key']) || byKey.has(s['key'])) continue;
    byKey.set(s['key'], {
      key: s['key'],
      title: typeof s['title'] === 'string' && s['title'].trim() ? s['title'] : s['key'],
      guidance: typeof s['guidance'] === 'string' ? s['guidance'] : '',
      prompts: Array.isArray(s['prompts'])
        ? s['prompts'].filter((p): p is string => typeof p === 'string')
        : [],
    });
  }
  const sections = EHCP_SECTION_KEYS.map((k) => byKey.get(k)).filter((s): s is EhcpTemplateSection => !!s);
  return sections.length ? sections : null;
}

export function toSectionModel(s: EhcpTemplateSection): EhcpTemplateSectionModel {
  return { ...s, guidanceHtml: renderMarkdown(s.guidance) };
}

/** EHCP templates in the library: a base template and its local authorities' variants. */
@Injectable()
export class EhcpTemplatesService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** A visible, non-archived resource whose newest version has EHCP sections; NOT_FOUND otherwise. */
  async load(actor: Actor, resourceId: string, m: EntityManager = this.ds.manager): Promise<LoadedTemplate> {
    const resource = await m.getRepository(LibraryResourceEntity).findOneBy({ id: resourceId });
    if (!resource || !canSeeResource(actor, resource)) throw Errors.notFound('That template');
    const version = resource.currentVersionId
      ? await m.getRepository(LibraryVersionEntity).findOneBy({ id: resource.currentVersionId })
      : null;
    const sections = templateSections(version?.ehcpSections);
    if (!version || !sections)
      throw Errors.badInput('This resource is not an EHCP template: it has no sections A to K.', {
        templateResourceId: 'Not an EHCP template',
      });
    return { resource, version, sections };
  }

  /**
   * The base template (the resource itself, or the one it derives from) and every visible variant
   * derived from it, each with its differences from the base. A constant number of statements.
   */
  async variants(actor: Actor, resourceId: string): Promise<EhcpTemplateVariantsModel> {
    const start = await this.ds.getRepository(LibraryResourceEntity).findOneBy({ id: resourceId });
    if (!start || !canSeeResource(actor, start)) throw Errors.notFound('That template');
    let baseId = start.id;
    if (start.baseResourceId) {
      const parent = await this.ds
        .getRepository(LibraryResourceEntity)
        .findOneBy({ id: start.baseResourceId });
      if (parent && canSeeResource(actor, parent)) baseId = parent.id;
    }
    const base = await this.load(actor, baseId);
    const children = (
      await this.ds
        .getRepository(LibraryResourceEntity)
        .createQueryBuilder('r')
        .where('r.base_resource_id = :id AND r.status <> :archived', {
          id: baseId,
          archived: ResourceStatus.Archived,
        })
        .orderBy('r.title')
        .addOrderBy('r.id')
        .getMany()
    ).filter((r) => canSeeResource(actor, r) && r.currentVersionId);
    const versions = children.length
      ? await this.ds
          .getRepository(LibraryVersionEntity)
          .createQueryBuilder('v')
          .where('v.id = ANY(:ids)', { ids: children.map((c) => c.currentVersionId) })
          .getMany()
      : [];
    const laIds = [base.resource, ...children].map((r) => r.localAuthorityId).filter((x): x is string => !!x);
    const las: Array<{ id: string; name: string }> = laIds.length
      ? await this.ds.query('SELECT id, name FROM local_authorities WHERE id = ANY($1::uuid[])', [laIds])
      : [];
    const laName = (id: string | null) => las.find((l) => l.id === id)?.name ?? null;
    const model = (t: LoadedTemplate): EhcpTemplateModel => ({
      resourceId: t.resource.id,
      versionId: t.version.id,
      versionNumber: t.version.number,
      title: t.resource.title,
      localAuthorityId: t.resource.localAuthorityId,
      localAuthorityName: laName(t.resource.localAuthorityId),
      sections: t.sections.map(toSectionModel),
    });
    const variants = children.flatMap((resource) => {
      const version = versions.find((v) => v.id === resource.currentVersionId);
      const sections = templateSections(version?.ehcpSections);
      if (!version || !sections) return [];
      return [
        {
          template: model({ resource, version, sections }),
          differences: compareEhcpSections(base.sections, sections),
        },
      ];
    });
    return { base: model(base), variants };
  }
}
