// Forum benchmark 1: the thread page with 10, 100 and 1,000 replies through GraphQL: SQL statements
// per request (must stay constant) and p50 / p99 latency, against a raw pg HTTP handler that returns
// the same JSON, request by request in the same run (one of each per round, alternating which goes
// first), so both see the same load on a shared machine. Also the API process's CPU per request.
import { createServer } from 'node:http';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { histogram, ms } from './lib/load.mjs';
import { threadWithReplies, rng } from './lib/forum-data.mjs';
import {
  benchDatabase,
  cpuSeconds,
  insertSessions,
  machineCpu,
  machineLine,
  startApi,
  waitQuiet,
} from './lib/servers.mjs';

export const description =
  'forum thread page (10/100/1,000 replies): statements per request, p50/p99 vs a raw pg handler, side by side';

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

/**
 * Time the GraphQL page and the raw handler side by side: each round sends one of each (which goes
 * first alternates), so both see the same load even when other work shares the machine.
 */
async function sideBySide(rounds, gql, raw) {
  const g = histogram();
  const r = histogram();
  const time = async (h, fn) => {
    const t0 = performance.now();
    await fn();
    h.recordValue(Math.max(1, Math.round((performance.now() - t0) * 1000)));
  };
  for (let i = 0; i < 20; i++) {
    await gql(); // warm-up
    await raw();
  }
  for (let i = 0; i < rounds; i++) {
    if (i % 2) {
      await time(g, gql);
      await time(r, raw);
    } else {
      await time(r, raw);
      await time(g, gql);
    }
  }
  return { g, r };
}

export async function run({ rounds = Number(process.env.BENCH_ROUNDS ?? 400) } = {}) {
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
    console.log(
      '\n  replies | statements | GraphQL p50 / p99 | raw pg p50 / p99 | ratio p50 / p99 | API CPU per request | machine busy',
    );
    const results = [];
    for (const n of [10, 100, 1000]) {
      const id = await threadWithReplies(db, n, rand);
      const stmts = await statements(id);
      await waitQuiet();
      const cpu0 = cpuSeconds(api.pid);
      const m0 = machineCpu();
      const { g, r } = await sideBySide(
        rounds,
        () => gql(id),
        () => fetch(`${rawUrl}?id=${id}`).then((x) => x.json()),
      );
      const m1 = machineCpu();
      const apiCpuMs = ((cpuSeconds(api.pid) - cpu0) * 1000) / (rounds + 20);
      const busy = (m1.busy - m0.busy) / (m1.total - m0.total);
      const p = (h, q) => h.getValueAtPercentile(q);
      const ratio = p(g, 50) / p(r, 50);
      const ratio99 = p(g, 99) / p(r, 99);
      results.push({ n, stmts, ratio });
      console.log(
        `  ${String(n).padStart(7)} | ${String(stmts).padStart(10)} | ${ms(p(g, 50)).padStart(7)} / ${ms(p(g, 99)).padStart(6)} ms | ${ms(p(r, 50)).padStart(6)} / ${ms(p(r, 99)).padStart(6)} ms | ${ratio.toFixed(2).padStart(6)} / ${ratio99.toFixed(2).padEnd(6)} | ${apiCpuMs.toFixed(2).padStart(16)} ms | ${Math.round(busy * 100)}%`,
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
