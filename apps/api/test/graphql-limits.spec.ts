import { GRAPHQL_LIMITS } from '../src/app/app.module';
import { DEMO, PRODUCTION_KEY, TestApp, startTestApp } from './support/test-app';

async function post(url: string, body: string, cookie?: string | null) {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    body,
  });
  return {
    status: res.status,
    body: (await res.json()) as {
      data?: unknown;
      errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
    },
  };
}

describe('GraphQL request limits and errors', () => {
  let t: TestApp;
  let cookie: string | null;
  beforeAll(async () => {
    t = await startTestApp();
    cookie = (await t.signedIn(DEMO.sendLead)).cookie;
  });
  afterAll(() => t.close());

  it('answers malformed GraphQL with a parse error and no data', async () => {
    const r = await post(t.url, JSON.stringify({ query: '{ trusts { name ' }), cookie);
    expect(r.status).toBe(400);
    expect(r.body.data).toBeUndefined();
    expect(r.body.errors?.[0]?.extensions?.['code']).toBe('GRAPHQL_PARSE_FAILED');
  });

  it('answers a body that is not JSON with a 400, not a crash', async () => {
    const r = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{not json',
    });
    expect(r.status).toBe(400);
    const health = await fetch(`${t.url}/health`);
    expect(health.status).toBe(200);
  });

  it('refuses an over-deep query', async () => {
    // trusts > schools > trust > schools > ... well past the depth limit.
    let inner = 'name';
    for (let i = 0; i < GRAPHQL_LIMITS.maxDepth; i++) inner = `schools { trust { ${inner} } }`;
    const r = await post(t.url, JSON.stringify({ query: `{ trusts { ${inner} } }` }), cookie);
    expect(r.body.data).toBeUndefined();
    expect(r.body.errors?.[0]?.extensions?.['code']).toBe('QUERY_TOO_COMPLEX');
  });

  it('refuses a query with too many aliases', async () => {
    const aliases = Array.from(
      { length: GRAPHQL_LIMITS.maxAliases + 5 },
      (_, i) => `a${i}: trusts { name }`,
    ).join(' ');
    const r = await post(t.url, JSON.stringify({ query: `{ ${aliases} }` }), cookie);
    expect(r.body.errors?.[0]?.extensions?.['code']).toBe('QUERY_TOO_COMPLEX');
  });

  it('refuses a document with too many tokens', async () => {
    const fields = Array.from({ length: GRAPHQL_LIMITS.maxTokens }, () => 'name').join(' ');
    const r = await post(t.url, JSON.stringify({ query: `{ trusts { ${fields} } }` }), cookie);
    expect(r.status).toBe(400);
    expect(r.body.errors?.[0]?.extensions?.['code']).toBe('QUERY_TOO_COMPLEX');
  });

  it('refuses batched requests', async () => {
    const r = await post(
      t.url,
      JSON.stringify([{ query: '{ trusts { name } }' }, { query: '{ trusts { name } }' }]),
      cookie,
    );
    expect(r.status).toBe(400);
  });

  it('suggests field names outside production and allows introspection there', async () => {
    const r = await post(t.url, JSON.stringify({ query: '{ trusts { nam } }' }), cookie);
    expect(r.body.errors?.[0]?.message).toMatch(/Did you mean/);
  });

  it('returns security headers with a content security policy', async () => {
    const r = await fetch(`${t.url}/health`);
    expect(r.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    expect(r.headers.get('x-powered-by')).toBeNull();
    expect(r.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('does not serve the development outbox... except outside production (this is a test app)', async () => {
    const r = await fetch(`${t.url}/dev/outbox`);
    expect(r.status).toBe(200);
    expect(await r.text()).toContain('Development outbox');
  });
});

describe('in production', () => {
  let t: TestApp;
  let cookie: string | null;
  beforeAll(async () => {
    t = await startTestApp({ NODE_ENV: 'production', COOKIE_SECURE: 'false', SECOND_FACTOR_KEY: PRODUCTION_KEY });
    // Production never seeds demo accounts; the template database already holds them, so sign-in works here.
    cookie = (await t.signedIn(DEMO.sendLead)).cookie;
  });
  afterAll(() => t.close());

  it('disables introspection', async () => {
    const r = await post(t.url, JSON.stringify({ query: '{ __schema { types { name } } }' }), cookie);
    expect(r.body.data).toBeUndefined();
    expect(JSON.stringify(r.body.errors)).toMatch(/introspection/i);
  });

  it('gives no field suggestions', async () => {
    const r = await post(t.url, JSON.stringify({ query: '{ trusts { nam } }' }), cookie);
    expect(r.body.errors?.[0]?.message).not.toMatch(/Did you mean/);
  });

  it('masks unexpected errors: a reference, never a stack, SQL or the original message', async () => {
    await t.sql('ALTER TABLE national_averages RENAME COLUMN source TO source_broken');
    try {
      const r = await post(t.url, JSON.stringify({ query: '{ nationalAverages { phase source } }' }), cookie);
      const err = r.body.errors?.[0];
      expect(err?.extensions?.['code']).toBe('INTERNAL_SERVER_ERROR');
      expect(err?.message).toMatch(/quote reference [0-9a-f-]{36}/);
      const text = JSON.stringify(r.body);
      expect(text).not.toMatch(/source_broken|SELECT|stack|column/i);
      expect(err?.extensions?.['debug']).toBeUndefined();
    } finally {
      await t.sql('ALTER TABLE national_averages RENAME COLUMN source_broken TO source');
    }
  });

  it('does not serve the development outbox', async () => {
    expect((await fetch(`${t.url}/dev/outbox`)).status).toBe(404);
  });
});
