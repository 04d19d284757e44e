import { Injectable } from '@nestjs/common';
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

/**
 * What a feature declares about its streams: the named rule of the one policy (POLICY_RULES in the
 * shared domain) that decides who may read them, the record that rule is about, and who writes.
 * Nothing here may be looser than the record it is about.
 */
export interface StreamKind<N extends PolicyRuleName = PolicyRuleName> {
  kind: string;
  /** Who may read (join the room, catch up): this rule of the policy, about `record(id)`. */
  rule: N;
  /** The record behind a stream id, or null when there is none (then nobody may read). */
  record(id: string): PolicyRecord<N> | null | Promise<PolicyRecord<N> | null>;
  /** 'server': only the server appends (clients are refused); 'readers': whoever may read may send. */
  writers: 'server' | 'readers';
  /** The shape of an item's body (a client's is refused as BAD_USER_INPUT unless it fits). */
  body?: ZodType;
  /** Largest body a client may send (bytes of JSON). */
  maxBodyBytes?: number;
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

  async canRead(actor: Actor, key: string): Promise<boolean> {
    const parsed = parseStreamKey(key);
    const kind = parsed && this.byKind.get(parsed.kind);
    if (!kind) return false;
    return allows(actor, kind.rule, await kind.record(parsed.id));
  }

  async canWrite(actor: Actor, key: string): Promise<boolean> {
    const kind = this.kindOf(key);
    return !!kind && kind.writers === 'readers' && (await this.canRead(actor, key));
  }
}
