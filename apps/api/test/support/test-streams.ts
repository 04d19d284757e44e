import type { INestApplicationContext } from '@nestjs/common';
import { StreamRegistry } from '../../src/modules/streams/stream-registry';

/**
 * A stream kind for tests and benchmarks only: `trust-room:<trustId>`, readable and writable by
 * anyone with a role in that trust, and network-level roles (the policy's `inTrust` rule). No
 * feature of the product registers it.
 */
export function registerTestStreams(app: INestApplicationContext): void {
  app.get(StreamRegistry).register({
    kind: 'trust-room',
    rule: 'inTrust',
    record: (trustId) => ({ trustId }),
    writers: 'readers',
  });
}

/**
 * Benchmarks only (stream-test-server.ts registers it when LANTERN_BENCH_STREAMS=1): `bench-room:<n>`,
 * readable and writable by any signed-in person, so a benchmark can make as many rooms as it needs.
 */
export function registerBenchStreams(app: INestApplicationContext): void {
  app
    .get(StreamRegistry)
    .register({ kind: 'bench-room', rule: 'signedIn', record: () => ({}), writers: 'readers' });
}
