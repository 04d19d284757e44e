// Caseload benchmark: a school's list of 150 open cases with filters through GraphQL (an elevated SEND
// lead's session, the case-data rule, the case-access log write, open actions counted per case) against a
// raw pg HTTP handler returning the same JSON from the same query shape, request by request in the same
// run (alternating which goes first), so both see the same load on a shared machine. Also statements per
// request at 40 and 150 cases (must be equal).
import { createHash, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import pg from 'pg';
import { ms } from './lib/load.mjs';
import { sideBySide } from './lib/side-by-side.mjs';
import { benchDatabase, machineLine, startApi, waitQuiet } from './lib/servers.mjs';

export const description = 'caseload list of 150 cases with filters: statements constant, p50/p99 vs a raw pg handler';

const FIELDS = `id reference yearGroup yearGroupLabel senStatus primaryNeed secondaryNeed status attention
  openActions overdueActions nextDueOn updatedAt concerns { kind dueOn note }`;
const LIST = `query($s: ID!, $f: CaseFilterInput) { cases(schoolId: $s, filter: $f) { totalCount hasNextPage nodes { ${FIELDS} } } }`;

const NEEDS = ['SLCN', 'SEMH', 'ASD', 'MLD', 'SPLD', 'OTH', 'PD', 'HI'];
const CONCERNS = ['ANNUAL_REVIEW', 'EHCP_REQUEST', 'COMPLAINT', 'FUNDING_SHORTFALL'];

/** 150 open cases in one school (a large secondary), a third with a dated concern, 60 open actions. */
async function generate(db, schoolId, creatorId, n) {
  await db.sql(
    `INSERT INTO cases (school_id, reference, year_group, year_group_on, sen_status, primary_need, secondary_need,
                        concerns, concern_kinds, next_concern_on, created_by)
     SELECT $1, 'B' || chr(65 + g % 26) || chr(65 + (g / 26) % 26) || ' Y' || (7 + g % 5), 7 + g % 5, current_date,
            CASE WHEN g % 5 = 0 THEN 'EHCP' ELSE 'SEN_SUPPORT' END, ($3::text[])[1 + g % 8],
            CASE WHEN g % 4 = 1 AND g % 8 <> 1 THEN 'SEMH' END,
            CASE WHEN g % 3 = 0 THEN jsonb_build_array(jsonb_build_object('kind', ($4::text[])[1 + g % 4], 'dueOn', to_char(current_date + g, 'YYYY-MM-DD'), 'note', null)) ELSE '[]'::jsonb END,
            CASE WHEN g % 3 = 0 THEN ARRAY[($4::text[])[1 + g % 4]] ELSE '{}'::text[] END,
            CASE WHEN g % 3 = 0 THEN current_date + g END, $2
       FROM generate_series(1, $5::int) g`,
    [schoolId, creatorId, NEEDS, CONCERNS, n],
  );
  await db.sql(
    `INSERT INTO actions (source_kind, source_id, school_id, trust_id, title, owner_id, due_on, created_by)
     SELECT 'CASE', c.id, c.school_id, s.trust_id, 'Follow up', $2, current_date + (row_number() OVER (ORDER BY c.id))::int % 30 - 5, $2
       FROM cases c JOIN schools s ON s.id = c.school_id WHERE c.school_id = $1 ORDER BY c.id LIMIT 60`,
    [schoolId, creatorId],
  );
  await db.sql('ANALYZE cases');
  await db.sql('ANALYZE actions');
}

/** The same list straight from PostgreSQL: the same columns, counts and order. */
function rawHandler(pool) {
  return async (schoolId, need) => {
    const { rows } = await pool.query(
      `SELECT c.id, c.reference, c.year_group, c.sen_status, c.primary_need, c.secondary_need, c.status, c.concerns, c.updated_at,
              COALESCE(a.open_actions, 0)::int AS open_actions, COALESCE(a.overdue_actions, 0)::int AS overdue_actions,
              to_char(LEAST(a.next_action, c.next_concern_on), 'YYYY-MM-DD') AS next_due, count(*) OVER ()::int AS total
         FROM cases c LEFT JOIN (
           SELECT source_id, count(*) AS open_actions, count(*) FILTER (WHERE due_on < current_date) AS overdue_actions, min(due_on) AS next_action
             FROM actions WHERE status = 'OPEN' AND source_kind = 'CASE' AND school_id = $1 GROUP BY source_id) a ON a.source_id = c.id
        WHERE c.school_id = $1 AND c.status IN ('OPEN', 'MONITORING') AND ($2::text IS NULL OR c.primary_need = $2 OR c.secondary_need = $2)
        ORDER BY (COALESCE(a.overdue_actions, 0) > 0) DESC, LEAST(a.next_action, c.next_concern_on) ASC NULLS LAST, lower(c.reference), c.id
        LIMIT 201`,
      [schoolId, need],
    );
    const nodes = rows.slice(0, 200).map((r) => ({
      id: r.id,
      reference: r.reference,
      yearGroup: r.year_group,
      yearGroupLabel: `Year ${r.year_group}`,
      senStatus: r.sen_status,
      primaryNeed: r.primary_need,
      secondaryNeed: r.secondary_need,
      status: r.status,
      attention: r.overdue_actions > 0 ? 'OVERDUE' : r.next_due ? 'SOON' : 'NONE',
      openActions: r.open_actions,
      overdueActions: r.overdue_actions,
      nextDueOn: r.next_due,
      updatedAt: r.updated_at,
      concerns: r.concerns,
    }));
    return { data: { cases: { totalCount: rows[0]?.total ?? 0, hasNextPage: rows.length > 200, nodes } } };
  };
}

export async function run({ rounds = Number(process.env.BENCH_ROUNDS ?? 300) } = {}) {
  console.log(await machineLine());
  const db = await benchDatabase();
  const api = await startApi({ databaseUrl: db.url, label: 'api' });
  const pool = new pg.Pool({ connectionString: db.url, max: 4 });
  const raw = rawHandler(pool);
  const rawServer = createServer(async (req, res) => {
    const u = new URL(req.url ?? '/', 'http://x');
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify(await raw(u.searchParams.get('school'), u.searchParams.get('need'))));
  });
  await new Promise((r) => rawServer.listen(0, '127.0.0.1', r));
  const rawUrl = `http://127.0.0.1:${rawServer.address().port}/cases`;
  try {
    const [lead] = await db.sql("SELECT id FROM users WHERE email = 'send.lead@demo.lantern.test'");
    const [big] = await db.sql(
      "SELECT s.id FROM schools s JOIN trusts t ON t.id = s.trust_id WHERE t.short_name = 'ACT' AND s.name = 'St Thomas More High School'",
    );
    const [small] = await db.sql(
      "SELECT s.id FROM schools s JOIN trusts t ON t.id = s.trust_id WHERE t.short_name = 'ACT' AND s.name = 'Holy Family Primary'",
    );
    await generate(db, big.id, lead.id, 150);
    // The SEND lead's session, elevated by the second factor (as after entering a code).
    const token = randomBytes(32).toString('base64url');
    await db.sql(
      `INSERT INTO sessions (user_id, token_hash, expires_at, user_agent, elevated_until)
       VALUES ($1, $2, now() + interval '1 day', 'lantern-bench', now() + interval '12 hours')`,
      [lead.id, createHash('sha256').update(token).digest('hex')],
    );
    const cookie = `lantern_session=${token}`;
    const gql = (variables) =>
      fetch(`${api.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie },
        body: JSON.stringify({ query: LIST, variables }),
      }).then(async (r) => {
        const body = await r.json();
        if (body.errors) throw new Error(JSON.stringify(body.errors));
        return body;
      });
    const statements = async (s) => {
      await gql({ s });
      const counts = [];
      for (let i = 0; i < 5; i++) {
        const before = await api.queries();
        await gql({ s });
        counts.push((await api.queries()) - before);
      }
      return Math.min(...counts);
    };
    const [s40, s150] = [await statements(small.id), await statements(big.id)];
    const check = (await gql({ s: big.id })).data.cases;
    const rawCheck = (await (await fetch(`${rawUrl}?school=${big.id}`)).json()).data.cases;
    const same = JSON.stringify(check.nodes.map((n) => n.id)) === JSON.stringify(rawCheck.nodes.map((n) => n.id));
    console.log(`  cases listed: ${check.nodes.length} (raw handler: ${rawCheck.nodes.length}, same order: ${same ? 'yes' : 'NO'})`);
    console.log(`  statements per request: ${s40} at 39 cases, ${s150} at 150 cases: ${s40 === s150 ? 'constant' : 'NOT constant'}`);
    console.log('\n  list               | GraphQL p50 / p99 | raw pg p50 / p99 | ratio p50 / p99');
    const results = [];
    for (const [label, need] of [
      ['150 open cases', null],
      ['filter: need SLCN', 'SLCN'],
    ]) {
      await waitQuiet();
      const { g, r } = await sideBySide(
        rounds,
        () => gql({ s: big.id, f: need ? { need } : null }),
        () => fetch(`${rawUrl}?school=${big.id}${need ? `&need=${need}` : ''}`).then((x) => x.json()),
      );
      const p = (h, q) => h.getValueAtPercentile(q);
      const ratio = p(g, 50) / p(r, 50);
      results.push(ratio);
      console.log(
        `  ${label.padEnd(18)} | ${ms(p(g, 50)).padStart(7)} / ${ms(p(g, 99)).padStart(6)} ms | ${ms(p(r, 50)).padStart(6)} / ${ms(p(r, 99)).padStart(6)} ms | ${ratio.toFixed(2).padStart(5)} / ${(p(g, 99) / p(r, 99)).toFixed(2)}`,
      );
    }
    console.log(`\n  ratio target p50 <= 1.5: ${results.every((x) => x <= 1.5) ? 'met' : 'missed'} (worst ${Math.max(...results).toFixed(2)})`);
  } finally {
    rawServer.close();
    await pool.end();
    await api.stop();
    await db.drop();
  }
}
