import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  Actor,
  ErrorCode,
  PolicyRecord,
  PolicyRuleName,
  StreamItem,
  StreamKey,
  allows,
} from '@lantern/shared-domain';
import type { SessionInfo } from '../../common/context/request-context';
import { AppError } from '../../common/errors/app-error';
import type { StreamKind } from './stream-registry';
import { StreamsService } from './streams.service';

/** One client send to a kind with an `accept` hook. */
export interface CheckedSend {
  kind: StreamKind;
  key: StreamKey;
  id: string;
  clientId: string;
  actor: Actor;
  session: SessionInfo;
  body: unknown;
  /** Refusals that need no database (second factor, body shape), applied after the rule. */
  precheck: () => AppError | null;
}

type Result = { item: StreamItem; created: boolean };
interface Pending extends CheckedSend {
  resolve: (r: Result) => void;
  reject: (e: unknown) => void;
}

interface ItemRow {
  stream_key: string;
  seq: string;
  client_id: string;
  author_id: string | null;
  body: unknown;
  created_at: Date;
}

/** Items stored under any of the (stream, clientId) pairs. */
const EXISTING = `
  SELECT i.* FROM stream_items i
    JOIN unnest($1::text[], $2::text[]) AS t(k, c) ON i.stream_key = t.k AND i.client_id = t.c`;

/**
 * Many items over many streams in one statement: each stream's row is upserted once (in key order,
 * so concurrent batches lock rows in the same order) by the number of its items, which then take
 * the sequence numbers below the new last_seq in their order in the batch: gap-free, as one by one.
 */
const APPEND_MANY = `
  WITH input AS (
         SELECT * FROM unnest($1::text[], $2::text[], $3::uuid[], $4::jsonb[]) WITH ORDINALITY
                    AS t(stream_key, client_id, author_id, body, ord)),
       counts AS (SELECT stream_key, count(*)::bigint AS n FROM input GROUP BY stream_key),
       s AS (INSERT INTO streams (key, last_seq) SELECT stream_key, n FROM counts ORDER BY stream_key
             ON CONFLICT (key) DO UPDATE SET last_seq = streams.last_seq + EXCLUDED.last_seq
             RETURNING key, last_seq),
       numbered AS (
         SELECT i.*, s.last_seq - c.n + row_number() OVER (PARTITION BY i.stream_key ORDER BY i.ord) AS seq
           FROM input i JOIN s ON s.key = i.stream_key JOIN counts c ON c.stream_key = i.stream_key)
  INSERT INTO stream_items (stream_key, seq, client_id, author_id, body)
  SELECT stream_key, seq, client_id, author_id, body FROM numbered ORDER BY ord
  RETURNING *`;

const toItem = (r: ItemRow): StreamItem => ({
  stream: r.stream_key as StreamKey,
  seq: Number(r.seq),
  clientId: r.client_id,
  authorId: r.author_id,
  body: r.body,
  createdAt: new Date(r.created_at).toISOString(),
});

/** Largest batch, and how many batches may be in flight at once (each holds one pooled connection). */
const MAX_BATCH = 64;
const IN_FLIGHT = 3;

/**
 * Checked sends (kinds with an `accept` hook) from many streams, appended together: while batches
 * are in flight, new sends queue; each batch is one transaction of a fixed number of statements
 * however many items it holds (the records of its streams in one read when the kind has `records`,
 * stored client ids in one, then each hook, then every accepted item in one multi-row append).
 * Refusals (an AppError from the rule or a hook, which must refuse before it writes) answer that
 * send only. Any database error fails the batch, which is then retried one send at a time
 * (StreamsService.appendChecked), so one bad send cannot lose another's. At low load a batch is one
 * send: five round trips instead of four; under load, about one per send, and one commit per batch.
 */
@Injectable()
export class StreamBatcher {
  private readonly logger = new Logger('Streams');
  private queue: Pending[] = [];
  private running = 0;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly streams: StreamsService,
  ) {}

  send(s: CheckedSend): Promise<Result> {
    return new Promise<Result>((resolve, reject) => {
      this.queue.push({ ...s, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    while (this.running < IN_FLIGHT && this.queue.length) {
      const batch = this.queue.splice(0, MAX_BATCH);
      this.running++;
      void this.run(batch).finally(() => {
        this.running--;
        this.pump();
      });
    }
  }

  private async run(batch: Pending[]): Promise<void> {
    let outcomes: Array<Result | AppError>;
    try {
      outcomes = await this.ds.transaction((m) => this.inTransaction(m, batch));
    } catch (err) {
      if ((err as { code?: string }).code !== '23505')
        this.logger.warn(`A batch of ${batch.length} sends failed (${String(err)}); sending them one by one`);
      await Promise.all(batch.map((p) => this.one(p)));
      return;
    }
    batch.forEach((p, i) => {
      const o = outcomes[i]!;
      if (o instanceof AppError) p.reject(o);
      else p.resolve(o);
    });
  }

  /** One send on its own (after a failed batch): the per-item checked append. */
  private async one(p: Pending): Promise<void> {
    let record: PolicyRecord<PolicyRuleName> | null = null;
    try {
      p.resolve(
        await this.streams.appendChecked(
          p.key,
          p.clientId,
          p.actor.userId,
          p.body,
          async (m) => {
            record = await p.kind.record(p.id, m);
            const refusal = this.admit(p, record);
            if (refusal) throw refusal;
          },
          (m) => this.accept(p, m, record),
        ),
      );
    } catch (err) {
      p.reject(err);
    }
  }

  private admit(p: Pending, record: PolicyRecord<PolicyRuleName> | null): AppError | null {
    if (!record || !allows(p.actor, p.kind.rule, record))
      return new AppError(ErrorCode.Forbidden, 'You cannot post to that stream.');
    return p.precheck();
  }

  private accept(
    p: Pending,
    m: EntityManager,
    record: PolicyRecord<PolicyRuleName> | null,
  ): Promise<unknown> {
    if (!record) throw new AppError(ErrorCode.Forbidden, 'You cannot post to that stream.');
    return p.kind.accept!({
      actor: p.actor,
      id: p.id,
      body: p.body,
      clientId: p.clientId,
      manager: m,
      record,
      session: p.session,
    });
  }

  private async records(
    m: EntityManager,
    batch: Pending[],
  ): Promise<Map<string, PolicyRecord<PolicyRuleName> | null>> {
    const out = new Map<string, PolicyRecord<PolicyRuleName> | null>();
    const byKind = new Map<StreamKind, Set<string>>();
    for (const p of batch) byKind.set(p.kind, (byKind.get(p.kind) ?? new Set()).add(p.id));
    for (const [kind, ids] of byKind) {
      if (kind.records) {
        const found = await kind.records([...ids], m);
        for (const id of ids) out.set(`${kind.kind}:${id}`, found.get(id) ?? null);
      } else {
        for (const id of ids) out.set(`${kind.kind}:${id}`, await kind.record(id, m));
      }
    }
    return out;
  }

  private async inTransaction(m: EntityManager, batch: Pending[]): Promise<Array<Result | AppError>> {
    const records = await this.records(m, batch);
    const stored = new Map<string, StreamItem>();
    const rows: ItemRow[] = await m.query(EXISTING, [batch.map((p) => p.key), batch.map((p) => p.clientId)]);
    for (const r of rows) stored.set(`${r.stream_key}\n${r.client_id}`, toItem(r));

    const outcomes: Array<Result | AppError | number> = [];
    const toAppend: Array<{ p: Pending; body: unknown }> = [];
    const firstOf = new Map<string, number>();
    for (const p of batch) {
      const record = records.get(p.key) ?? null;
      const refusal = this.admit(p, record);
      const pair = `${p.key}\n${p.clientId}`;
      const existing = stored.get(pair);
      if (refusal) outcomes.push(refusal);
      else if (existing) outcomes.push({ item: existing, created: false });
      else if (firstOf.has(pair))
        outcomes.push(-1 - firstOf.get(pair)!); // the same send twice in one batch
      else {
        try {
          const body = await this.accept(p, m, record);
          firstOf.set(pair, toAppend.length);
          outcomes.push(toAppend.length);
          toAppend.push({ p, body: body ?? null });
        } catch (err) {
          if (!(err instanceof AppError)) throw err;
          outcomes.push(err);
        }
      }
    }
    const appended: StreamItem[] = toAppend.length
      ? (
          (await m.query(APPEND_MANY, [
            toAppend.map((a) => a.p.key),
            toAppend.map((a) => a.p.clientId),
            toAppend.map((a) => a.p.actor.userId),
            toAppend.map((a) => JSON.stringify(a.body)),
          ])) as ItemRow[]
        ).map(toItem)
      : [];
    const bySend = new Map(appended.map((item) => [`${item.stream}\n${item.clientId}`, item]));
    return outcomes.map((o) => {
      if (typeof o !== 'number') return o;
      const a = toAppend[o < 0 ? -1 - o : o]!;
      const item = bySend.get(`${a.p.key}\n${a.p.clientId}`);
      if (!item) throw new Error(`A batched append returned no item for ${a.p.key}`);
      return { item, created: o >= 0 };
    });
  }
}
