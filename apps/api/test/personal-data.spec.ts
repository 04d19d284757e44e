import { elevated } from './support/second-factor';
import { DEMO, GqlClient, TestApp, startTestApp } from './support/test-app';

const CATEGORIES = '{ forumCategories { id name } }';
const CREATE = `mutation($i: CreateThreadInput!) { createForumThread(input: $i) { id } }`;
const START = `mutation($t: ID!, $p: String!) { startEhcpDraft(templateResourceId: $t, pupilReference: $p) { id sections { key revision } } }`;
const SAVE = `mutation($d: ID!, $k: EhcpSectionKey!, $t: String!, $r: Int!, $o: PersonalDataOverrideInput) {
  saveEhcpDraftSection(draftId: $d, key: $k, text: $t, revision: $r, personalDataOverride: $o) { section { key text revision } } }`;

/** The one personal-data check (common/personal-data) as forum posts and EHCP sections meet it. */
describe('the personal-data check', () => {
  let t: TestApp;
  let senco: GqlClient;
  let categoryId: string;

  const audits = (action: string) =>
    t.sql<{ summary: string; target_id: string }>(
      'SELECT summary, target_id FROM audit_entries WHERE action = $1 ORDER BY created_at',
      [action],
    );
  const post = (title: string, body: string, personalDataOverride?: { reason: string }) => ({
    i: { categoryId, kind: 'DISCUSSION', title, body, personalDataOverride: personalDataOverride ?? null },
  });

  beforeAll(async () => {
    t = await startTestApp();
    senco = await elevated(t, DEMO.sencoHolyFamily);
    const cats = (await senco.ok<{ forumCategories: Array<{ id: string; name: string }> }>(CATEGORIES))
      .forumCategories;
    categoryId = cats.find((c) => c.name === 'Transition')!.id;
  });
  afterAll(() => t.close());

  it('refuses a forum post that names a pupil, and saves nothing', async () => {
    const r = await senco.fails(
      CREATE,
      post('Settling in', 'Olivia Brown has settled much better since we moved her seat nearer the door.'),
      'PERSONAL_DATA',
    );
    expect(r.error.message).toMatch(/a person's name/);
    expect(r.error.extensions?.fields?.['findings']).toBe('PERSON_NAME');
    expect(await t.sql("SELECT 1 FROM forum_threads WHERE title = 'Settling in'")).toHaveLength(0);
  });

  it("lets a member's own display name through, but not a pupil who shares the first name", async () => {
    const [staff] = await t.sql<{ id: string; display_name: string }>(
      'SELECT id, display_name FROM users WHERE email = $1',
      [DEMO.staffHolyFamily],
    );
    await t.sql("UPDATE users SET display_name = 'Marnie Ellwood' WHERE id = $1", [staff!.id]);
    try {
      await senco.ok(
        CREATE,
        post('Checklist', 'Marnie Ellwood shared the transition checklist. Thanks Marnie!'),
      );
      await senco.fails(
        CREATE,
        post('Checklist 2', 'Marnie Baxter has settled well in Year 3.'),
        'PERSONAL_DATA',
      );
    } finally {
      await t.sql('UPDATE users SET display_name = $2 WHERE id = $1', [staff!.id, staff!.display_name]);
    }
  });

  it('lets school writing through: saints, schools, programmes', async () => {
    await senco.ok(
      CREATE,
      post(
        'Lego Therapy at St Anne Line Infants',
        'Our Lady of Lourdes Primary and St Thomas More High School run Colourful Semantics and Precision Teaching. Will the LA fund Team Teach?',
      ),
    );
  });

  it('accepts an override with a reason and audits it', async () => {
    await senco.ok(
      CREATE,
      post('Author visit', 'Harriet Quill is coming to read to Year 4.', {
        reason: 'She is a visiting author, not a pupil.',
      }),
    );
    const entries = await audits('forum.personal_data_override');
    expect(entries[entries.length - 1]!.summary).toMatch(
      /^Posted despite the personal-data check \(PERSON_NAME\)\. Reason: She is a visiting author/,
    );
  });

  describe('in EHCP section text (the pupil is a pseudonymous reference)', () => {
    let draftId: string;
    let revision: number;

    beforeAll(async () => {
      const [tpl] = await t.sql<{ id: string }>(
        "SELECT id FROM library_resources WHERE title = 'EHCP request template — Essex'",
      );
      const d = (
        await senco.ok<{
          startEhcpDraft: { id: string; sections: Array<{ key: string; revision: number }> };
        }>(START, { t: tpl!.id, p: 'OB Y5' })
      ).startEhcpDraft;
      draftId = d.id;
      revision = d.sections.find((s) => s.key === 'A')!.revision;
    });

    it('flags a name, a date of birth, a UPN or an NHS number and keeps the old text', async () => {
      for (const text of [
        'Olivia Brown enjoys drawing and wants to be a vet.',
        'OB was born on 14/03/2016.',
        'UPN A123456789012.',
        'NHS number 943 476 5919.',
      ]) {
        await senco.fails(SAVE, { d: draftId, k: 'A', t: text, r: revision }, 'PERSONAL_DATA');
      }
      const [row] = await t.sql<{ text: string }>(
        "SELECT text FROM ehcp_draft_sections WHERE draft_id = $1 AND key = 'A'",
        [draftId],
      );
      expect(row!.text).not.toMatch(/Olivia|943 476/);
    });

    it('saves pseudonymous text, and flagged text with a reason (audited without the text)', async () => {
      const ok = await senco.ok<{ saveEhcpDraftSection: { section: { revision: number } } }>(SAVE, {
        d: draftId,
        k: 'A',
        t: 'OB enjoys drawing and wants to be a vet. She likes Lego Therapy with her key adult.',
        r: revision,
      });
      revision = ok.saveEhcpDraftSection.section.revision;
      await senco.ok(SAVE, {
        d: draftId,
        k: 'A',
        t: 'OB says: "I like it when Miss Hollis helps me." Aunt Maria Lopez attends meetings.',
        r: revision,
        o: { reason: 'The family asked for the aunt to be named in section A.' },
      });
      const entries = await audits('ehcp.personal_data_override');
      expect(entries).toHaveLength(1);
      expect(entries[0]!.target_id).toBe(draftId);
      expect(entries[0]!.summary).toMatch(
        /^Saved section A of an EHCP draft despite the personal-data check \(PERSON_NAME\)/,
      );
      expect(entries[0]!.summary).not.toMatch(/Lopez/);
    });
  });
});
