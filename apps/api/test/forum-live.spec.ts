import { Socket } from 'socket.io-client';
import { SocketEvent, StreamItem } from '@lantern/shared-domain';
import { connected, next, openSocket, request } from './support/sockets';
import { DEMO, GqlClient, TestApp, startTestApp } from './support/test-app';

const CATEGORIES = '{ forumCategories { id name } }';
const CREATE = `mutation($i: CreateThreadInput!) { createForumThread(input: $i) { id } }`;
const REPLY = `mutation($i: ReplyInput!) { replyInForum(input: $i) { id } }`;
const REPLY_Q = `query($id: ID!) { forumReply(id: $id) { id body author { label user { id } } } }`;
const MODERATE = `mutation($a: ModerationAction!, $t: ID!, $r: ID) { moderateForum(action: $a, threadId: $t, replyId: $r) }`;

type Body = { type?: string; replyId?: string; parentId?: string | null; what?: string };

/** Live changes in an open thread, category watching, and where a reply sits in the tree. */
describe('forum: live changes, category watching, reply position', () => {
  let t: TestApp;
  let cats: Array<{ id: string; name: string }>;
  const catId = (name: string) => cats.find((c) => c.name === name)!.id;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    cats = (await (await t.signedIn(DEMO.admin)).ok<{ forumCategories: typeof cats }>(CATEGORIES))
      .forumCategories;
  });
  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    await t.close();
  });

  async function subscribe(client: GqlClient, threadId: string, after?: number) {
    const s = openSocket(t.url, { cookie: client.cookie });
    sockets.push(s);
    await connected(s);
    const ack = await request<{ items: StreamItem<Body>[]; lastSeq: number }>(
      s,
      SocketEvent.StreamSubscribe,
      {
        stream: `forum-thread:${threadId}`,
        ...(after !== undefined ? { after } : {}),
      },
    );
    return { s, ack };
  }

  /** The next stream item on the socket, after `act` runs. */
  async function pushed(s: Socket, act: () => Promise<unknown>): Promise<StreamItem<Body> | null> {
    const item = next<StreamItem<Body>>(s, SocketEvent.StreamItem, 3_000);
    await act();
    return item;
  }

  async function userId(email: string): Promise<string> {
    const [row] = await t.sql<{ id: string }>('SELECT id FROM users WHERE email = $1', [email]);
    return row!.id;
  }

  describe('an open thread', () => {
    let asker: GqlClient;
    let answerer: GqlClient;
    let reader: GqlClient;
    let admin: GqlClient;
    let threadId: string;
    let answerId: string;
    let answererId: string;

    beforeAll(async () => {
      asker = await t.signedIn(DEMO.sencoHolyFamily);
      answerer = await t.signedIn(DEMO.sencoHolyCross);
      reader = await t.signedIn(DEMO.staffHolyFamily);
      admin = await t.signedIn(DEMO.admin);
      answererId = await userId(DEMO.sencoHolyCross);
      threadId = (
        await asker.ok<{ createForumThread: { id: string } }>(CREATE, {
          i: {
            categoryId: catId('Transition'),
            kind: 'QUESTION',
            title: 'Live changes: which transition documents do you send?',
            body: 'We send a one-page profile.',
          },
        })
      ).createForumThread.id;
      answerId = (
        await answerer.ok<{ replyInForum: { id: string } }>(REPLY, {
          i: { threadId, body: 'A passport and the latest plan.', anonymous: true },
        })
      ).replyInForum.id;
    });

    it('pushes an edit of an anonymous reply with ids only, never the author', async () => {
      const { s } = await subscribe(reader, threadId);
      const item = await pushed(s, () =>
        answerer.ok('mutation($id: ID!, $b: String!) { editForumReply(id: $id, body: $b) { id } }', {
          id: answerId,
          b: 'A passport, the latest plan and the last review.',
        }),
      );
      expect(item?.body).toEqual({ type: 'reply-changed', replyId: answerId, what: 'edited' });
      expect(item?.authorId).toBeNull();
      const raw = JSON.stringify(item);
      expect(raw).not.toContain(answererId);
      expect(raw).not.toContain('Holy Cross');
      expect(raw).not.toContain('passport');
      // What the reader then fetches is still anonymous for them.
      const fetched = await reader.ok<{
        forumReply: { body: string; author: { label: string; user: null } };
      }>(REPLY_Q, { id: answerId });
      expect(fetched.forumReply.body).toContain('last review');
      expect(fetched.forumReply.author).toEqual({ label: 'Anonymous', user: null });
    });

    it('pushes an accepted answer, and its removal', async () => {
      const { s } = await subscribe(reader, threadId);
      const accepted = await pushed(s, () =>
        asker.ok('mutation($t: ID!, $r: ID) { acceptForumAnswer(threadId: $t, replyId: $r) { id } }', {
          t: threadId,
          r: answerId,
        }),
      );
      expect(accepted?.body).toEqual({ type: 'thread-changed', what: 'accepted' });
      const cleared = await pushed(s, () =>
        asker.ok('mutation($t: ID!, $r: ID) { acceptForumAnswer(threadId: $t, replyId: $r) { id } }', {
          t: threadId,
          r: null,
        }),
      );
      expect(cleared?.body).toEqual({ type: 'thread-changed', what: 'accepted' });
    });

    it('pushes a deleted reply (the reader then sees the placeholder) and an edited opening post', async () => {
      const extra = (
        await answerer.ok<{ replyInForum: { id: string } }>(REPLY, { i: { threadId, body: 'Also a photo.' } })
      ).replyInForum.id;
      const { s } = await subscribe(reader, threadId);
      const deleted = await pushed(s, () =>
        answerer.ok('mutation($t: ID!, $r: ID) { deleteForumPost(threadId: $t, replyId: $r) }', {
          t: threadId,
          r: extra,
        }),
      );
      expect(deleted?.body).toEqual({ type: 'reply-changed', replyId: extra, what: 'deleted' });
      const after = await reader.ok<{ forumReply: { body: string; author: { label: string } } }>(REPLY_Q, {
        id: extra,
      });
      expect(after.forumReply).toMatchObject({ body: '', author: { label: 'Deleted' } });

      const edited = await pushed(s, () =>
        asker.ok(
          'mutation($id: ID!, $ti: String!, $b: String!) { editForumThread(id: $id, title: $ti, body: $b) { id } }',
          {
            id: threadId,
            ti: 'Live changes: which transition documents do you send?',
            b: 'A profile and a map.',
          },
        ),
      );
      expect(edited?.body).toEqual({ type: 'thread-changed', what: 'edited' });
    });

    it('pushes a hidden reply; readers can no longer fetch it, moderators still can', async () => {
      const { s } = await subscribe(reader, threadId);
      const hidden = await pushed(s, () => admin.ok(MODERATE, { a: 'HIDE', t: threadId, r: answerId }));
      expect(hidden?.body).toEqual({ type: 'reply-changed', replyId: answerId, what: 'hidden' });
      await reader.fails(REPLY_Q, { id: answerId }, 'NOT_FOUND');
      const seen = await admin.ok<{ forumReply: { author: { user: { id: string } | null } } }>(REPLY_Q, {
        id: answerId,
      });
      expect(seen.forumReply.author.user?.id).toBe(answererId);
      const shown = await pushed(s, () => admin.ok(MODERATE, { a: 'UNHIDE', t: threadId, r: answerId }));
      expect(shown?.body).toEqual({ type: 'reply-changed', replyId: answerId, what: 'shown' });
    });

    it('pushes a lock, and a hidden thread closes the stream to non-moderators at once', async () => {
      const { s } = await subscribe(reader, threadId);
      const locked = await pushed(s, () => admin.ok(MODERATE, { a: 'LOCK', t: threadId }));
      expect(locked?.body).toEqual({ type: 'thread-changed', what: 'locked' });

      const told = next<{ code: string }>(s, SocketEvent.Problem, 3_000);
      try {
        const hidden = await pushed(s, () => admin.ok(MODERATE, { a: 'HIDE', t: threadId }));
        expect(hidden?.body).toEqual({ type: 'thread-changed', what: 'hidden' });
        await reader.fails('query($id: ID!) { forumThread(id: $id) { id } }', { id: threadId }, 'NOT_FOUND');
        // The stream's readers are rechecked at the next tick: the reader is told and taken out of it.
        expect(await told).toMatchObject({ code: 'FORBIDDEN' });
        const quiet = next<StreamItem<Body>>(s, SocketEvent.StreamItem, 1_000);
        await admin.ok(MODERATE, { a: 'UNLOCK', t: threadId });
        expect(await quiet).toBeNull();
        const again = await subscribe(reader, threadId);
        expect(again.ack).toMatchObject({ ok: false, code: 'FORBIDDEN' });
      } finally {
        await admin.ok(MODERATE, { a: 'UNHIDE', t: threadId });
      }
    });

    it('gives a reader who reconnects every change since, still without identities', async () => {
      const { ack } = await subscribe(reader, threadId, 0);
      expect(ack.ok).toBe(true);
      if (!ack.ok) return;
      const kinds = ack.items.map((i) => i.body.type ?? 'reply');
      expect(kinds).toEqual(expect.arrayContaining(['reply', 'reply-changed', 'thread-changed']));
      expect(ack.items.every((i) => i.authorId === null)).toBe(true);
      expect(JSON.stringify(ack.items)).not.toContain(answererId);
    });
  });

  describe('watching a category', () => {
    it('tells watchers about a new thread, anonymously when asked so, but not the writer', async () => {
      const watcher = await t.signedIn(DEMO.sencoHolyCross);
      const writer = await t.signedIn(DEMO.sencoHolyFamily);
      const watcherId = await userId(DEMO.sencoHolyCross);
      const writerId = await userId(DEMO.sencoHolyFamily);
      await watcher.ok('mutation($c: ID!) { watchForumCategory(categoryId: $c, on: true) }', {
        c: catId('Positive handling'),
      });
      await writer.ok('mutation($c: ID!) { watchForumCategory(categoryId: $c, on: true) }', {
        c: catId('Positive handling'),
      });
      const id = (
        await writer.ok<{ createForumThread: { id: string } }>(CREATE, {
          i: {
            categoryId: catId('Positive handling'),
            kind: 'DISCUSSION',
            title: 'Refresher training providers',
            body: 'Who do you use for refreshers?',
            anonymous: true,
          },
        })
      ).createForumThread.id;
      const told = await t.sql<{ recipient_id: string; title: string; link: string }>(
        "SELECT recipient_id, title, link FROM notifications WHERE kind = 'FORUM_NEW_THREAD' AND link = $1",
        [`/forum/threads/${id}`],
      );
      expect(told.map((n) => n.recipient_id)).toEqual([watcherId]);
      expect(told[0]!.title).toBe(
        'Someone (anonymously) started “Refresher training providers” in Positive handling',
      );
      expect(told.some((n) => n.recipient_id === writerId)).toBe(false);
    });

    it('refuses to let someone watch a category of another trust, and never tells them of its threads', async () => {
      const outsider = await t.signedIn(DEMO.sencoHolyCross);
      await outsider.fails(
        'mutation($c: ID!) { watchForumCategory(categoryId: $c, on: true) }',
        { c: catId('Assisi staffroom') },
        'NOT_FOUND',
      );
      // Even with a watch left over (e.g. from before a move between trusts), no notification goes out.
      const outsiderId = await userId(DEMO.sencoHolyCross);
      await t.sql('INSERT INTO forum_watches (user_id, category_id) VALUES ($1, $2)', [
        outsiderId,
        catId('Assisi staffroom'),
      ]);
      const writer = await t.signedIn(DEMO.sencoHolyFamily);
      const id = (
        await writer.ok<{ createForumThread: { id: string } }>(CREATE, {
          i: {
            categoryId: catId('Assisi staffroom'),
            kind: 'DISCUSSION',
            title: 'Staffroom: training day plans',
            body: 'What is everyone doing?',
          },
        })
      ).createForumThread.id;
      const told = await t.sql('SELECT 1 FROM notifications WHERE recipient_id = $1 AND link = $2', [
        outsiderId,
        `/forum/threads/${id}`,
      ]);
      expect(told).toHaveLength(0);
    });
  });

  describe('where a reply sits', () => {
    it('gives a reply’s ancestors from the top-level reply down, and links reply notifications to the reply', async () => {
      const a = await t.signedIn(DEMO.sencoHolyFamily);
      const b = await t.signedIn(DEMO.sencoHolyCross);
      const threadId = (
        await a.ok<{ createForumThread: { id: string } }>(CREATE, {
          i: { categoryId: catId('Transition'), kind: 'DISCUSSION', title: 'Nesting', body: 'Start' },
        })
      ).createForumThread.id;
      const top = (await b.ok<{ replyInForum: { id: string } }>(REPLY, { i: { threadId, body: 'one' } }))
        .replyInForum.id;
      const mid = (
        await a.ok<{ replyInForum: { id: string } }>(REPLY, { i: { threadId, parentId: top, body: 'two' } })
      ).replyInForum.id;
      const leaf = (
        await b.ok<{ replyInForum: { id: string } }>(REPLY, { i: { threadId, parentId: mid, body: 'three' } })
      ).replyInForum.id;
      const q = 'query($id: ID!) { forumReply(id: $id) { ancestorIds } }';
      expect(
        (await a.ok<{ forumReply: { ancestorIds: string[] } }>(q, { id: leaf })).forumReply.ancestorIds,
      ).toEqual([top, mid]);
      expect(
        (await a.ok<{ forumReply: { ancestorIds: string[] } }>(q, { id: top })).forumReply.ancestorIds,
      ).toEqual([]);
      const [n] = await t.sql<{ link: string }>(
        "SELECT link FROM notifications WHERE kind = 'FORUM_REPLY' AND recipient_id = $1 ORDER BY created_at DESC LIMIT 1",
        [await userId(DEMO.sencoHolyFamily)],
      );
      expect(n!.link).toBe(`/forum/threads/${threadId}?reply=${leaf}`);
    });
  });

  describe('searching for a very common word', () => {
    const SEARCH = `query($q: String!, $o: Int) { searchForum(query: $q, first: 20, offset: $o) {
      totalCount totalIsLowerBound sortedByDate hasNextPage nodes { threadId replyId createdAt category { name } } } }`;
    type Results = {
      searchForum: {
        totalCount: number;
        totalIsLowerBound: boolean;
        sortedByDate: boolean;
        hasNextPage: boolean;
        nodes: Array<{
          threadId: string;
          replyId: string | null;
          createdAt: string;
          category: { name: string };
        }>;
      };
    };

    beforeAll(async () => {
      const writer = await userId(DEMO.sencoHolyFamily);
      const [open] = await t.sql<{ id: string }>(
        'INSERT INTO forum_threads (category_id, author_id, kind, title, body, body_html) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id',
        [
          catId('Funding and banding'),
          writer,
          'DISCUSSION',
          'Kaleidoscope funding',
          'kaleidoscope',
          '<p>kaleidoscope</p>',
        ],
      );
      const [closed] = await t.sql<{ id: string }>(
        'INSERT INTO forum_threads (category_id, author_id, kind, title, body, body_html) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id',
        [
          catId('Assisi staffroom'),
          writer,
          'DISCUSSION',
          'Staffroom kaleidoscope',
          'kaleidoscope',
          '<p>kaleidoscope</p>',
        ],
      );
      // 1,100 visible replies, a second apart, and newer still, 5 in a trust-only category.
      await t.sql(
        `INSERT INTO forum_replies (thread_id, author_id, body, body_html, path, depth, created_at)
         SELECT $1, $2, 'A kaleidoscope of funding ' || i, '<p>x</p>', lpad(i::text, 8, '0'), 0, now() - interval '1 hour' - i * interval '1 second'
           FROM generate_series(1, 1100) AS i`,
        [open!.id, writer],
      );
      await t.sql(
        `INSERT INTO forum_replies (thread_id, author_id, body, body_html, path, depth, created_at)
         SELECT $1, $2, 'Staffroom kaleidoscope ' || i, '<p>x</p>', lpad(i::text, 8, '0'), 0, now() + i * interval '1 second'
           FROM generate_series(1, 5) AS i`,
        [closed!.id, writer],
      );
    });

    it('says "1,000+" and gives the newest visible matches first, page after page', async () => {
      const christus = await t.signedIn(DEMO.sencoHolyCross);
      const first = (await christus.ok<Results>(SEARCH, { q: 'kaleidoscope' })).searchForum;
      expect(first).toMatchObject({
        totalCount: 1000,
        totalIsLowerBound: true,
        sortedByDate: true,
        hasNextPage: true,
      });
      expect(first.nodes).toHaveLength(20);
      expect(first.nodes.map((n) => n.category.name)).not.toContain('Assisi staffroom');
      const times = first.nodes.map((n) => Date.parse(n.createdAt));
      expect([...times].sort((a, b) => b - a)).toEqual(times);
      const second = (await christus.ok<Results>(SEARCH, { q: 'kaleidoscope', o: 20 })).searchForum;
      expect(second.nodes).toHaveLength(20);
      const ids = new Set(first.nodes.map((n) => n.replyId ?? n.threadId));
      expect(second.nodes.some((n) => ids.has(n.replyId ?? n.threadId))).toBe(false);
      expect(Date.parse(second.nodes[0]!.createdAt)).toBeLessThanOrEqual(times.at(-1)!);

      // Someone in the trust sees its newer posts first.
      const assisi = await t.signedIn(DEMO.sencoHolyFamily);
      const theirs = (await assisi.ok<Results>(SEARCH, { q: 'kaleidoscope' })).searchForum;
      // (the 5 replies, then the thread itself)
      expect(theirs.nodes.slice(0, 6).map((n) => n.category.name)).toEqual(Array(6).fill('Assisi staffroom'));
    });

    it('ranks by best match while under the cap', async () => {
      const c = await t.signedIn(DEMO.sencoHolyCross);
      const r = (await c.ok<Results>(SEARCH, { q: 'Thurrock' })).searchForum;
      expect(r.sortedByDate).toBe(false);
      expect(r.totalIsLowerBound).toBe(false);
    });
  });
});
