import { appendFileSync } from 'node:fs';
import type { INestApplication } from '@nestjs/common';
import { JobsService } from '../../src/modules/jobs/jobs.service';

/**
 * A test job, `test.echo`, for the job runner's process-level tests: each run appends
 * "<job id> <pid>" to LANTERN_TEST_ECHO_FILE. LANTERN_TEST_SEND_ECHO ("<uuid>@<seconds>,...")
 * sends those jobs at start, each delayed by its seconds (sending an id again stores nothing).
 */
export async function registerEchoJob(app: INestApplication): Promise<void> {
  const file = process.env['LANTERN_TEST_ECHO_FILE']!;
  const jobs = app.get(JobsService);
  jobs.register<{ id: string }>({
    name: 'test.echo',
    handler: async ({ id }) => appendFileSync(file, `${id} ${process.pid}\n`),
  });
  for (const item of (process.env['LANTERN_TEST_SEND_ECHO'] ?? '').split(',').filter(Boolean)) {
    const [id, seconds] = item.split('@');
    await jobs.send(
      'test.echo',
      { id: id! },
      { id, startAfter: new Date(Date.now() + Number(seconds ?? 0) * 1000) },
    );
  }
}
