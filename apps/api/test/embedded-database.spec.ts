import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnApi } from './support/spawn-api';
import { DEMO, GqlClient, LOGIN, DEMO_PASSWORD } from './support/test-app';

jest.setTimeout(180_000);

// PGlite loads its WebAssembly with dynamic import(), which Jest's sandbox refuses; so this test
// runs the real entry point in its own process, exactly as `npm start` does.
describe('the embedded database (no DATABASE_URL)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'lantern-pglite-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('migrates and seeds on first start, and keeps changes across a restart', async () => {
    const env = { NODE_ENV: 'development', LANTERN_DATA_DIR: dataDir };
    const first = await spawnApi(env);
    try {
      const c = new GqlClient(first.url);
      await c.ok(LOGIN, { email: DEMO.sencoHolyFamily, password: DEMO_PASSWORD });
      const { trusts } = await c.ok<{ trusts: Array<{ schools: unknown[] }> }>(
        '{ trusts { schools { name } } }',
      );
      expect(trusts.flatMap((t) => t.schools)).toHaveLength(18);
      await c.ok(
        'mutation { updateProfile(input: { displayName: "SENCO, Holy Family (renamed)" }) { user { id } } }',
      );
    } finally {
      expect(await first.stop()).toBe(0);
    }

    const second = await spawnApi(env);
    try {
      const c = new GqlClient(second.url);
      const r = await c.ok<{ login: { user: { displayName: string } } }>(LOGIN, {
        email: DEMO.sencoHolyFamily,
        password: DEMO_PASSWORD,
      });
      expect(r.login.user.displayName).toBe('SENCO, Holy Family (renamed)');
      const { trusts } = await c.ok<{ trusts: unknown[] }>('{ trusts { name } }');
      expect(trusts).toHaveLength(3);
    } finally {
      await second.stop();
    }
  });

  it('saves six threads started at once, their replies and an accepted answer (one connection)', async () => {
    const api = await spawnApi({ NODE_ENV: 'development', LANTERN_DATA_DIR: dataDir });
    try {
      const people = [DEMO.sencoHolyFamily, DEMO.sencoHolyCross, DEMO.sendLead, DEMO.headHolyFamily];
      const clients = await Promise.all(
        Array.from({ length: 6 }, async (_, i) => {
          const c = new GqlClient(api.url);
          await c.ok(LOGIN, { email: people[i % people.length], password: DEMO_PASSWORD });
          return c;
        }),
      );
      const { forumCategories } = await clients[0]!.ok<{ forumCategories: Array<{ id: string; name: string }> }>(
        '{ forumCategories { id name } }',
      );
      const general = forumCategories.find((c) => c.name === 'EHCP requests: Thurrock') ?? forumCategories[0]!;
      // Someone watches the category, so starting a thread also tells a watcher (the path that used to
      // read on a second connection inside the transaction and wait for ever on the embedded database).
      await clients[2]!.ok('mutation($c: ID!) { watchForumCategory(categoryId: $c, on: true) }', {
        c: general.id,
      });
      const started = Date.now();
      const created = await Promise.all(
        clients.map((c, i) =>
          c.ok<{ createForumThread: { id: string } }>(
            'mutation($i: CreateThreadInput!) { createForumThread(input: $i) { id } }',
            {
              i: {
                categoryId: general.id,
                kind: 'QUESTION',
                title: `Annual review timings, question ${i + 1}`,
                body: 'How far ahead do you book the annual review meeting?',
              },
            },
          ),
        ),
      );
      expect(Date.now() - started).toBeLessThan(5_000);
      const ids = created.map((r) => r.createForumThread.id);
      expect(new Set(ids).size).toBe(6);

      const reply = await clients[1]!.ok<{ replyInForum: { id: string } }>(
        'mutation($i: ReplyInput!) { replyInForum(input: $i) { id } }',
        { i: { threadId: ids[0], body: 'We book it six weeks ahead and send reports two weeks before.' } },
      );
      await clients[0]!.ok('mutation($t: ID!, $r: ID) { acceptForumAnswer(threadId: $t, replyId: $r) { id } }', {
        t: ids[0],
        r: reply.replyInForum.id,
      });
      const { forumThread } = await clients[3]!.ok<{ forumThread: { acceptedReplyId: string; replyCount: number } }>(
        'query($id: ID!) { forumThread(id: $id) { acceptedReplyId replyCount } }',
        { id: ids[0] },
      );
      expect(forumThread).toEqual({ acceptedReplyId: reply.replyInForum.id, replyCount: 1 });
    } finally {
      await api.stop();
    }
  });
});

