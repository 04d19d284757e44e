import { Injectable, inject } from '@angular/core';
import { CASELOAD_LIMITS, CaseSort, SUPERVISION_LIMITS } from '@lantern/shared-domain';
import {
  AddSupervisionAddendumDocument,
  type CaseSummaryPartsFragment,
  CaseloadSchoolsDocument,
  type CaseloadSchoolsQuery,
  CasesDocument,
  DraftSupervisionRecordDocument,
  GraphqlClient,
  ScheduleSupervisionDocument,
  type ScheduleSupervisionInput,
  SignSupervisionAddendumDocument,
  SignSupervisionRecordDocument,
  type SupervisionListItemPartsFragment,
  type SupervisionRecordPartsFragment,
  SupervisionRecordSessionDocument,
  type SupervisionRecordSessionQuery,
  SupervisionSessionListDocument,
  type SupervisionWhen,
} from '@lantern/web-graphql';

export type SupervisionSchool = CaseloadSchoolsQuery['caseloadSchools'][number];
export type OpenCase = CaseSummaryPartsFragment;
export type SessionItem = SupervisionListItemPartsFragment;
export type SessionForRecord = SupervisionRecordSessionQuery['supervisionSession'];
export type SupervisionRecord = SupervisionRecordPartsFragment;
export type SupervisionAddendum = SupervisionRecord['addenda'][number];

export interface SessionList {
  nodes: readonly SessionItem[];
  totalCount: number;
  hasMore: boolean;
}

/**
 * Supervision sessions over GraphQL (ADR 12): case data, so the API needs Permission.CaseDataUse and
 * an elevated session (the client asks for the code), and answers NOT_FOUND for a session the viewer
 * may not see.
 */
@Injectable({ providedIn: 'root' })
export class SupervisionData {
  private readonly client = inject(GraphqlClient);

  /** The schools whose case data the viewer reads (the caseload's own query). */
  async schools(): Promise<readonly SupervisionSchool[]> {
    return (await this.client.request(CaseloadSchoolsDocument, {})).caseloadSchools;
  }

  /** A school's open and monitored cases, by reference (the caseload list query; one page holds them all). */
  async openCases(schoolId: string): Promise<readonly OpenCase[]> {
    const { cases } = await this.client.request(CasesDocument, {
      schoolId,
      filter: { sort: CaseSort.Reference },
      first: CASELOAD_LIMITS.pageSize,
      offset: 0,
    });
    return cases.nodes;
  }

  async list(when: SupervisionWhen, offset: number, schoolId: string | null = null): Promise<SessionList> {
    const { supervisionSessions } = await this.client.request(SupervisionSessionListDocument, {
      schoolId,
      when,
      first: SUPERVISION_LIMITS.pageSize,
      offset,
    });
    return supervisionSessions;
  }

  async schedule(input: ScheduleSupervisionInput): Promise<{ id: string }> {
    return (await this.client.request(ScheduleSupervisionDocument, { input })).scheduleSupervision;
  }

  async session(id: string): Promise<SessionForRecord> {
    return (await this.client.request(SupervisionRecordSessionDocument, { id })).supervisionSession;
  }

  async draft(sessionId: string): Promise<SupervisionRecord> {
    return (await this.client.request(DraftSupervisionRecordDocument, { sessionId })).draftSupervisionRecord;
  }

  async sign(sessionId: string, revision: number): Promise<SupervisionRecord> {
    return (await this.client.request(SignSupervisionRecordDocument, { sessionId, revision }))
      .signSupervisionRecord;
  }

  async addAddendum(sessionId: string, body: string, override: boolean): Promise<SupervisionRecord> {
    return (
      await this.client.request(AddSupervisionAddendumDocument, {
        sessionId,
        body,
        override: override || null,
      })
    ).addSupervisionAddendum;
  }

  async signAddendum(addendumId: string): Promise<SupervisionRecord> {
    return (await this.client.request(SignSupervisionAddendumDocument, { addendumId }))
      .signSupervisionAddendum;
  }
}
