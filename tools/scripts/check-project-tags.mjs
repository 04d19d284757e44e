#!/usr/bin/env node
/**
 * Every project needs exactly one scope:* and one type:* tag, or the module-boundary rule in
 * eslint.config.mjs cannot place it. Projects under libs/web/ must be scope:web, libs/shared/
 * scope:shared, apps/api scope:api. Run by `npm run lint`.
 */
process.env.NX_DAEMON ??= 'false';
const { createProjectGraphAsync } = (await import('@nx/devkit')).default;

const SCOPE_BY_FOLDER = [
  ['libs/web/', 'scope:web'],
  ['libs/shared/', 'scope:shared'],
  ['libs/api/', 'scope:api'],
  ['apps/api/', 'scope:api'],
  ['apps/web-e2e/', 'scope:e2e'],
  ['apps/web/', 'scope:web'],
];

const graph = await createProjectGraphAsync({ exitOnError: true });
const names = Object.keys(graph.nodes).sort();
const problems = [];
for (const name of names) {
  const project = graph.nodes[name].data;
  const tags = project.tags ?? [];
  const scopes = tags.filter((tag) => tag.startsWith('scope:'));
  const types = tags.filter((tag) => tag.startsWith('type:'));
  if (scopes.length !== 1)
    problems.push(`${name} (${project.root}): needs exactly one scope:* tag, has [${scopes}]`);
  if (types.length !== 1)
    problems.push(`${name} (${project.root}): needs exactly one type:* tag, has [${types}]`);
  const expected = SCOPE_BY_FOLDER.find(([folder]) => `${project.root}/`.startsWith(folder))?.[1];
  if (expected && scopes.length === 1 && scopes[0] !== expected) {
    problems.push(`${name} (${project.root}): projects there are ${expected}, this one is ${scopes[0]}`);
  }
}

if (problems.length > 0) {
  console.error(`Project tags (see docs/development.md):\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(`Project tags: all ${names.length} projects have a scope and a type tag.`);
