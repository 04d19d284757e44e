import { DataSource } from 'typeorm';

/**
 * Initialise the data source, retrying while the server is unreachable, for at most `timeoutMs`.
 * Throws an error that names the database (without its password) when it never answers.
 */
export async function connectWithRetry(
  ds: DataSource,
  timeoutMs: number,
  onWait: (message: string) => void,
): Promise<void> {
  const started = Date.now();
  let delay = 250;
  for (;;) {
    try {
      await ds.initialize();
      return;
    } catch (err) {
      const elapsed = Date.now() - started;
      const reason = err instanceof Error ? err.message : String(err);
      if (elapsed + delay > timeoutMs) {
        throw new Error(
          `Could not connect to the database at ${redactUrl(String((ds.options as { url?: string }).url))} ` +
            `within ${Math.round(timeoutMs / 1000)} s: ${reason}. Check DATABASE_URL and that PostgreSQL is running.`,
        );
      }
      onWait(`Waiting for the database (${reason}); retrying in ${delay} ms`);
      await new Promise((r) => setTimeout(r, delay));
      delay = Math.min(delay * 2, 5_000);
    }
  }
}

export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(unparseable URL)';
  }
}
