/** Real records for the detail pages of APP_ROUTES, looked up through the API as the signed-in person. */
import type { Page } from 'playwright-core';
import { Permission } from '@lantern/shared-domain';
import type { RecordKind } from './routes';
import { ROUTES } from './routes';

/** A GraphQL request with the page's cookies; fails with the API's errors. */
export async function gql<T>(page: Page, query: string, variables?: Record<string, unknown>): Promise<T> {
  const response = await page.request.post(ROUTES.graphql, { data: { query, variables } });
  const body = (await response.json()) as { data?: T; errors?: unknown };
  if (body.errors || !body.data) throw new Error(`GraphQL failed: ${JSON.stringify(body.errors)}`);
  return body.data;
}

/** The permissions the signed-in person holds somewhere (what the client shows them). */
export async function permissionsOf(page: Page): Promise<string[]> {
  return (await gql<{ me: { permissions: string[] } }>(page, '{ me { permissions } }')).me.permissions;
}

type Nodes = { nodes: Array<{ id: string }> };

/**
 * One record of each kind the signed-in person can open (the first the API lists for them), for the
 * permissions they hold. Case data (drafts, cases) needs an elevated session. A kind with nothing to
 * show is left out.
 */
export async function recordsFor(
  page: Page,
  permissions: readonly string[],
): Promise<Partial<Record<RecordKind, string>>> {
  const records: Partial<Record<RecordKind, string>> = {};
  if (permissions.includes(Permission.ForumUse)) {
    const { forumCategories, forumThreads } = await gql<{
      forumCategories: Array<{ id: string }>;
      forumThreads: Nodes;
    }>(page, '{ forumCategories { id } forumThreads(first: 1) { nodes { id } } }');
    records.category = forumCategories[0]?.id;
    records.thread = forumThreads.nodes[0]?.id;
  }
  if (permissions.includes(Permission.LibraryUse)) {
    const { libraryResources, toolkits } = await gql<{
      libraryResources: { nodes: Array<{ id: string; canManage: boolean }> };
      toolkits: Nodes;
    }>(
      page,
      '{ libraryResources(first: 100) { nodes { id canManage } } toolkits(first: 1) { nodes { id } } }',
    );
    records.resource = libraryResources.nodes[0]?.id;
    records.managedResource = libraryResources.nodes.find((r) => r.canManage)?.id;
    records.toolkit = toolkits.nodes[0]?.id;
  }
  if (permissions.includes(Permission.CaseDataUse)) {
    const { ehcpDrafts, caseloadSchools } = await gql<{
      ehcpDrafts: Nodes;
      caseloadSchools: Array<{ id: string }>;
    }>(page, '{ ehcpDrafts(first: 1) { nodes { id } } caseloadSchools { id } }');
    records.draft = ehcpDrafts.nodes[0]?.id;
    for (const school of caseloadSchools) {
      const { cases } = await gql<{ cases: Nodes }>(
        page,
        'query($s: ID!) { cases(schoolId: $s, first: 1) { nodes { id } } }',
        {
          s: school.id,
        },
      );
      records.case = cases.nodes[0]?.id;
      if (records.case) break;
    }
    // A past session (the demo's signed record at Holy Family Primary) for its room and record pages.
    // A past session if the person took part in one, else an upcoming one (a headteacher is invited
    // only to the next session of the demo data).
    for (const when of ['PAST', 'UPCOMING']) {
      const { supervisionSessions } = await gql<{ supervisionSessions: Nodes }>(
        page,
        `{ supervisionSessions(when: ${when}, first: 1) { nodes { id } } }`,
      );
      records.supervision = supervisionSessions.nodes[0]?.id;
      if (records.supervision) break;
    }
  }
  return records;
}
