import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { MetadataScanner, ModulesContainer, Reflector } from '@nestjs/core';
import { RESOLVER_TYPE_METADATA } from '@nestjs/graphql/dist/graphql.constants';
import { POLICY_RULES } from '@lantern/shared-domain';
import { ACCESS_KEY, AccessRule } from '../src/common/auth/decorators';
import { StreamRegistry } from '../src/modules/streams/stream-registry';
import { TestApp, startTestApp } from './support/test-app';

/**
 * Deny by default, checked: every way in declares who may use it. GraphQL operations and REST
 * routes carry @Public (on REST with a reason), @SignedIn or @Allow for PolicyGuard; every real-time
 * stream kind names a rule of the one policy.
 */
describe('every way in declares who may use it', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  type Handler = { label: string; handler: (...args: unknown[]) => unknown; owner: unknown };
  const handlersOf = (kind: 'providers' | 'controllers'): Handler[] => {
    const scanner = new MetadataScanner();
    const found: Handler[] = [];
    for (const m of t.app.get(ModulesContainer).values()) {
      for (const wrapper of m[kind].values()) {
        const instance = wrapper.instance as object | undefined;
        if (!instance || !wrapper.metatype) continue;
        const proto = Object.getPrototypeOf(instance) as Record<string, unknown>;
        for (const name of scanner.getAllMethodNames(proto))
          found.push({
            label: `${String(wrapper.name)}.${name}`,
            handler: proto[name] as Handler['handler'],
            owner: wrapper.metatype,
          });
      }
    }
    return found;
  };
  const ruleOf = (h: Handler) =>
    t.app.get(Reflector).getAllAndOverride<AccessRule | undefined>(ACCESS_KEY, [h.handler, h.owner as never]);

  it('finds no Query or Mutation without @Public, @SignedIn or @Allow', () => {
    const operations: string[] = [];
    const unguarded: string[] = [];
    for (const h of handlersOf('providers')) {
      const kind = Reflect.getMetadata(RESOLVER_TYPE_METADATA, h.handler) as string | undefined;
      if (kind !== 'Query' && kind !== 'Mutation') continue;
      operations.push(`${h.label} (${kind})`);
      if (!ruleOf(h)) unguarded.push(`${h.label} (${kind})`);
    }
    expect(operations.length).toBeGreaterThan(15);
    expect(unguarded).toEqual([]);
  });

  it('finds no REST route without @SignedIn or @Allow, or an explicit @Public with a reason', () => {
    const routes: string[] = [];
    const unguarded: string[] = [];
    for (const h of handlersOf('controllers')) {
      if (Reflect.getMetadata(PATH_METADATA, h.handler) === undefined) continue;
      const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, h.handler) as number];
      const label = `${method} ${h.label}`;
      routes.push(label);
      const rule = ruleOf(h);
      if (!rule || (rule.kind === 'public' && !rule.reason?.trim())) unguarded.push(label);
    }
    expect(routes).toEqual(
      expect.arrayContaining([
        'POST FilesController.upload',
        'GET FilesController.download',
        'GET EhcpExportController.export',
      ]),
    );
    expect(unguarded).toEqual([]);
  });

  it('finds no stream kind without a rule of the one policy', () => {
    const kinds = t.app.get(StreamRegistry).kinds();
    expect(kinds.map((k) => k.kind)).toEqual(expect.arrayContaining(['notifications', 'forum-thread']));
    const withoutRule = kinds.filter((k) => !Object.keys(POLICY_RULES).includes(k.rule)).map((k) => k.kind);
    expect(withoutRule).toEqual([]);
    for (const k of kinds) expect(['server', 'readers']).toContain(k.writers);
  });
});
