// Upload benchmark: a 20 MB file through the real API (POST /files: session cookie, origin check,
// streamed to disk with hashing and the size cap, magic-byte inspection, atomic rename, a row in
// PostgreSQL) against copying the same file on disk in the same run (a streamed copy synced to disk,
// the same durability the API gives). Also samples the API process's resident memory (VmRSS from
// /proc/<pid>/status) every few milliseconds during each upload: it must stay flat, because the
// body is streamed, never buffered whole.
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, readFileSync } from 'node:fs';
import { copyFile, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  ORIGIN,
  benchDatabase,
  insertSessions,
  machineLine,
  sleep,
  startApi,
  waitQuiet,
} from './lib/servers.mjs';

export const description = '20 MB upload through POST /files vs a disk copy; API RSS growth while uploading';

const MB = 1024 * 1024;
const SIZE = 20 * MB;
const RUNS = 5;

function rssKb(pid) {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) : NaN;
}

/** Run `fn` while sampling the process's RSS every `everyMs`; resolves to [result, samples in kB]. */
async function sampled(pid, fn, everyMs = 5) {
  const samples = [rssKb(pid)];
  const timer = setInterval(() => samples.push(rssKb(pid)), everyMs);
  try {
    const result = await fn();
    samples.push(rssKb(pid));
    return [result, samples];
  } finally {
    clearInterval(timer);
  }
}

/** A PDF-headed 20 MB file of random bytes (incompressible); byte 100 differs per run so each is a new blob. */
async function makeFile(dir, run) {
  const bytes = randomBytes(SIZE);
  bytes.write('%PDF-1.7\n', 0, 'latin1');
  bytes[100] = run;
  const path = join(dir, `upload-${run}.pdf`);
  await writeFile(path, bytes);
  return { path, sha256: createHash('sha256').update(bytes).digest('hex') };
}

async function diskCopy(src, dest) {
  await pipeline(createReadStream(src), createWriteStream(dest, { flush: true }));
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const mbps = (ms) => SIZE / MB / (ms / 1000);

export async function run() {
  console.log(await machineLine());
  const work = await mkdtemp(join(tmpdir(), 'lantern-bench-upload-'));
  const dataDir = join(work, 'data');
  const db = await benchDatabase();
  const api = await startApi({
    databaseUrl: db.url,
    label: 'api',
    extraEnv: { LANTERN_DATA_DIR: dataDir, UPLOAD_MAX_BYTES: String(SIZE) },
  });
  try {
    const { cookies } = await insertSessions(db, 1);
    const upload = async (path) => {
      const res = await fetch(`${api.url}/files`, {
        method: 'POST',
        headers: {
          cookie: cookies[0],
          origin: ORIGIN,
          'content-type': 'application/octet-stream',
          'x-file-name': encodeURIComponent('Provision map (bench).pdf'),
        },
        body: Readable.toWeb(createReadStream(path, { highWaterMark: 256 * 1024 })),
        duplex: 'half',
      });
      const body = await res.json();
      if (res.status !== 201) throw new Error(`upload refused: ${res.status} ${JSON.stringify(body)}`);
      return body;
    };
    // Warm-up: code paths, the database pool, the storage folders.
    const warm = await makeFile(work, 0);
    await upload(warm.path);
    await diskCopy(warm.path, join(work, 'copy-0'));
    await sleep(500);
    await waitQuiet();

    const apiMs = [];
    const copyMs = [];
    const copyFileMs = [];
    const growthKb = [];
    let baselineKb = 0;
    for (let i = 1; i <= RUNS; i++) {
      const file = await makeFile(work, i);
      await api.memory(); // a full GC in the API (it runs with --expose-gc), so the baseline is clean
      await sleep(300);
      const before = rssKb(api.pid);
      if (i === 1) baselineKb = before;
      const t0 = performance.now();
      const [answer, samples] = await sampled(api.pid, () => upload(file.path));
      apiMs.push(performance.now() - t0);
      if (answer.sha256 !== file.sha256 || answer.sizeBytes !== SIZE)
        throw new Error('stored file differs from the one sent');
      growthKb.push(Math.max(...samples) - before);
      const t1 = performance.now();
      await diskCopy(file.path, join(work, `copy-${i}`));
      copyMs.push(performance.now() - t1);
      const t2 = performance.now();
      await copyFile(file.path, join(work, `copyfile-${i}`));
      copyFileMs.push(performance.now() - t2);
      const stored = join(dataDir, 'files', file.sha256.slice(0, 2), file.sha256.slice(2, 4), file.sha256);
      if ((await stat(stored)).size !== SIZE) throw new Error('the stored blob has the wrong size');
      await rm(file.path);
      process.stdout.write(
        `  run ${i}: upload ${apiMs.at(-1).toFixed(0)} ms (${mbps(apiMs.at(-1)).toFixed(0)} MB/s), ` +
          `disk copy ${copyMs.at(-1).toFixed(0)} ms, API RSS +${(growthKb.at(-1) / 1024).toFixed(1)} MB at peak (${samples.length} samples)\n`,
      );
    }
    const endKb = rssKb(api.pid);
    const ratio = median(apiMs) / median(copyMs);
    console.log(
      `\n  20 MB upload through the API: median ${median(apiMs).toFixed(0)} ms = ${mbps(median(apiMs)).toFixed(0)} MB/s` +
        `\n  the same file copied on disk (streamed, synced): median ${median(copyMs).toFixed(0)} ms = ${mbps(median(copyMs)).toFixed(0)} MB/s` +
        ` (fs.copyFile without sync: ${median(copyFileMs).toFixed(0)} ms)` +
        `\n  ratio upload / disk copy: ${ratio.toFixed(2)} (throughput ${((1 / ratio) * 100).toFixed(0)}% of the disk copy)` +
        `\n  API RSS: ${(baselineKb / 1024).toFixed(1)} MB before the first measured upload, ${(endKb / 1024).toFixed(1)} MB after the last;` +
        ` peak growth during an upload ${(Math.max(...growthKb) / 1024).toFixed(1)} MB (median ${(median(growthKb) / 1024).toFixed(1)} MB) for a ${SIZE / MB} MB file` +
        `\n  memory flat (peak growth under half the file; buffering the body would add at least the whole file): ${Math.max(...growthKb) * 1024 < SIZE / 2 ? 'yes' : 'NO'}`,
    );
  } finally {
    await api.stop();
    await db.drop();
    await rm(work, { recursive: true, force: true });
  }
}
