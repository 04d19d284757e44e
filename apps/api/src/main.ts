import { ConfigError, loadConfig } from './config/config';
import { start } from './bootstrap';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\nSee .env.example for every setting.\n`);
      process.exit(78);
    }
    throw err;
  }
  let running: Awaited<ReturnType<typeof start>>;
  try {
    running = await start(config);
  } catch (err) {
    process.stderr.write(`Lantern could not start: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  }
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    running.logger.info({ signal }, 'Shutting down');
    running
      .close()
      .then(() => process.exit(0))
      .catch((err) => {
        running.logger.error({ err }, 'Error while shutting down');
        process.exit(1);
      });
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

void main();
