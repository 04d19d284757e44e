import { MetadataScanner, ModulesContainer, Reflector } from '@nestjs/core';
import { RESOLVER_TYPE_METADATA } from '@nestjs/graphql/dist/graphql.constants';
import { ACCESS_KEY } from '../src/common/auth/decorators';
import { TestApp, startTestApp } from './support/test-app';

describe('every GraphQL operation declares who may call it', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('finds no Query or Mutation without @Public, @SignedIn or @Allow', () => {
    const modules = t.app.get(ModulesContainer);
    const scanner = new MetadataScanner();
    const reflector = t.app.get(Reflector);
    const operations: string[] = [];
    const unguarded: string[] = [];
    const wrappers = [...modules.values()].flatMap((m) => [...m.providers.values()]);
    for (const wrapper of wrappers) {
      const instance = wrapper.instance as object | undefined;
      if (!instance || !wrapper.metatype) continue;
      const proto = Object.getPrototypeOf(instance) as Record<string, unknown>;
      for (const name of scanner.getAllMethodNames(proto)) {
        const handler = proto[name] as (...args: unknown[]) => unknown;
        const kind = Reflect.getMetadata(RESOLVER_TYPE_METADATA, handler) as string | undefined;
        if (kind !== 'Query' && kind !== 'Mutation') continue;
        const label = `${wrapper.name}.${name} (${kind})`;
        operations.push(label);
        if (!reflector.getAllAndOverride(ACCESS_KEY, [handler, wrapper.metatype as never]))
          unguarded.push(label);
      }
    }
    expect(operations.length).toBeGreaterThan(15);
    expect(unguarded).toEqual([]);
  });
});
