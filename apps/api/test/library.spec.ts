import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FilesCleanupService } from '../src/modules/files/files-cleanup.service';
import { FILE_STORAGE, FileStorage } from '../src/modules/files/storage/file-storage';
import { LibraryNotifier } from '../src/modules/library/library-notifier.service';
import { ids } from './support/fixtures';
import { installQueryCounter, queryCountFor } from './support/query-counter';
import { DEMO, GqlClient, TEST_ORIGIN, TestApp, startTestApp } from './support/test-app';

installQueryCounter();

const SENCO_ST_JOSEPHS_ACT = 'senco.st-josephs-act@demo.lantern.test';

const RESOURCE_FIELDS = `id kind title summary status shareScope tags needAreas phases versionCount endorsementCount
  commentCount downloadCount adoptionCount endorsedByViewer bookmarkedByViewer canManage snippetHtml reviewDueAt
  lastReviewedAt lastReviewedBy { displayName } localAuthority { name } trust { shortName } school { name }
  owner { displayName } baseResource { id title } variants { id title }
  usedByTrusts { trust { shortName } notes adoptedBy { displayName } }
  currentVersion { number title bodyMd bodyHtml changeNote restoredFrom isCurrent author { displayName }
    ehcpSections { key title guidance guidanceHtml prompts } files { id name downloadUrl } }`;
const RESOURCE = `query($id: ID!) { libraryResource(id: $id) { ${RESOURCE_FIELDS} } }`;
const LIST = `query($f: LibraryResourceFilter, $sort: ResourceSort, $first: Int, $after: String) {
  libraryResources(filter: $f, sort: $sort, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } nodes { id title snippetHtml endorsementCount lastReviewedAt } } }`;
const CREATE = `mutation($i: CreateResourceInput!) { createResource(input: $i) { ${RESOURCE_FIELDS} } }`;
const UPDATE = `mutation($i: UpdateResourceInput!) { updateResource(input: $i) { ${RESOURCE_FIELDS} } }`;
const RESTORE = `mutation($id: ID!, $n: Int!) { restoreResourceVersion(resourceId: $id, number: $n) { ${RESOURCE_FIELDS} } }`;
const VERSIONS = `query($id: ID!, $first: Int, $after: String) { resourceVersions(resourceId: $id, first: $first, after: $after) {
  totalCount pageInfo { hasNextPage endCursor } nodes { number changeNote restoredFrom isCurrent bodyMd } } }`;
const COMPARE = `query($id: ID!, $from: Int!, $to: Int!) { compareResourceVersions(resourceId: $id, from: $from, to: $to) {
  addedLines removedLines titleChanged summaryChanged from { number } to { number }
  hunks { oldStart oldLines newStart newLines lines { kind text oldNumber newNumber } } } }`;
const STATUS = `mutation($id: ID!, $s: ResourceStatus!) { setResourceStatus(resourceId: $id, status: $s) { id status } }`;
const REVIEWED = `mutation($id: ID!, $months: Int) { markResourceReviewed(resourceId: $id, months: $months) { id lastReviewedAt reviewDueAt lastReviewedBy { displayName } } }`;
const ENDORSE = `mutation($id: ID!, $on: Boolean) { endorseResource(resourceId: $id, endorsed: $on) { endorsementCount endorsedByViewer } }`;
const BOOKMARK = `mutation($id: ID!, $on: Boolean) { bookmarkResource(resourceId: $id, bookmarked: $on) { bookmarkedByViewer } }`;
const COMMENT = `mutation($i: CommentOnResourceInput!) { commentOnResource(input: $i) { id bodyHtml isViewer author { displayName } } }`;
const COMMENTS = `query($id: ID!, $first: Int, $after: String) { resourceComments(resourceId: $id, first: $first, after: $after) {
  totalCount pageInfo { hasNextPage endCursor } nodes { body isViewer author { displayName } } } }`;
const TOOLKIT = `query($id: ID!) { toolkit(id: $id) { id hiddenItemCount resource { title kind } items { position note resource { id title } } } }`;
const TOOLKITS = `{ toolkits(first: 10) { totalCount nodes { id resource { title } items { resource { title } } hiddenItemCount } } }`;
const CREATE_TOOLKIT = `mutation($i: CreateToolkitInput!) { createToolkit(input: $i) { id resource { kind title } items { position note resource { id } } } }`;
const TOOLKIT_ITEMS = `mutation($i: UpdateToolkitItemsInput!) { updateToolkitItems(input: $i) { id items { position note resource { id } } } }`;
const ADOPT = `mutation($i: AdoptTemplateInput!) { adoptTemplate(input: $i) { adoptionCount usedByTrusts { trust { shortName } notes } } }`;

type Resource = {
  id: string;
  title: string;
  status: string;
  versionCount: number;
  endorsementCount: number;
  commentCount: number;
  downloadCount: number;
  adoptionCount: number;
  endorsedByViewer: boolean;
  bookmarkedByViewer: boolean;
  canManage: boolean;
  reviewDueAt: string | null;
  localAuthority: { name: string } | null;
  baseResource: { id: string; title: string } | null;
  variants: Array<{ id: string; title: string }>;
  usedByTrusts: Array<{
    trust: { shortName: string };
    notes: string;
    adoptedBy: { displayName: string } | null;
  }>;
  currentVersion: {
    number: number;
    bodyMd: string;
    bodyHtml: string;
    changeNote: string;
    restoredFrom: number | null;
    isCurrent: boolean;
    ehcpSections: Array<{
      key: string;
      title: string;
      guidance: string;
      guidanceHtml: string;
      prompts: string[];
    }> | null;
    files: Array<{ id: string; name: string; downloadUrl: string }>;
  };
};
type Page = {
  libraryResources: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    nodes: Array<{
      id: string;
      title: string;
      snippetHtml: string | null;
      endorsementCount: number;
      lastReviewedAt: string | null;
    }>;
  };
};

describe('the resource library', () => {
  let t: TestApp;
  let dataDir: string;
  let id: Awaited<ReturnType<typeof ids>>;
  let res: (title: string) => string;
  const clients = new Map<string, GqlClient>();
  const as = async (email: string) => {
    let c = clients.get(email);
    if (!c) {
      c = await t.signedIn(email);
      clients.set(email, c);
    }
    return c;
  };
  const titles = async (c: GqlClient, f: Record<string, unknown>, sort?: string) =>
    (await c.ok<Page>(LIST, { f, sort, first: 100 })).libraryResources.nodes.map((n) => n.title);
  const baseInput = (over: Record<string, unknown> = {}) => ({
    kind: 'GUIDE',
    title: 'Transition checklist for Year 6',
    summary: 'What to send to the secondary school.',
    bodyMd: 'Line one\nLine two\nLine three\n',
    shareScope: 'NETWORK',
    status: 'PUBLISHED',
    needAreas: ['SEMH'],
    phases: ['PRIMARY'],
    tags: ['Transition', 'year 6'],
    ...over,
  });

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'lantern-library-'));
    t = await startTestApp({ LANTERN_DATA_DIR: dataDir });
    id = await ids(t);
    const rows = await t.sql<{ id: string; title: string }>('SELECT id, title FROM library_resources');
    res = (title) => rows.find((r) => r.title === title)!.id;
  });
  afterAll(async () => {
    await t.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  describe('visibility', () => {
    it('keeps a school-scoped resource to that school (and its trust roles), in search too', async () => {
      const checklist = res('Annual review checklist — Holy Family');
      for (const email of [
        DEMO.sencoHolyFamily,
        DEMO.staffHolyFamily,
        DEMO.sendLead,
        DEMO.leaderAssisi,
        DEMO.admin,
      ])
        expect(
          (await (await as(email)).ok<{ libraryResource: Resource }>(RESOURCE, { id: checklist }))
            .libraryResource.id,
        ).toBe(checklist);
      for (const email of [DEMO.sencoHolyCross, SENCO_ST_JOSEPHS_ACT, DEMO.leaderChristus]) {
        const c = await as(email);
        await c.fails(RESOURCE, { id: checklist }, 'NOT_FOUND');
        expect(await titles(c, { query: 'annual review checklist' })).not.toContain(
          'Annual review checklist — Holy Family',
        );
        expect(await titles(c, {})).not.toContain('Annual review checklist — Holy Family');
      }
      expect(await titles(await as(DEMO.staffHolyFamily), { query: 'annual review checklist' })).toContain(
        'Annual review checklist — Holy Family',
      );
    });

    it('keeps a trust-scoped resource from the other trust, in search and in toolkits', async () => {
      const map = res('Provision map template');
      const christus = await as(DEMO.sencoHolyCross);
      await christus.fails(RESOURCE, { id: map }, 'NOT_FOUND');
      await (await as(DEMO.leaderChristus)).fails(RESOURCE, { id: map }, 'NOT_FOUND');
      expect(await titles(christus, { query: 'provision map' })).not.toContain('Provision map template');
      expect(await titles(await as(SENCO_ST_JOSEPHS_ACT), { query: 'provision map' })).toContain(
        'Provision map template',
      );

      const toolkitId = res('EHCP request toolkit — Essex');
      type Tk = {
        toolkit: { hiddenItemCount: number; items: Array<{ position: number; resource: { title: string } }> };
      };
      const theirs = (await christus.ok<Tk>(TOOLKIT, { id: toolkitId })).toolkit;
      expect(theirs.hiddenItemCount).toBe(1);
      expect(theirs.items.map((i) => i.resource.title)).not.toContain('Provision map template');
      expect(theirs.items.map((i) => i.position)).toEqual([0, 1, 2, 3]);
      const ours = (await (await as(DEMO.sencoHolyFamily)).ok<Tk>(TOOLKIT, { id: toolkitId })).toolkit;
      expect(ours.hiddenItemCount).toBe(0);
      expect(ours.items.map((i) => i.resource.title)).toEqual([
        'Evidencing the graduated approach',
        'Provision map template',
        'One-page profile template',
        'Writing SMART outcomes',
        'EHCP request template — Essex',
      ]);
    });

    it('keeps drafts to their owner and the people who look after them', async () => {
      const hf = await as(DEMO.sencoHolyFamily);
      const draft = (
        await hf.ok<{ createResource: Resource }>(CREATE, {
          i: baseInput({ title: 'Draft sensory circuit guide', status: 'DRAFT' }),
        })
      ).createResource;
      expect(draft.status).toBe('DRAFT');
      await (await as(DEMO.sencoHolyCross)).fails(RESOURCE, { id: draft.id }, 'NOT_FOUND');
      await (await as(DEMO.staffHolyFamily)).fails(RESOURCE, { id: draft.id }, 'NOT_FOUND');
      expect(await titles(await as(DEMO.sencoHolyCross), { status: 'DRAFT' })).not.toContain(
        'Draft sensory circuit guide',
      );
      expect(await titles(hf, { status: 'DRAFT' })).toContain('Draft sensory circuit guide');
      expect(await titles(hf, {})).not.toContain('Draft sensory circuit guide');
      await (await as(DEMO.admin)).ok(RESOURCE, { id: draft.id });
      await hf.ok(STATUS, { id: draft.id, s: 'PUBLISHED' });
      await (await as(DEMO.sencoHolyCross)).ok(RESOURCE, { id: draft.id });
      await hf.ok(STATUS, { id: draft.id, s: 'ARCHIVED' });
      // Archived: still readable by its audience, out of the default list, no new comments.
      await (await as(DEMO.sencoHolyCross)).ok(RESOURCE, { id: draft.id });
      expect(await titles(hf, {})).not.toContain('Draft sensory circuit guide');
      expect(await titles(hf, { status: 'ARCHIVED' })).toContain('Draft sensory circuit guide');
      await hf.fails(COMMENT, { i: { resourceId: draft.id, body: 'Too late' } }, 'CONFLICT');
      expect(
        (
          await t.sql<{ summary: string }>(
            "SELECT summary FROM audit_entries WHERE action = 'library.status_changed' AND target_id = $1 ORDER BY created_at",
            [draft.id],
          )
        ).map((a) => a.summary),
      ).toEqual([
        'Changed “Draft sensory circuit guide” from draft to published',
        'Changed “Draft sensory circuit guide” from published to archived',
      ]);
    });

    it('refuses people who are not signed in', async () => {
      await t.client().fails(LIST, {}, 'UNAUTHENTICATED');
    });
  });

  describe('sharing and personal data', () => {
    it('lets publishers share only where they belong, and not staff', async () => {
      const christus = await as(DEMO.sencoHolyCross);
      await christus.fails(
        CREATE,
        { i: baseInput({ shareScope: 'TRUST', trustId: id.trust('ACT') }) },
        'FORBIDDEN',
      );
      await christus.fails(
        CREATE,
        { i: baseInput({ shareScope: 'SCHOOL', schoolId: id.school('ACT', 'Holy Family Primary') }) },
        'FORBIDDEN',
      );
      await (await as(DEMO.staffHolyFamily)).fails(CREATE, { i: baseInput() }, 'FORBIDDEN');
      await christus.fails(CREATE, { i: baseInput({ shareScope: 'TRUST' }) }, 'BAD_USER_INPUT');
      const ok = (
        await christus.ok<{ createResource: Resource & { trust: { shortName: string } } }>(CREATE, {
          i: baseInput({ title: 'Christus transition guide', shareScope: 'TRUST', trustId: id.trust('CCT') }),
        })
      ).createResource;
      expect(ok.trust.shortName).toBe('CCT');
      expect(await t.sql('SELECT tags FROM library_resources WHERE id = $1', [ok.id])).toEqual([
        { tags: ['transition', 'year-6'] },
      ]);
      const audit = await t.sql<{ action: string; trust_id: string }>(
        "SELECT action, trust_id FROM audit_entries WHERE target_id = $1 AND action = 'library.created'",
        [ok.id],
      );
      expect(audit).toEqual([{ action: 'library.created', trust_id: id.trust('CCT') }]);
    });

    it('refuses text that looks like pupil details unless overridden with a reason, which is audited', async () => {
      const hf = await as(DEMO.sencoHolyFamily);
      const before = await t.sql('SELECT count(*)::int AS n FROM library_resources');
      const { error } = await hf.fails(
        CREATE,
        {
          i: baseInput({
            title: 'Reading plan',
            bodyMd: 'Jacob Smith (Year 4) needs a reader, DOB: 14/03/2017',
          }),
        },
        'PERSONAL_DATA',
      );
      expect(error.message).toMatch(/date of birth|name/i);
      expect(await t.sql('SELECT count(*)::int AS n FROM library_resources')).toEqual(before);
      const created = (
        await hf.ok<{ createResource: Resource }>(CREATE, {
          i: baseInput({
            title: 'Reading plan',
            bodyMd: 'Jacob Smith (Year 4) is the fictional example used by the publisher.',
            personalDataOverride: { reason: 'A fictional pupil from the published scheme.' },
          }),
        })
      ).createResource;
      const audit = await t.sql<{ summary: string }>(
        "SELECT summary FROM audit_entries WHERE action = 'library.personal_data_override' AND target_id = $1",
        [created.id],
      );
      expect(audit[0]!.summary).toContain('fictional pupil');
      await hf.fails(
        COMMENT,
        { i: { resourceId: created.id, body: 'Call mum on 07700 900123 about this' } },
        'PERSONAL_DATA',
      );
      await hf.fails(
        UPDATE,
        {
          i: {
            resourceId: created.id,
            title: 'Reading plan',
            bodyMd: 'UPN A123456789012',
            changeNote: 'Add reference',
          },
        },
        'PERSONAL_DATA',
      );
      await hf.fails(
        UPDATE,
        {
          i: {
            resourceId: created.id,
            title: 'Reading plan',
            bodyMd: 'A plan for paired reading.',
            changeNote: 'Adjusted for Jacob Smith, Year 4',
          },
        },
        'PERSONAL_DATA',
      );
      expect(
        (await hf.ok<{ libraryResource: Resource }>(RESOURCE, { id: created.id })).libraryResource
          .versionCount,
      ).toBe(1);
    });
  });

  describe('versions', () => {
    let rid: string;
    it('saves each change as a new version and never changes an old one', async () => {
      const hf = await as(DEMO.sencoHolyFamily);
      rid = (
        await hf.ok<{ createResource: Resource }>(CREATE, {
          i: baseInput({ title: 'Lunchtime support guide' }),
        })
      ).createResource.id;
      const [v1Before] = await t.sql(
        'SELECT * FROM library_resource_versions WHERE resource_id = $1 AND number = 1',
        [rid],
      );
      const updated = (
        await hf.ok<{ updateResource: Resource }>(UPDATE, {
          i: {
            resourceId: rid,
            title: 'Lunchtime support guide',
            bodyMd: 'Line one\nLine 2, rewritten\nLine three\nLine four\n',
            changeNote: 'Rewrote line two, added line four',
            basedOnVersion: 1,
          },
        })
      ).updateResource;
      expect(updated.versionCount).toBe(2);
      expect(updated.currentVersion).toMatchObject({
        number: 2,
        changeNote: 'Rewrote line two, added line four',
      });
      const [v1After] = await t.sql(
        'SELECT * FROM library_resource_versions WHERE resource_id = $1 AND number = 1',
        [rid],
      );
      expect(v1After).toEqual(v1Before);
      await expect(
        t.sql("UPDATE library_resource_versions SET body_md = 'tampered' WHERE resource_id = $1", [rid]),
      ).rejects.toThrow(/immutable/);
      await expect(
        t.sql('DELETE FROM library_resource_versions WHERE resource_id = $1', [rid]),
      ).rejects.toThrow(/immutable/);
      // A stale edit is refused rather than silently replacing someone else's version.
      await hf.fails(
        UPDATE,
        {
          i: {
            resourceId: rid,
            title: 'Lunchtime support guide',
            bodyMd: 'x',
            changeNote: 'Stale edit',
            basedOnVersion: 1,
          },
        },
        'CONFLICT',
      );
      await hf.fails(
        UPDATE,
        { i: { resourceId: rid, title: 'Lunchtime support guide', changeNote: 'Nothing really' } },
        'BAD_USER_INPUT',
      );
    });

    it('compares two versions line by line', async () => {
      const c = await as(DEMO.sencoHolyCross);
      type Cmp = {
        compareResourceVersions: {
          addedLines: number;
          removedLines: number;
          titleChanged: boolean;
          hunks: Array<{
            oldStart: number;
            newStart: number;
            lines: Array<{ kind: string; text: string; oldNumber: number | null; newNumber: number | null }>;
          }>;
        };
      };
      const cmp = (await c.ok<Cmp>(COMPARE, { id: rid, from: 1, to: 2 })).compareResourceVersions;
      expect(cmp).toMatchObject({ addedLines: 2, removedLines: 1, titleChanged: false });
      expect(cmp.hunks).toHaveLength(1);
      expect(cmp.hunks[0]!.lines.map((l) => `${l.kind} ${l.text}`)).toEqual([
        'CONTEXT Line one',
        'REMOVED Line two',
        'ADDED Line 2, rewritten',
        'CONTEXT Line three',
        'ADDED Line four',
      ]);
      await c.fails(COMPARE, { id: rid, from: 1, to: 9 }, 'NOT_FOUND');
    });

    it('restores an old version as the newest, keeping the history', async () => {
      const hf = await as(DEMO.sencoHolyFamily);
      const restored = (await hf.ok<{ restoreResourceVersion: Resource }>(RESTORE, { id: rid, n: 1 }))
        .restoreResourceVersion;
      expect(restored.versionCount).toBe(3);
      expect(restored.currentVersion).toMatchObject({
        number: 3,
        restoredFrom: 1,
        changeNote: 'Restored from version 1',
        bodyMd: 'Line one\nLine two\nLine three\n',
      });
      type H = {
        resourceVersions: {
          totalCount: number;
          pageInfo: { hasNextPage: boolean; endCursor: string };
          nodes: Array<{ number: number; isCurrent: boolean }>;
        };
      };
      const first = (await hf.ok<H>(VERSIONS, { id: rid, first: 2 })).resourceVersions;
      expect(first.totalCount).toBe(3);
      expect(first.nodes.map((n) => [n.number, n.isCurrent])).toEqual([
        [3, true],
        [2, false],
      ]);
      const rest = (await hf.ok<H>(VERSIONS, { id: rid, first: 2, after: first.pageInfo.endCursor }))
        .resourceVersions;
      expect(rest.nodes.map((n) => n.number)).toEqual([1]);
      expect(rest.pageInfo.hasNextPage).toBe(false);
      await hf.fails(RESTORE, { id: rid, n: 3 }, 'BAD_USER_INPUT');
      const actions = await t.sql<{ action: string }>(
        'SELECT action FROM audit_entries WHERE target_id = $1 ORDER BY created_at, action',
        [rid],
      );
      expect(actions.map((a) => a.action)).toEqual([
        'library.created',
        'library.version_added',
        'library.version_restored',
      ]);
    });

    it('refuses changes by people who do not look after the resource', async () => {
      const ehcp = res('EHCP request template');
      await (
        await as(DEMO.sencoHolyCross)
      ).fails(UPDATE, { i: { resourceId: ehcp, title: 'Hijacked', changeNote: 'Mine now' } }, 'FORBIDDEN');
      await (await as(DEMO.sencoHolyCross)).fails(RESTORE, { id: rid, n: 1 }, 'FORBIDDEN');
      await (await as(DEMO.sencoHolyCross)).fails(STATUS, { id: rid, s: 'ARCHIVED' }, 'FORBIDDEN');
      await (
        await as(DEMO.leaderChristus)
      ).fails(
        UPDATE,
        { i: { resourceId: res('Provision map template'), title: 'x x x', changeNote: 'Mine now' } },
        'FORBIDDEN',
      );
      await (
        await as(DEMO.sencoHolyCross)
      ).fails(
        UPDATE,
        { i: { resourceId: res('Provision map template'), title: 'x x x', changeNote: 'Mine now' } },
        'NOT_FOUND',
      );
      expect(
        (await t.sql("SELECT count(*)::int AS n FROM library_resource_versions WHERE title = 'Hijacked'"))[0],
      ).toEqual({ n: 0 });
    });
  });

  describe('the EHCP template and its Essex variant', () => {
    it('carries sections A to K with guidance and prompts, and shows the variant with its base', async () => {
      const hf = await as(DEMO.sencoHolyFamily);
      const base = (
        await hf.ok<{ libraryResource: Resource }>(RESOURCE, { id: res('EHCP request template') })
      ).libraryResource;
      expect(base.currentVersion.ehcpSections!.map((s) => s.key)).toEqual([
        'A',
        'B',
        'C',
        'D',
        'E',
        'F',
        'G',
        'H',
        'I',
        'J',
        'K',
      ]);
      expect(base.currentVersion.ehcpSections!.every((s) => s.guidance && s.prompts.length)).toBe(true);
      expect(base.currentVersion.ehcpSections![5]!.guidanceHtml).toContain(
        '<strong>specific and quantified</strong>',
      );
      expect(base.variants.map((v) => v.title)).toEqual(['EHCP request template — Essex']);
      expect(base.versionCount).toBe(2);
      const essex = (
        await hf.ok<{ libraryResource: Resource }>(RESOURCE, { id: res('EHCP request template — Essex') })
      ).libraryResource;
      expect(essex.baseResource?.title).toBe('EHCP request template');
      expect(essex.localAuthority?.name).toBe('Essex');
      const differing = essex.currentVersion.ehcpSections!.filter(
        (s, i) => s.guidance !== base.currentVersion.ehcpSections![i]!.guidance,
      );
      expect(differing.map((s) => s.key)).toEqual(['A', 'E', 'F']);
    });

    it('refuses a section twice', async () => {
      const section = { key: 'A', title: 'Views', guidance: 'g', prompts: ['p'] };
      await (
        await as(DEMO.sencoHolyFamily)
      ).fails(
        CREATE,
        { i: baseInput({ kind: 'TEMPLATE', title: 'Twice A', ehcpSections: [section, section] }) },
        'BAD_USER_INPUT',
      );
      await (
        await as(DEMO.sencoHolyFamily)
      ).fails(
        CREATE,
        { i: baseInput({ kind: 'TEMPLATE', title: 'Bad key', ehcpSections: [{ ...section, key: 'Z' }] }) },
        'BAD_USER_INPUT',
      );
    });
  });

  describe('search, filters, sort and pages', () => {
    it('finds by full text with highlighted snippets', async () => {
      const page = (
        await (await as(DEMO.sencoHolyCross)).ok<Page>(LIST, { f: { query: 'preparing for adulthood' } })
      ).libraryResources;
      expect(page.nodes[0]!.title).toBe('EHCP request template — Essex');
      const snip = (
        await (
          await as(DEMO.sencoHolyCross)
        ).ok<Page>(LIST, { f: { query: 'costed provision' }, sort: 'RELEVANCE' })
      ).libraryResources.nodes;
      expect(snip.map((n) => n.title)).toEqual(expect.arrayContaining(['EHCP request template']));
      expect(snip[0]!.snippetHtml).toMatch(/<mark>[Cc]ost/);
      expect(snip[0]!.snippetHtml).not.toMatch(/<(?!\/?mark>)/);
      await (await as(DEMO.sencoHolyCross)).fails(LIST, { f: { query: 'x' } }, 'BAD_USER_INPUT');
      await (await as(DEMO.sencoHolyCross)).fails(LIST, { sort: 'RELEVANCE' }, 'BAD_USER_INPUT');
    });

    it('filters by kind, need area, phase, local authority, scope and tag', async () => {
      const hf = await as(DEMO.sencoHolyFamily);
      const essexId = (
        await t.sql<{ id: string }>("SELECT id FROM local_authorities WHERE name = 'Essex'")
      )[0]!.id;
      expect(await titles(hf, { kinds: ['POLICY'] })).toEqual(['Positive handling policy template']);
      expect(await titles(hf, { phase: 'SPECIAL' })).toEqual(['Positive handling policy template']);
      expect(await titles(hf, { localAuthorityId: essexId })).toEqual(
        expect.arrayContaining(['EHCP request template — Essex', 'EHCP request toolkit — Essex']),
      );
      expect((await titles(hf, { localAuthorityId: essexId })).length).toBe(2);
      expect(await titles(hf, { shareScope: 'SCHOOL' })).toEqual(['Annual review checklist — Holy Family']);
      expect(await titles(hf, { tag: 'Pupil voice' })).toEqual(['One-page profile template']);
      const semh = await titles(hf, { needArea: 'SEMH', kinds: ['TEMPLATE', 'POLICY'] });
      expect(semh).toEqual(
        expect.arrayContaining(['Positive handling policy template', 'One-page profile template']),
      );
      expect(semh).not.toContain('Writing SMART outcomes');
      expect(await titles(hf, { query: 'ehcp', kinds: ['TOOLKIT'] })).toEqual([
        'EHCP request toolkit — Essex',
      ]);
    });

    it('sorts by most used and recently reviewed', async () => {
      const hf = await as(SENCO_ST_JOSEPHS_ACT);
      const used = await titles(hf, {}, 'MOST_USED');
      expect(used.slice(0, 1)).toEqual(['EHCP request template']);
      const reviewed = (await hf.ok<Page>(LIST, { sort: 'RECENTLY_REVIEWED', first: 100 })).libraryResources
        .nodes;
      expect(reviewed.slice(0, 3).map((n) => n.title)).toEqual([
        'EHCP request template — Essex',
        'EHCP request template',
        'Positive handling policy template',
      ]);
      expect(reviewed.slice(3).every((n) => n.lastReviewedAt === null)).toBe(true);
    });

    it('pages through every sort without gaps or repeats', async () => {
      const c = await as(DEMO.sendLead);
      for (const [sort, f] of [
        ['RECENT', {}],
        ['MOST_USED', {}],
        ['RECENTLY_REVIEWED', {}],
        ['RELEVANCE', { query: 'ehcp or template or guide' }],
      ] as const) {
        const all = (await c.ok<Page>(LIST, { f, sort, first: 100 })).libraryResources;
        const seen: string[] = [];
        let after: string | null = null;
        for (let i = 0; i < 50; i++) {
          const page: Page['libraryResources'] = (await c.ok<Page>(LIST, { f, sort, first: 2, after }))
            .libraryResources;
          expect(page.totalCount).toBe(all.totalCount);
          seen.push(...page.nodes.map((n) => n.id));
          if (!page.pageInfo.hasNextPage) break;
          after = page.pageInfo.endCursor;
        }
        expect([sort, seen]).toEqual([sort, all.nodes.map((n) => n.id)]);
        expect(new Set(seen).size).toBe(seen.length);
        expect(seen.length).toBeGreaterThan(3);
      }
    });
  });

  describe('loading', () => {
    it('takes the same number of statements however many resources a page holds, everything nested', async () => {
      const c = await as(DEMO.sendLead);
      const PAGE = `query($first: Int, $q: String) { libraryResources(first: $first, filter: { query: $q }) { totalCount nodes { ${RESOURCE_FIELDS} } } }`;
      // Counted per request (its X-Request-Id): background work in this process is not counted.
      let run = 0;
      const statements = async (first: number, q?: string) => {
        await c.ok(PAGE, { first, q }); // warm: session touch
        const requestId = `count-library-${Date.now()}-${++run}`;
        c.headers = { 'x-request-id': requestId };
        try {
          const r = await c.ok<{ libraryResources: { nodes: unknown[] } }>(PAGE, { first, q });
          return { n: queryCountFor(requestId), rows: r.libraryResources.nodes.length };
        } finally {
          c.headers = {};
        }
      };
      const before = await statements(100);
      const hf = await as(DEMO.sencoHolyFamily);
      for (let i = 0; i < 12; i++)
        await hf.ok(CREATE, {
          i: baseInput({
            title: `Loading test guide ${i}`,
            shareScope: i % 2 ? 'NETWORK' : 'TRUST',
            trustId: id.trust('ACT'),
          }),
        });
      const after = await statements(100);
      expect(after.rows).toBe(before.rows + 12);
      expect(after.n).toBe(before.n);
      const small = before;
      const search = await statements(100, 'loading or guide or template');
      expect(search.rows).toBeGreaterThan(12);
      expect(search.n).toBeLessThanOrEqual(before.n);
      // Session, the page with its count, then one batch each for owners and reviewers, trusts, schools,
      // local authorities, versions, files, bases, variants, endorsed, bookmarked and adoptions.
      expect(small.n).toBeLessThanOrEqual(14);
    });
  });

  describe('endorsements, comments and bookmarks', () => {
    it('counts "useful" once per person and lets them take it back', async () => {
      const c = await as(DEMO.sencoHolyCross);
      const rid = res('Writing SMART outcomes');
      type E = { endorseResource: { endorsementCount: number; endorsedByViewer: boolean } };
      expect((await c.ok<E>(ENDORSE, { id: rid, on: true })).endorseResource).toEqual({
        endorsementCount: 1,
        endorsedByViewer: true,
      });
      expect((await c.ok<E>(ENDORSE, { id: rid, on: true })).endorseResource.endorsementCount).toBe(1);
      expect(
        (await (await as(DEMO.sencoHolyFamily)).ok<E>(ENDORSE, { id: rid })).endorseResource.endorsementCount,
      ).toBe(2);
      expect((await c.ok<E>(ENDORSE, { id: rid, on: false })).endorseResource).toEqual({
        endorsementCount: 1,
        endorsedByViewer: false,
      });
      await c.fails(ENDORSE, { id: res('Provision map template') }, 'NOT_FOUND');
    });

    it('takes comments in markdown, oldest first, a page at a time', async () => {
      const rid = res('One-page profile template');
      const hf = await as(DEMO.sencoHolyFamily);
      const first = (
        await hf.ok<{ commentOnResource: { bodyHtml: string; isViewer: boolean } }>(COMMENT, {
          i: { resourceId: rid, body: 'We use this **every term**. <script>alert(1)</script>' },
        })
      ).commentOnResource;
      expect(first.bodyHtml).toContain('<strong>every term</strong>');
      expect(first.bodyHtml).not.toContain('<script');
      expect(first.isViewer).toBe(true);
      await (await as(DEMO.sencoHolyCross)).ok(COMMENT, { i: { resourceId: rid, body: 'Second comment' } });
      await hf.ok(COMMENT, { i: { resourceId: rid, body: 'Third comment' } });
      type C = {
        resourceComments: {
          totalCount: number;
          pageInfo: { hasNextPage: boolean; endCursor: string };
          nodes: Array<{ body: string; isViewer: boolean; author: { displayName: string } }>;
        };
      };
      const p1 = (await (await as(DEMO.sencoHolyCross)).ok<C>(COMMENTS, { id: rid, first: 2 }))
        .resourceComments;
      expect(p1.totalCount).toBe(3);
      expect(p1.nodes.map((n) => [n.body.slice(0, 12), n.isViewer])).toEqual([
        ['We use this ', false],
        ['Second comme', true],
      ]);
      const p2 = (
        await (
          await as(DEMO.sencoHolyCross)
        ).ok<C>(COMMENTS, { id: rid, first: 2, after: p1.pageInfo.endCursor })
      ).resourceComments;
      expect(p2.nodes.map((n) => n.body)).toEqual(['Third comment']);
      expect(p2.pageInfo.hasNextPage).toBe(false);
      await (
        await as(DEMO.sencoHolyCross)
      ).fails(COMMENT, { i: { resourceId: res('Provision map template'), body: 'Let me in' } }, 'NOT_FOUND');
      await (
        await as(DEMO.sencoHolyCross)
      ).fails(COMMENTS, { id: res('Provision map template') }, 'NOT_FOUND');
    });

    it('keeps bookmarks per person and filters by them', async () => {
      const c = await as(DEMO.staffHolyFamily);
      const rid = res('Positive handling policy template');
      expect(
        (await c.ok<{ bookmarkResource: { bookmarkedByViewer: boolean } }>(BOOKMARK, { id: rid }))
          .bookmarkResource.bookmarkedByViewer,
      ).toBe(true);
      expect(await titles(c, { bookmarked: true })).toEqual(['Positive handling policy template']);
      expect(await titles(await as(DEMO.headHolyFamily), { bookmarked: true })).toEqual([]);
      await c.ok(BOOKMARK, { id: rid, on: false });
      expect(await titles(c, { bookmarked: true })).toEqual([]);
      await (
        await as(DEMO.sencoHolyCross)
      ).fails(BOOKMARK, { id: res('Provision map template') }, 'NOT_FOUND');
    });
  });

  describe('toolkits', () => {
    it('creates a toolkit with ordered items and reorders them', async () => {
      const hf = await as(DEMO.sencoHolyFamily);
      const a = res('Writing SMART outcomes');
      const b = res('One-page profile template');
      const c = res('Provision map template');
      type Tk = { id: string; items: Array<{ position: number; note: string; resource: { id: string } }> };
      const tk = (
        await hf.ok<{ createToolkit: Tk & { resource: { kind: string } } }>(CREATE_TOOLKIT, {
          i: {
            title: 'Assisi annual review toolkit',
            shareScope: 'TRUST',
            trustId: id.trust('ACT'),
            status: 'PUBLISHED',
            items: [{ resourceId: a, note: 'Outcomes first' }, { resourceId: b }, { resourceId: c }],
          },
        })
      ).createToolkit;
      expect(tk.resource.kind).toBe('TOOLKIT');
      expect(tk.items.map((i) => [i.position, i.resource.id, i.note])).toEqual([
        [0, a, 'Outcomes first'],
        [1, b, ''],
        [2, c, ''],
      ]);
      const reordered = (
        await hf.ok<{ updateToolkitItems: Tk }>(TOOLKIT_ITEMS, {
          i: { toolkitId: tk.id, items: [{ resourceId: c }, { resourceId: a, note: 'Then outcomes' }] },
        })
      ).updateToolkitItems;
      expect(reordered.items.map((i) => [i.position, i.resource.id, i.note])).toEqual([
        [0, c, ''],
        [1, a, 'Then outcomes'],
      ]);
      await hf.fails(
        TOOLKIT_ITEMS,
        { i: { toolkitId: tk.id, items: [{ resourceId: a }, { resourceId: a }] } },
        'BAD_USER_INPUT',
      );
      await hf.fails(
        TOOLKIT_ITEMS,
        { i: { toolkitId: tk.id, items: [{ resourceId: tk.id }] } },
        'BAD_USER_INPUT',
      );
      await hf.fails(
        TOOLKIT_ITEMS,
        { i: { toolkitId: tk.id, items: [{ resourceId: a, note: 'Used with Jacob Smith in Year 4' }] } },
        'PERSONAL_DATA',
      );
      await (await as(DEMO.sencoHolyCross)).fails(TOOLKIT, { id: tk.id }, 'NOT_FOUND');
      await (
        await as(DEMO.sencoHolyCross)
      ).fails(TOOLKIT_ITEMS, { i: { toolkitId: tk.id, items: [] } }, 'NOT_FOUND');
      await (
        await as(DEMO.staffHolyFamily)
      ).fails(TOOLKIT_ITEMS, { i: { toolkitId: tk.id, items: [] } }, 'FORBIDDEN');
      const listed = (await hf.ok<{ toolkits: { nodes: Array<{ resource: { title: string } }> } }>(TOOLKITS))
        .toolkits.nodes;
      expect(listed.map((n) => n.resource.title)).toEqual(
        expect.arrayContaining(['Assisi annual review toolkit', 'EHCP request toolkit — Essex']),
      );
    });

    it('refuses items the editor cannot see', async () => {
      await (
        await as(DEMO.sencoHolyCross)
      ).fails(
        CREATE_TOOLKIT,
        {
          i: {
            title: 'Borrowed toolkit',
            shareScope: 'NETWORK',
            items: [{ resourceId: res('Provision map template') }],
          },
        },
        'BAD_USER_INPUT',
      );
      expect(await t.sql("SELECT 1 FROM library_resources WHERE title = 'Borrowed toolkit'")).toHaveLength(0);
    });
  });

  describe('adoption by trusts', () => {
    it('lets a trust SEND lead adopt a network template for their trust, with notes', async () => {
      const lead = await as(DEMO.sendLead);
      const ehcp = res('EHCP request template');
      await lead.fails(ADOPT, { i: { resourceId: ehcp, notes: 'x' } }, 'BAD_USER_INPUT');
      type A = {
        adoptTemplate: {
          adoptionCount: number;
          usedByTrusts: Array<{ trust: { shortName: string }; notes: string }>;
        };
      };
      const adopted = (
        await lead.ok<A>(ADOPT, {
          i: {
            resourceId: ehcp,
            trustId: id.trust('CCT'),
            notes: 'Christus: use with the Thurrock cover sheet.',
          },
        })
      ).adoptTemplate;
      expect(adopted.adoptionCount).toBe(2);
      expect(adopted.usedByTrusts.map((u) => u.trust.shortName)).toEqual(['ACT', 'CCT']);
      const again = (
        await lead.ok<A>(ADOPT, { i: { resourceId: ehcp, trustId: id.trust('CCT'), notes: 'Updated notes' } })
      ).adoptTemplate;
      expect(again.adoptionCount).toBe(2);
      expect(again.usedByTrusts[1]!.notes).toBe('Updated notes');
      expect(
        await t.sql(
          "SELECT count(*)::int AS n FROM audit_entries WHERE action = 'library.adopted' AND target_id = $1",
          [ehcp],
        ),
      ).toEqual([{ n: 2 }]);
      const seen = (
        await (await as(DEMO.sencoHolyCross)).ok<{ libraryResource: Resource }>(RESOURCE, { id: ehcp })
      ).libraryResource;
      expect(seen.usedByTrusts.map((u) => u.trust.shortName)).toEqual(['ACT', 'CCT']);
    });

    it('refuses adoption by others and of resources that are not shared with the network', async () => {
      const ehcp = res('EHCP request template');
      await (
        await as(DEMO.leaderChristus)
      ).fails(ADOPT, { i: { resourceId: ehcp, trustId: id.trust('CCT') } }, 'FORBIDDEN');
      await (
        await as(DEMO.sencoHolyFamily)
      ).fails(ADOPT, { i: { resourceId: ehcp, trustId: id.trust('ACT') } }, 'FORBIDDEN');
      await (
        await as(DEMO.sendLead)
      ).fails(
        ADOPT,
        { i: { resourceId: res('Provision map template'), trustId: id.trust('ACT') } },
        'BAD_USER_INPUT',
      );
    });
  });

  describe('notifications', () => {
    const notes = (email: string, kind: string) =>
      t.sql<{ title: string; body: string; link: string }>(
        'SELECT n.title, n.body, n.link FROM notifications n JOIN users u ON u.id = n.recipient_id WHERE u.email = $1 AND n.kind = $2 ORDER BY n.created_at',
        [email, kind],
      );

    it('tells people who bookmarked it, use it through a toolkit or belong to an adopting trust about a new version', async () => {
      // senco.holy-cross bookmarked the Essex toolkit (demo data), which holds the Essex template.
      const essex = res('EHCP request template — Essex');
      const hf = await as(DEMO.sencoHolyFamily);
      await (await as(DEMO.staffHolyFamily)).ok(BOOKMARK, { id: essex });
      await hf.ok(UPDATE, {
        i: {
          resourceId: essex,
          title: 'EHCP request template — Essex',
          bodyMd: 'Essex now wants the portal reference.',
          changeNote: 'Portal reference',
        },
      });
      const heard = await notes(DEMO.sencoHolyCross, 'LIBRARY_NEW_VERSION');
      expect(heard).toEqual([
        {
          title: 'New version of “EHCP request template — Essex” (version 2)',
          body: 'SENCO, Holy Family Primary: Portal reference',
          link: `/library/resources/${essex}`,
        },
      ]);
      expect(await notes(DEMO.staffHolyFamily, 'LIBRARY_NEW_VERSION')).toHaveLength(1);
      expect(await notes(DEMO.sencoHolyFamily, 'LIBRARY_NEW_VERSION')).toHaveLength(0);

      // Assisi adopted the network template: its SENCOs and SEND lead hear; Christus's SENCO does not.
      const ehcp = res('EHCP request template');
      await (
        await as(DEMO.admin)
      ).ok(UPDATE, {
        i: { resourceId: ehcp, title: 'EHCP request template', bodyMd: 'Revised.', changeNote: 'Revised' },
      });
      expect(await notes(DEMO.sencoHolyFamily, 'LIBRARY_NEW_VERSION')).toHaveLength(1);
      expect(await notes(SENCO_ST_JOSEPHS_ACT, 'LIBRARY_NEW_VERSION')).toHaveLength(1);
      expect((await notes(DEMO.sendLead, 'LIBRARY_NEW_VERSION')).length).toBeGreaterThanOrEqual(1);
      // CCT adopted it in an earlier test, so Holy Cross hears too; a head who uses neither does not.
      expect(await notes(DEMO.headHolyFamily, 'LIBRARY_NEW_VERSION')).toHaveLength(0);
    });

    it('does not tell a bookmarker who can no longer see the resource', async () => {
      const hf = await as(DEMO.sencoHolyFamily);
      const r = (
        await hf.ok<{ createResource: Resource }>(CREATE, {
          i: baseInput({ title: 'Soon school-only guide' }),
        })
      ).createResource;
      await (await as(DEMO.sencoHolyCross)).ok(BOOKMARK, { id: r.id });
      // Narrow the audience behind the scenes (as if it had been moved to the school).
      await t.sql(
        "UPDATE library_resources SET share_scope = 'SCHOOL', trust_id = $2, school_id = $3 WHERE id = $1",
        [r.id, id.trust('ACT'), id.school('ACT', 'Holy Family Primary')],
      );
      const before = (await notes(DEMO.sencoHolyCross, 'LIBRARY_NEW_VERSION')).length;
      await hf.ok(UPDATE, {
        i: { resourceId: r.id, title: 'Soon school-only guide', bodyMd: 'Changed', changeNote: 'Changed' },
      });
      expect(await notes(DEMO.sencoHolyCross, 'LIBRARY_NEW_VERSION')).toHaveLength(before);
    });

    it('reminds the owner once when a review falls due, and marking it reviewed sets the next date', async () => {
      const notifier = t.app.get(LibraryNotifier);
      const policy = res('Positive handling policy template');
      // Demo data: reviewed 13 months ago, so due a month ago.
      const sent = await notifier.reviewsDue(new Date());
      expect(sent).toBeGreaterThanOrEqual(1);
      const due = await notes(DEMO.sendLead, 'LIBRARY_REVIEW_DUE');
      expect(due.map((n) => n.title)).toContain('Time to review “Positive handling policy template”');
      expect(await notifier.reviewsDue(new Date())).toBe(0);
      expect(await notes(DEMO.sendLead, 'LIBRARY_REVIEW_DUE')).toHaveLength(due.length);

      const lead = await as(DEMO.sendLead);
      await (await as(DEMO.sencoHolyCross)).fails(REVIEWED, { id: policy }, 'FORBIDDEN');
      type R = {
        markResourceReviewed: {
          lastReviewedAt: string;
          reviewDueAt: string;
          lastReviewedBy: { displayName: string };
        };
      };
      const reviewed = (await lead.ok<R>(REVIEWED, { id: policy, months: 6 })).markResourceReviewed;
      expect(reviewed.lastReviewedBy.displayName).toBe('Head of SEND and Inclusion (both trusts)');
      const months =
        (Date.parse(reviewed.reviewDueAt) - Date.parse(reviewed.lastReviewedAt)) / (30.44 * 86400_000);
      expect(Math.round(months)).toBe(6);
      await lead.fails(REVIEWED, { id: policy, months: 99 }, 'BAD_USER_INPUT');
      const inSevenMonths = new Date(Date.now() + 7 * 31 * 86400_000);
      expect(await notifier.reviewsDue(new Date())).toBe(0);
      expect(await notifier.reviewsDue(inSevenMonths)).toBeGreaterThanOrEqual(1);
      expect(
        await t.sql(
          "SELECT count(*)::int AS n FROM audit_entries WHERE action = 'library.reviewed' AND target_id = $1",
          [policy],
        ),
      ).toEqual([{ n: 1 }]);
    });

    it('does not remind an owner who can no longer see the resource', async () => {
      const notifier = t.app.get(LibraryNotifier);
      const checklist = res('Annual review checklist — Holy Family');
      const [{ owner_id: ownerId }] = await t.sql<{ owner_id: string }>(
        'SELECT owner_id FROM library_resources WHERE id = $1',
        [checklist],
      );
      const grants = await t.sql('SELECT * FROM memberships WHERE user_id = $1', [ownerId]);
      await t.sql('DELETE FROM memberships WHERE user_id = $1', [ownerId]);
      await t.sql(
        "UPDATE library_resources SET review_due_at = now() - interval '1 day', review_notified_at = NULL WHERE id = $1",
        [checklist],
      );
      try {
        await notifier.reviewsDue(new Date());
        expect(
          await t.sql(
            "SELECT 1 FROM notifications WHERE recipient_id = $1 AND kind = 'LIBRARY_REVIEW_DUE' AND link LIKE '%' || $2 || '%'",
            [ownerId, checklist],
          ),
        ).toHaveLength(0);
      } finally {
        for (const g of grants as Array<Record<string, unknown>>)
          await t.sql(
            'INSERT INTO memberships (user_id, role, trust_id, school_id) VALUES ($1, $2, $3, $4)',
            [g['user_id'], g['role'], g['trust_id'], g['school_id']],
          );
      }
    });
  });

  describe('files on versions', () => {
    const upload = async (c: GqlClient, name: string, text: string) => {
      const r = await fetch(`${t.url}/files`, {
        method: 'POST',
        headers: {
          cookie: c.cookie!,
          origin: TEST_ORIGIN,
          'content-type': 'application/octet-stream',
          'x-file-name': encodeURIComponent(name),
        },
        body: Buffer.from(text),
      });
      expect(r.status).toBe(201);
      return ((await r.json()) as { id: string }).id;
    };
    const download = (c: GqlClient, fileId: string) =>
      fetch(`${t.url}/files/${fileId}`, { headers: { cookie: c.cookie! } });

    it('removes uploads nobody attached once they are a day old, and keeps attached ones', async () => {
      const hf = await as(DEMO.sencoHolyFamily);
      const attached = await upload(hf, 'kept.txt', `Kept ${Date.now()}`);
      const orphan = await upload(hf, 'orphan.txt', `Never attached ${Date.now()}`);
      await hf.ok(CREATE, { i: baseInput({ title: 'Resource with a kept file', fileIds: [attached] }) });
      const sha = async (fileId: string) =>
        (await t.sql<{ sha256: string }>('SELECT sha256 FROM files WHERE id = $1', [fileId]))[0]!.sha256;
      const orphanSha = await sha(orphan);
      const storage = t.app.get<FileStorage>(FILE_STORAGE);
      expect(await storage.exists(orphanSha)).toBe(true);
      const cleanup = t.app.get(FilesCleanupService);
      await cleanup.sweep(new Date());
      expect(await t.sql('SELECT id FROM files WHERE id = $1', [orphan])).toHaveLength(1); // not a day old yet
      await t.sql("UPDATE files SET created_at = now() - interval '2 days' WHERE id = ANY($1::uuid[])", [
        [attached, orphan],
      ]);
      expect(await cleanup.sweep(new Date())).toBeGreaterThanOrEqual(1);
      expect(await t.sql('SELECT id FROM files WHERE id = $1', [orphan])).toHaveLength(0);
      expect(await storage.exists(orphanSha)).toBe(false);
      expect(await t.sql('SELECT id FROM files WHERE id = $1', [attached])).toHaveLength(1);
      expect((await download(hf, attached)).status).toBe(200);
    });

    it('lets whoever can see a version download its files, counts downloads, and refuses the rest', async () => {
      const hf = await as(DEMO.sencoHolyFamily);
      const fileId = await upload(hf, 'checklist.txt', 'Annual review checklist\n- invitations\n- advice\n');
      const r = (
        await hf.ok<{ createResource: Resource }>(CREATE, {
          i: baseInput({
            title: 'School-only checklist with a file',
            shareScope: 'SCHOOL',
            schoolId: id.school('ACT', 'Holy Family Primary'),
            fileIds: [fileId],
          }),
        })
      ).createResource;
      expect(r.currentVersion.files).toEqual([
        { id: fileId, name: 'checklist.txt', downloadUrl: `/files/${fileId}` },
      ]);

      const staff = await as(DEMO.staffHolyFamily);
      const ok = await download(staff, fileId);
      expect(ok.status).toBe(200);
      expect(await ok.text()).toContain('Annual review checklist');
      expect((await download(await as(DEMO.sencoHolyCross), fileId)).status).toBe(404);
      expect((await download(await as(SENCO_ST_JOSEPHS_ACT), fileId)).status).toBe(404);
      expect(
        (await staff.ok<{ libraryResource: Resource }>(RESOURCE, { id: r.id })).libraryResource.downloadCount,
      ).toBe(1);

      // Someone else's upload cannot be attached; files carry over to the next version.
      const theirs = await upload(await as(DEMO.sencoHolyCross), 'theirs.txt', 'Christus notes');
      await hf.fails(
        UPDATE,
        {
          i: {
            resourceId: r.id,
            title: 'School-only checklist with a file',
            fileIds: [fileId, theirs],
            changeNote: 'Add theirs',
          },
        },
        'BAD_USER_INPUT',
      );
      const v2 = (
        await hf.ok<{ updateResource: Resource }>(UPDATE, {
          i: {
            resourceId: r.id,
            title: 'School-only checklist with a file',
            bodyMd: 'New text',
            changeNote: 'New text',
          },
        })
      ).updateResource;
      expect(v2.currentVersion.files.map((f) => f.id)).toEqual([fileId]);
      const removed = (
        await hf.ok<{ updateResource: Resource }>(UPDATE, {
          i: {
            resourceId: r.id,
            title: 'School-only checklist with a file',
            fileIds: [],
            changeNote: 'Remove the file',
          },
        })
      ).updateResource;
      expect(removed.currentVersion.files).toEqual([]);
      // Still downloadable from the history.
      expect((await download(staff, fileId)).status).toBe(200);
    });
  });
});
