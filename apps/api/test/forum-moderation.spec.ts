import { ids } from './support/fixtures';
import { DEMO, TestApp, startTestApp } from './support/test-app';
import { installQueryCounter, queryCountFor } from './support/query-counter';

// The test app runs in this process: count its SQL statements exactly.
installQueryCounter();

const THREADS_IN = `query($c: ID) { forumThreads(categoryId: $c, first: 50) { nodes { id title pinned locked viewerState { bookmarked watching lastReadAt } } } }`;
type Cat = { id: string; name: string };

describe('forum engagement and moderation', () => {
  let t: TestApp;
  let id: Awaited<ReturnType<typeof ids>>;
  let cats: Cat[];
  let threadId: string;
  let replyId: string;
  const catId = (name: string) => cats.find((c) => c.name === name)!.id;

  beforeAll(async () => {
    t = await startTestApp();
    id = await ids(t);
    const admin = await t.signedIn(DEMO.admin);
    cats = (await admin.ok<{ forumCategories: Cat[] }>('{ forumCategories { id name } }')).forumCategories;
    const asker = await t.signedIn(DEMO.sencoHolyFamily);
    threadId = (
      await asker.ok<{ createForumThread: { id: string } }>(
        'mutation($i: CreateThreadInput!) { createForumThread(input: $i) { id } }',
        {
          i: {
            categoryId: catId('Assisi staffroom'),
            kind: 'QUESTION',
            title: 'Cover for the SENCO network meeting',
            body: 'Who can cover on the day?',
          },
        },
      )
    ).createForumThread.id;
    const head = await t.signedIn(DEMO.headHolyFamily);
    replyId = (
      await head.ok<{ replyInForum: { id: string } }>(
        'mutation($i: ReplyInput!) { replyInForum(input: $i) { id } }',
        { i: { threadId, body: 'Our deputy can.' } },
      )
    ).replyInForum.id;
  });
  afterAll(() => t.close());

  it('counts helpful reactions once per person, sorts by them, and refuses reacting to oneself', async () => {
    const asker = await t.signedIn(DEMO.sencoHolyFamily);
    const REACT =
      'mutation($r: ID!, $k: ReactionKind!, $on: Boolean!) { reactToForumReply(replyId: $r, kind: $k, on: $on) }';
    await asker.ok(REACT, { r: replyId, k: 'HELPFUL', on: true });
    await asker.ok(REACT, { r: replyId, k: 'HELPFUL', on: true });
    await asker.ok(REACT, { r: replyId, k: 'THANKS', on: true });
    const r = await asker.ok<{
      forumReply: { helpfulCount: number; reactions: { helpful: number; thanks: number; mine: string[] } };
    }>('query($id: ID!) { forumReply(id: $id) { helpfulCount reactions { helpful thanks mine } } }', {
      id: replyId,
    });
    expect(r.forumReply).toEqual({
      helpfulCount: 1,
      reactions: { helpful: 1, thanks: 1, mine: expect.arrayContaining(['HELPFUL', 'THANKS']) },
    });
    await asker.ok(REACT, { r: replyId, k: 'HELPFUL', on: false });
    const back = await asker.ok<{ forumReply: { helpfulCount: number } }>(
      'query($id: ID!) { forumReply(id: $id) { helpfulCount } }',
      { id: replyId },
    );
    expect(back.forumReply.helpfulCount).toBe(0);
    await asker.ok(REACT, { r: replyId, k: 'HELPFUL', on: true });
    const head = await t.signedIn(DEMO.headHolyFamily);
    await head.fails(REACT, { r: replyId, k: 'HELPFUL', on: true }, 'BAD_USER_INPUT');
    const outsider = await t.signedIn(DEMO.sencoHolyCross);
    await outsider.fails(REACT, { r: replyId, k: 'HELPFUL', on: true }, 'NOT_FOUND');
  });

  it('bookmarks, watches and marks read for the viewer only', async () => {
    const asker = await t.signedIn(DEMO.sencoHolyFamily);
    await asker.ok('mutation($t: ID!) { bookmarkForumThread(threadId: $t, on: true) }', { t: threadId });
    await asker.ok('mutation($t: ID!) { markForumThreadRead(threadId: $t) }', { t: threadId });
    const mine = await asker.ok<{
      forumThreads: {
        nodes: Array<{ id: string; viewerState: { bookmarked: boolean; lastReadAt: string | null } }>;
      };
    }>(THREADS_IN, { c: catId('Assisi staffroom') });
    expect(mine.forumThreads.nodes.find((n) => n.id === threadId)!.viewerState).toMatchObject({
      bookmarked: true,
      lastReadAt: expect.any(String),
    });
    const other = await t.signedIn(DEMO.headHolyFamily);
    const theirs = await other.ok<{
      forumThreads: {
        nodes: Array<{ id: string; viewerState: { bookmarked: boolean; lastReadAt: string | null } }>;
      };
    }>(THREADS_IN, { c: catId('Assisi staffroom') });
    expect(theirs.forumThreads.nodes.find((n) => n.id === threadId)!.viewerState).toMatchObject({
      bookmarked: false,
      lastReadAt: null,
    });
  });

  it('notifies watchers of a category, but not someone who has since lost access', async () => {
    const staff = await t.signedIn(DEMO.staffHolyFamily);
    await staff.ok('mutation($c: ID!) { watchForumCategory(categoryId: $c, on: true) }', {
      c: catId('Assisi staffroom'),
    });
    const leader = await t.signedIn(DEMO.leaderAssisi);
    await leader.ok('mutation($i: ReplyInput!) { replyInForum(input: $i) { id } }', {
      i: { threadId, body: 'I can cover too.' },
    });
    const staffId = id.user(DEMO.staffHolyFamily);
    expect(
      await t.sql("SELECT 1 FROM notifications WHERE recipient_id = $1 AND kind = 'FORUM_REPLY'", [staffId]),
    ).toHaveLength(1);

    // Remove their role: they no longer reach the trust, so the next reply does not tell them.
    await t.sql('DELETE FROM memberships WHERE user_id = $1', [staffId]);
    await leader.ok('mutation($i: ReplyInput!) { replyInForum(input: $i) { id } }', {
      i: { threadId, body: 'Confirmed for the day.' },
    });
    expect(
      await t.sql("SELECT 1 FROM notifications WHERE recipient_id = $1 AND kind = 'FORUM_REPLY'", [staffId]),
    ).toHaveLength(1);
  });

  it('sends reports to the trust’s SEND lead, not to the other trust’s leaders or SENCOs', async () => {
    const asker = await t.signedIn(DEMO.sencoHolyFamily);
    await asker.ok(
      'mutation($t: ID!, $r: ID) { reportForumPost(threadId: $t, replyId: $r, reason: "Names a colleague unkindly") }',
      { t: threadId, r: replyId },
    );
    const lead = await t.signedIn(DEMO.sendLead);
    const q = await lead.ok<{ forumModerationQueue: Array<{ id: string; reason: string; replyId: string }> }>(
      '{ forumModerationQueue { id reason replyId } }',
    );
    expect(q.forumModerationQueue).toEqual([
      expect.objectContaining({ reason: 'Names a colleague unkindly', replyId }),
    ]);
    expect(JSON.stringify(q)).not.toContain('reporter');
    const senco = await t.signedIn(DEMO.sencoHolyCross);
    expect(
      (await senco.ok<{ forumModerationQueue: unknown[] }>('{ forumModerationQueue { id } }'))
        .forumModerationQueue,
    ).toEqual([]);
    await senco.fails(
      'mutation($id: ID!) { resolveForumReport(reportId: $id, resolution: "x") }',
      { id: q.forumModerationQueue[0]!.id },
      'NOT_FOUND',
    );
    await lead.ok(
      'mutation($id: ID!) { resolveForumReport(reportId: $id, resolution: "Spoke to the author") }',
      { id: q.forumModerationQueue[0]!.id },
    );
    expect(
      (await lead.ok<{ forumModerationQueue: unknown[] }>('{ forumModerationQueue { id } }'))
        .forumModerationQueue,
    ).toEqual([]);
  });

  it('lets moderators hide, lock and pin, audits each, and refuses everyone else', async () => {
    const MOD =
      'mutation($a: ModerationAction!, $t: ID!, $r: ID, $c: ID) { moderateForum(action: $a, threadId: $t, replyId: $r, categoryId: $c) }';
    const senco = await t.signedIn(DEMO.sencoHolyFamily);
    await senco.fails(MOD, { a: 'LOCK', t: threadId }, 'FORBIDDEN');
    const leader = await t.signedIn(DEMO.leaderAssisi);
    await leader.fails(MOD, { a: 'PIN', t: threadId }, 'FORBIDDEN');

    const lead = await t.signedIn(DEMO.sendLead);
    await lead.ok(MOD, { a: 'HIDE', t: threadId, r: replyId });
    const seen = await senco.ok<{ forumReplies: { nodes: Array<{ id: string }> } }>(
      'query($t: ID!) { forumReplies(threadId: $t) { nodes { id } } }',
      { t: threadId },
    );
    expect(seen.forumReplies.nodes.map((n) => n.id)).not.toContain(replyId);
    await lead.ok(MOD, { a: 'LOCK', t: threadId });
    await senco.fails(
      'mutation($i: ReplyInput!) { replyInForum(input: $i) { id } }',
      { i: { threadId, body: 'One more' } },
      'CONFLICT',
    );
    await lead.ok(MOD, { a: 'PIN', t: threadId });
    // Moving into a network category needs a network moderator.
    await lead.fails(MOD, { a: 'MOVE', t: threadId, c: catId('Transition') }, 'FORBIDDEN');
    const admin = await t.signedIn(DEMO.admin);
    await admin.ok(MOD, { a: 'MOVE', t: threadId, c: catId('Transition') });
    const audit = await t.sql<{ summary: string }>(
      "SELECT summary FROM audit_entries WHERE action = 'forum.moderation' ORDER BY created_at",
    );
    expect(audit.map((a) => a.summary)).toEqual([
      'Resolved a report in Assisi staffroom: Spoke to the author',
      'Hid a reply in “Cover for the SENCO network meeting”',
      'Locked “Cover for the SENCO network meeting”',
      'Pinned “Cover for the SENCO network meeting”',
      'Moved “Cover for the SENCO network meeting” from Assisi staffroom to Transition',
    ]);
  });

  it('shows edit history to readers, hiding an anonymous editor and a deleted post’s text', async () => {
    const c = await t.signedIn(DEMO.sencoHolyCross);
    const tid = (
      await c.ok<{ createForumThread: { id: string } }>(
        'mutation($i: CreateThreadInput!) { createForumThread(input: $i) { id } }',
        {
          i: {
            categoryId: catId('Positive handling'),
            kind: 'DISCUSSION',
            title: 'Refresher length',
            body: 'Is two hours enough?',
            anonymous: true,
          },
        },
      )
    ).createForumThread.id;
    await c.ok(
      'mutation($id: ID!) { editForumThread(id: $id, title: "Refresher length", body: "Is ninety minutes enough?") { id } }',
      { id: tid },
    );
    const reader = await t.signedIn(DEMO.sencoHolyFamily);
    const REVS = 'query($t: ID!) { forumRevisions(threadId: $t) { body editor { label user { id } } } }';
    const h = await reader.ok<{
      forumRevisions: Array<{ body: string; editor: { label: string; user: unknown } }>;
    }>(REVS, { t: tid });
    expect(h.forumRevisions).toEqual([
      { body: 'Is two hours enough?', editor: { label: 'Anonymous', user: null } },
    ]);
    await c.ok('mutation($t: ID!) { deleteForumPost(threadId: $t) }', { t: tid });
    expect((await reader.ok<{ forumRevisions: unknown[] }>(REVS, { t: tid })).forumRevisions).toEqual([]);
    const admin = await t.signedIn(DEMO.admin);
    expect((await admin.ok<{ forumRevisions: unknown[] }>(REVS, { t: tid })).forumRevisions).toHaveLength(2);
  });
});

describe('forum mentions', () => {
  let t: TestApp;
  let id: Awaited<ReturnType<typeof ids>>;
  beforeAll(async () => {
    t = await startTestApp();
    id = await ids(t);
  });
  afterAll(() => t.close());

  it('suggests only people who can see the category, and notifies only them', async () => {
    const c = await t.signedIn(DEMO.sencoHolyFamily);
    const cats = (
      await c.ok<{ forumCategories: Array<{ id: string; name: string }> }>('{ forumCategories { id name } }')
    ).forumCategories;
    const staffroom = cats.find((x) => x.name === 'Assisi staffroom')!.id;
    const CANDIDATES =
      'query($c: ID!, $s: String!) { forumMentionCandidates(categoryId: $c, search: $s) { id displayName } }';
    const senco = await c.ok<{ forumMentionCandidates: Array<{ displayName: string }> }>(CANDIDATES, {
      c: staffroom,
      s: 'senco',
    });
    expect(senco.forumMentionCandidates.map((p) => p.displayName)).toEqual([
      "SENCO, St Joseph's Primary (Assisi)",
    ]);

    await c.ok('mutation($i: CreateThreadInput!) { createForumThread(input: $i) { id } }', {
      i: {
        categoryId: staffroom,
        kind: 'DISCUSSION',
        title: 'Network meeting notes',
        body: 'Notes are up, @Headteacher please check.',
        mentions: [id.user(DEMO.headHolyFamily), id.user(DEMO.sencoHolyCross)],
      },
    });
    const told = await t.sql<{ recipient_id: string }>(
      "SELECT recipient_id FROM notifications WHERE kind = 'FORUM_MENTION'",
    );
    expect(told.map((n) => n.recipient_id)).toEqual([id.user(DEMO.headHolyFamily)]);
  });
});

describe('the thread page', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const PAGE = `query($id: ID!) {
    forumThread(id: $id) { id title bodyHtml author { label user { id displayName } } viewerState { bookmarked watching lastReadAt } category { name trust { name } } }
    forumReplies(threadId: $id, first: 100) { totalCount nodes { id depth bodyHtml author { label user { id displayName } } reactions { helpful thanks mine } } } }`;

  it('answers in the same small number of SQL statements for 5 or 60 replies', async () => {
    const c = await t.signedIn(DEMO.sencoHolyFamily);
    const others = [
      await t.signedIn(DEMO.headHolyFamily),
      await t.signedIn(DEMO.sendLead),
      await t.signedIn(DEMO.leaderAssisi),
    ];
    const cats = (
      await c.ok<{ forumCategories: Array<{ id: string; name: string }> }>('{ forumCategories { id name } }')
    ).forumCategories;
    const make = async (n: number) => {
      const id = (
        await c.ok<{ createForumThread: { id: string } }>(
          'mutation($i: CreateThreadInput!) { createForumThread(input: $i) { id } }',
          {
            i: {
              categoryId: cats.find((x) => x.name === 'Assisi staffroom')!.id,
              kind: 'DISCUSSION',
              title: `Thread with ${n} replies`,
              body: 'Body',
            },
          },
        )
      ).createForumThread.id;
      let parent: string | null = null;
      for (let i = 0; i < n; i++) {
        const r: { replyInForum: { id: string } } = await others[i % 3]!.ok(
          'mutation($i: ReplyInput!) { replyInForum(input: $i) { id } }',
          {
            i: { threadId: id, parentId: i % 4 === 0 ? null : parent, body: `Reply ${i}` },
          },
        );
        parent = r.replyInForum.id;
      }
      return id;
    };
    const small = await make(5);
    const large = await make(60);
    // Counted per request (its X-Request-Id), so nothing else the process does meanwhile is counted.
    const statements = async (id: string) => {
      await c.ok(PAGE, { id }); // warm: session touch and caches
      const requestId = `count-${id}-${Date.now()}`;
      c.headers = { 'x-request-id': requestId };
      try {
        await c.ok(PAGE, { id });
      } finally {
        c.headers = {};
      }
      return queryCountFor(requestId);
    };
    const a = await statements(small);
    const b = await statements(large);
    expect(a).toBeGreaterThan(0);
    expect(b).toBe(a);
    // Session, thread with category and access, the reply tree with authors, the category's trust, the
    // thread author, the viewer's state and the reactions: one statement each, whatever the size.
    expect(a).toBeLessThanOrEqual(7);
  });
});

describe('forum categories administration', () => {
  let t: TestApp;
  let id: Awaited<ReturnType<typeof ids>>;
  beforeAll(async () => {
    t = await startTestApp();
    id = await ids(t);
  });
  afterAll(() => t.close());

  const CREATE =
    'mutation($i: CategoryInput!) { createForumCategory(input: $i) { id name description position trust { name } roles } }';
  const LIST = '{ forumCategories { id name position watching } }';

  it('lets network admins create, change and order categories, audited; refuses everyone else', async () => {
    const leader = await t.signedIn(DEMO.leaderChristus);
    await leader.fails(CREATE, { i: { name: 'Christus heads' } }, 'FORBIDDEN');
    const admin = await t.signedIn(DEMO.admin);
    const created = await admin.ok<{
      createForumCategory: { id: string; position: number; trust: { name: string } };
    }>(CREATE, {
      i: { name: 'Christus heads', description: 'For Christus staff.', trustId: id.trust('CCT') },
    });
    expect(created.createForumCategory.trust.name).toBe('Christus Catholic Trust');

    const assisiSenco = await t.signedIn(DEMO.sencoHolyFamily);
    expect(
      (await assisiSenco.ok<{ forumCategories: Array<{ name: string }> }>(LIST)).forumCategories.map(
        (c) => c.name,
      ),
    ).not.toContain('Christus heads');
    const christusSenco = await t.signedIn(DEMO.sencoHolyCross);
    expect(
      (await christusSenco.ok<{ forumCategories: Array<{ name: string }> }>(LIST)).forumCategories.map(
        (c) => c.name,
      ),
    ).toContain('Christus heads');

    await admin.ok(
      'mutation($id: ID!, $i: CategoryInput!) { updateForumCategory(id: $id, input: $i) { name } }',
      {
        id: created.createForumCategory.id,
        i: {
          name: 'Christus leaders',
          description: '',
          trustId: id.trust('CCT'),
          roles: ['HEADTEACHER', 'TRUST_LEADER'],
        },
      },
    );
    expect(
      (await christusSenco.ok<{ forumCategories: Array<{ name: string }> }>(LIST)).forumCategories.map(
        (c) => c.name,
      ),
    ).not.toContain('Christus leaders');

    const all = (await admin.ok<{ forumCategories: Array<{ id: string; name: string }> }>(LIST))
      .forumCategories;
    const reversed = all.map((c) => c.id).reverse();
    await admin.ok('mutation($ids: [ID!]!) { reorderForumCategories(ids: $ids) }', { ids: reversed });
    expect(
      (await admin.ok<{ forumCategories: Array<{ id: string }> }>(LIST)).forumCategories.map((c) => c.id),
    ).toEqual(reversed);
    await admin.fails(
      'mutation($ids: [ID!]!) { reorderForumCategories(ids: $ids) }',
      { ids: reversed.slice(1) },
      'BAD_USER_INPUT',
    );

    const audit = await t.sql<{ summary: string }>(
      "SELECT summary FROM audit_entries WHERE target_type = 'forum_category' ORDER BY created_at",
    );
    expect(audit.map((a) => a.summary)).toEqual([
      'Created the forum category Christus heads',
      'Changed the forum category Christus heads (now Christus leaders)',
      'Reordered the forum categories',
    ]);
  });

  it('says which categories the viewer watches', async () => {
    const c = await t.signedIn(DEMO.sencoHolyFamily);
    const cats = (
      await c.ok<{ forumCategories: Array<{ id: string; name: string; watching: boolean }> }>(LIST)
    ).forumCategories;
    const transition = cats.find((x) => x.name === 'Transition')!;
    expect(transition.watching).toBe(false);
    await c.ok('mutation($c: ID!) { watchForumCategory(categoryId: $c, on: true) }', { c: transition.id });
    const after = (await c.ok<{ forumCategories: Array<{ id: string; watching: boolean }> }>(LIST))
      .forumCategories;
    expect(after.find((x) => x.id === transition.id)!.watching).toBe(true);
  });
});
