// Library benchmark: search with filters over 50,000 generated resources through GraphQL, p95 against
// a primary-key lookup of one resource (the same fields, the same GraphQL path) in the same run; the
// raw SQL primary-key lookup is printed too. Each case alternates request by request with the lookup,
// so both see the same load on a shared machine. Resources are generated in SQL with generate_series.
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { histogram, ms } from './lib/load.mjs';
import { benchDatabase, insertSessions, machineLine, startApi } from './lib/servers.mjs';

export const description = 'library search with filters over 50,000 resources: p95 vs a primary-key lookup';

const FIELDS = `id kind title summary snippetHtml status shareScope tags needAreas phases endorsementCount downloadCount
  updatedAt owner { displayName } localAuthority { name } trust { shortName } currentVersion { number changeNote }`;
const LIST = `query($f: LibraryResourceFilter, $sort: ResourceSort) {
  libraryResources(filter: $f, sort: $sort, first: 20) { totalCount totalCountIsLowerBound pageInfo { hasNextPage endCursor } nodes { ${FIELDS} } } }`;
const LIST_BARE = `query($f: LibraryResourceFilter, $sort: ResourceSort) {
  libraryResources(filter: $f, sort: $sort, first: 20) { totalCount totalCountIsLowerBound nodes { id title snippetHtml } } }`;
const ONE = `query($id: ID!) { libraryResource(id: $id) { ${FIELDS} } }`;

const WORDS =
  `assessment review provision support plan outcome evidence funding banding panel request timeline
transition meeting training strategy reading phonics maths writing speech language sensory regulation
lunchtime playground classroom adaptation resource toolkit template report minutes action parent carer
teacher assistant intervention group target progress attendance behaviour wellbeing communication`.split(
    /\s+/,
  );

/** 50,000 resources with one version each, spread over kinds, need areas, phases, LAs, scopes and tags. */
export async function generate(db, count) {
  process.stdout.write(`  generating ${count.toLocaleString('en-GB')} resources`);
  const t0 = performance.now();
  await db.sql('SELECT setseed(0.42)');
  await db.sql(
    `CREATE TEMP TABLE bench_ctx AS
       SELECT (SELECT array_agg(id ORDER BY email) FROM users) AS users,
              (SELECT array_agg(id ORDER BY name) FROM local_authorities) AS las,
              (SELECT array_agg(id ORDER BY short_name) FROM trusts) AS trusts,
              (SELECT array_agg(id ORDER BY id) FROM schools) AS schools,
              (SELECT array_agg(trust_id ORDER BY id) FROM schools) AS school_trusts,
              $1::text[] AS words`,
    [WORDS],
  );
  const words = (n) =>
    `(SELECT string_agg(c.words[1 + floor(random() * cardinality(c.words))::int + 0 * i], ' ') FROM generate_series(1, ${n}) i)`;
  // About 70% network, 20% trust, 10% school; 90% published; a third mention "provision" in the title.
  await db.sql(
    `INSERT INTO library_resources (kind, title, summary, need_areas, phases, local_authority_id, tags, share_scope,
                                    trust_id, school_id, status, owner_id, created_at, updated_at, download_count, endorsement_count)
     SELECT (ARRAY['TEMPLATE','TOOLKIT','GUIDE','POLICY','TRAINING','FORM'])[1 + g % 6],
            initcap(${words(5)}) || CASE WHEN g % 3 = 0 THEN ' provision' ELSE '' END || CASE WHEN g % 997 = 0 THEN ' zeugma' ELSE '' END,
            ${words(20)},
            CASE (g / 7) % 6 WHEN 0 THEN ARRAY['COMMUNICATION_INTERACTION'] WHEN 1 THEN ARRAY['COGNITION_LEARNING']
              WHEN 2 THEN ARRAY['SEMH'] WHEN 3 THEN ARRAY['SENSORY_PHYSICAL'] WHEN 4 THEN ARRAY['SEMH', 'COMMUNICATION_INTERACTION']
              ELSE ARRAY['COGNITION_LEARNING', 'SENSORY_PHYSICAL'] END,
            CASE (g / 3) % 5 WHEN 0 THEN ARRAY['PRIMARY'] WHEN 1 THEN ARRAY['SECONDARY'] WHEN 2 THEN ARRAY['PRIMARY', 'SECONDARY']
              WHEN 3 THEN ARRAY['INFANT'] ELSE ARRAY['SPECIAL'] END,
            CASE WHEN g % 4 = 0 THEN NULL ELSE c.las[1 + g % cardinality(c.las)] END,
            ARRAY[c.words[1 + g % cardinality(c.words)], c.words[1 + (g / 11) % cardinality(c.words)]],
            s.scope,
            CASE s.scope WHEN 'TRUST' THEN c.trusts[1 + g % cardinality(c.trusts)]
                         WHEN 'SCHOOL' THEN c.school_trusts[1 + g % cardinality(c.schools)] END,
            CASE s.scope WHEN 'SCHOOL' THEN c.schools[1 + g % cardinality(c.schools)] END,
            CASE WHEN g % 10 = 0 THEN 'DRAFT' ELSE 'PUBLISHED' END,
            c.users[1 + g % cardinality(c.users)],
            now() - (g || ' minutes')::interval, now() - (g || ' minutes')::interval,
            ((g::bigint * 7919) % 300)::int, ((g::bigint * 104729) % 40)::int
       FROM generate_series(1, $1::int) g, bench_ctx c,
            LATERAL (SELECT CASE WHEN g % 10 < 7 THEN 'NETWORK' WHEN g % 10 < 9 THEN 'TRUST' ELSE 'SCHOOL' END AS scope) s`,
    [count],
  );
  process.stdout.write('.');
  await db.sql(
    `INSERT INTO library_resource_versions (resource_id, number, title, summary, body_md, body_html, change_note, author_id)
     SELECT r.id, 1, r.title, r.summary, b.body, '<p>' || b.body || '</p>', 'First version', r.owner_id
       FROM library_resources r, bench_ctx c,
            LATERAL (SELECT string_agg(c.words[1 + floor(random() * cardinality(c.words))::int + 0 * i], ' ') AS body
                       FROM generate_series(1, 80) i) b
      WHERE r.current_version_id IS NULL`,
  );
  process.stdout.write('.');
  // Pointing each resource at its version recomputes its search vector (title A, summary and tags B, body C).
  await db.sql(
    `UPDATE library_resources r SET current_version_id = v.id, version_count = 1
       FROM library_resource_versions v WHERE v.resource_id = r.id AND r.current_version_id IS NULL`,
  );
  // As autovacuum would soon after a bulk load: the UPDATE above left a dead copy of every row.
  await db.sql('VACUUM ANALYZE library_resources');
  await db.sql('VACUUM ANALYZE library_resource_versions');
  const [{ n }] = await db.sql('SELECT count(*)::int AS n FROM library_resources');
  console.log(` ${n.toLocaleString('en-GB')} resources in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

/** Time `a` and `b` alternately (a, b, a, b...), so both see the same load on a shared machine. */
async function timePair(n, a, b) {
  const ha = histogram();
  const hb = histogram();
  const once = async (fn, h, i) => {
    const t0 = performance.now();
    await fn(i);
    h?.recordValue(Math.max(1, Math.round((performance.now() - t0) * 1000)));
  };
  for (let i = 0; i < 10; i++) {
    await once(a, null, i);
    await once(b, null, i);
  }
  for (let i = 0; i < n; i++) {
    await once(a, ha, i);
    await once(b, hb, i);
  }
  return [ha, hb];
}

export async function run({ resources = 50_000, requests = 200 } = {}) {
  console.log(await machineLine());
  const db = await benchDatabase();
  const api = await startApi({ databaseUrl: db.url, label: 'api' });
  const pool = new pg.Pool({ connectionString: db.url, max: 2 });
  try {
    await generate(db, resources);
    const { cookies } = await insertSessions(db, 1);
    const [viewer] = await db.sql(
      `SELECT u.email, m.role FROM sessions s JOIN users u ON u.id = s.user_id JOIN memberships m ON m.user_id = u.id
        WHERE s.user_agent = 'lantern-bench' LIMIT 1`,
    );
    console.log(
      `  viewer: ${viewer.email} (${viewer.role}): network, own-trust and own-school resources, own drafts`,
    );
    const gql = (query, variables) =>
      fetch(`${api.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: cookies[0] },
        body: JSON.stringify({ query, variables }),
      }).then(async (r) => {
        const b = await r.json();
        if (b.errors) throw new Error(JSON.stringify(b.errors));
        return b.data;
      });
    const ids = (
      await db.sql(
        `SELECT id FROM library_resources WHERE share_scope = 'NETWORK' AND status = 'PUBLISHED' ORDER BY id LIMIT 500`,
      )
    ).map((r) => r.id);

    const lookup = (i) => gql(ONE, { id: ids[i % ids.length] });
    const [key, rawKey] = await timePair(requests, lookup, (i) =>
      pool.query('SELECT id, title, summary FROM library_resources WHERE id = $1', [ids[i % ids.length]]),
    );
    console.log(
      `\n  primary-key lookup, GraphQL libraryResource(id) with the same fields: p50 ${ms(key.getValueAtPercentile(50))} ms, p95 ${ms(key.getValueAtPercentile(95))} ms`,
    );
    console.log(`  primary-key lookup, raw SQL: p95 ${ms(rawKey.getValueAtPercentile(95))} ms`);
    console.log(
      '  each case below alternates with the GraphQL key lookup, which is timed again alongside it',
    );

    const cases = [
      [
        'search "provision" + kinds + need area',
        { f: { query: 'provision', kinds: ['TEMPLATE', 'GUIDE'], needArea: 'SEMH' } },
      ],
      [
        'search "provision" + phase + LA, relevance',
        { f: { query: 'provision support', phase: 'PRIMARY' }, sort: 'RELEVANCE' },
      ],
      ['search rare "zeugma"', { f: { query: 'zeugma' } }],
      [
        'filters only, most used',
        { f: { needArea: 'COGNITION_LEARNING', phase: 'SECONDARY' }, sort: 'MOST_USED' },
      ],
      ['tag + scope, recent', { f: { tag: 'funding', shareScope: 'NETWORK' } }],
    ];
    const las = await db.sql('SELECT id FROM local_authorities ORDER BY name LIMIT 1');
    cases[1][1].f.localAuthorityId = las[0].id;
    console.log(
      '\n  case                                        | matches | p50 ms  | p95 ms  | lookup p95 ms | p95 ratio',
    );
    let headline = null;
    cases.push(['(first case, only id, title and snippet)', { ...cases[0][1], bare: true }]);
    for (const [label, { bare, ...vars }] of cases) {
      const query = bare ? LIST_BARE : LIST;
      const first = await gql(query, vars);
      const [h, k] = await timePair(requests, () => gql(query, vars), lookup);
      const p95 = h.getValueAtPercentile(95);
      const keyP95 = k.getValueAtPercentile(95);
      const ratio = p95 / keyP95;
      headline ??= { p95, keyP95, ratio };
      console.log(
        `  ${label.padEnd(43)} | ${`${first.libraryResources.totalCount}${first.libraryResources.totalCountIsLowerBound ? '+' : ''}`.padStart(7)} | ${ms(h.getValueAtPercentile(50)).padStart(7)} | ${ms(p95).padStart(7)} | ${ms(keyP95).padStart(13)} | ${ratio.toFixed(2)}`,
      );
    }
    console.log(
      `\n  filtered search p95 ${ms(headline.p95)} ms vs primary-key lookup p95 ${ms(headline.keyP95)} ms (same window): ratio ${headline.ratio.toFixed(2)}`,
    );
  } finally {
    await pool.end();
    await api.stop();
    await db.drop();
  }
}
