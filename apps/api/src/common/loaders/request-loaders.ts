import { Type } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import DataLoader from 'dataloader';
import { DataSource, EntityTarget, FindOptionsOrder, FindOptionsWhere, In, ObjectLiteral } from 'typeorm';

/** A module's loader: a singleton that makes a fresh DataLoader for each request. */
export interface LoaderFactory<K, V> {
  create(): DataLoader<K, V>;
}

/** Per-request cache of DataLoaders, created lazily, so a request batches and never leaks to another. */
export class RequestLoaders {
  private readonly loaders = new Map<Type<unknown>, DataLoader<unknown, unknown>>();
  constructor(private readonly moduleRef: ModuleRef) {}

  private readonly named = new Map<string, DataLoader<unknown, unknown>>();

  /** A loader that depends on the request (e.g. on the viewer), made once per request under `key`. */
  memo<K, V>(key: string, make: () => DataLoader<K, V>): DataLoader<K, V> {
    let loader = this.named.get(key);
    if (!loader) {
      loader = make() as DataLoader<unknown, unknown>;
      this.named.set(key, loader);
    }
    return loader as DataLoader<K, V>;
  }

  get<K, V>(factory: Type<LoaderFactory<K, V>>): DataLoader<K, V> {
    let loader = this.loaders.get(factory);
    if (!loader) {
      loader = factoryOf(this.moduleRef, factory).create() as DataLoader<unknown, unknown>;
      this.loaders.set(factory, loader);
    }
    return loader as DataLoader<K, V>;
  }
}

/**
 * The factories are singletons: find each once per application. (A non-strict `moduleRef.get`
 * searches every module, which on every request was a measurable part of its fixed cost.)
 */
const factories = new WeakMap<ModuleRef, Map<Type<unknown>, LoaderFactory<unknown, unknown>>>();

function factoryOf<K, V>(moduleRef: ModuleRef, type: Type<LoaderFactory<K, V>>): LoaderFactory<K, V> {
  let known = factories.get(moduleRef);
  if (!known) factories.set(moduleRef, (known = new Map()));
  let factory = known.get(type);
  if (!factory) {
    factory = moduleRef.get(type, { strict: false }) as LoaderFactory<unknown, unknown>;
    known.set(type, factory);
  }
  return factory as LoaderFactory<K, V>;
}

/** Order rows to match keys, as DataLoader requires. */
export function byKey<K, V>(keys: readonly K[], rows: readonly V[], keyOf: (v: V) => K): (V | null)[] {
  const map = new Map<K, V>();
  for (const r of rows) map.set(keyOf(r), r);
  return keys.map((k) => map.get(k) ?? null);
}

export function groupByKey<K, V>(keys: readonly K[], rows: readonly V[], keyOf: (v: V) => K): V[][] {
  const map = new Map<K, V[]>();
  for (const r of rows) {
    const k = keyOf(r);
    const list = map.get(k);
    if (list) list.push(r);
    else map.set(k, [r]);
  }
  return keys.map((k) => map.get(k) ?? []);
}

/** A DataLoader of one row per id (null when missing), for any entity with an `id` column. */
export function byIdLoader<E extends { id: string }>(
  ds: DataSource,
  entity: EntityTarget<E>,
): DataLoader<string, E | null> {
  return new DataLoader<string, E | null>(async (ids) =>
    byKey(
      ids,
      (await ds.getRepository(entity).findBy({ id: In([...ids]) } as FindOptionsWhere<E>)) as E[],
      (e) => e.id,
    ),
  );
}

/** A DataLoader of all rows whose `column` equals each key, in `order`. */
export function groupedLoader<E extends ObjectLiteral>(
  ds: DataSource,
  entity: EntityTarget<E>,
  column: keyof E & string,
  order: FindOptionsOrder<E>,
): DataLoader<string, E[]> {
  return new DataLoader<string, E[]>(async (keys) =>
    groupByKey(
      keys,
      (await ds
        .getRepository(entity)
        .find({ where: { [column]: In([...keys]) } as FindOptionsWhere<E>, order })) as E[],
      (e) => e[column] as unknown as string,
    ),
  );
}
