import { Injectable } from '@nestjs/common';
import { Actor, STREAM_KINDS, StreamKey } from '@lantern/shared-domain';

/**
 * What a feature declares about its streams: who may read (join the room, catch up) and who may
 * write. Decisions come from the shared policy; nothing here may be looser than the record it is about.
 */
export interface StreamKind {
  kind: string;
  canRead(actor: Actor, id: string): boolean | Promise<boolean>;
  canWrite(actor: Actor, id: string): boolean | Promise<boolean>;
  /** Largest body a client may send (bytes of JSON). */
  maxBodyBytes?: number;
}

export function parseStreamKey(key: unknown): { kind: string; id: string } | null {
  if (typeof key !== 'string' || key.length > 200) return null;
  const i = key.indexOf(':');
  if (i < 1 || i === key.length - 1) return null;
  return { kind: key.slice(0, i), id: key.slice(i + 1) };
}

@Injectable()
export class StreamRegistry {
  private readonly kinds = new Map<string, StreamKind>();

  constructor() {
    // A person's own notifications: only they read them; only the server writes.
    this.register({
      kind: STREAM_KINDS.Notifications,
      canRead: (actor, id) => actor.userId === id,
      canWrite: () => false,
    });
  }

  register(kind: StreamKind): void {
    if (this.kinds.has(kind.kind)) throw new Error(`Stream kind ${kind.kind} is registered twice`);
    this.kinds.set(kind.kind, kind);
  }

  kindOf(key: StreamKey | string): StreamKind | null {
    const parsed = parseStreamKey(key);
    return parsed ? (this.kinds.get(parsed.kind) ?? null) : null;
  }

  async canRead(actor: Actor, key: string): Promise<boolean> {
    const parsed = parseStreamKey(key);
    const kind = parsed && this.kinds.get(parsed.kind);
    return !!kind && (await kind.canRead(actor, parsed.id));
  }

  async canWrite(actor: Actor, key: string): Promise<boolean> {
    const parsed = parseStreamKey(key);
    const kind = parsed && this.kinds.get(parsed.kind);
    return !!kind && (await kind.canWrite(actor, parsed.id));
  }
}
