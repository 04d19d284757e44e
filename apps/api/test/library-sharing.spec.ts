import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ids } from './support/fixtures';
import { DEMO, TestApp, startTestApp } from './support/test-app';

const SENCO_ST_JOSEPHS_ACT = 'senco.st-josephs-act@demo.lantern.test';
const FIELDS = 'id kind shareScope canManage trust { shortName } school { name }';
const CREATE = `mutation($i: CreateResourceInput!) { createResource(input: $i) { ${FIELDS} } }`;
const CHANGE = `mutation($i: ChangeResourceSharingInput!) { changeResourceSharing(input: $i) { ${FIELDS} } }`;
const RESOURCE = `query($id: ID!) { libraryResource(id: $id) { ${FIELDS} } }`;
const LIST = `query($q: String) { libraryResources(filter: { query: $q }, first: 100) { nodes { id } } }`;

type R = {
  id: string;
  kind: string;
  shareScope: string;
  canManage: boolean;
  trust: { shortName: string } | null;
  school: { name: string } | null;
};

describe('changing a resource’s kind and sharing', () => {
  let t: TestApp;
  let dataDir: string;
  let id: Awaited<ReturnType<typeof ids>>;
  let rid: string;
  const as = (email: string) => t.signedIn(email);
  const listed = async (email: string) =>
    (
      await (
        await as(email)
      ).ok<{ libraryResources: { nodes: Array<{ id: string }> } }>(LIST, {
        q: 'sensory breaks',
      })
    ).libraryResources.nodes.map((n) => n.id);

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'lantern-sharing-'));
    t = await startTestApp({ LANTERN_DATA_DIR: dataDir });
    id = await ids(t);
    const hf = await as(DEMO.sencoHolyFamily);
    rid = (
      await hf.ok<{ createResource: R }>(CREATE, {
        i: {
          kind: 'GUIDE',
          title: 'Planning sensory breaks',
          summary: 'How our school plans sensory breaks.',
          bodyMd: 'Short, planned sensory breaks.',
          shareScope: 'SCHOOL',
          schoolId: id.school('ACT', 'Holy Family Primary'),
          status: 'PUBLISHED',
          needAreas: ['SENSORY_PHYSICAL'],
          phases: ['PRIMARY'],
          tags: [],
        },
      })
    ).createResource.id;
  });
  afterAll(async () => {
    await t.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('widens a school’s resource to its trust and changes its kind; only people it now reaches see it', async () => {
    expect(await listed(SENCO_ST_JOSEPHS_ACT)).not.toContain(rid);
    await (await as(SENCO_ST_JOSEPHS_ACT)).fails(RESOURCE, { id: rid }, 'NOT_FOUND');
    const hf = await as(DEMO.sencoHolyFamily);
    const r = (
      await hf.ok<{ changeResourceSharing: R }>(CHANGE, {
        i: { resourceId: rid, kind: 'POLICY', shareScope: 'TRUST', trustId: id.trust('ACT') },
      })
    ).changeResourceSharing;
    expect(r).toMatchObject({
      kind: 'POLICY',
      shareScope: 'TRUST',
      trust: { shortName: 'ACT' },
      school: null,
    });
    expect(await listed(SENCO_ST_JOSEPHS_ACT)).toContain(rid);
    await (await as(SENCO_ST_JOSEPHS_ACT)).ok(RESOURCE, { id: rid });
    await (await as(DEMO.sencoHolyCross)).fails(RESOURCE, { id: rid }, 'NOT_FOUND');
    const audit = await t.sql<{ summary: string; trust_id: string; school_id: string | null }>(
      "SELECT summary, trust_id, school_id FROM audit_entries WHERE action = 'library.sharing_changed' AND target_id = $1 ORDER BY school_id NULLS LAST",
      [rid],
    );
    expect(audit).toEqual([
      {
        summary:
          'Changed “Planning sensory breaks” from guide shared with one school to policy shared with one trust',
        trust_id: id.trust('ACT'),
        school_id: id.school('ACT', 'Holy Family Primary'),
      },
      expect.objectContaining({ trust_id: id.trust('ACT'), school_id: null }),
    ]);
  });

  it('refuses an audience the person may not share with, and people who do not look after it', async () => {
    const hf = await as(DEMO.sencoHolyFamily);
    // A SENCO shares with their own school, their trust or the network, never another trust.
    await hf.fails(
      CHANGE,
      { i: { resourceId: rid, shareScope: 'TRUST', trustId: id.trust('CCT') } },
      'FORBIDDEN',
    );
    await hf.fails(
      CHANGE,
      { i: { resourceId: rid, shareScope: 'SCHOOL', schoolId: id.school('CCT', 'Holy Cross Primary') } },
      'FORBIDDEN',
    );
    // Another trust's SENCO cannot even see it; another school's SENCO in the trust sees it but does not manage it.
    await (
      await as(DEMO.sencoHolyCross)
    ).fails(CHANGE, { i: { resourceId: rid, shareScope: 'NETWORK' } }, 'NOT_FOUND');
    await (
      await as(SENCO_ST_JOSEPHS_ACT)
    ).fails(CHANGE, { i: { resourceId: rid, shareScope: 'NETWORK' } }, 'FORBIDDEN');
    await (
      await as(DEMO.leaderChristus)
    ).fails(CHANGE, { i: { resourceId: rid, shareScope: 'NETWORK' } }, 'FORBIDDEN'); // no library.publish: refused before any lookup
    // A toolkit stays a toolkit and nothing else becomes one.
    await hf.fails(
      CHANGE,
      { i: { resourceId: rid, kind: 'TOOLKIT', shareScope: 'TRUST', trustId: id.trust('ACT') } },
      'BAD_USER_INPUT',
    );
    await hf.fails(
      CHANGE,
      { i: { resourceId: rid, shareScope: 'TRUST', trustId: id.trust('ACT') } },
      'BAD_USER_INPUT',
    );
    const [row] = await t.sql<{ share_scope: string; kind: string }>(
      'SELECT share_scope, kind FROM library_resources WHERE id = $1',
      [rid],
    );
    expect(row).toEqual({ share_scope: 'TRUST', kind: 'POLICY' });
  });

  it('widens to the network and narrows back: those who lost access no longer see it, and adoptions end', async () => {
    const hf = await as(DEMO.sencoHolyFamily);
    await hf.ok(CHANGE, { i: { resourceId: rid, shareScope: 'NETWORK' } });
    expect(await listed(DEMO.sencoHolyCross)).toContain(rid);
    const otherTrust = await as(DEMO.sencoHolyCross);
    expect(
      (await otherTrust.ok<{ libraryResource: R }>(RESOURCE, { id: rid })).libraryResource.canManage,
    ).toBe(false);
    await otherTrust.fails(
      CHANGE,
      { i: { resourceId: rid, shareScope: 'SCHOOL', schoolId: id.school('CCT', 'Holy Cross Primary') } },
      'FORBIDDEN',
    );
    await (
      await as(DEMO.sendLead)
    ).ok(`mutation($i: AdoptTemplateInput!) { adoptTemplate(input: $i) { id } }`, {
      i: { resourceId: rid, trustId: id.trust('CCT'), notes: 'Used across Christus' },
    });
    expect(await t.sql('SELECT 1 FROM library_adoptions WHERE resource_id = $1', [rid])).toHaveLength(1);

    await hf.ok(CHANGE, {
      i: { resourceId: rid, shareScope: 'SCHOOL', schoolId: id.school('ACT', 'Holy Family Primary') },
    });
    for (const email of [DEMO.sencoHolyCross, SENCO_ST_JOSEPHS_ACT]) {
      expect(await listed(email)).not.toContain(rid);
      await (await as(email)).fails(RESOURCE, { id: rid }, 'NOT_FOUND');
    }
    expect(await listed(DEMO.sencoHolyFamily)).toContain(rid);
    expect(await t.sql('SELECT 1 FROM library_adoptions WHERE resource_id = $1', [rid])).toEqual([]);
    expect(await t.sql('SELECT adoption_count FROM library_resources WHERE id = $1', [rid])).toEqual([
      { adoption_count: 0 },
    ]);
  });
});
