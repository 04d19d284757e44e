import { Injectable, inject } from '@angular/core';
import { CASELOAD_LIMITS } from '@lantern/shared-domain';
import {
  type ActionPartsFragment,
  AddCaseActionDocument,
  type AddCaseActionInput,
  AddCaseNoteDocument,
  type AddCaseNoteInput,
  CaseAccessLogDocument,
  type CaseAccessLogQuery,
  CaseActionOwnersDocument,
  CaseDocument,
  type CaseNotePartsFragment,
  type CasePartsFragment,
  type CaseSummaryPartsFragment,
  CaseloadSchoolsDocument,
  type CaseloadSchoolsQuery,
  CasesDocument,
  CreateCaseDocument,
  type CreateCaseInput,
  EditCaseNoteDocument,
  type EditCaseNoteInput,
  GraphqlClient,
  UpdateActionDocument,
  type UpdateActionInput,
  UpdateCaseDocument,
  type UpdateCaseInput,
} from '@lantern/web-graphql';
import type { Page } from '../../core/paged-list';
import { type CaseListQuery, filterInput } from './caseload-model';

export type CaseSchool = CaseloadSchoolsQuery['caseloadSchools'][number];
export type CaseSummary = CaseSummaryPartsFragment;
export type CaseDetail = CasePartsFragment;
export type CaseNote = CaseNotePartsFragment;
export type CaseAction = ActionPartsFragment;
export type CaseAccessEntry = CaseAccessLogQuery['caseAccessLog']['nodes'][number];
export interface Person {
  id: string;
  displayName: string;
}

export interface CaseList {
  nodes: readonly CaseSummary[];
  totalCount: number;
  hasNextPage: boolean;
}

export const ACCESS_LOG_PAGE = 50;

/**
 * The caseload over GraphQL: case data, so the API needs Permission.CaseDataUse and a session
 * elevated by the second factor, and logs every read and change in the school's case-access log.
 */
@Injectable({ providedIn: 'root' })
export class CaseloadData {
  private readonly client = inject(GraphqlClient);

  async schools(): Promise<readonly CaseSchool[]> {
    return (await this.client.request(CaseloadSchoolsDocument, {})).caseloadSchools;
  }

  /** One page holds a whole school's caseload (up to CASELOAD_LIMITS.pageSize cases). */
  async list(schoolId: string, query: CaseListQuery): Promise<CaseList> {
    const { cases } = await this.client.request(CasesDocument, {
      schoolId,
      filter: filterInput(query),
      first: CASELOAD_LIMITS.pageSize,
      offset: 0,
    });
    return cases;
  }

  async get(id: string): Promise<CaseDetail> {
    return (await this.client.request(CaseDocument, { id })).case;
  }

  async create(input: CreateCaseInput): Promise<CaseDetail> {
    return (await this.client.request(CreateCaseDocument, { input })).createCase;
  }

  async update(input: UpdateCaseInput): Promise<CaseDetail> {
    return (await this.client.request(UpdateCaseDocument, { input })).updateCase;
  }

  async addNote(input: AddCaseNoteInput): Promise<CaseNote> {
    return (await this.client.request(AddCaseNoteDocument, { input })).addCaseNote;
  }

  async editNote(input: EditCaseNoteInput): Promise<CaseNote> {
    return (await this.client.request(EditCaseNoteDocument, { input })).editCaseNote;
  }

  /** Who may own an action on the case (the people who may read it). */
  async owners(caseId: string): Promise<readonly Person[]> {
    return (await this.client.request(CaseActionOwnersDocument, { caseId })).caseActionOwners;
  }

  async addAction(input: AddCaseActionInput): Promise<CaseAction> {
    return (await this.client.request(AddCaseActionDocument, { input })).addCaseAction;
  }

  async updateAction(input: UpdateActionInput): Promise<CaseAction> {
    return (await this.client.request(UpdateActionDocument, { input })).updateAction;
  }

  /** The school's case-access log (or one case's), newest first. */
  async accessLog(
    schoolId: string,
    caseId: string | null,
    after: string | null,
  ): Promise<Page<CaseAccessEntry>> {
    const { caseAccessLog } = await this.client.request(CaseAccessLogDocument, {
      schoolId,
      caseId,
      first: ACCESS_LOG_PAGE,
      after,
    });
    return {
      nodes: caseAccessLog.nodes,
      pageInfo: { hasNextPage: caseAccessLog.hasNextPage, endCursor: caseAccessLog.endCursor },
      totalCount: 0,
    };
  }
}
