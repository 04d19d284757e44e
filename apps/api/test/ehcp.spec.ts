import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { SaxesParser } from 'saxes';
import { readZipDirectory } from '../src/modules/files/zip-directory';
import { ids } from './support/fixtures';
import { DEMO, GqlClient, TestApp, startTestApp } from './support/test-app';

const VARIANTS = `query($id: ID!) { ehcpTemplateVariants(resourceId: $id) {
  base { resourceId title localAuthorityName sections { key title guidance prompts } }
  variants { template { resourceId title localAuthorityName } differences { key change guidanceChanged addedPrompts removedPrompts } } } }`;
const START = `mutation($t: ID!, $p: String!, $s: ID) { startEhcpDraft(templateResourceId: $t, pupilReference: $p, schoolId: $s) {
  id pupilReference templateTitle schoolName revision exportUrl completeness { complete started empty total percent }
  sections { key title shortTitle guidanceHtml prompts text revision status } } }`;
const DRAFT = `query($id: ID!) { ehcpDraft(id: $id) { id pupilReference revision sections { key text revision status } completeness { complete started total percent } } }`;
const DRAFTS = `query($first: Int, $after: String) { ehcpDrafts(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { id pupilReference schoolName completeness { complete total } } } }`;
const SAVE = `mutation($d: ID!, $k: EhcpSectionKey!, $t: String!, $r: Int!) { saveEhcpDraftSection(draftId: $d, key: $k, text: $t, revision: $r) {
  draftRevision section { key text revision status wordCount } completeness { complete started empty total percent } } }`;
const ARCHIVE = `mutation($id: ID!) { archiveEhcpDraft(id: $id) }`;

type Draft = {
  id: string;
  revision: number;
  sections: Array<{ key: string; text: string; revision: number; status: string }>;
};

const LONG_B =
  'JS has a diagnosis of developmental language disorder. Receptive vocabulary is well below age expectations and JS needs instructions broken into single steps with visual support to follow routines and learning in class.';

/** The entries of a zip, inflated (test helper over the same directory reader uploads use). */
async function unzip(bytes: Buffer): Promise<Map<string, string>> {
  const file = {
    sha256: '',
    sizeBytes: bytes.length,
    read: async (p: number, n: number) => bytes.subarray(p, p + n),
  };
  const out = new Map<string, string>();
  for (const e of await readZipDirectory(file, 100)) {
    const h = e.localHeaderOffset;
    const start = h + 30 + bytes.readUInt16LE(h + 26) + bytes.readUInt16LE(h + 28);
    const data = bytes.subarray(start, start + e.compressedSize);
    out.set(e.name, (e.method === 8 ? inflateRawSync(data) : data).toString('utf8'));
  }
  return out;
}

function wellFormed(xml: string): void {
  const p = new SaxesParser({ xmlns: true });
  let error: Error | null = null;
  p.on('error', (e) => (error = e));
  p.write(xml).close();
  if (error) throw error;
}

describe('EHCP templates and drafts', () => {
  let t: TestApp;
  let id: Awaited<ReturnType<typeof ids>>;
  let baseId: string;
  let essexId: string;
  let senco: GqlClient;

  const cookieOf = async (email: string) => (await t.signedIn(email)).cookie!;
  const auditCount = async (action: string, target: string) =>
    Number(
      (
        await t.sql<{ n: string }>(
          'SELECT count(*) AS n FROM audit_entries WHERE action = $1 AND target_id = $2',
          [action, target],
        )
      )[0]!.n,
    );
  const start = (c: GqlClient, pupil: string, schoolId?: string) =>
    c.ok<{ startEhcpDraft: Draft & Record<string, unknown> }>(START, {
      t: essexId,
      p: pupil,
      s: schoolId ?? null,
    });

  beforeAll(async () => {
    t = await startTestApp();
    id = await ids(t);
    const rows = await t.sql<{ id: string; title: string }>(
      "SELECT id, title FROM library_resources WHERE title IN ('EHCP request template', 'EHCP request template — Essex')",
    );
    baseId = rows.find((r) => r.title === 'EHCP request template')!.id;
    essexId = rows.find((r) => r.title === 'EHCP request template — Essex')!.id;
    senco = await t.signedIn(DEMO.sencoHolyFamily);
  });
  afterAll(() => t.close());

  describe('templates', () => {
    it('shows the base template and the Essex variant with its per-section differences, from either', async () => {
      type V = {
        ehcpTemplateVariants: {
          base: {
            resourceId: string;
            title: string;
            localAuthorityName: string | null;
            sections: Array<{ key: string }>;
          };
          variants: Array<{
            template: { resourceId: string; localAuthorityName: string };
            differences: Array<{
              key: string;
              change: string;
              guidanceChanged: boolean;
              addedPrompts: string[];
            }>;
          }>;
        };
      };
      const fromBase = (await senco.ok<V>(VARIANTS, { id: baseId })).ehcpTemplateVariants;
      const fromVariant = (await senco.ok<V>(VARIANTS, { id: essexId })).ehcpTemplateVariants;
      expect(fromVariant).toEqual(fromBase);
      expect(fromBase.base.resourceId).toBe(baseId);
      expect(fromBase.base.sections.map((s) => s.key)).toEqual([
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
      const essex = fromBase.variants.find((v) => v.template.resourceId === essexId)!;
      expect(essex.template.localAuthorityName).toBe('Essex');
      expect(essex.differences.map((d) => [d.key, d.change, d.guidanceChanged])).toEqual([
        ['A', 'CHANGED', true],
        ['E', 'CHANGED', true],
        ['F', 'CHANGED', true],
      ]);
      expect(essex.differences.find((d) => d.key === 'F')!.addedPrompts).toContain(
        'What changed between the two cycles and why.',
      );
    });

    it('refuses a resource that is not an EHCP template', async () => {
      const [other] = await t.sql<{ id: string }>(
        "SELECT r.id FROM library_resources r JOIN library_resource_versions v ON v.id = r.current_version_id WHERE v.ehcp_sections IS NULL AND r.share_scope = 'NETWORK' AND r.status = 'PUBLISHED' LIMIT 1",
      );
      await senco.fails(VARIANTS, { id: other!.id }, 'BAD_USER_INPUT');
      await senco.fails(START, { t: other!.id, p: 'JS Y4' }, 'BAD_USER_INPUT');
    });
  });

  describe('starting a draft', () => {
    it('copies the template version into a private draft of the SENCO’s school, audited with the school as scope', async () => {
      const d = (await start(senco, 'JS Y4')).startEhcpDraft as unknown as {
        id: string;
        completeness: { complete: number; total: number };
        sections: Array<{
          key: string;
          title: string;
          prompts: string[];
          guidanceHtml: string;
          status: string;
        }>;
      };
      expect(d).toMatchObject({
        pupilReference: 'JS Y4',
        schoolName: 'Holy Family Primary',
        templateTitle: 'EHCP request template — Essex',
      });
      expect(d.sections).toHaveLength(11);
      expect(d.sections.every((s) => s.status === 'EMPTY')).toBe(true);
      expect(d.sections.find((s) => s.key === 'F')!.guidanceHtml).toContain(
        '<strong>two full cycles</strong>',
      );
      expect(d.completeness).toMatchObject({ complete: 0, total: 11 });
      const [entry] = await t.sql<{ school_id: string; trust_id: string; summary: string }>(
        "SELECT school_id, trust_id, summary FROM audit_entries WHERE action = 'ehcp.draft_created' AND target_id = $1",
        [d.id],
      );
      expect(entry).toMatchObject({
        school_id: id.school('ACT', 'Holy Family Primary'),
        trust_id: id.trust('ACT'),
      });
      expect(entry!.summary).not.toContain('JS Y4');
    });

    it.each([
      ['Jacob Smith', /name/],
      ['Amelia Y4', /name/],
      ['jacob smith', /name/],
      ['DOB 14/03/2017', /date of birth/],
      ['14.03.2017', /date of birth/],
      ['A123456789012', /unique pupil number/],
      ['943 476 5919', /NHS number/],
      ['9434765919', /NHS number/],
      ['J', /at least 2/],
      ['JS Y4 reading group 2', /20 characters/],
    ])('refuses the pupil reference %p with no override', async (pupil, message) => {
      const before = (await t.sql('SELECT id FROM ehcp_drafts')).length;
      const { error } = await senco.fails(START, { t: essexId, p: pupil }, 'BAD_USER_INPUT');
      expect(error.message).toMatch(message);
      expect(error.extensions?.fields?.['pupilReference']).toBeTruthy();
      expect((await t.sql('SELECT id FROM ehcp_drafts')).length).toBe(before);
    });

    it('refuses to start a draft from an archived template', async () => {
      await t.sql("UPDATE library_resources SET status = 'ARCHIVED' WHERE id = $1", [essexId]);
      try {
        const before = (await t.sql('SELECT id FROM ehcp_drafts')).length;
        const { error } = await senco.fails(START, { t: essexId, p: 'AB Y3' }, 'BAD_USER_INPUT');
        expect(error.message).toMatch(/archived/);
        expect((await t.sql('SELECT id FROM ehcp_drafts')).length).toBe(before);
      } finally {
        await t.sql("UPDATE library_resources SET status = 'PUBLISHED' WHERE id = $1", [essexId]);
      }
    });

    it('refuses people who are not a school’s SENCO or headteacher, and asks which school when there are several', async () => {
      for (const email of [DEMO.sendLead, DEMO.leaderAssisi, DEMO.staffHolyFamily, DEMO.admin]) {
        const c = await t.signedIn(email);
        await c.fails(START, { t: essexId, p: 'AB Y3' }, 'FORBIDDEN');
      }
      const stJosephs = id.school('ACT', "St Joseph's Primary");
      await t.sql(
        "INSERT INTO memberships (user_id, role, trust_id, school_id) VALUES ($1, 'SENCO', NULL, $2)",
        [id.user(DEMO.headHolyFamily), stJosephs],
      );
      const head = await t.signedIn(DEMO.headHolyFamily);
      const { error } = await head.fails(START, { t: essexId, p: 'AB Y3' }, 'BAD_USER_INPUT');
      expect(error.message).toMatch(/more than one school/);
      const d = await start(head, 'AB Y3', stJosephs);
      expect((d.startEhcpDraft as unknown as { schoolName: string }).schoolName).toBe("St Joseph's Primary");
      await head.fails(
        START,
        { t: essexId, p: 'AB Y3', s: id.school('CCT', 'Holy Cross Primary') },
        'FORBIDDEN',
      );
      await t.sql('DELETE FROM memberships WHERE user_id = $1 AND school_id = $2', [
        id.user(DEMO.headHolyFamily),
        stJosephs,
      ]);
    });
  });

  describe('visibility and audit', () => {
    let draftId: string;
    beforeAll(async () => {
      draftId = (await start(senco, 'KL R')).startEhcpDraft.id;
    });

    it('lets the school’s SENCO and headteacher and the trust’s SEND lead read it, and audits every read', async () => {
      for (const email of [DEMO.sencoHolyFamily, DEMO.headHolyFamily, DEMO.sendLead]) {
        const c = await t.signedIn(email);
        const before = await auditCount('ehcp.draft_read', draftId);
        const d = await c.ok<{ ehcpDraft: { pupilReference: string } }>(DRAFT, { id: draftId });
        expect(d.ehcpDraft.pupilReference).toBe('KL R');
        expect(await auditCount('ehcp.draft_read', draftId)).toBe(before + 1);
        const list = await c.ok<{ ehcpDrafts: { nodes: Array<{ id: string }> } }>(DRAFTS, { first: 100 });
        expect(list.ehcpDrafts.nodes.map((n) => n.id)).toContain(draftId);
        expect(await auditCount('ehcp.draft_read', draftId)).toBe(before + 2);
      }
      const [entry] = await t.sql<{ school_id: string; actor_user_id: string; summary: string }>(
        "SELECT school_id, actor_user_id, summary FROM audit_entries WHERE action = 'ehcp.draft_read' AND target_id = $1 ORDER BY created_at DESC LIMIT 1",
        [draftId],
      );
      expect(entry).toMatchObject({
        school_id: id.school('ACT', 'Holy Family Primary'),
        actor_user_id: id.user(DEMO.sendLead),
      });
      expect(entry!.summary).not.toContain('KL R');
    });

    it('hides it from other schools, the other trust, network admins, trust leaders and staff', async () => {
      const notFound = [DEMO.sencoHolyCross, 'senco.st-josephs-act@demo.lantern.test'];
      const forbidden = [DEMO.admin, DEMO.leaderAssisi, DEMO.staffHolyFamily];
      for (const email of notFound) {
        const c = await t.signedIn(email);
        await c.fails(DRAFT, { id: draftId }, 'NOT_FOUND');
        await c.fails(SAVE, { d: draftId, k: 'A', t: 'x', r: 0 }, 'NOT_FOUND');
        await c.fails(ARCHIVE, { id: draftId }, 'NOT_FOUND');
        const list = await c.ok<{ ehcpDrafts: { nodes: Array<{ id: string }> } }>(DRAFTS, { first: 100 });
        expect(list.ehcpDrafts.nodes.map((n) => n.id)).not.toContain(draftId);
        const res = await fetch(`${t.url}/ehcp-drafts/${draftId}/export.docx`, {
          headers: { cookie: c.cookie! },
        });
        expect(res.status).toBe(404);
      }
      for (const email of forbidden) {
        const c = await t.signedIn(email);
        await c.fails(DRAFT, { id: draftId }, 'FORBIDDEN');
        await c.fails(DRAFTS, {}, 'FORBIDDEN');
        const res = await fetch(`${t.url}/ehcp-drafts/${draftId}/export.docx`, {
          headers: { cookie: c.cookie! },
        });
        expect(res.status).toBe(404);
      }
      expect((await fetch(`${t.url}/ehcp-drafts/${draftId}/export.docx`)).status).toBe(401);
      const crossSite = await fetch(`${t.url}/ehcp-drafts/${draftId}/export.docx`, {
        headers: { cookie: senco.cookie!, 'sec-fetch-site': 'cross-site' },
      });
      expect(crossSite.status).toBe(403);
      await t.client().fails(DRAFT, { id: draftId }, 'UNAUTHENTICATED');
    });
  });

  describe('writing', () => {
    let draft: Draft;
    beforeAll(async () => {
      draft = (await start(senco, 'MN Y2')).startEhcpDraft;
    });

    it('saves with optimistic concurrency: a stale revision is a CONFLICT and nothing is overwritten', async () => {
      const head = await t.signedIn(DEMO.headHolyFamily);
      const first = await senco.ok<{
        saveEhcpDraftSection: { section: { revision: number; text: string }; draftRevision: number };
      }>(SAVE, {
        d: draft.id,
        k: 'A',
        t: 'Views gathered at a meeting with the family.',
        r: 0,
      });
      expect(first.saveEhcpDraftSection.section.revision).toBe(1);
      expect(first.saveEhcpDraftSection.draftRevision).toBe(1);
      const { error } = await head.fails(
        SAVE,
        { d: draft.id, k: 'A', t: 'The headteacher’s version', r: 0 },
        'CONFLICT',
      );
      expect(error.message).toMatch(/saved by someone else.*has not been saved/);
      const after = (await senco.ok<{ ehcpDraft: Draft }>(DRAFT, { id: draft.id })).ehcpDraft;
      expect(after.sections.find((s) => s.key === 'A')).toMatchObject({
        text: 'Views gathered at a meeting with the family.',
        revision: 1,
      });
      // Another section is independent of A's revision; A saves from its new revision.
      await head.ok(SAVE, { d: draft.id, k: 'K', t: 'Educational psychologist report, March.', r: 0 });
      await head.ok(SAVE, {
        d: draft.id,
        k: 'A',
        t: 'Views gathered with the family, and the child’s own views.',
        r: 1,
      });
      expect(await auditCount('ehcp.draft_section_saved', draft.id)).toBe(3);
      await senco.fails(SAVE, { d: draft.id, k: 'B', t: 'x'.repeat(20_001), r: 0 }, 'BAD_USER_INPUT');
    });

    it('reports completeness per section and overall', async () => {
      await senco.ok(SAVE, { d: draft.id, k: 'B', t: LONG_B, r: 0 });
      await senco.ok(SAVE, { d: draft.id, k: 'C', t: 'Not applicable.', r: 0 });
      const r = await senco.ok<{
        saveEhcpDraftSection: {
          section: { status: string; wordCount: number };
          completeness: Record<string, number>;
        };
      }>(SAVE, { d: draft.id, k: 'D', t: 'Early help involvement', r: 0 });
      expect(r.saveEhcpDraftSection.section).toEqual({
        key: 'D',
        text: 'Early help involvement',
        revision: 1,
        status: 'STARTED',
        wordCount: 3,
      });
      // A (10 words: started), B complete, C "not applicable": complete, D started, K started.
      expect(r.saveEhcpDraftSection.completeness).toEqual({
        complete: 2,
        started: 3,
        empty: 6,
        total: 11,
        percent: 18,
      });
      const d = (await senco.ok<{ ehcpDraft: Draft }>(DRAFT, { id: draft.id })).ehcpDraft;
      expect(Object.fromEntries(d.sections.map((s) => [s.key, s.status]))).toMatchObject({
        A: 'STARTED',
        B: 'COMPLETE',
        C: 'COMPLETE',
        D: 'STARTED',
        E: 'EMPTY',
      });
    });

    it('exports a real .docx whose document holds the title, pupil reference, headings, guidance and filled text', async () => {
      const before = await auditCount('ehcp.draft_exported', draft.id);
      const res = await fetch(`${t.url}/ehcp-drafts/${draft.id}/export.docx`, {
        headers: { cookie: senco.cookie! },
      });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe(
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      );
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('content-disposition')).toBe(
        `attachment; filename="EHCP request template Essex - MN Y2.docx"; ` +
          "filename*=UTF-8''EHCP%20request%20template%20%E2%80%94%20Essex%20-%20MN%20Y2.docx",
      );
      const bytes = Buffer.from(await res.arrayBuffer());
      expect(await auditCount('ehcp.draft_exported', draft.id)).toBe(before + 1);
      const parts = await unzip(bytes);
      expect([...parts.keys()]).toEqual(
        expect.arrayContaining([
          '[Content_Types].xml',
          '_rels/.rels',
          'word/document.xml',
          'word/styles.xml',
        ]),
      );
      for (const [name, content] of parts)
        if (name.endsWith('.xml') || name.endsWith('.rels')) wellFormed(content);
      const doc = parts.get('word/document.xml')!;
      const text = [...doc.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('\n');
      expect(text).toContain('EHCP request template — Essex');
      expect(text).toContain('MN Y2');
      expect(text).toContain('Section B: Special educational needs');
      expect(text).toContain('developmental language disorder');
      expect(text).toContain('Views gathered with the family, and the child’s own views.');
      expect(text).toContain('two full cycles');
      expect(doc).toContain('<w:pStyle w:val="Heading1"/>');
      expect(doc).toContain('<w:pStyle w:val="Guidance"/>');

      // Optional: LibreOffice, when installed, must open it and turn it into text.
      const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => existsSync(p));
      if (!soffice) {
        console.info('LibreOffice is not installed here: skipped opening the exported .docx with it.');
        return;
      }
      const dir = mkdtempSync(join(tmpdir(), 'lantern-docx-'));
      try {
        writeFileSync(join(dir, 'draft.docx'), bytes);
        execFileSync(
          soffice,
          ['--headless', '--convert-to', 'txt:Text', '--outdir', dir, join(dir, 'draft.docx')],
          { timeout: 120_000 },
        );
        expect(readFileSync(join(dir, 'draft.txt'), 'utf8')).toContain('developmental language disorder');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

    it('archives a draft (audited): it then reads as not found and leaves the list', async () => {
      const other = (await start(senco, 'PQ Y6')).startEhcpDraft.id;
      expect(await senco.ok(ARCHIVE, { id: other })).toEqual({ archiveEhcpDraft: true });
      expect(await auditCount('ehcp.draft_archived', other)).toBe(1);
      await senco.fails(DRAFT, { id: other }, 'NOT_FOUND');
      const list = await senco.ok<{ ehcpDrafts: { nodes: Array<{ id: string }> } }>(DRAFTS, { first: 100 });
      expect(list.ehcpDrafts.nodes.map((n) => n.id)).not.toContain(other);
    });

    it('pages the school’s drafts, most recently changed first', async () => {
      const page1 = await senco.ok<{
        ehcpDrafts: {
          totalCount: number;
          pageInfo: { hasNextPage: boolean; endCursor: string };
          nodes: Array<{ id: string }>;
        };
      }>(DRAFTS, { first: 1 });
      expect(page1.ehcpDrafts.totalCount).toBeGreaterThanOrEqual(3);
      expect(page1.ehcpDrafts.pageInfo.hasNextPage).toBe(true);
      const page2 = await senco.ok<{ ehcpDrafts: { nodes: Array<{ id: string }> } }>(DRAFTS, {
        first: 1,
        after: page1.ehcpDrafts.pageInfo.endCursor,
      });
      expect(page2.ehcpDrafts.nodes[0]!.id).not.toBe(page1.ehcpDrafts.nodes[0]!.id);
    });
  });
});
