import type { AddressInfo } from 'node:net';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Client } from 'pg';
import { AppConfig, loadConfig } from '../../src/config/config';
import { createApp } from '../../src/bootstrap';
import { createLogger } from '../../src/common/logging/logger';
import { admin, dropDatabase, quoteIdent, urlFor } from './databases';

let counter = 0;

export interface TestApp {
  app: NestExpressApplication;
  url: string;
  databaseUrl: string;
  config: AppConfig;
  /** Run SQL against this test's own database. */
  sql<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  client(): GqlClient;
  /** A client already signed in as a demo account. */
  signedIn(email: string): Promise<GqlClient>;
  close(): Promise<void>;
}

export const DEMO_PASSWORD = 'lantern-demo-2026';
export const TEST_ORIGIN = 'http://lantern.test';
/** SECOND_FACTOR_KEY for apps started with NODE_ENV=production (which needs one). */
export const PRODUCTION_KEY = 'test-only-production-second-factor-key-0123456789';
export const DEMO = {
  admin: 'network.admin@demo.lantern.test',
  sendLead: 'send.lead@demo.lantern.test',
  leaderAssisi: 'trust.leader.assisi@demo.lantern.test',
  leaderChristus: 'trust.leader.christus@demo.lantern.test',
  headHolyFamily: 'headteacher.holy-family@demo.lantern.test',
  sencoHolyFamily: 'senco.holy-family@demo.lantern.test',
  sencoHolyCross: 'senco.holy-cross@demo.lantern.test',
  sencoStJosephsAct: 'senco.st-josephs-act@demo.lantern.test',
  sendLeadMagnificat: 'send.lead.magnificat@demo.lantern.test',
  sencoStBernadettes: 'senco.st-bernadettes@demo.lantern.test',
  staffHolyFamily: 'staff.holy-family@demo.lantern.test',
} as const;

export interface GqlResponse<T> {
  status: number;
  data: T | null;
  errors?: Array<{
    message: string;
    extensions?: { code?: string; fields?: Record<string, string>; requestId?: string };
  }>;
  headers: Headers;
}

/** A GraphQL client with its own cookie jar: one per simulated browser. */
export class GqlClient {
  cookie: string | null = null;
  /** Sent with every request (e.g. an X-Request-Id, to count one request's SQL statements). */
  headers: Record<string, string> = {};
  constructor(private readonly baseUrl: string) {}

  async gql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<GqlResponse<T>> {
    const res = await fetch(`${this.baseUrl}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...this.headers,
      },
      body: JSON.stringify({ query, variables }),
    });
    this.keepCookies(res.headers.getSetCookie());
    const body = (await res.json()) as { data?: T; errors?: GqlResponse<T>['errors'] };
    return { status: res.status, data: body.data ?? null, errors: body.errors, headers: res.headers };
  }

  /** A cookie jar: each Set-Cookie replaces the cookie of that name; an empty value removes it. */
  keepCookies(setCookies: readonly string[]): void {
    if (!setCookies.length) return;
    const jar = new Map<string, string>();
    for (const pair of (this.cookie ?? '').split('; ').filter(Boolean)) jar.set(pair.split('=')[0]!, pair);
    for (const header of setCookies) {
      const pair = header.split(';')[0] ?? '';
      const name = pair.split('=')[0]!;
      if (pair.endsWith('=') || /expires=Thu, 01 Jan 1970/i.test(header)) jar.delete(name);
      else jar.set(name, pair);
    }
    this.cookie = jar.size ? [...jar.values()].join('; ') : null;
  }

  /** Run and expect success; throws with the errors otherwise. */
  async ok<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<T> {
    const r = await this.gql<T>(query, variables);
    if (r.errors?.length || !r.data) throw new Error(`GraphQL failed: ${JSON.stringify(r.errors)}`);
    return r.data;
  }

  /** Run and expect an error with `code`; returns the first error. */
  async fails(query: string, variables: Record<string, unknown> | undefined, code: string) {
    const r = await this.gql(query, variables);
    const err = r.errors?.[0];
    if (!err) throw new Error(`Expected ${code} but the operation succeeded: ${JSON.stringify(r.data)}`);
    if (err.extensions?.code !== code) throw new Error(`Expected ${code}, got ${JSON.stringify(r.errors)}`);
    return { error: err, response: r };
  }
}

export const LOGIN = `mutation Login($email: String!, $password: String!) {
  login(input: { email: $email, password: $password }) { user { id displayName } permissions }
}`;

/**
 * A Lantern API on its own fresh database (cloned from the seeded template) on a random port.
 * `env` overrides configuration, as environment variables would.
 */
export async function startTestApp(
  env: Record<string, string> = {},
  opts: {
    /** How the app reaches its database (e.g. through a proxy). */
    reach?: (url: string) => string;
    /** Runs before the app listens (e.g. registerTestStreams). */
    beforeListen?: (app: NestExpressApplication) => void;
  } = {},
): Promise<TestApp> {
  const template = process.env['LANTERN_TEST_TEMPLATE'];
  if (!template)
    throw new Error('Run the API tests through jest (the global setup makes the template database).');
  const name = `lantern_test_${process.env['LANTERN_TEST_RUN']}_${process.pid}_${++counter}`;
  await admin((c) => c.query(`CREATE DATABASE ${quoteIdent(name)} TEMPLATE ${quoteIdent(template)}`));
  const databaseUrl = urlFor(name);
  const config = {
    ...loadConfig({
      NODE_ENV: 'test',
      DATABASE_URL: databaseUrl,
      LOG_LEVEL: 'silent',
      RATE_LIMIT_LOGIN_PER_MINUTE: '1000',
      RATE_LIMIT_MUTATIONS_PER_MINUTE: '10000',
      // Test sockets present this origin (the app's port is random, so localhost:PORT cannot be listed).
      ALLOWED_ORIGINS: TEST_ORIGIN,
      // `npm test` runs this suite a second time with DB_POOL_MAX=1: a second connection opened
      // inside a transaction then deadlocks, as it would on the embedded default.
      ...(process.env['DB_POOL_MAX'] ? { DB_POOL_MAX: process.env['DB_POOL_MAX'] } : {}),
      ...env,
    }),
    host: '127.0.0.1',
  };
  const reachUrl = opts.reach ? opts.reach(databaseUrl) : databaseUrl;
  const app = await createApp(
    { ...config, databaseUrl: reachUrl },
    { url: reachUrl, poolMax: config.dbPoolMax },
    createLogger(config.logLevel),
  );
  await app.init();
  opts.beforeListen?.(app);
  await app.listen(0, '127.0.0.1');
  // Keep idle connections open longer than a test ever pauses, so fetch never reuses a socket the
  // server is closing at that moment (ECONNRESET on a loaded machine).
  app.getHttpServer().keepAliveTimeout = 120_000;
  const port = (app.getHttpServer().address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;
  const pg = new Client({ connectionString: databaseUrl });
  await pg.connect();
  return {
    app,
    url,
    databaseUrl,
    config,
    sql: async (text, params) => (await pg.query(text, params)).rows,
    client: () => new GqlClient(url),
    async signedIn(email: string) {
      const c = new GqlClient(url);
      await c.ok(LOGIN, { email, password: DEMO_PASSWORD });
      return c;
    },
    async close() {
      await pg.end();
      await app.close();
      await dropDatabase(name);
    },
  };
}
