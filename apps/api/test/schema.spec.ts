import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { TestApp, startTestApp } from './support/test-app';

const SCHEMA_FILE = join(__dirname, '..', 'schema.gql');
const HEADER =
  '# Generated from the code-first resolvers: do not edit. Regenerate with `npm run schema`.\n\n';

describe('the committed GraphQL schema', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('matches the schema the code produces (run `npm run schema` after changing resolvers)', () => {
    const { schema } = t.app.get(GraphQLSchemaHost);
    const printed = HEADER + printSchema(lexicographicSortSchema(schema)) + '\n';
    if (process.env['UPDATE_SCHEMA'] === '1') writeFileSync(SCHEMA_FILE, printed);
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(printed);
  });
});
