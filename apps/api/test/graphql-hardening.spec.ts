import { GRAPHQL_LIMITS } from '../src/app/app.module';
import { DEMO, GqlClient, PRODUCTION_KEY, TestApp, startTestApp } from './support/test-app';

// Limits hold for GET as for POST; production hides every suggestion; a mistake in the request is
// BAD_USER_INPUT, never an internal error.

const SEARCH = 'query($f: ForumSearchFilter) { searchForum(query: "rota", filter: $f) { hasNextPage } }';
const SCOPE = 'query($s: ShareScope) { libraryResources(filter: { shareScope: $s }) { totalCount } }';

describe('GraphQL over GET and request mistakes', () => {
  let t: TestApp;
  let c: GqlClient;
  beforeAll(async () => {
    t = await startTestApp();
    c = await t.signedIn(DEMO.sencoHolyFamily);
  });
  afterAll(() => t.close());

  it('applies the token limit to GET query strings too', async () => {
    const spreads = Array(GRAPHQL_LIMITS.maxTokens).fill('...F').join(' ');
    const query = `query{${spreads}}fragment F on Query{__typename}`;
    const res = await fetch(`${t.url}/graphql?query=${encodeURIComponent(query)}`, {
      headers: { 'apollo-require-preflight': 'true', ...(c.cookie ? { cookie: c.cookie } : {}) },
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { data?: unknown; errors?: Array<{ extensions?: { code?: string } }> };
    expect(body.data).toBeUndefined();
    expect(body.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
    // A small GET still works.
    const ok = await fetch(`${t.url}/graphql?query=${encodeURIComponent('{ __typename }')}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(ok.status).toBe(200);
  });

  it('refuses a date that is not a date as BAD_USER_INPUT, in a variable or written in the query', async () => {
    const v = await c.fails(SEARCH, { f: { from: 'x' } }, 'BAD_USER_INPUT');
    expect(v.error.message).toMatch(/not a date/);
    const literal = await c.fails(
      'query { searchForum(query: "rota", filter: { from: "x" }) { hasNextPage } }',
      undefined,
      'BAD_USER_INPUT',
    );
    expect(literal.error.message).toMatch(/not a date/);
    // A real date still works.
    await c.ok(SEARCH, { f: { from: '2026-01-01', to: '2026-12-31T23:59:59Z' } });
  });

  it('answers an operation the API does not offer (a subscription) with BAD_USER_INPUT', async () => {
    const r = await c.gql('subscription { x }');
    expect(r.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('suggests enum values outside production', async () => {
    const r = await c.gql(SCOPE, { s: 'SCHOL' });
    expect(r.errors?.[0]?.message).toMatch(/Did you mean the enum value "SCHOOL"\?/);
  });
});

describe('in production', () => {
  let t: TestApp;
  let c: GqlClient;
  beforeAll(async () => {
    t = await startTestApp({ NODE_ENV: 'production', COOKIE_SECURE: 'false', SECOND_FACTOR_KEY: PRODUCTION_KEY });
    c = await t.signedIn(DEMO.sencoHolyFamily);
  });
  afterAll(() => t.close());

  it('suggests no enum values, in a variable or written in the query', async () => {
    const v = await c.gql(SCOPE, { s: 'SCHOL' });
    expect(v.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(v.errors?.[0]?.message).not.toMatch(/Did you mean|SCHOOL/);
    const literal = await c.gql('query { libraryResources(filter: { shareScope: SCHOL }) { totalCount } }');
    expect(literal.errors?.[0]?.message).toBeTruthy();
    expect(literal.errors?.[0]?.message).not.toMatch(/Did you mean|SCHOOL/);
  });
});
