import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor, ActionSourceKind } from '@lantern/shared-domain';

/** A record actions hang off (a case, a supervision session, a meeting), as its feature sees it now. */
export interface ActionSourceRecord {
  id: string;
  /** "Case JS Y4", "Supervision, 3 March". */
  label: string;
  link: string;
  schoolId: string | null;
  trustId: string | null;
  /** Case data: served only to an elevated session, under the case-data rule. */
  caseData: boolean;
}

/**
 * What a feature tells the actions module about its records. The feature's own policy rule decides
 * who may see and change the actions on a record, and who may own one.
 */
export interface ActionSource {
  kind: ActionSourceKind;
  /** The records that still exist, read with `m` (inside the caller's transaction when there is one). */
  records(ids: readonly string[], m: EntityManager): Promise<Map<string, ActionSourceRecord>>;
  /** May this person see and change the actions on the record (and so own one)? */
  canUse(actor: Actor, record: ActionSourceRecord): boolean;
  /** Called in the transaction that adds or changes an action (the caseload logs it). */
  changed?(m: EntityManager, actorId: string, record: ActionSourceRecord, added: boolean): Promise<void>;
}

/** Features register their source in onModuleInit; the actions module asks it about each record. */
@Injectable()
export class ActionSources {
  private readonly sources = new Map<ActionSourceKind, ActionSource>();

  register(source: ActionSource): void {
    if (this.sources.has(source.kind)) throw new Error(`Action source ${source.kind} is registered twice`);
    this.sources.set(source.kind, source);
  }

  get(kind: ActionSourceKind): ActionSource {
    const s = this.sources.get(kind);
    if (!s) throw new Error(`No action source is registered for ${kind}`);
    return s;
  }

  /** Records of several kinds at once: one read per kind present. */
  async recordsOf(
    refs: ReadonlyArray<{ sourceKind: ActionSourceKind; sourceId: string }>,
    m: EntityManager,
  ): Promise<Map<string, ActionSourceRecord>> {
    const byKind = new Map<ActionSourceKind, string[]>();
    for (const r of refs) byKind.set(r.sourceKind, [...(byKind.get(r.sourceKind) ?? []), r.sourceId]);
    const out = new Map<string, ActionSourceRecord>();
    for (const [kind, ids] of byKind) {
      for (const [id, rec] of await this.get(kind).records([...new Set(ids)], m)) out.set(id, rec);
    }
    return out;
  }
}
