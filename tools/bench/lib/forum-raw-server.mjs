// The forum-thread benchmark's baseline: the thread page straight from PostgreSQL with pg, as an
// HTTP handler returning the same JSON as the API. Imported by forum-thread.mjs to run in the load
// process, or run on its own (`node forum-raw-server.mjs`, DATABASE_URL set; it prints its port) to
// be a separate process like the API. RAW_PREPARED=1: named prepared statements (what the API uses).
import { createServer } from 'node:http';
import { pathToFileURL } from 'node:url';
import pg from 'pg';

/** The same page straight from PostgreSQL: thread, 50 top-level replies with subtrees, authors. */
function rawHandler(pool, prepared = false) {
  const q = (name, text, values) => pool.query(prepared ? { name, text, values } : { text, values });
  return async (threadId) => {
    const {
      rows: [thread],
    } = await q(
      'raw.thread',
      `SELECT t.id, t.title, t.body_html, t.created_at, u.id AS user_id, u.display_name
         FROM forum_threads t JOIN users u ON u.id = t.author_id WHERE t.id = $1`,
      [threadId],
    );
    const { rows } = await q(
      'raw.tree',
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
 * An HTTP server answering the same request the API gets for the page (a POST of the GraphQL
 * document with `variables.id`, the thread) with the page; resolves with it listening.
 */
export async function startRawServer(databaseUrl, { prepared = false } = {}) {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 4 });
  const raw = rawHandler(pool, prepared);
  const server = createServer(async (req, res) => {
    let body = '';
    for await (const chunk of req) body += chunk;
    const id = JSON.parse(body).variables.id;
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify(await raw(id)));
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${server.address().port}/graphql`,
    async close() {
      server.close();
      await pool.end();
    },
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const s = await startRawServer(process.env.DATABASE_URL, { prepared: process.env.RAW_PREPARED === '1' });
  process.stdout.write(`${s.url}\n`);
}
