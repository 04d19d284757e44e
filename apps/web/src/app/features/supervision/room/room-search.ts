import { Injectable, computed, inject, signal } from '@angular/core';
import { SUPERVISION_LIMITS } from '@lantern/shared-domain';
import { messageOf } from '@lantern/web-graphql';
import { SupervisionRoomApi } from './room-api';
import { RoomStore } from './room-store';

/**
 * Search within the session (supervisionMessageSearch): the matching messages are marked, and
 * Previous/Next jump to them (oldest first). Provided by the page.
 */
@Injectable()
export class RoomSearch {
  private readonly api = inject(SupervisionRoomApi);
  private readonly store = inject(RoomStore);

  readonly query = signal('');
  /** Matching sequence numbers, oldest first (null: no search done). */
  readonly hits = signal<readonly number[] | null>(null);
  readonly index = signal(0);
  readonly busy = signal(false);
  readonly problem = signal<string | null>(null);
  readonly hitSet = computed(() => new Set(this.hits() ?? []));
  readonly currentHit = computed(() => this.hits()?.[this.index()] ?? null);
  /** What the search found, in words (a status message). */
  readonly summary = computed(() => {
    const hits = this.hits();
    if (hits === null) return '';
    if (!hits.length) return `No messages match “${this.query()}”.`;
    const n = hits.length === 1 ? '1 message matches' : `${hits.length} messages match`;
    return `${n} “${this.query()}”. Showing ${this.index() + 1} of ${hits.length}.`;
  });

  private runs = 0;

  async run(query: string): Promise<number | null> {
    const q = query.trim().slice(0, SUPERVISION_LIMITS.searchMax);
    const session = this.store.session();
    if (!q || !session) {
      this.clear();
      return null;
    }
    const run = ++this.runs;
    this.query.set(q);
    this.busy.set(true);
    this.problem.set(null);
    try {
      const seqs = await this.api.search(session.id, q);
      if (run !== this.runs) return null;
      const sorted = [...seqs].sort((a, b) => a - b);
      this.hits.set(sorted);
      this.index.set(Math.max(0, sorted.length - 1));
      return this.currentHit();
    } catch (error) {
      if (run === this.runs) this.problem.set(`Search did not work. ${messageOf(error)}`);
      return null;
    } finally {
      if (run === this.runs) this.busy.set(false);
    }
  }

  /** The next (+1) or previous (-1) hit, wrapping round. */
  step(by: 1 | -1): number | null {
    const hits = this.hits();
    if (!hits?.length) return null;
    this.index.set((this.index() + by + hits.length) % hits.length);
    return this.currentHit();
  }

  clear(): void {
    this.runs++;
    this.query.set('');
    this.hits.set(null);
    this.index.set(0);
    this.busy.set(false);
    this.problem.set(null);
  }
}
