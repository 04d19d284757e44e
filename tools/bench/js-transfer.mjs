// JavaScript transfer of the sign-in page: Lantern (the real API serving the production build,
// precompressed) against a fresh `ng new` app built with the same Angular CLI and served with the same
// compression, side by side in the same run. Chromium loads each page; the figure is the sum of the
// encoded (on-the-wire) body sizes of every script the page fetched until the network was idle.
// Target (issue "What a newcomer hits first"): Lantern <= 3 x the fresh app.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import { chromium } from 'playwright-core';
import { ROOT, benchDatabase, machineLine, startApi } from './lib/servers.mjs';

export const description = "initial JS transfer of Lantern's sign-in page vs a fresh `ng new` app (same CLI, same compression)";

const WEB_DIST = process.env.BENCH_WEB_DIST ?? join(ROOT, 'dist', 'apps', 'web', 'browser');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const TYPES = { '.js': 'text/javascript', '.css': 'text/css', '.html': 'text/html', '.ico': 'image/x-icon' };

function exec(cmd, args, cwd) {
  const r = spawnSync(cmd, args, {
    cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
    env: { ...process.env, NG_CLI_ANALYTICS: 'false', NX_DAEMON: 'false', CI: 'true' },
  });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed:\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

/** A fresh Angular app from this workspace's CLI, built for production; returns its browser folder. */
function buildBaseline() {
  const dir = mkdtempSync(join(tmpdir(), 'lantern-ng-new-'));
  const ng = join(ROOT, 'node_modules', '.bin', 'ng');
  const version = exec(ng, ['version'], dir).match(/Angular CLI\s*:\s*([\d.]+)/)?.[1] ?? '?';
  exec(ng, ['new', 'baseline', '--defaults', '--skip-install', '--skip-git', '--ssr=false', '--interactive=false'], dir);
  const app = join(dir, 'baseline');
  symlinkSync(join(ROOT, 'node_modules'), join(app, 'node_modules'), 'dir');
  exec(ng, ['build', '--configuration', 'production'], app);
  return { dir, version, browser: join(app, 'dist', 'baseline', 'browser') };
}

/** Static files with brotli (quality 11) for browsers that accept it, as the API serves its own. */
function serveStatic(root) {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^\/+/, '');
    let file = join(root, path);
    if (!path || !existsSync(file) || !extname(file)) file = join(root, 'index.html');
    let body = readFileSync(file);
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    res.setHeader('Content-Type', type);
    if (/\bbr\b/.test(String(req.headers['accept-encoding'])) && body.length > 1024 && type !== 'image/x-icon') {
      body = brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });
      res.setHeader('Content-Encoding', 'br');
    }
    res.setHeader('Content-Length', String(body.length));
    res.end(body);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** Scripts the page fetched until the network was idle: count, encoded bytes, decoded bytes. */
async function scriptsOf(browser, url) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'networkidle' });
  const entries = await page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .filter((e) => e.initiatorType === 'script' || e.name.endsWith('.js'))
      .map((e) => ({ name: e.name, encoded: e.encodedBodySize, decoded: e.decodedBodySize })),
  );
  // The document's own <script type="module"> tags are "navigation"-initiated in some builds.
  await context.close();
  const sum = (k) => entries.reduce((n, e) => n + e[k], 0);
  return { count: entries.length, encoded: sum('encoded'), decoded: sum('decoded') };
}

/** Poll the page's main script until the API answers it brotli-compressed (at most 5 minutes). */
async function untilCompressed(base) {
  const html = await (await fetch(`${base}/sign-in`, { headers: { accept: 'text/html' } })).text();
  const main = /<script src="([^"]+)"/.exec(html)?.[1];
  if (!main) throw new Error('no <script src> in the served index.html');
  const deadline = Date.now() + 300_000;
  while (Date.now() < deadline) {
    const res = await fetch(`${base}/${main}`, { method: 'HEAD', headers: { 'accept-encoding': 'br' } });
    if (res.headers.get('content-encoding') === 'br') return;
    await new Promise((r) => setTimeout(r, 1_000));
  }
  throw new Error('the API never served its scripts compressed');
}

const kb = (n) => `${(n / 1024).toFixed(1)} kB`;

export async function run() {
  console.log(await machineLine());
  if (!existsSync(join(WEB_DIST, 'index.html'))) {
    console.log('building the web app (production) ...');
    exec(join(ROOT, 'node_modules', '.bin', 'nx'), ['run', 'web:build:production', '--outputStyle=static'], ROOT);
  }
  console.log('building a fresh `ng new` app with the same CLI ...');
  const baseline = buildBaseline();
  const db = await benchDatabase();
  const api = await startApi({ databaseUrl: db.url, label: 'api', extraEnv: { WEB_DIST_DIR: WEB_DIST } });
  const fresh = await serveStatic(baseline.browser);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    // The API compresses its assets once at start, off the request path: wait until it serves them.
    await untilCompressed(api.url);
    const lantern = await scriptsOf(browser, `${api.url}/sign-in`);
    const ngNew = await scriptsOf(browser, `http://127.0.0.1:${fresh.address().port}/`);
    console.log(`Angular CLI ${baseline.version}; brotli quality 11 for both`);
    console.log('page                      scripts   on the wire   uncompressed');
    console.log(`fresh ng new app          ${String(ngNew.count).padStart(7)}   ${kb(ngNew.encoded).padStart(11)}   ${kb(ngNew.decoded).padStart(12)}`);
    console.log(`Lantern /sign-in          ${String(lantern.count).padStart(7)}   ${kb(lantern.encoded).padStart(11)}   ${kb(lantern.decoded).padStart(12)}`);
    console.log(`ratio (on the wire)       ${(lantern.encoded / ngNew.encoded).toFixed(2)} (target <= 3)`);
  } finally {
    await browser.close();
    fresh.close();
    await api.stop?.();
    await db.drop();
    rmSync(baseline.dir, { recursive: true, force: true });
  }
}
