import { DEMO, GqlClient, TestApp, startTestApp } from './support/test-app';

const CATEGORIES = '{ forumCategories { id name } }';
const CREATE = `mutation($i: CreateThreadInput!) { createForumThread(input: $i) { id } }`;
const REPLY = `mutation($i: ReplyInput!) { replyInForum(input: $i) { id } }`;
const ACCEPT = 'mutation($t: ID!, $r: ID) { acceptForumAnswer(threadId: $t, replyId: $r) { id } }';
const BOOKMARK = 'mutation($t: ID!, $on: Boolean!) { bookmarkForumThread(threadId: $t, on: $on) }';
const BOOKMARK_RESOURCE =
  'mutation($id: ID!) { bookmarkResource(resourceId: $id, bookmarked: true) { bookmarkedByViewer } }';
const BOOKMARKS = `query($first: Int, $after: String) { myBookmarks(first: $first, after: $after) {
  totalCount pageInfo { hasNextPage endCursor } nodes { id kind title context link } } }`;
const SEARCH = `query($q: String!) { searchForum(query: $q) { nodes { threadId replyId title snippetHtml } } }`;

type Bookmarks = {
  myBookmarks: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    nodes: Array<{ id: string; kind: string; title: string; context: string; link: string }>;
  };
};
type Hits = {
  searchForum: { nodes: Array<{ threadId: string; replyId: string | null; snippetHtml: string }> };
};

/** Listing one's bookmarks, "your answer was accepted", and search over tags and category names. */
describe('forum: bookmarks page, accepted answers, search by tag and category', () => {
  let t: TestApp;
  let cats: Array<{ id: string; name: string }>;
  const catId = (name: string) => cats.find((c) => c.name === name)!.id;
  const userId = async (email: string) =>
    (await t.sql<{ id: string }>('SELECT id FROM users WHERE email = $1', [email]))[0]!.id;
  const thread = async (c: GqlClient, i: Record<string, unknown>) =>
    (await c.ok<{ createForumThread: { id: string } }>(CREATE, { i })).createForumThread.id;

  beforeAll(async () => {
    t = await startTestApp();
    cats = (await (await t.signedIn(DEMO.admin)).ok<{ forumCategories: typeof cats }>(CATEGORIES))
      .forumCategories;
  });
  afterAll(() => t.close());

  it('lists only the viewer’s own bookmarks, newest first, page by page, without what they can no longer see', async () => {
    const cross = await t.signedIn(DEMO.sencoHolyCross);
    const family = await t.signedIn(DEMO.sencoHolyFamily);
    // Start from none (the demo data bookmarks a few things).
    const crossId = await userId(DEMO.sencoHolyCross);
    await t.sql('DELETE FROM forum_bookmarks WHERE user_id = $1', [crossId]);
    await t.sql('DELETE FROM library_bookmarks WHERE user_id = $1', [crossId]);
    const empty = (await cross.ok<Bookmarks>(BOOKMARKS, { first: 2 })).myBookmarks;
    expect(empty).toEqual({ totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, nodes: [] });
    const first = await thread(family, {
      categoryId: catId('Transition'),
      kind: 'DISCUSSION',
      title: 'Bookmarks: transition passports',
      body: 'What goes in yours?',
    });
    const second = await thread(family, {
      categoryId: catId('Transition'),
      kind: 'DISCUSSION',
      title: 'Bookmarks: moving-up days',
      body: 'How many do you run?',
    });
    const [resource] = await t.sql<{ id: string }>(
      "SELECT id FROM library_resources WHERE title = 'Writing SMART outcomes'",
    );
    await cross.ok(BOOKMARK, { t: first, on: true });
    await cross.ok(BOOKMARK_RESOURCE, { id: resource!.id });
    await cross.ok(BOOKMARK, { t: second, on: true });
    // Someone else's bookmark never shows on this list.
    const third = await thread(family, {
      categoryId: catId('Transition'),
      kind: 'DISCUSSION',
      title: 'Bookmarks: only mine',
      body: 'Nobody else bookmarks this.',
    });
    await family.ok(BOOKMARK, { t: third, on: true });

    const page1 = (await cross.ok<Bookmarks>(BOOKMARKS, { first: 2 })).myBookmarks;
    expect(page1.totalCount).toBe(3);
    expect(page1.nodes.map((n) => n.title)).toEqual(['Bookmarks: moving-up days', 'Writing SMART outcomes']);
    expect(page1.nodes[0]).toMatchObject({
      kind: 'FORUM_THREAD',
      context: 'Transition',
      link: `/forum/threads/${second}`,
    });
    expect(page1.nodes[1]).toMatchObject({
      kind: 'LIBRARY_RESOURCE',
      link: `/library/resources/${resource!.id}`,
    });
    expect(page1.nodes[1]!.context).toMatch(/^Library: /);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const page2 = (await cross.ok<Bookmarks>(BOOKMARKS, { first: 2, after: page1.pageInfo.endCursor }))
      .myBookmarks;
    expect(page2.nodes.map((n) => n.title)).toEqual(['Bookmarks: transition passports']);
    expect(page2.pageInfo.hasNextPage).toBe(false);
    expect(JSON.stringify(page1) + JSON.stringify(page2)).not.toContain('only mine');

    // The thread moves to another trust's staffroom: Holy Cross's SENCO no longer sees it, nor its bookmark.
    await t.sql('UPDATE forum_threads SET category_id = $1 WHERE id = $2', [
      catId('Assisi staffroom'),
      second,
    ]);
    const after = (await cross.ok<Bookmarks>(BOOKMARKS, { first: 10 })).myBookmarks;
    expect(after.nodes.map((n) => n.id)).toEqual([resource!.id, first]);
    expect(after.totalCount).toBe(2);
    // The resource is now shared with another trust only: gone from the list too.
    const [assisi] = await t.sql<{ id: string }>("SELECT id FROM trusts WHERE short_name = 'ACT'");
    await t.sql(
      "UPDATE library_resources SET share_scope = 'TRUST', trust_id = $1, school_id = NULL WHERE id = $2",
      [assisi!.id, resource!.id],
    );
    const later = (await cross.ok<Bookmarks>(BOOKMARKS, { first: 10 })).myBookmarks;
    expect(later.nodes.map((n) => n.id)).toEqual([first]);
  });

  it('tells the author when their reply is accepted, keeping an anonymous asker unnamed, never telling yourself', async () => {
    const asker = await t.signedIn(DEMO.sencoHolyFamily);
    const answerer = await t.signedIn(DEMO.sencoHolyCross);
    const answererId = await userId(DEMO.sencoHolyCross);
    const askerId = await userId(DEMO.sencoHolyFamily);
    const [{ display_name: askerName }] = await t.sql<{ display_name: string }>(
      'SELECT display_name FROM users WHERE id = $1',
      [askerId],
    );
    const threadId = await thread(asker, {
      categoryId: catId('Funding and banding'),
      kind: 'QUESTION',
      title: 'Accepted: how long does top-up funding take?',
      body: 'Ours has been twelve weeks.',
      anonymous: true,
    });
    const answer = (
      await answerer.ok<{ replyInForum: { id: string } }>(REPLY, {
        i: { threadId, body: 'About six weeks after the panel.' },
      })
    ).replyInForum.id;
    const own = (
      await asker.ok<{ replyInForum: { id: string } }>(REPLY, {
        i: { threadId, body: 'Update: it came through.' },
      })
    ).replyInForum.id;
    const accepted = () =>
      t.sql<{ recipient_id: string; title: string; link: string }>(
        "SELECT recipient_id, title, link FROM notifications WHERE kind = 'FORUM_ANSWER_ACCEPTED' AND link LIKE $1",
        [`/forum/threads/${threadId}%`],
      );

    await asker.ok(ACCEPT, { t: threadId, r: answer });
    const told = await accepted();
    expect(told).toHaveLength(1);
    expect(told[0]).toMatchObject({
      recipient_id: answererId,
      link: `/forum/threads/${threadId}?reply=${answer}`,
      title:
        'The person who asked (anonymously) accepted your reply as the answer to “Accepted: how long does top-up funding take?”',
    });
    expect(told[0]!.title).not.toContain(askerName);

    // Accepting your own reply tells nobody.
    await asker.ok(ACCEPT, { t: threadId, r: own });
    expect(await accepted()).toHaveLength(1);

    // Preferences count: with this kind turned off, nothing is stored.
    await answerer.ok(
      'mutation { setNotificationPreference(kind: FORUM_ANSWER_ACCEPTED, delivery: OFF) { delivery } }',
    );
    await asker.ok(ACCEPT, { t: threadId, r: answer });
    expect(await accepted()).toHaveLength(1);
    const labels = await answerer.ok<{ notificationPreferences: Array<{ kind: string; label: string }> }>(
      '{ notificationPreferences { kind label } }',
    );
    expect(labels.notificationPreferences.find((p) => p.kind === 'FORUM_ANSWER_ACCEPTED')?.label).toBe(
      'Your forum reply was accepted as the answer',
    );
  });

  it('finds threads by tag and by category name, with plain-text snippets', async () => {
    const c = await t.signedIn(DEMO.sencoHolyFamily);
    const tagged = await thread(c, {
      categoryId: catId('Funding and banding'),
      kind: 'DISCUSSION',
      title: 'Panel dates for the spring term',
      body: 'Does anyone have the dates yet?',
      tags: ['EHCP'],
    });
    const inCategory = await thread(c, {
      categoryId: catId('EHCP requests: Southend'),
      kind: 'DISCUSSION',
      title: 'Quokka paperwork question',
      body: 'We **always** send the `quokka` form _before_ the [meeting](https://example.org/x).',
    });
    const ehcp = (await c.ok<Hits>(SEARCH, { q: 'EHCP' })).searchForum.nodes.map((n) => n.threadId);
    expect(ehcp).toEqual(expect.arrayContaining([tagged, inCategory]));
    const southend = (await c.ok<Hits>(SEARCH, { q: 'Southend quokka' })).searchForum.nodes;
    expect(southend.map((n) => n.threadId)).toContain(inCategory);

    const hit = (await c.ok<Hits>(SEARCH, { q: 'quokka form' })).searchForum.nodes.find(
      (n) => n.threadId === inCategory,
    )!;
    expect(hit.snippetHtml).toContain('<mark>');
    expect(hit.snippetHtml).not.toMatch(/\*\*|`|\]\(|_before_/);
    expect(hit.snippetHtml).toContain('before the meeting');

    // Renaming a category re-indexes its threads.
    await t.sql("UPDATE forum_categories SET name = 'Wombat requests' WHERE id = $1", [
      catId('EHCP requests: Southend'),
    ]);
    const renamed = (await c.ok<Hits>(SEARCH, { q: 'wombat' })).searchForum.nodes.map((n) => n.threadId);
    expect(renamed).toContain(inCategory);
    await t.sql("UPDATE forum_categories SET name = 'EHCP requests: Southend' WHERE id = $1", [
      catId('EHCP requests: Southend'),
    ]);
  });

  it('finds people to mention by the words of their name, in any order', async () => {
    const c = await t.signedIn(DEMO.sencoHolyFamily);
    const [{ display_name: name }] = await t.sql<{ display_name: string }>(
      'SELECT display_name FROM users WHERE email = $1',
      [DEMO.sencoHolyCross],
    );
    const find = async (search: string) =>
      (
        await c.ok<{ forumMentionCandidates: Array<{ displayName: string }> }>(
          'query($c: ID!, $s: String!) { forumMentionCandidates(categoryId: $c, search: $s) { displayName } }',
          { c: catId('Transition'), s: search },
        )
      ).forumMentionCandidates.map((p) => p.displayName);
    expect(name).toMatch(/Holy Cross/);
    expect(await find('Holy Cross')).toContain(name);
    expect(await find('cross sen')).toContain(name);
    expect(await find('Holy Crossing')).not.toContain(name);
  });

  it('shows the people mentioned in a post as mentions, and keeps them after an edit', async () => {
    const c = await t.signedIn(DEMO.sencoHolyFamily);
    const crossId = await userId(DEMO.sencoHolyCross);
    const [{ display_name: name }] = await t.sql<{ display_name: string }>(
      'SELECT display_name FROM users WHERE id = $1',
      [crossId],
    );
    const id = await thread(c, {
      categoryId: catId('Transition'),
      kind: 'DISCUSSION',
      title: 'Mentions: who runs the summer school?',
      body: `Asking @${name} about it.`,
      mentions: [crossId],
    });
    const html = async () =>
      (
        await c.ok<{ forumThread: { bodyHtml: string } }>(
          'query($id: ID!) { forumThread(id: $id) { bodyHtml } }',
          { id },
        )
      ).forumThread.bodyHtml;
    expect(await html()).toContain(`<span class="mention">@${name}</span>`);
    await c.ok(
      'mutation($id: ID!, $t: String!, $b: String!) { editForumThread(id: $id, title: $t, body: $b) { id } }',
      {
        id,
        t: 'Mentions: who runs the summer school?',
        b: `Asking @${name} about it, thank you.`,
      },
    );
    expect(await html()).toContain(`<span class="mention">@${name}</span>`);
  });
});
