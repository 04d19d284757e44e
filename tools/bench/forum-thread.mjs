// Forum benchmark 1: the thread page with 10, 100 and 1,000 replies through GraphQL: SQL statements
// per request (must stay constant) and p50 / p99 latency, against a raw pg HTTP handler that answers
// the same request (a POST of the page's GraphQL document and variables, with the cookie) with the
// same JSON (lib/forum-raw-server.mjs), request by request in the same run, so all see the same
// load on a shared machine. The raw handler runs twice: in the load process (as when the issue was
// measured) and in a process of its own, like the API, so the difference shows what the hop between
// processes costs. Also the API process's CPU time per request.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { histogram, ms } from './lib/load.mjs';
import { threadWithReplies, rng } from './lib/forum-data.mjs';
import { startRawServer } from './lib/forum-raw-server.mjs';
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

// BENCH_RAW_PREPARED=1: the raw handlers use named prepared statements too (as the API does).
const RAW_PREPARED = process.env.BENCH_RAW_PREPARED === '1';

/** The raw handler in a process of its own; resolves with its URL and a stop function. */
async function rawProcess(databaseUrl) {
  const child = spawn(
    process.execPath,
    [join(dirname(fileURLToPath(import.meta.url)), 'lib', 'forum-raw-server.mjs')],
    {
      env: { PATH: process.env.PATH ?? '', DATABASE_URL: databaseUrl, RAW_PREPARED: RAW_PREPARED ? '1' : '' },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const url = await new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the raw server exited (${code})`)));
    child.stdout.once('data', (d) => resolve(String(d).trim()));
  });
  process.once('exit', () => child.kill());
  return { url, stop: () => child.kill() };
}

/**
 * Time each target side by side: every round sends one request to each, in an order that rotates
 * from round to round, so all see the same load even when other work shares the machine.
 */
async function sideBySide(rounds, targets) {
  const hs = targets.map(() => histogram());
  for (let i = 0; i < 20; i++) for (const fn of targets) await fn(); // warm-up
  for (let i = 0; i < rounds; i++) {
    for (let k = 0; k < targets.length; k++) {
      const j = (i + k) % targets.length;
      const t0 = performance.now();
      await targets[j]();
      hs[j].recordValue(Math.max(1, Math.round((performance.now() - t0) * 1000)));
    }
  }
  return hs;
}

export async function run({ rounds = Number(process.env.BENCH_ROUNDS ?? 400) } = {}) {
  console.log(await machineLine());
  const db = await benchDatabase();
  const api = await startApi({ databaseUrl: db.url, label: 'api' });
  const rawHere = await startRawServer(db.url, { prepared: RAW_PREPARED });
  const rawApart = await rawProcess(db.url);
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
    // Every server gets the same request: the page's GraphQL document, its variables, the cookie.
    const page = (url, id) =>
      fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: cookies[0] },
        body: JSON.stringify({ query: PAGE, variables: { id } }),
      }).then(async (r) => {
        const body = await r.json();
        if (body.errors) throw new Error(JSON.stringify(body.errors));
        return body;
      });
    const gql = (id) => page(`${api.url}/graphql`, id);
    console.log(
      `\n  p50 / p99 in ms; raw = the raw pg handler${RAW_PREPARED ? ' (prepared statements)' : ''}, in the load process | in its own process`,
    );
    console.log(
      '  replies | statements | GraphQL         | raw, load process | raw, own process | ratio p50 (p99) to each raw  | API CPU/request | machine busy',
    );
    const results = [];
    for (const n of [10, 100, 1000]) {
      const id = await threadWithReplies(db, n, rand);
      const stmts = await statements(id);
      await waitQuiet();
      const cpu0 = cpuSeconds(api.pid);
      const m0 = machineCpu();
      const [g, rh, ra] = await sideBySide(rounds, [
        () => gql(id),
        () => page(rawHere.url, id),
        () => page(rawApart.url, id),
      ]);
      const m1 = machineCpu();
      const apiCpuMs = ((cpuSeconds(api.pid) - cpu0) * 1000) / (rounds + 20);
      const busy = (m1.busy - m0.busy) / (m1.total - m0.total);
      const p = (h, q) => h.getValueAtPercentile(q);
      const pair = (h) => `${ms(p(h, 50)).padStart(6)} / ${ms(p(h, 99)).padStart(6)}`;
      const ratio = (h) => p(g, 50) / p(h, 50);
      const ratio99 = (h) => p(g, 99) / p(h, 99);
      results.push({ n, stmts, ratio: ratio(rh), ratioApart: ratio(ra) });
      const ratios = `${ratio(rh).toFixed(2)} (${ratio99(rh).toFixed(2)}), ${ratio(ra).toFixed(2)} (${ratio99(ra).toFixed(2)})`;
      console.log(
        `  ${String(n).padStart(7)} | ${String(stmts).padStart(10)} | ${pair(g)} | ${pair(rh).padStart(17)} | ${pair(ra).padStart(16)} | ${ratios.padEnd(28)} | ${apiCpuMs.toFixed(2).padStart(12)} ms | ${Math.round(busy * 100)}%`,
      );
    }
    const constant = results.every((x) => x.stmts === results[0].stmts);
    console.log(
      `\n  statements constant across sizes: ${constant ? 'yes' : 'NO'}; at most 5: ${results.every((x) => x.stmts <= 5) ? 'yes' : 'NO'}`,
    );
    const verdict = (key) => {
      const worst = Math.max(...results.map((x) => x[key]));
      return `${results.every((x) => x[key] <= 1.5) ? 'met' : 'missed'} (worst ${worst.toFixed(2)})`;
    };
    console.log(
      `  ratio target <= 1.5 (p50): to the raw handler in the load process ${verdict('ratio')}; in its own process ${verdict('ratioApart')}`,
    );
  } finally {
    rawApart.stop();
    await rawHere.close();
    await api.stop();
    await db.drop();
  }
}
