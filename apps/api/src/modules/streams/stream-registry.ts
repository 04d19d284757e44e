import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ZodType } from 'zod';
import {
  Actor,
  PolicyRecord,
  PolicyRuleName,
  STREAM_KINDS,
  StreamKey,
  allows,
  isPolicyRuleName,
} from '@lantern/shared-domain';
import type { SessionInfo } from '../../common/context/request-context';

/**
 * What a feature declares about its streams: the named rule of the one policy (POLICY_RULES in the
 * shared domain) that decides who may read them, the record that rule is about, and who writes.
 * Nothing here may be looser than the record it is about.
 */
export interface StreamKind<N extends PolicyRuleName = PolicyRuleName> {
  kind: string;
  /** Who may read (join the room, catch up): this rule of the policy, about `record(id)`. */
  rule: N;
  /**
   * The record behind a stream id, or null when there is none (then nobody may read). `manager`:
   * read inside the caller's transaction (the embedded database has one connection).
   */
  record(id: string, manager?: EntityManager): PolicyRecord<N> | null | Promise<PolicyRecord<N> | null>;
  /** 'server': only the server appends (clients are refused); 'readers': whoever may read may send. */
  writers: 'server' | 'readers';
  /** The shape of an item's body (a client's is refused as BAD_USER_INPUT unless it fits). */
  body?: ZodType;
  /** Largest body a client may send (bytes of JSON). */
  maxBodyBytes?: number;
  /**
   * Checks a client's send inside the append's transaction, with that transaction's `manager` only
   * (never another connection: the embedded database has one). The item is already appended in
   * that transaction (uncommitted; queries over stream_items see it, under `clientId`). Refuses by
   * throwing an AppError (its code and message become the ack's; everything is rolled back);
   * otherwise returns the body to store and may change other rows in the same transaction. Not run
   * again for a retry of a stored clientId. Kinds without it append in one statement.
   */
  accept?(ctx: StreamAcceptContext<N>): Promise<unknown>;
  /**
   * The records of several ids in one read (with the caller's manager), for batched sends; ids
   * without a record are left out. Optional: `record` is used per id otherwise.
   */
  records?(ids: string[], manager: EntityManager): Promise<Map<string, PolicyRecord<N>>>;
  /**
   * A reader says how far they have read (the `stream:signal` readUpTo): persist it if the kind keeps
   * read positions. Returns the position stored (relayed to the room), or null to relay nothing.
   */
  onRead?(actor: Actor, id: string, upTo: number): Promise<number | null>;
}

export interface StreamAcceptContext<N extends PolicyRuleName = PolicyRuleName> {
  actor: Actor;
  /** The stream id (after `<kind>:`). */
  id: string;
  /** The client's body, already checked against the kind's `body` schema. */
  body: unknown;
  clientId: string;
  manager: EntityManager;
  /** The record the rule allowed, read in this transaction. */
  record: PolicyRecord<N>;
  /** The socket's session (who, for an audit entry). */
  session: SessionInfo;
}

export function parseStreamKey(key: unknown): { kind: string; id: string } | null {
  if (typeof key !== 'string' || key.length > 200) return null;
  const i = key.indexOf(':');
  if (i < 1 || i === key.length - 1) return null;
  return { kind: key.slice(0, i), id: key.slice(i + 1) };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@Injectable()
export class StreamRegistry {
  private readonly byKind = new Map<string, StreamKind>();

  constructor() {
    // A person's own notifications: only they read them; only the server writes.
    this.register({
      kind: STREAM_KINDS.Notifications,
      rule: 'isSelf',
      record: (id) => (UUID.test(id) ? { userId: id } : null),
      writers: 'server',
    });
  }

  register<N extends PolicyRuleName>(kind: StreamKind<N>): void {
    if (this.byKind.has(kind.kind)) throw new Error(`Stream kind ${kind.kind} is registered twice`);
    if (!isPolicyRuleName(kind.rule)) throw new Error(`Stream kind ${kind.kind} names no rule of the policy`);
    this.byKind.set(kind.kind, kind as unknown as StreamKind);
  }

  /** Every registered kind (the access-rules test checks each names a policy rule). */
  kinds(): readonly StreamKind[] {
    return [...this.byKind.values()];
  }

  kindOf(key: StreamKey | string): StreamKind | null {
    const parsed = parseStreamKey(key);
    return parsed ? (this.byKind.get(parsed.kind) ?? null) : null;
  }

  async canRead(actor: Actor, key: string, manager?: EntityManager): Promise<boolean> {
    return (await this.readable(actor, key, manager)) !== null;
  }

  /**
   * canRead for a sweep over many sockets: each stream's record is read once per `records` map (the
   * socket recheck passes one per sweep, so a room of four costs one read, not four).
   */
  async canReadShared(
    actor: Actor,
    key: string,
    records: Map<string, Promise<PolicyRecord<PolicyRuleName> | null>>,
  ): Promise<boolean> {
    const parsed = parseStreamKey(key);
    const kind = parsed && this.byKind.get(parsed.kind);
    if (!kind) return false;
    let record = records.get(key);
    if (!record) {
      record = Promise.resolve(kind.record(parsed.id));
      records.set(key, record);
    }
    return allows(actor, kind.rule, await record);
  }

  /** The record behind `key` when the actor may read it (null otherwise), read with `manager` when given. */
  async readable(
    actor: Actor,
    key: string,
    manager?: EntityManager,
  ): Promise<PolicyRecord<PolicyRuleName> | null> {
    const parsed = parseStreamKey(key);
    const kind = parsed && this.byKind.get(parsed.kind);
    if (!kind) return null;
    const record = await kind.record(parsed.id, manager);
    return record && allows(actor, kind.rule, record) ? record : null;
  }

  async canWrite(actor: Actor, key: string, manager?: EntityManager): Promise<boolean> {
    const kind = this.kindOf(key);
    return !!kind && kind.writers === 'readers' && (await this.canRead(actor, key, manager));
  }
}
