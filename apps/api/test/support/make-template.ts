// Run by global-setup in a child process: migrate and seed the template database named in argv.
import { loadConfig } from '../../src/config/config';
import { start } from '../../src/bootstrap';
import { createLogger } from '../../src/common/logging/logger';

async function main(): Promise<void> {
  const url = process.argv[2];
  if (!url) throw new Error('usage: make-template <database url>');
  const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: url, LOG_LEVEL: 'warn' });
  const running = await start({ ...config, port: 0, host: '127.0.0.1' }, createLogger('warn'));
  await running.close();
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
