// Generated forum content for the forum benchmarks, written straight into the database.

const WORDS =
  `assessment review provision support plan outcome evidence funding banding panel request timeline
transition meeting training strategy reading phonics maths writing speech language sensory regulation
lunchtime playground classroom adaptation resource toolkit template report minutes action parent carer
teacher assistant intervention group target progress attendance behaviour wellbeing communication`.split(
    /\s+/,
  );

/** Deterministic pseudo-random numbers, so runs are comparable. */
export function rng(seed = 42) {
  let x = seed >>> 0;
  return () => (x = (Math.imul(x ^ (x >>> 15), 2246822507) + 0x6d2b79f5) >>> 0) / 2 ** 32;
}

export function sentence(rand, words = 14) {
  return Array.from({ length: words }, () => WORDS[Math.floor(rand() * WORDS.length)]).join(' ');
}

/** Users and the first network-wide category of the seeded demo data. */
export async function forumContext(db) {
  const users = (await db.sql('SELECT id FROM users ORDER BY email')).map((r) => r.id);
  const [cat] = await db.sql(
    'SELECT id FROM forum_categories WHERE trust_id IS NULL AND roles IS NULL ORDER BY position LIMIT 1',
  );
  return { users, categoryId: cat.id };
}

/** A thread with `n` replies: about two thirds top level, the rest nested under the previous reply. */
export async function threadWithReplies(db, n, rand) {
  const { users, categoryId } = await forumContext(db);
  const [t] = await db.sql(
    `INSERT INTO forum_threads (category_id, author_id, kind, title, body, body_html) VALUES ($1, $2, 'DISCUSSION', $3, $4, $5) RETURNING id`,
    [
      categoryId,
      users[0],
      `Benchmark thread with ${n} replies`,
      sentence(rand, 40),
      `<p>${sentence(rand, 40)}</p>`,
    ],
  );
  const rows = [];
  let prev = null;
  for (let i = 1; i <= n; i++) {
    const seg = String(i).padStart(8, '0');
    const nested = prev && rand() < 0.33 && prev.depth < 6;
    const row = {
      id: null,
      parent: nested ? prev : null,
      path: nested ? `${prev.path}.${seg}` : seg,
      depth: nested ? prev.depth + 1 : 0,
    };
    rows.push(row);
    prev = row;
  }
  // Insert in order so parents exist first; in batches for speed.
  for (let i = 0; i < rows.length; i += 200) {
    const batch = rows.slice(i, i + 200);
    const ids = await db.sql(
      `INSERT INTO forum_replies (thread_id, parent_id, author_id, body, body_html, path, depth)
       SELECT $1, p, a, b, '<p>' || b || '</p>', pa, d FROM unnest($2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::int[]) AS x(p, a, b, pa, d)
       RETURNING id, path`,
      [
        t.id,
        batch.map((r) => r.parent?.id ?? null),
        batch.map((_, k) => users[(i + k) % users.length]),
        batch.map(() => sentence(rand, 30)),
        batch.map((r) => r.path),
        batch.map((r) => r.depth),
      ],
    );
    const byPath = new Map(ids.map((r) => [r.path, r.id]));
    for (const r of batch) r.id = byPath.get(r.path);
  }
  await db.sql('UPDATE forum_threads SET reply_seq = $2::bigint, reply_count = $2::int WHERE id = $1', [
    t.id,
    n,
  ]);
  return t.id;
}
