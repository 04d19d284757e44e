// Forum benchmark 1: the thread page with 10, 100 and 1,000 replies through GraphQL: SQL statements
// per request (must stay constant) and p50 latency, against a raw pg HTTP handler that returns the
// same JSON in the same run.
import { createServer } from 'node:http';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { histogram, ms } from './lib/load.mjs';
import { threadWithReplies, rng } from './lib/forum-data.mjs';
import { benchDatabase, insertSessions, machineLine, startApi } from './lib/servers.mjs';

export const description =
  'forum thread page (10/100/1,000 replies): statements per request, p50 vs a raw pg handler';

const PAGE = `query Page($id: ID!) {
  forumThread(id: $id) { id title bodyHtml createdAt author { label user { id displayName } } }
  forumReplies(threadId: $id, first: 50) { totalCount pageInfo { hasNextPage endCursor }
    nodes { id parentId depth bodyHtml createdAt continues author { label user { id displayName } } } } }`;

/** The same page straight from PostgreSQL: thread, 50 top-level replies with subtrees, authors. */
function rawHandler(pool) {
  return async (threadId) => {
    const {
      rows: [thread],
    } = await pool.query(
      `SELECT t.id, t.title, t.body_html, t.created_at, u.id AS user_id, u.display_name
         FROM forum_threads t JOIN users u ON u.id = t.author_id WHERE t.id = $1`,
      [threadId],
    );
    const { rows } = await pool.query(
      `WITH top AS (SELECT id, path, created_at FROM forum_replies WHERE thread_id = $1 AND depth = 0 ORDER BY created_at, id LIMIT 51)
       SELECT r.id, r.parent_id, r.depth, r.body_html, r.created_at, u.id AS user_id, u.display_name,
              (SELECT count(*) FROM top) AS top_count, (SELECT count(*) FROM forum_replies WHERE thread_id = $1 AND depth = 0) AS total
         FROM top JOIN forum_replies r ON r.thread_id = $1 AND (r.path = top.path OR r.path LIKE top.path || '.%')
         JOIN users u ON u.id = r.author_id
        WHERE r.depth <= 5 ORDER BY top.created_at, top.id, r.path LIMIT 400`,
      [threadId],
    );
    const author = (r) => ({ label: r.display_name, user: { id: r.user_id, displayName: r.display_name } });
    return {
      data: {
        forumThread: {
          id: thread.id,
          title: thread.title,
          bodyHtml: thread.body_html,
          createdAt: thread.created_at,
          author: author(thread),
        },
        forumReplies: {
          totalCount: Number(rows[0]?.total ?? 0),
          pageInfo: { hasNextPage: Number(rows[0]?.top_count ?? 0) > 50, endCursor: null },
          nodes: rows.map((r) => ({
            id: r.id,
            parentId: r.parent_id,
            depth: r.depth,
            bodyHtml: r.body_html,
            createdAt: r.created_at,
            continues: false,
            author: author(r),
          })),
        },
      },
    };
  };
}

async function timeRequests(n, fn) {
  const h = histogram();
  for (let i = 0; i < 10; i++) await fn(); // warm-up
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await fn();
    h.recordValue(Math.max(1, Math.round((performance.now() - t0) * 1000)));
  }
  return h;
}

export async function run({ requests = 200 } = {}) {
  console.log(await machineLine());
  const db = await benchDatabase();
  const api = await startApi({ databaseUrl: db.url, label: 'api' });
  const pool = new pg.Pool({ connectionString: db.url, max: 4 });
  const raw = rawHandler(pool);
  const rawServer = createServer(async (req, res) => {
    const id = new URL(req.url ?? '/', 'http://x').searchParams.get('id');
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify(await raw(id)));
  });
  await new Promise((r) => rawServer.listen(0, '127.0.0.1', r));
  const rawUrl = `http://127.0.0.1:${rawServer.address().port}/page`;
  try {
    const { cookies } = await insertSessions(db, 1);
    const rand = rng(7);
    // The API process also runs the real-time layer's twice-a-second socket recheck, which can land
    // inside a request: the fewest of five requests is the page's own count.
    const statements = async (id) => {
      await gql(id);
      const counts = [];
      for (let i = 0; i < 5; i++) {
        const before = await api.queries();
        await gql(id);
        counts.push((await api.queries()) - before);
      }
      return Math.min(...counts);
    };
    const gql = (id) =>
      fetch(`${api.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: cookies[0] },
        body: JSON.stringify({ query: PAGE, variables: { id } }),
      }).then(async (r) => {
        const body = await r.json();
        if (body.errors) throw new Error(JSON.stringify(body.errors));
        return body;
      });
    console.log('\n  replies | SQL statements per request | GraphQL p50 | raw pg p50 | ratio');
    const results = [];
    for (const n of [10, 100, 1000]) {
      const id = await threadWithReplies(db, n, rand);
      const stmts = await statements(id);
      const g = await timeRequests(requests, () => gql(id));
      const r = await timeRequests(requests, () => fetch(`${rawUrl}?id=${id}`).then((x) => x.json()));
      const ratio = g.getValueAtPercentile(50) / r.getValueAtPercentile(50);
      results.push({ n, stmts, ratio });
      console.log(
        `  ${String(n).padStart(7)} | ${String(stmts).padStart(26)} | ${ms(g.getValueAtPercentile(50)).padStart(8)} ms | ${ms(r.getValueAtPercentile(50)).padStart(7)} ms | ${ratio.toFixed(2)}`,
      );
    }
    const constant = results.every((x) => x.stmts === results[0].stmts);
    console.log(
      `\n  statements constant across sizes: ${constant ? 'yes' : 'NO'}; at most 5: ${results.every((x) => x.stmts <= 5) ? 'yes' : 'NO'}`,
    );
    console.log(
      `  ratio target <= 1.5: ${results.every((x) => x.ratio <= 1.5) ? 'met' : 'missed'} (worst ${Math.max(...results.map((x) => x.ratio)).toFixed(2)})`,
    );
  } finally {
    rawServer.close();
    await pool.end();
    await api.stop();
    await db.drop();
  }
}
