import { elevated } from './support/second-factor';
import { DEMO, GqlClient, TEST_ORIGIN, TestApp, startTestApp } from './support/test-app';

/**
 * REST routes go through the same PolicyGuard as GraphQL: the session from the cookie, the route's
 * @Allow rule, the cross-site rule; refusals are `{ code, message }` with the status of the code.
 */
const START = `mutation($t: ID!, $p: String!) { startEhcpDraft(templateResourceId: $t, pupilReference: $p) { id } }`;
const DRAFT = `query($id: ID!) { ehcpDraft(id: $id) { id } }`;
const OTHER_TRUST_SENCO = 'senco.st-josephs-act@demo.lantern.test';

describe('REST routes and the one policy', () => {
  let t: TestApp;
  let senco: GqlClient;
  let draftId: string;
  let fileId: string;

  const answer = async (res: Response) => ({
    status: res.status,
    code: ((await res.json()) as { code?: string }).code,
  });
  const exportDraft = (cookie: string | null, headers: Record<string, string> = {}) =>
    fetch(`${t.url}/ehcp-drafts/${draftId}/export.docx`, {
      headers: { ...(cookie ? { cookie } : {}), ...headers },
    });
  /** An upload as a browser on Lantern sends it; a header given as '' is left out. */
  const upload = (cookie: string | null, headers: Record<string, string> = {}) =>
    fetch(`${t.url}/files`, {
      method: 'POST',
      headers: Object.fromEntries(
        Object.entries({
          'content-type': 'text/plain',
          'x-file-name': 'notes.txt',
          origin: TEST_ORIGIN,
          ...(cookie ? { cookie } : {}),
          ...headers,
        }).filter(([, v]) => v !== ''),
      ),
      body: Buffer.from('Notes from the planning meeting.\n'),
    });

  beforeAll(async () => {
    t = await startTestApp();
    senco = await elevated(t, DEMO.sencoHolyFamily);
    const [template] = await t.sql<{ id: string }>(
      "SELECT id FROM library_resources WHERE title = 'EHCP request template'",
    );
    draftId = (await senco.ok<{ startEhcpDraft: { id: string } }>(START, { t: template!.id, p: 'AB Y3' }))
      .startEhcpDraft.id;
    const up = await upload(senco.cookie);
    expect(up.status).toBe(201);
    fileId = ((await up.json()) as { id: string }).id;
  });
  afterAll(() => t.close());

  describe('GET /ehcp-drafts/:id/export.docx', () => {
    it('exports for the school’s SENCO', async () => {
      const res = await exportDraft(senco.cookie);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/wordprocessingml/);
    });

    it('is 401 signed out', async () => {
      expect(await answer(await exportDraft(null))).toEqual({ status: 401, code: 'UNAUTHENTICATED' });
    });

    it('is 403 for roles without the EHCP permission, exactly as over GraphQL', async () => {
      for (const email of [DEMO.admin, DEMO.leaderAssisi, DEMO.staffHolyFamily]) {
        const c = await elevated(t, email);
        expect(await answer(await exportDraft(c.cookie))).toEqual({ status: 403, code: 'FORBIDDEN' });
        await c.fails(DRAFT, { id: draftId }, 'FORBIDDEN');
      }
    });

    it('is 404 for another school and another trust, as for a missing draft', async () => {
      for (const email of [DEMO.sencoHolyCross, OTHER_TRUST_SENCO]) {
        const c = await elevated(t, email);
        expect(await answer(await exportDraft(c.cookie))).toEqual({ status: 404, code: 'NOT_FOUND' });
        await c.fails(DRAFT, { id: draftId }, 'NOT_FOUND');
      }
      const missing = await fetch(`${t.url}/ehcp-drafts/not-a-draft/export.docx`, {
        headers: { cookie: senco.cookie! },
      });
      expect(await answer(missing)).toEqual({ status: 404, code: 'NOT_FOUND' });
    });

    it('refuses a request another site made the browser send (nothing exported or audited)', async () => {
      const audited = async () =>
        Number(
          (
            await t.sql<{ n: string }>(
              "SELECT count(*) AS n FROM audit_entries WHERE action = 'ehcp.draft_exported' AND target_id = $1",
              [draftId],
            )
          )[0]!.n,
        );
      const before = await audited();
      const crossSite = await exportDraft(senco.cookie, { 'sec-fetch-site': 'cross-site' });
      const body = (await crossSite.json()) as { code: string; message: string };
      expect({ status: crossSite.status, code: body.code }).toEqual({ status: 403, code: 'FORBIDDEN' });
      expect(body.message).toMatch(/did not come from Lantern/);
      const foreign = await exportDraft(senco.cookie, { origin: 'https://elsewhere.example' });
      expect(await answer(foreign)).toEqual({ status: 403, code: 'FORBIDDEN' });
      expect(await audited()).toBe(before);
    });
  });

  describe('POST /files and GET /files/:id', () => {
    it('is 401 signed out, 403 without the permission to publish', async () => {
      expect(await answer(await upload(null))).toEqual({ status: 401, code: 'UNAUTHENTICATED' });
      const staff = await elevated(t, DEMO.staffHolyFamily);
      expect(await answer(await upload(staff.cookie))).toEqual({ status: 403, code: 'FORBIDDEN' });
      expect((await fetch(`${t.url}/files/${fileId}`)).status).toBe(401);
    });

    it('refuses a cross-site upload: a foreign origin, no origin, or the browser saying so', async () => {
      const count = async () => Number((await t.sql<{ n: string }>('SELECT count(*) AS n FROM files'))[0]!.n);
      const before = await count();
      for (const headers of <Array<Record<string, string>>>[
        { origin: 'https://elsewhere.example' },
        { origin: '' },
        { 'sec-fetch-site': 'cross-site' },
      ]) {
        const res = await upload(senco.cookie, headers);
        const body = (await res.json()) as { code: string; message: string };
        expect({ status: res.status, code: body.code }).toEqual({ status: 403, code: 'FORBIDDEN' });
        expect(body.message).toMatch(/did not come from Lantern/);
      }
      expect(await count()).toBe(before);
    });

    it('is 404 for another school’s user and 200 for the uploader', async () => {
      const other = await elevated(t, DEMO.sencoHolyCross);
      expect(
        await answer(await fetch(`${t.url}/files/${fileId}`, { headers: { cookie: other.cookie! } })),
      ).toEqual({
        status: 404,
        code: 'NOT_FOUND',
      });
      const own = await fetch(`${t.url}/files/${fileId}`, { headers: { cookie: senco.cookie! } });
      expect(own.status).toBe(200);
      expect(await own.text()).toBe('Notes from the planning meeting.\n');
    });
  });
});
