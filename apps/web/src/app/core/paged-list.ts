import { computed, signal } from '@angular/core';
import { messageOf } from '@lantern/web-graphql';

export interface Page<T> {
  nodes: readonly T[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: number;
}

/**
 * A cursor-paginated list held in signals: `reload()` starts again, `loadMore()` appends the next page.
 * Answers that arrive after a newer reload are dropped.
 */
export class PagedList<T> {
  private readonly itemsState = signal<readonly T[]>([]);
  private readonly cursor = signal<string | null>(null);
  private readonly more = signal(false);
  private readonly total = signal(0);
  private generation = 0;

  readonly items = this.itemsState.asReadonly();
  readonly hasMore = this.more.asReadonly();
  readonly totalCount = this.total.asReadonly();
  readonly loading = signal(false);
  readonly loaded = signal(false);
  readonly error = signal<string | null>(null);
  readonly empty = computed(() => this.loaded() && this.itemsState().length === 0);

  constructor(private readonly fetch: (after: string | null) => Promise<Page<T>>) {}

  async reload(): Promise<void> {
    const generation = ++this.generation;
    this.loading.set(true);
    this.error.set(null);
    try {
      const page = await this.fetch(null);
      if (generation !== this.generation) return;
      this.itemsState.set(page.nodes);
      this.apply(page);
      this.loaded.set(true);
    } catch (error) {
      if (generation === this.generation) this.error.set(messageOf(error));
    } finally {
      if (generation === this.generation) this.loading.set(false);
    }
  }

  async loadMore(): Promise<void> {
    if (!this.more() || this.loading()) return;
    const generation = this.generation;
    this.loading.set(true);
    this.error.set(null);
    try {
      const page = await this.fetch(this.cursor());
      if (generation !== this.generation) return;
      this.itemsState.update((items) => [...items, ...page.nodes]);
      this.apply(page);
    } catch (error) {
      if (generation === this.generation) this.error.set(messageOf(error));
    } finally {
      if (generation === this.generation) this.loading.set(false);
    }
  }

  /** Replace one item in place (after a mutation returned its new state). */
  replace(match: (item: T) => boolean, next: T): void {
    this.itemsState.update((items) => items.map((item) => (match(item) ? next : item)));
  }

  /** Change every item (e.g. all marked read). */
  update(change: (items: readonly T[]) => readonly T[]): void {
    this.itemsState.update(change);
  }

  /** Forget everything (a different person signed in). */
  clear(): void {
    this.generation++;
    this.itemsState.set([]);
    this.cursor.set(null);
    this.more.set(false);
    this.total.set(0);
    this.loaded.set(false);
    this.loading.set(false);
    this.error.set(null);
  }

  prepend(item: T): void {
    this.itemsState.update((items) => [item, ...items]);
    this.total.update((n) => n + 1);
  }

  private apply(page: Page<T>): void {
    this.cursor.set(page.pageInfo.endCursor);
    this.more.set(page.pageInfo.hasNextPage);
    this.total.set(page.totalCount);
  }
}
