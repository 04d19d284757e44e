#!/usr/bin/env node
/**
 * npm start: build the api and the web app (production; Nx's cache makes this quick when nothing
 * changed) unless SKIP_BUILD=1, then run `node dist/apps/api/main.js` with this environment.
 * The api serves the built web app; PORT (default 3000) and everything else are the api's business.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { requireSupportedNode, runtimeNode } from './runtime.mjs';

requireSupportedNode('start');

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const main = join(root, 'dist', 'apps', 'api', 'main.js');
const log = (message) => console.log(`[start] ${message}`);

if (process.env.SKIP_BUILD === '1') {
  log('SKIP_BUILD=1: using the existing build in dist/');
} else {
  log('building api and web (production) with Nx ...');
  const nx = join(root, 'node_modules', '.bin', 'nx');
  const build = spawnSync(nx, ['run-many', '-t', 'build', '-p', 'api,web', '--outputStyle=static'], {
    cwd: root,
    stdio: 'inherit',
    env: { NX_DAEMON: 'false', ...process.env },
  });
  if (build.status !== 0) {
    log(`build failed (${build.error?.message ?? `exit code ${build.status}`}); not starting`);
    process.exit(build.status || 1);
  }
}
if (!existsSync(main)) {
  log(`${main} is missing: run without SKIP_BUILD=1 to build it`);
  process.exit(1);
}

const port = process.env.PORT || '3000';
const url = `http://localhost:${port}`;
log(`starting dist/apps/api/main.js on Node ${process.versions.node} (NODE_ENV=${process.env.NODE_ENV ?? 'unset'}) ...`);
const api = spawn(runtimeNode(), [main], { cwd: root, stdio: 'inherit', env: process.env });

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => api.kill(signal));
}
api.on('exit', (code, signal) => {
  log(`the api stopped (${signal ?? `exit code ${code}`})`);
  process.exit(code ?? (signal ? 1 : 0));
});

// Say where it is serving once it really answers.
const deadline = Date.now() + 120_000;
while (api.exitCode === null && Date.now() < deadline) {
  try {
    const response = await fetch(`${url}/health`, { signal: AbortSignal.timeout(2_000) });
    if (response.ok) {
      log(`Lantern is serving at ${url} (health: ${url}/health)`);
      break;
    }
  } catch {
    // not listening yet
  }
  await new Promise((done) => setTimeout(done, 500));
}
