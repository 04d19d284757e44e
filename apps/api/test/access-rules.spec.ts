import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { MetadataScanner, ModulesContainer, Reflector } from '@nestjs/core';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import {
  RESOLVER_NAME_METADATA,
  RESOLVER_PROPERTY_METADATA,
  RESOLVER_TYPE_METADATA,
} from '@nestjs/graphql/dist/graphql.constants';
import { getNamedType, isCompositeType, isObjectType } from 'graphql';
import { POLICY_RULES } from '@lantern/shared-domain';
import { ACCESS_KEY, AccessRule } from '../src/common/auth/decorators';
import { FIELD_ACCESS_KEY, FieldAccessRule } from '../src/common/graphql/field-access';
import { StreamRegistry } from '../src/modules/streams/stream-registry';
import { TestApp, startTestApp } from './support/test-app';

/**
 * Deny by default, checked: every way in declares who may use it. GraphQL operations and REST
 * routes carry @Public (on REST with a reason), @SignedIn or @Allow for PolicyGuard; field resolvers
 * that reach other records declare what they may return (@FieldAccess); every real-time stream kind
 * names a rule of the one policy.
 */

/** Field resolvers that reach other records without a @FieldAccess rule, each with the reason. */
const FIELDS_WITHOUT_RULE: Record<string, string> = {
  'Viewer.memberships': 'the viewer’s own roles (modules/auth)',
  'Viewer.secondFactor':
    'the viewer’s own second factor and this session’s elevation (modules/second-factor)',
};
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

  it('finds no field resolver reaching other records without a rule, unless listed with a reason', () => {
    const { schema } = t.app.get(GraphQLSchemaHost);
    const reaching: string[] = [];
    const withoutRule: string[] = [];
    const ruled = new Set<string>();
    for (const h of handlersOf('providers')) {
      if (!Reflect.getMetadata(RESOLVER_PROPERTY_METADATA, h.handler)) continue;
      const typeName = Reflect.getMetadata(RESOLVER_NAME_METADATA, h.owner as object) as string;
      const fieldName =
        (Reflect.getMetadata(RESOLVER_NAME_METADATA, h.handler) as string | undefined) ?? h.handler.name;
      const type = schema.getType(typeName);
      const field = isObjectType(type) ? type.getFields()[fieldName] : undefined;
      if (!field) throw new Error(`${typeName}.${fieldName} (${h.label}) is not in the schema`);
      // A scalar or an enum is part of the parent; an object type is another record (or several).
      if (!isCompositeType(getNamedType(field.type))) continue;
      const coordinate = `${typeName}.${fieldName}`;
      reaching.push(coordinate);
      const rule = Reflect.getMetadata(FIELD_ACCESS_KEY, h.handler) as FieldAccessRule | undefined;
      if (rule) ruled.add(coordinate);
      else if (!FIELDS_WITHOUT_RULE[coordinate]) withoutRule.push(coordinate);
    }
    expect(reaching.length).toBeGreaterThan(25);
    expect(reaching).toEqual(
      expect.arrayContaining(['LibraryResource.variants', 'User.memberships', 'Invitation.invitedBy']),
    );
    expect(withoutRule).toEqual([]);
    // Every listed exception is a real field resolver that still has no rule.
    const stale = Object.keys(FIELDS_WITHOUT_RULE).filter((c) => !reaching.includes(c) || ruled.has(c));
    expect(stale).toEqual([]);
  });

  it('finds no stream kind without a rule of the one policy', () => {
    const kinds = t.app.get(StreamRegistry).kinds();
    expect(kinds.map((k) => k.kind)).toEqual(expect.arrayContaining(['notifications', 'forum-thread']));
    const withoutRule = kinds.filter((k) => !Object.keys(POLICY_RULES).includes(k.rule)).map((k) => k.kind);
    expect(withoutRule).toEqual([]);
    for (const k of kinds) expect(['server', 'readers']).toContain(k.writers);
  });
});
