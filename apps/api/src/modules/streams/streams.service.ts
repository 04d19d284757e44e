import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { REALTIME_LIMITS, StreamItem, StreamKey } from '@lantern/shared-domain';

interface ItemRow {
  stream_key: string;
  seq: string;
  client_id: string;
  author_id: string | null;
  body: unknown;
  created_at: Date;
}

const APPEND = `
  WITH existing AS (SELECT * FROM stream_items WHERE stream_key = $1 AND client_id = $2),
       s AS (INSERT INTO streams (key, last_seq) SELECT $1, 1 WHERE NOT EXISTS (SELECT 1 FROM existing)
             ON CONFLICT (key) DO UPDATE SET last_seq = streams.last_seq + 1 RETURNING last_seq),
       ins AS (INSERT INTO stream_items (stream_key, seq, client_id, author_id, body)
               SELECT $1, last_seq, $2, $3, $4::jsonb FROM s RETURNING *)
  SELECT *, true AS created FROM ins
  UNION ALL
  SELECT *, false AS created FROM existing`;

const EXISTING = 'SELECT * FROM stream_items WHERE stream_key = $1 AND client_id = $2';

const toItem = (r: ItemRow): StreamItem => ({
  stream: r.stream_key as StreamKey,
  seq: Number(r.seq),
  clientId: r.client_id,
  authorId: r.author_id,
  body: r.body,
  createdAt: new Date(r.created_at).toISOString(),
});

/**
 * Ordered, durable streams. Each stream has a sequence number in PostgreSQL; an item is stored once
 * per (stream, clientId) however often it is sent. Callers emit only after the transaction commits,
 * so nobody is told of an item that could still vanish.
 */
@Injectable()
export class StreamsService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /**
   * Append in one statement (inside the caller's transaction when given). The upsert on `streams`
   * locks the stream's row until commit, so sequence numbers are gap-free and serialised per stream;
   * the unique (stream_key, client_id) makes a retry return the stored item. One round trip instead of
   * seven measurably cut CPU per item (docs/performance.md).
   */
  async append(
    key: StreamKey,
    clientId: string,
    authorId: string | null,
    body: unknown,
    manager?: EntityManager,
  ): Promise<{ item: StreamItem; created: boolean }> {
    const run = (m: EntityManager | DataSource) =>
      m.query(APPEND, [key, clientId, authorId, JSON.stringify(body)]) as Promise<
        Array<ItemRow & { created: boolean }>
      >;
    let rows: Array<ItemRow & { created: boolean }>;
    try {
      rows = await run(manager ?? this.ds);
    } catch (err) {
      // Two sends of the same new client id at once: the second hits the unique index. Outside a
      // caller's transaction, the first one's item is the answer.
      if (manager || (err as { code?: string }).code !== '23505') throw err;
      rows = await run(this.ds);
    }
    const row = rows[0];
    if (!row) throw new Error(`Stream append returned nothing for ${key}`);
    return { item: toItem(row), created: row.created };
  }

  /**
   * Append with a check in the same transaction (a kind's `accept` hook). The item is appended first
   * with `body` (one statement, which also finds a stored item of this clientId and locks the stream's
   * row); then `admit` applies who may write (with this transaction's manager), also to a retry, which
   * gets the stored item without `prepare` running again (so nothing it does happens twice). For a new
   * item `prepare` returns the body to store (rewritten only if it differs) and may change other rows.
   * A refusal thrown by either rolls everything back, the sequence number included. Only `m` is used
   * inside (the embedded database has one connection). Four round trips for a plain new item.
   */
  async appendChecked(
    key: StreamKey,
    clientId: string,
    authorId: string | null,
    body: unknown,
    admit: (m: EntityManager) => Promise<void>,
    prepare: (m: EntityManager) => Promise<unknown>,
  ): Promise<{ item: StreamItem; created: boolean }> {
    try {
      return await this.ds.transaction(async (m) => {
        const appended = await this.append(key, clientId, authorId, body, m);
        await admit(m);
        if (!appended.created) return appended;
        const stored = await prepare(m);
        const json = JSON.stringify(stored ?? null);
        if (json === JSON.stringify(body ?? null)) return appended;
        await m.query('UPDATE stream_items SET body = $3::jsonb WHERE stream_key = $1 AND seq = $2', [
          key,
          appended.item.seq,
          json,
        ]);
        return { ...appended, item: { ...appended.item, body: JSON.parse(json) as unknown } };
      });
    } catch (err) {
      // The same new clientId sent twice at once: the second hit the unique index and was rolled
      // back whole; the first one's item is the answer (its side effects happened once).
      if ((err as { code?: string }).code !== '23505') throw err;
      const [stored] = (await this.ds.query(EXISTING, [key, clientId])) as ItemRow[];
      if (!stored) throw err;
      return { item: toItem(stored), created: false };
    }
  }

  /** Items after `after`, oldest first, at most `limit`; `more` when there are further items. */
  async itemsAfter(
    key: StreamKey,
    after: number,
    limit: number = REALTIME_LIMITS.syncBatch,
  ): Promise<{ items: StreamItem[]; lastSeq: number; more: boolean }> {
    const rows: ItemRow[] = await this.ds.query(
      'SELECT * FROM stream_items WHERE stream_key = $1 AND seq > $2 ORDER BY seq LIMIT $3',
      [key, after, limit + 1],
    );
    const more = rows.length > limit;
    const items = rows.slice(0, limit).map(toItem);
    const [s] = await this.ds.query('SELECT last_seq FROM streams WHERE key = $1', [key]);
    return { items, lastSeq: s ? Number(s.last_seq) : 0, more };
  }

  async lastSeq(key: StreamKey): Promise<number> {
    const [s] = await this.ds.query('SELECT last_seq FROM streams WHERE key = $1', [key]);
    return s ? Number(s.last_seq) : 0;
  }
}
