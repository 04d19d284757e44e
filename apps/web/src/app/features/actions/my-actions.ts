import { Injectable, inject } from '@angular/core';
import { ACTION_LIMITS, type ActionStatus } from '@lantern/shared-domain';
import {
  type ActionPartsFragment,
  CaseloadSchoolsDocument,
  GraphqlClient,
  MyActionsDocument,
  UpdateActionDocument,
} from '@lantern/web-graphql';

export type MyAction = ActionPartsFragment;

export interface MyActionsPage {
  nodes: readonly MyAction[];
  totalCount: number;
  hasNextPage: boolean;
  /** Case actions left out because this session has not been given the second factor. */
  hiddenCaseActions: number;
}

export const MY_ACTIONS_PAGE = ACTION_LIMITS.pageSize;

/** "My actions" over GraphQL: the viewer's own actions from every feature. */
@Injectable({ providedIn: 'root' })
export class MyActions {
  private readonly client = inject(GraphqlClient);

  async list(open: boolean, offset: number): Promise<MyActionsPage> {
    const { myActions } = await this.client.request(MyActionsDocument, {
      open,
      first: MY_ACTIONS_PAGE,
      offset,
    });
    return myActions;
  }

  async setStatus(id: string, status: ActionStatus): Promise<MyAction> {
    return (await this.client.request(UpdateActionDocument, { input: { id, status } })).updateAction;
  }

  /**
   * Ask for something that needs the second factor (the schools whose caseload the viewer reads), so
   * the app's code prompt opens if this session has not been given it. Resolves once it has been
   * (the request went through); rejects with the API's error otherwise.
   */
  async unlockCaseData(): Promise<void> {
    await this.client.request(CaseloadSchoolsDocument, {});
  }
}
