import { DEMO, GqlClient, TestApp, startTestApp } from './support/test-app';

// Anonymity and hiding hold in every read path: the audit trail, revisions, replies, reactions and
// notifications, for everyone but the category's moderators.

const REPLY = 'mutation($i: ReplyInput!) { replyInForum(input: $i) { id } }';
const AUDIT = `query { auditTrail(first: 100) { nodes { action actorLabel ip targetId } } }`;
const REVISIONS = 'query($t: ID!, $r: ID) { forumRevisions(threadId: $t, replyId: $r) { body } }';
const REACT =
  'mutation($r: ID!, $k: ReactionKind!, $on: Boolean!) { reactToForumReply(replyId: $r, kind: $k, on: $on) }';
const MODERATE =
  'mutation($t: ID!, $r: ID, $a: ModerationAction!) { moderateForum(threadId: $t, replyId: $r, action: $a) }';

type Entry = { action: string; actorLabel: string; ip: string | null; targetId: string | null };

describe('forum privacy in every read path', () => {
  let t: TestApp;
  let threadId: string;
  let senco: GqlClient;
  let sencoName: string;
  const catId = async (c: GqlClient, name: string) =>
    (
      await c.ok<{ forumCategories: Array<{ id: string; name: string }> }>('{ forumCategories { id name } }')
    ).forumCategories.find((x) => x.name === name)!.id;

  beforeAll(async () => {
    t = await startTestApp();
    senco = await t.signedIn(DEMO.sencoHolyFamily);
    sencoName = (await senco.ok<{ me: { user: { displayName: string } } }>('{ me { user { displayName } } }'))
      .me.user.displayName;
    threadId = (
      await senco.ok<{ createForumThread: { id: string } }>(
        'mutation($i: CreateThreadInput!) { createForumThread(input: $i) { id } }',
        {
          i: {
            categoryId: await catId(senco, 'Assisi staffroom'),
            kind: 'DISCUSSION',
            title: 'Staffing the nurture room',
            body: 'How do you staff it over lunch?',
          },
        },
      )
    ).createForumThread.id;
  });
  afterAll(() => t.close());

  it("the audit trail does not name an anonymous post's author to a trust leader; the category's moderator sees it", async () => {
    const replyId = (
      await senco.ok<{ replyInForum: { id: string } }>(REPLY, {
        i: {
          threadId,
          anonymous: true,
          body: 'Ring our office on 01268 555 012 and ask for the rota.',
          personalDataOverride: { reason: 'It is the school office number, not a pupil.' },
        },
      })
    ).replyInForum.id;
    const leader = await t.signedIn(DEMO.leaderAssisi);
    const seenByLeader = (await leader.ok<{ auditTrail: { nodes: Entry[] } }>(AUDIT)).auditTrail.nodes.filter(
      (e) => e.targetId === replyId,
    );
    expect(seenByLeader).toHaveLength(1);
    expect(seenByLeader[0]).toMatchObject({
      action: 'forum.personal_data_override',
      actorLabel: 'Anonymous',
      ip: null,
    });
    expect(JSON.stringify(seenByLeader)).not.toContain(sencoName);

    const moderator = await t.signedIn(DEMO.sendLead);
    const seenByModerator = (
      await moderator.ok<{ auditTrail: { nodes: Entry[] } }>(AUDIT)
    ).auditTrail.nodes.find((e) => e.targetId === replyId);
    expect(seenByModerator?.actorLabel).toBe(sencoName);
  });

  it('shows only the name of an author in another trust: email and roles are refused, as `people` is', async () => {
    const other = await t.signedIn(DEMO.sencoHolyCross); // Christus trust
    const id = (
      await other.ok<{ createForumThread: { id: string } }>(
        'mutation($i: CreateThreadInput!) { createForumThread(input: $i) { id } }',
        {
          i: {
            categoryId: await catId(other, 'Transition'), // network-wide
            kind: 'DISCUSSION',
            title: 'Transition visits in June',
            body: 'When do your Year 6 visits happen?',
          },
        },
      )
    ).createForumThread.id;
    // A SENCO in the Assisi trust may not list people at all ...
    await senco.fails('{ people { nodes { email } } }', undefined, 'FORBIDDEN');
    // ... so the author's email and roles are not readable through the forum either.
    const refused = await senco.gql<{ forumThread: unknown }>(
      'query($id: ID!) { forumThread(id: $id) { author { label user { displayName email } } } }',
      { id },
    );
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(JSON.stringify(refused.data)).not.toContain(DEMO.sencoHolyCross);
    const roles = await senco.gql(
      'query($id: ID!) { forumThread(id: $id) { author { user { memberships { role } } } } }',
      { id },
    );
    expect(roles.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    // The name is still there, as the client asks for it.
    const named = await senco.ok<{
      forumThread: { author: { label: string; user: { displayName: string } } };
    }>('query($id: ID!) { forumThread(id: $id) { author { label user { id displayName } } } }', { id });
    expect(named.forumThread.author.user.displayName).toBe(named.forumThread.author.label);
    // The shared SEND lead (both trusts) and a network admin may see the details.
    for (const who of [DEMO.sendLead, DEMO.admin]) {
      const c = await t.signedIn(who);
      const r = await c.ok<{ forumThread: { author: { user: { email: string } } } }>(
        'query($id: ID!) { forumThread(id: $id) { author { user { email memberships { role } } } } }',
        { id },
      );
      expect(r.forumThread.author.user.email).toBe(DEMO.sencoHolyCross);
    }
    // A colleague in one's own trust is not hidden.
    const head = await t.signedIn(DEMO.headHolyFamily);
    const mine = await head.ok<{ forumThread: { author: { user: { email: string } } } }>(
      'query($id: ID!) { forumThread(id: $id) { author { user { email } } } }',
      { id: threadId },
    );
    expect(mine.forumThread.author.user.email).toBe(DEMO.sencoHolyFamily);
  });

  it('shows only the name of a library owner in another trust', async () => {
    const other = await t.signedIn(DEMO.sencoHolyCross);
    const owned = await other.ok<{
      libraryResources: { nodes: Array<{ id: string; owner: { id: string } | null; shareScope: string }> };
    }>('{ libraryResources(filter: { mine: true }, first: 50) { nodes { id shareScope owner { id } } } }');
    const shared = owned.libraryResources.nodes.find((n) => n.shareScope === 'NETWORK');
    expect(shared).toBeDefined(); // the demo library shares one of theirs with the whole network
    const r = await senco.gql(
      'query($id: ID!) { libraryResource(id: $id) { owner { displayName email } } }',
      {
        id: shared!.id,
      },
    );
    expect(r.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(JSON.stringify(r.data)).not.toContain(DEMO.sencoHolyCross);
  });

  describe('a hidden reply', () => {
    let replyId: string;
    let head: GqlClient;
    let moderator: GqlClient;
    beforeAll(async () => {
      head = await t.signedIn(DEMO.headHolyFamily);
      moderator = await t.signedIn(DEMO.sendLead);
      replyId = (
        await head.ok<{ replyInForum: { id: string } }>(REPLY, {
          i: { threadId, body: 'First draft: the rota is pinned in the staff kitchen.' },
        })
      ).replyInForum.id;
      await head.ok('mutation($id: ID!, $b: String!) { editForumReply(id: $id, body: $b) { id } }', {
        id: replyId,
        b: 'Something a moderator will hide.',
      });
      await moderator.ok(MODERATE, { t: threadId, r: replyId, a: 'HIDE' });
    });

    it('keeps its earlier text from non-moderators (NOT_FOUND); the moderator still reads it', async () => {
      const reader = await t.signedIn(DEMO.sencoHolyFamily);
      await reader.fails(REVISIONS, { t: threadId, r: replyId }, 'NOT_FOUND');
      const revs = await moderator.ok<{ forumRevisions: Array<{ body: string }> }>(REVISIONS, {
        t: threadId,
        r: replyId,
      });
      expect(revs.forumRevisions.map((r) => r.body)).toContain(
        'First draft: the rota is pinned in the staff kitchen.',
      );
    });

    it('cannot be answered or reacted to by non-moderators, as if it did not exist', async () => {
      const reader = await t.signedIn(DEMO.sencoHolyFamily);
      await reader.fails(REPLY, { i: { threadId, parentId: replyId, body: 'Agreed!' } }, 'NOT_FOUND');
      await reader.fails(REACT, { r: replyId, k: 'HELPFUL', on: true }, 'NOT_FOUND');
      expect(await t.sql('SELECT 1 FROM forum_reactions WHERE reply_id = $1', [replyId])).toHaveLength(0);
      expect(await t.sql('SELECT 1 FROM forum_replies WHERE parent_id = $1', [replyId])).toHaveLength(0);
      // The moderator can still answer it.
      await moderator.ok(REPLY, { i: { threadId, parentId: replyId, body: 'Noted, thank you.' } });
    });

    it('takes its text out of the notifications that quoted it', async () => {
      // The thread's author was told about the reply, with its text, before it was hidden.
      const quoting = async () =>
        (
          await senco.ok<{ notifications: { nodes: Array<{ body: string | null; link: string | null }> } }>(
            '{ notifications(first: 50) { nodes { body link } } }',
          )
        ).notifications.nodes.filter((n) => n.link?.includes(replyId));
      const told = await quoting();
      expect(told.length).toBeGreaterThan(0);
      expect(JSON.stringify(told)).not.toMatch(/rota is pinned|moderator will hide/);
      const stored = await t.sql<{ body: unknown }>(
        `SELECT body FROM stream_items WHERE stream_key LIKE 'notifications:%' AND body->>'link' LIKE $1`,
        [`%${replyId}%`],
      );
      expect(stored.length).toBeGreaterThan(0);
      expect(JSON.stringify(stored)).not.toMatch(/rota is pinned/);
    });
  });
});
