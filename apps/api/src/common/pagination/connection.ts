import { Field, ObjectType, Int } from '@nestjs/graphql';
import { Type } from '@nestjs/common';
import { PAGE_SIZE_DEFAULT, PAGE_SIZE_MAX } from '@lantern/shared-domain';
import { Errors } from '../errors/app-error';

@ObjectType()
export class PageInfo {
  @Field(() => Boolean) hasNextPage!: boolean;
  @Field(() => String, { nullable: true }) endCursor!: string | null;
}

export interface Connection<T> {
  nodes: T[];
  pageInfo: PageInfo;
  totalCount: number;
}

/** A GraphQL connection type for `T` (nodes, pageInfo, totalCount). */
export function ConnectionType<T>(node: Type<T>, name: string): Type<Connection<T>> {
  @ObjectType(name)
  class ConnectionClass implements Connection<T> {
    @Field(() => [node]) nodes!: T[];
    @Field(() => PageInfo) pageInfo!: PageInfo;
    @Field(() => Int) totalCount!: number;
  }
  return ConnectionClass;
}

/** Keyset cursor: the sort value and id of the last row, opaque to clients. */
export function encodeCursor(sortValue: string, id: string): string {
  return Buffer.from(JSON.stringify([sortValue, id])).toString('base64url');
}

export function decodeCursor(cursor: string | null | undefined): { sortValue: string; id: string } | null {
  if (!cursor) return null;
  try {
    const v: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(v) && v.length === 2 && typeof v[0] === 'string' && typeof v[1] === 'string') {
      return { sortValue: v[0], id: v[1] };
    }
  } catch {
    /* fall through */
  }
  throw Errors.badInput('That page link is not valid. Go back to the first page.', {
    after: 'Invalid cursor',
  });
}

export function pageSize(first: number | null | undefined): number {
  if (first === null || first === undefined) return PAGE_SIZE_DEFAULT;
  if (!Number.isInteger(first) || first < 1 || first > PAGE_SIZE_MAX) {
    throw Errors.badInput(`Ask for between 1 and ${PAGE_SIZE_MAX} items at a time.`, {
      first: 'Out of range',
    });
  }
  return first;
}

/** Build a connection from rows fetched with limit+1. */
export function toConnection<R, T>(
  rows: R[],
  limit: number,
  totalCount: number,
  map: (r: R) => T,
  cursorOf: (r: R) => string,
): Connection<T> {
  const hasNextPage = rows.length > limit;
  const page = hasNextPage ? rows.slice(0, limit) : rows;
  const last = page[page.length - 1];
  return {
    nodes: page.map(map),
    pageInfo: { hasNextPage, endCursor: last ? cursorOf(last) : null },
    totalCount,
  };
}
