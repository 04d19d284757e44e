import { Socket } from 'socket.io-client';
import { SocketEvent, StreamItem } from '@lantern/shared-domain';
import { ids } from './support/fixtures';
import { connected, next, openSocket, request } from './support/sockets';
import { DEMO, GqlClient, TestApp, startTestApp } from './support/test-app';

const CATEGORIES = '{ forumCategories { id name threadCount canModerate trust { name } roles } }';
const CREATE = `mutation($i: CreateThreadInput!) { createForumThread(input: $i) { id title bodyHtml tags author { label user { id } anonymous isViewer } } }`;
const REPLY = `mutation($i: ReplyInput!) { replyInForum(input: $i) { id depth parentId author { label user { id } } } }`;
const THREAD = `query($id: ID!) { forumThread(id: $id) { id title acceptedReplyId canAccept author { label user { id } } } }`;
const REPLIES = `query($id: ID!, $sort: ReplySort, $first: Int, $after: String) {
  forumReplies(threadId: $id, sort: $sort, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } nodes { id parentId depth body deleted continues accepted author { label user { id } } } } }`;
const SEARCH = `query($q: String!, $f: ForumSearchFilter) { searchForum(query: $q, filter: $f) { totalCount nodes { threadId replyId title snippetHtml author { label user { id } } } } }`;

type Cat = {
  id: string;
  name: string;
  threadCount: number;
  canModerate: boolean;
  trust: { name: string } | null;
  roles: string[] | null;
};

describe('the forum', () => {
  let t: TestApp;
  let id: Awaited<ReturnType<typeof ids>>;
  let cats: Cat[];
  const catId = (name: string) => cats.find((c) => c.name === name)!.id;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    id = await ids(t);
    cats = (await (await t.signedIn(DEMO.admin)).ok<{ forumCategories: Cat[] }>(CATEGORIES)).forumCategories;
  });
  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    await t.close();
  });

  describe('visibility', () => {
    it('hides a trust-only category and everything in it from the other trust', async () => {
      const christus = await t.signedIn(DEMO.sencoHolyCross);
      const visible = (await christus.ok<{ forumCategories: Cat[] }>(CATEGORIES)).forumCategories.map(
        (c) => c.name,
      );
      expect(visible).toContain('EHCP requests: Essex');
      expect(visible).not.toContain('Assisi staffroom');
      expect(visible).not.toContain('SEND leads');

      const [thread] = await t.sql<{ id: string }>(
        "SELECT t.id FROM forum_threads t JOIN forum_categories c ON c.id = t.category_id WHERE c.name = 'Assisi staffroom'",
      );
      await christus.fails(THREAD, { id: thread!.id }, 'NOT_FOUND');
      await christus.fails(REPLIES, { id: thread!.id }, 'NOT_FOUND');
      await christus.fails(
        'query($c: ID) { forumThreads(categoryId: $c) { totalCount } }',
        { c: catId('Assisi staffroom') },
        'NOT_FOUND',
      );
      const all = await christus.ok<{ forumThreads: { nodes: Array<{ title: string }> } }>(
        '{ forumThreads(first: 100) { nodes { title } } }',
      );
      expect(all.forumThreads.nodes.map((n) => n.title)).not.toContain('Sharing our provision map template');
      const search = await christus.ok<{ searchForum: { totalCount: number } }>(SEARCH, {
        q: 'provision map template',
      });
      expect(JSON.stringify(search)).not.toContain('Sharing our provision map template');

      const assisi = await t.signedIn(DEMO.sencoHolyFamily);
      const found = await assisi.ok<{ searchForum: { nodes: Array<{ title: string }> } }>(SEARCH, {
        q: 'provision map template',
      });
      expect(found.searchForum.nodes.map((n) => n.title)).toContain('Sharing our provision map template');
    });

    it('refuses replies into a category the person cannot see, and anonymous requests', async () => {
      const [thread] = await t.sql<{ id: string }>(
        "SELECT t.id FROM forum_threads t JOIN forum_categories c ON c.id = t.category_id WHERE c.name = 'Assisi staffroom'",
      );
      const christus = await t.signedIn(DEMO.sencoHolyCross);
      await christus.fails(REPLY, { i: { threadId: thread!.id, body: 'Can I see this?' } }, 'NOT_FOUND');
      await christus.fails(
        CREATE,
        { i: { categoryId: catId('Assisi staffroom'), kind: 'DISCUSSION', title: 'Hello there', body: 'x' } },
        'NOT_FOUND',
      );
      await t.client().fails(CATEGORIES, undefined, 'UNAUTHENTICATED');
      expect(await t.sql('SELECT 1 FROM forum_replies WHERE body = $1', ['Can I see this?'])).toHaveLength(0);
    });

    it('lets trust SEND leads moderate their trust’s categories only', async () => {
      const lead = (await (await t.signedIn(DEMO.sendLead)).ok<{ forumCategories: Cat[] }>(CATEGORIES))
        .forumCategories;
      expect(lead.find((c) => c.name === 'Assisi staffroom')!.canModerate).toBe(true);
      expect(lead.find((c) => c.name === 'EHCP requests: Essex')!.canModerate).toBe(false);
      expect(lead.map((c) => c.name)).toContain('SEND leads');
    });
  });

  describe('asking anonymously', () => {
    let threadId: string;
    it('hides the author in every response to non-moderators, and shows moderators', async () => {
      const asker = await t.signedIn(DEMO.sencoHolyFamily);
      const created = await asker.ok<{
        createForumThread: { id: string; author: { label: string; user: unknown; isViewer: boolean } };
      }>(CREATE, {
        i: {
          categoryId: catId('Funding and banding'),
          kind: 'QUESTION',
          title: 'Shortfall on a band 9 award',
          body: 'How did you challenge a shortfall on a band 9 award?',
          anonymous: true,
          tags: ['Funding', 'shortfall'],
        },
      });
      threadId = created.createForumThread.id;
      expect(created.createForumThread.author).toEqual({
        label: 'You (anonymously)',
        user: null,
        anonymous: true,
        isViewer: true,
      });
      const askerId = id.user(DEMO.sencoHolyFamily);

      const other = await t.signedIn(DEMO.sencoHolyCross);
      const list = await other.ok<{ forumThreads: { nodes: Array<{ id: string }> } }>(
        // (Not `email`: authors in another trust are known by name only, see forum-privacy.spec.ts.)
        '{ forumThreads(first: 50) { nodes { id author { label user { id displayName } } } } }',
      );
      const search = await other.ok<{ searchForum: { nodes: Array<{ threadId: string }> } }>(SEARCH, {
        q: 'band 9 shortfall',
      });
      const views = [
        await other.gql(THREAD, { id: threadId }),
        list.forumThreads.nodes.filter((n) => n.id === threadId),
        search.searchForum.nodes.filter((n) => n.threadId === threadId),
        await other.gql(SEARCH, { q: 'band 9 shortfall', f: { authorId: askerId } }),
      ];
      expect(views[1]).toHaveLength(1);
      expect(views[2]).toHaveLength(1);
      for (const v of views) {
        const text = JSON.stringify(v);
        expect(text).not.toContain(askerId);
        expect(text).not.toContain('SENCO, Holy Family');
        expect(text).not.toContain(DEMO.sencoHolyFamily);
      }
      expect(JSON.stringify(views[0])).toContain('"label":"Anonymous"');
      // Filtering search by the anonymous author finds nothing for non-moderators.
      expect(JSON.stringify(views[3])).toContain('"totalCount":0');

      // A reply by the other SENCO notifies the asker without naming anyone anonymous; the asker's name never reaches the replier.
      await other.ok(REPLY, {
        i: { threadId, body: 'We asked the LA for the banding breakdown in writing first.' },
      });
      const [n] = await t.sql<{ title: string }>(
        'SELECT title FROM notifications WHERE recipient_id = $1 ORDER BY created_at DESC LIMIT 1',
        [askerId],
      );
      expect(n!.title).toMatch(/^SENCO, Holy Cross Primary replied/);

      const admin = await t.signedIn(DEMO.admin);
      const mod = await admin.ok<{ forumThread: { author: { label: string; user: { id: string } } } }>(
        THREAD,
        { id: threadId },
      );
      expect(mod.forumThread.author).toEqual({
        label: 'SENCO, Holy Family Primary (asked anonymously)',
        user: { id: askerId },
      });
    });

    it('keeps an anonymous replier anonymous in the notification too', async () => {
      const replier = await t.signedIn(DEMO.headHolyFamily);
      await replier.ok(REPLY, { i: { threadId, body: 'Ask for the panel minutes.', anonymous: true } });
      const [n] = await t.sql<{ title: string }>(
        'SELECT title FROM notifications WHERE recipient_id = $1 ORDER BY created_at DESC LIMIT 1',
        [id.user(DEMO.sencoHolyFamily)],
      );
      expect(n!.title).toMatch(/^Someone \(anonymously\) replied/);
      expect(n!.title).not.toContain('Headteacher');
    });
  });

  describe('the personal-data check', () => {
    it('refuses a post that names a pupil, stores nothing, and says what it found', async () => {
      const c = await t.signedIn(DEMO.sencoHolyFamily);
      const r = await c.fails(
        CREATE,
        {
          i: {
            categoryId: catId('Transition'),
            kind: 'DISCUSSION',
            title: 'Moving up',
            body: 'Jacob Smith (Year 6) needs a visit, DOB 14/03/2014.',
          },
        },
        'PERSONAL_DATA',
      );
      expect(r.error.message).toMatch(/full name next to a year group and a date of birth/);
      expect(await t.sql("SELECT 1 FROM forum_threads WHERE title = 'Moving up'")).toHaveLength(0);
    });

    it('accepts an override with a reason and audits it', async () => {
      const c = await t.signedIn(DEMO.sencoHolyFamily);
      await c.ok(CREATE, {
        i: {
          categoryId: catId('Transition'),
          kind: 'DISCUSSION',
          title: 'Contact for transition',
          body: 'Ring the office on 01268 555 012 to book.',
          personalDataOverride: { reason: 'It is the school office number, not a pupil.' },
        },
      });
      const [a] = await t.sql<{ summary: string }>(
        "SELECT summary FROM audit_entries WHERE action = 'forum.personal_data_override'",
      );
      expect(a!.summary).toMatch(/PHONE.*school office number/);
    });
  });

  describe('threads and replies', () => {
    let threadId: string;
    beforeAll(async () => {
      const c = await t.signedIn(DEMO.sencoHolyCross);
      threadId = (
        await c.ok<{ createForumThread: { id: string } }>(CREATE, {
          i: {
            categoryId: catId('EHCP requests: Thurrock'),
            kind: 'QUESTION',
            title: 'Annual review paperwork in Thurrock',
            body: 'Which form do you use for **annual reviews**? <script>alert(1)</script>',
          },
        })
      ).createForumThread.id;
    });

    it('stores sanitised HTML', async () => {
      const [row] = await t.sql<{ body_html: string }>('SELECT body_html FROM forum_threads WHERE id = $1', [
        threadId,
      ]);
      expect(row!.body_html).toContain('<strong>annual reviews</strong>');
      expect(row!.body_html).not.toContain('<script');
    });

    it('builds a tree, paginates top-level replies with a cursor, and continues past the depth limit', async () => {
      const a = await t.signedIn(DEMO.sencoHolyFamily);
      const tops: string[] = [];
      for (let i = 1; i <= 3; i++)
        tops.push(
          (await a.ok<{ replyInForum: { id: string } }>(REPLY, { i: { threadId, body: `Top ${i}` } }))
            .replyInForum.id,
        );
      let parent = tops[0]!;
      for (let d = 1; d <= 6; d++)
        parent = (
          await a.ok<{ replyInForum: { id: string; depth: number } }>(REPLY, {
            i: { threadId, parentId: parent, body: `Depth ${d}` },
          })
        ).replyInForum.id;

      type Page = {
        forumReplies: {
          totalCount: number;
          pageInfo: { hasNextPage: boolean; endCursor: string };
          nodes: Array<{ id: string; depth: number; body: string; continues: boolean }>;
        };
      };
      const p1 = await a.ok<Page>(REPLIES, { id: threadId, first: 2 });
      expect(p1.forumReplies.totalCount).toBe(3);
      expect(p1.forumReplies.pageInfo.hasNextPage).toBe(true);
      expect(p1.forumReplies.nodes.map((n) => n.body)).toEqual([
        'Top 1',
        'Depth 1',
        'Depth 2',
        'Depth 3',
        'Depth 4',
        'Depth 5',
        'Top 2',
      ]);
      expect(p1.forumReplies.nodes.find((n) => n.body === 'Depth 5')!.continues).toBe(true);
      const p2 = await a.ok<Page>(REPLIES, {
        id: threadId,
        first: 2,
        after: p1.forumReplies.pageInfo.endCursor,
      });
      expect(p2.forumReplies.nodes.map((n) => n.body)).toEqual(['Top 3']);
      expect(p2.forumReplies.pageInfo.hasNextPage).toBe(false);
      const newest = await a.ok<Page>(REPLIES, { id: threadId, first: 1, sort: 'NEWEST' });
      expect(newest.forumReplies.nodes[0]!.body).toBe('Top 3');

      const d5 = p1.forumReplies.nodes.find((n) => n.body === 'Depth 5')!;
      const more = await a.ok<{ forumReplyThread: Array<{ body: string }> }>(
        'query($r: ID!) { forumReplyThread(replyId: $r) { body } }',
        { r: d5.id },
      );
      expect(more.forumReplyThread.map((n) => n.body)).toEqual(['Depth 5', 'Depth 6']);
    });

    it('keeps edit history, leaves a placeholder on delete, and lets only the asker or a moderator accept', async () => {
      const asker = await t.signedIn(DEMO.sencoHolyCross);
      const other = await t.signedIn(DEMO.sencoHolyFamily);
      const reply = (
        await other.ok<{ replyInForum: { id: string } }>(REPLY, {
          i: { threadId, body: 'We use the LA form AR1.' },
        })
      ).replyInForum.id;
      await other.ok(
        'mutation($id: ID!) { editForumReply(id: $id, body: "We use the LA form AR2.") { body editedAt } }',
        { id: reply },
      );
      const revs = await t.sql<{ body: string }>('SELECT body FROM forum_revisions WHERE reply_id = $1', [
        reply,
      ]);
      expect(revs.map((r) => r.body)).toEqual(['We use the LA form AR1.']);
      await asker.fails(
        'mutation($id: ID!) { editForumReply(id: $id, body: "hijack") { id } }',
        { id: reply },
        'FORBIDDEN',
      );

      await other.fails(
        'mutation($t: ID!, $r: ID) { acceptForumAnswer(threadId: $t, replyId: $r) { id } }',
        { t: threadId, r: reply },
        'FORBIDDEN',
      );
      const accepted = await asker.ok<{ acceptForumAnswer: { acceptedReplyId: string } }>(
        'mutation($t: ID!, $r: ID) { acceptForumAnswer(threadId: $t, replyId: $r) { acceptedReplyId } }',
        { t: threadId, r: reply },
      );
      expect(accepted.acceptForumAnswer.acceptedReplyId).toBe(reply);

      const child = (
        await asker.ok<{ replyInForum: { id: string } }>(REPLY, {
          i: { threadId, parentId: reply, body: 'Thanks!' },
        })
      ).replyInForum.id;
      await other.ok('mutation($t: ID!, $r: ID) { deleteForumPost(threadId: $t, replyId: $r) }', {
        t: threadId,
        r: reply,
      });
      const deleted = await asker.ok<{
        forumReply: { deleted: boolean; body: string; author: { label: string } };
      }>('query($id: ID!) { forumReply(id: $id) { deleted body author { label } } }', { id: reply });
      expect(deleted.forumReply).toEqual({ deleted: true, body: '', author: { label: 'Deleted' } });
      await asker.ok('query($id: ID!) { forumReply(id: $id) { id } }', { id: child });
    });

    it('pushes new replies live to readers of the thread, and refuses the stream to others', async () => {
      const reader = await t.signedIn(DEMO.sencoHolyFamily);
      const s = openSocket(t.url, { cookie: reader.cookie });
      sockets.push(s);
      await connected(s);
      expect(
        await request(s, SocketEvent.StreamSubscribe, { stream: `forum-thread:${threadId}` }),
      ).toMatchObject({ ok: true });
      const live = next<StreamItem<{ replyId: string }>>(s, SocketEvent.StreamItem);
      const writer = await t.signedIn(DEMO.sendLead);
      const created = await writer.ok<{ replyInForum: { id: string } }>(REPLY, {
        i: { threadId, body: 'Live reply' },
      });
      expect((await live)?.body.replyId).toBe(created.replyInForum.id);

      const [hidden] = await t.sql<{ id: string }>(
        "SELECT t.id FROM forum_threads t JOIN forum_categories c ON c.id = t.category_id WHERE c.name = 'Assisi staffroom'",
      );
      const outsider = await t.signedIn(DEMO.sencoHolyCross);
      const o = openSocket(t.url, { cookie: outsider.cookie });
      sockets.push(o);
      await connected(o);
      expect(
        await request(o, SocketEvent.StreamSubscribe, { stream: `forum-thread:${hidden!.id}` }),
      ).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    });

    it('searches with highlighted, escaped snippets and filters by tag', async () => {
      const c = await t.signedIn(DEMO.sencoHolyFamily);
      const r = await c.ok<{ searchForum: { nodes: Array<{ title: string; snippetHtml: string }> } }>(
        SEARCH,
        { q: 'annual reviews form' },
      );
      const hit = r.searchForum.nodes.find((n) => n.title === 'Annual review paperwork in Thurrock')!;
      expect(hit.snippetHtml).toContain('<mark>');
      expect(hit.snippetHtml).not.toContain('<script');
      const tagged = await c.ok<{ searchForum: { nodes: Array<{ title: string }> } }>(SEARCH, {
        q: 'evidence',
        f: { tag: 'essex' },
      });
      expect(tagged.searchForum.nodes.every((n) => n.title.includes('Essex'))).toBe(true);
      await c.fails(SEARCH, { q: 'x' }, 'BAD_USER_INPUT');
    });
  });
});

export type { GqlClient };
