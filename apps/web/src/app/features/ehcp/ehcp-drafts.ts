import { Injectable, inject } from '@angular/core';
import type { EhcpSectionKey, EhcpSectionStatus } from '@lantern/shared-domain';
import {
  EhcpDraftDocument,
  type EhcpDraftPartsFragment,
  EhcpDraftSchoolsDocument,
  EhcpDraftsDocument,
  GraphqlClient,
  SaveEhcpDraftSectionDocument,
  SetEhcpDraftSectionStateDocument,
  StartEhcpDraftDocument,
} from '@lantern/web-graphql';
import type { Page } from '../../core/paged-list';
import { type DraftSectionView, exportUrl, orderSections } from './ehcp-model';

/** A draft as the editor shows it. */
export interface EhcpDraft {
  id: string;
  pupilReference: string;
  updatedAt: string;
  schoolName: string;
  templateTitle: string | null;
  /** Where the .docx is downloaded (permission-checked and audited by the API). */
  exportUrl: string;
  sections: DraftSectionView[];
}

/** A school whose drafts the viewer may see (for the list's filter). */
export interface EhcpDraftSchool {
  id: string;
  name: string;
  trustName: string;
}

/** A row of the drafts list. */
export interface EhcpDraftSummary {
  id: string;
  pupilReference: string;
  schoolName: string;
  templateTitle: string | null;
  updatedAt: string;
  complete: number;
  total: number;
  percent: number;
}

export const DRAFTS_PAGE = 25;

export function toDraft(d: EhcpDraftPartsFragment): EhcpDraft {
  return {
    id: d.id,
    pupilReference: d.pupilReference,
    updatedAt: d.updatedAt,
    schoolName: d.schoolName,
    templateTitle: d.templateTitle || null,
    exportUrl: d.exportUrl || exportUrl(d.id),
    sections: orderSections(d.sections).map((s) => ({
      key: s.key,
      title: s.title,
      guidanceHtml: s.guidanceHtml,
      prompts: s.prompts,
      text: s.text,
      revision: s.revision,
      status: s.status,
    })),
  };
}

/** Reading and saving EHCP drafts (GraphQL); every read and change is audited by the API. */
@Injectable({ providedIn: 'root' })
export class EhcpDrafts {
  private readonly client = inject(GraphqlClient);

  async draft(id: string): Promise<EhcpDraft> {
    const { ehcpDraft } = await this.client.request(EhcpDraftDocument, { id });
    return toDraft(ehcpDraft);
  }

  /** Save one section from its `revision`; resolves to the section's new revision (CONFLICT if it moved on). */
  async saveSection(draftId: string, key: EhcpSectionKey, text: string, revision: number): Promise<number> {
    const { saveEhcpDraftSection } = await this.client.request(SaveEhcpDraftSectionDocument, {
      draftId,
      key,
      text,
      revision,
    });
    return saveEhcpDraftSection.section.revision;
  }

  /** Mark a section not started, in progress or complete (its text and revision are untouched). */
  async setSectionState(draftId: string, key: EhcpSectionKey, state: EhcpSectionStatus): Promise<void> {
    await this.client.request(SetEhcpDraftSectionStateDocument, { draftId, key, state });
  }

  /** The schools whose drafts the viewer may see. */
  async schools(): Promise<EhcpDraftSchool[]> {
    const { ehcpDraftSchools } = await this.client.request(EhcpDraftSchoolsDocument, {});
    return ehcpDraftSchools.map((s) => ({ id: s.id, name: s.name, trustName: s.trustName }));
  }

  /** Start a draft for one of the viewer's schools from a template; resolves to its id. */
  async start(
    templateResourceId: string,
    pupilReference: string,
    schoolId: string | null = null,
  ): Promise<string> {
    const { startEhcpDraft } = await this.client.request(StartEhcpDraftDocument, {
      templateResourceId,
      pupilReference,
      schoolId,
    });
    return startEhcpDraft.id;
  }

  async list(after: string | null, schoolId: string | null = null): Promise<Page<EhcpDraftSummary>> {
    const { ehcpDrafts } = await this.client.request(EhcpDraftsDocument, {
      first: DRAFTS_PAGE,
      after,
      schoolId,
    });
    return {
      pageInfo: ehcpDrafts.pageInfo,
      totalCount: ehcpDrafts.totalCount,
      nodes: ehcpDrafts.nodes.map((d) => ({
        id: d.id,
        pupilReference: d.pupilReference,
        schoolName: d.schoolName,
        templateTitle: d.templateTitle || null,
        updatedAt: d.updatedAt,
        complete: d.completeness.complete,
        total: d.completeness.total,
        percent: d.completeness.percent,
      })),
    };
  }
}
