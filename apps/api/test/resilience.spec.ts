import { spawnSync } from 'node:child_process';
import { createServer, Server, Socket, connect } from 'node:net';
import { join } from 'node:path';
import { DEMO, TestApp, startTestApp } from './support/test-app';
import { MAIN_ARGS, tsNodeEnv } from './support/spawn-api';

/** A TCP proxy to PostgreSQL that the test can cut and restore, to take the database away. */
class CuttableProxy {
  private server: Server | null = null;
  private sockets = new Set<Socket>();
  port = 0;
  constructor(private readonly target: { host: string; port: number }) {}

  async open(port = 0): Promise<void> {
    this.server = createServer((client) => {
      const upstream = connect(this.target.port, this.target.host);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => s.destroy());
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((r) => this.server!.listen(port, '127.0.0.1', r));
    this.port = (this.server!.address() as { port: number }).port;
  }

  async cut(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((r) => server.close(() => r()));
  }
}

describe('when the database goes away and comes back', () => {
  let t: TestApp;
  let proxy: CuttableProxy;
  beforeAll(async () => {
    const direct = new URL(process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres');
    proxy = new CuttableProxy({ host: direct.hostname, port: Number(direct.port || 5432) });
    await proxy.open();
    t = await startTestApp(
      {},
      {
        reach: (url) => {
          const through = new URL(url);
          through.port = String(proxy.port);
          return through.toString();
        },
      },
    );
  });
  afterAll(async () => {
    await t.close();
    await proxy.cut().catch(() => undefined);
  });

  it('reports 503 on /health while it is down, stays up, and recovers by itself', async () => {
    expect((await fetch(`${t.url}/health`)).status).toBe(200);
    await proxy.cut();
    const down = await fetch(`${t.url}/health`);
    expect(down.status).toBe(503);
    expect(await down.json()).toMatchObject({ status: 'unavailable', database: 'down' });

    const c = t.client();
    const r = await c.gql(
      'mutation($e: String!, $p: String!) { login(input: { email: $e, password: $p }) { user { id } } }',
      {
        e: DEMO.admin,
        p: 'lantern-demo-2026',
      },
    );
    expect(r.errors?.[0]?.extensions?.code).toMatch(/SERVICE_UNAVAILABLE|INTERNAL_SERVER_ERROR/);
    expect(JSON.stringify(r.errors)).not.toMatch(/ECONNREFUSED|stack/);

    await proxy.open(proxy.port);
    let status = 0;
    for (let i = 0; i < 40 && status !== 200; i++) {
      status = (await fetch(`${t.url}/health`)).status;
      if (status !== 200) await new Promise((res) => setTimeout(res, 250));
    }
    expect(status).toBe(200);
    await t.signedIn(DEMO.admin);
  });
});

describe('starting up', () => {
  const run = (env: Record<string, string>) =>
    spawnSync(process.execPath, MAIN_ARGS, {
      cwd: join(__dirname, '..'),
      env: tsNodeEnv(env),
      encoding: 'utf8',
      timeout: 60_000,
    });

  it('stops with a message naming each invalid variable', () => {
    const r = run({ PORT: 'eighty', NODE_ENV: 'staging', DATABASE_URL: 'mysql://x' });
    expect(r.status).toBe(78);
    expect(r.stderr).toMatch(/PORT must be a whole number/);
    expect(r.stderr).toMatch(/NODE_ENV must be development, test or production/);
    expect(r.stderr).toMatch(/DATABASE_URL must be a URL starting with postgres:/);
  });

  it('stops with a clear message when the database never answers', () => {
    const r = run({
      DATABASE_URL: 'postgres://postgres:secret@127.0.0.1:9/lantern',
      DB_CONNECT_TIMEOUT_MS: '1500',
      PORT: '39123',
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(
      /Could not connect to the database at postgres:\/\/postgres:\*\*\*@127\.0\.0\.1:9\/lantern/,
    );
    expect(r.stderr).not.toContain('secret');
  });
});
