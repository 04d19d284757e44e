import type { INestApplicationContext } from '@nestjs/common';
import { Permission, can, ScopeKind } from '@lantern/shared-domain';
import { StreamRegistry } from '../../src/modules/streams/stream-registry';

/**
 * A stream kind for tests and benchmarks only: `trust-room:<trustId>`, readable and writable by
 * anyone whose roles reach that trust (the same policy call a real feature would make). No feature
 * of the product registers it.
 */
export function registerTestStreams(app: INestApplicationContext): void {
  const reaches = (actor: Parameters<typeof can>[0], trustId: string) =>
    (!!actor && actor.grants.some((g) => g.trustId === trustId)) ||
    can(actor, Permission.AuditRead, { kind: ScopeKind.Trust, trustId });
  app.get(StreamRegistry).register({ kind: 'trust-room', canRead: reaches, canWrite: reaches });
}

/**
 * Benchmarks only (stream-test-server.ts registers it when LANTERN_BENCH_STREAMS=1): `bench-room:<n>`,
 * readable and writable by any signed-in person, so a benchmark can make as many rooms as it needs.
 */
export function registerBenchStreams(app: INestApplicationContext): void {
  const signedIn = (actor: Parameters<typeof can>[0]) => !!actor?.userId;
  app.get(StreamRegistry).register({ kind: 'bench-room', canRead: signedIn, canWrite: signedIn });
}
