import { Injectable, computed, inject, signal } from '@angular/core';
import { MEETING_LIMITS, type RsvpAnswer } from '@lantern/shared-domain';
import { messageOf } from '@lantern/web-graphql';
import { type MeetingOccurrence, MeetingsData } from './meetings-data';
import { groupByHeading, londonDate, rangeFor } from './meetings-model';

export type MeetingsView = 'upcoming' | 'past';

/**
 * "My meetings": the viewer's occurrences in a date range, a page at a time. Upcoming meetings come
 * soonest first ("Show more" adds later ones); past ones most recent first ("Show earlier" goes
 * further back), so the API's time-ordered pages are read from the end for the past.
 * Provided by the page.
 */
@Injectable()
export class MyMeetingsStore {
  private readonly data = inject(MeetingsData);

  readonly view = signal<MeetingsView>('upcoming');
  readonly today = signal(londonDate(new Date()));
  /** In time order (upcoming) or most recent first (past). */
  readonly items = signal<readonly MeetingOccurrence[] | null>(null);
  readonly totalCount = signal(0);
  readonly loading = signal(false);
  readonly error = signal<string | null>(null);
  /** An answer that could not be saved: the meeting's key and why. */
  readonly rsvpError = signal<{ id: string; message: string } | null>(null);
  readonly answering = signal<string | null>(null);

  /** Upcoming: the next offset to ask for. Past: the offset of the earliest page loaded. */
  private cursor = 0;
  private generation = 0;

  readonly hasMore = computed(() => {
    const items = this.items();
    return !!items && items.length < this.totalCount();
  });
  readonly groups = computed(() =>
    groupByHeading(this.items() ?? [], (o) => londonDate(o.startsAt), this.today()),
  );

  async show(view: MeetingsView): Promise<void> {
    this.view.set(view);
    this.items.set(null);
    this.totalCount.set(0);
    await this.load(true);
  }

  reload(): Promise<void> {
    return this.load(true);
  }

  more(): Promise<void> {
    return this.load(false);
  }

  private async load(fresh: boolean): Promise<void> {
    const generation = ++this.generation;
    const view = this.view();
    const { from, to } = rangeFor(view, this.today());
    const size = MEETING_LIMITS.pageSize;
    this.loading.set(true);
    this.error.set(null);
    try {
      if (view === 'upcoming') {
        const offset = fresh ? 0 : this.cursor;
        const page = await this.data.myMeetings(from, to, offset, size);
        if (generation !== this.generation) return;
        this.items.set(fresh ? page.nodes : [...(this.items() ?? []), ...page.nodes]);
        this.totalCount.set(page.totalCount);
        this.cursor = offset + page.nodes.length;
      } else {
        let total = this.totalCount();
        let offset: number;
        let first = size;
        if (fresh) {
          // The count first, then the last page: the most recent meetings.
          const probe = await this.data.myMeetings(from, to, 0, size);
          if (generation !== this.generation) return;
          total = probe.totalCount;
          if (total <= size) {
            this.apply([...probe.nodes].reverse(), total, 0, true);
            return;
          }
          offset = total - size;
        } else {
          offset = Math.max(0, this.cursor - size);
          first = this.cursor - offset;
        }
        const page = await this.data.myMeetings(from, to, offset, first);
        if (generation !== this.generation) return;
        this.apply([...page.nodes].reverse(), Math.max(total, page.totalCount), offset, fresh);
      }
    } catch (error) {
      if (generation === this.generation) this.error.set(messageOf(error));
    } finally {
      if (generation === this.generation) this.loading.set(false);
    }
  }

  private apply(
    newestFirst: readonly MeetingOccurrence[],
    total: number,
    offset: number,
    fresh: boolean,
  ): void {
    this.items.set(fresh ? newestFirst : [...(this.items() ?? []), ...newestFirst]);
    this.totalCount.set(total);
    this.cursor = offset;
  }

  /** Answer for one meeting (the same answer again clears it); the list shows the API's answer and counts. */
  async rsvp(o: MeetingOccurrence, answer: RsvpAnswer): Promise<boolean> {
    const id = `${o.seriesId}/${o.key}`;
    const next = o.myRsvp === answer ? null : answer;
    this.answering.set(id);
    this.rsvpError.set(null);
    try {
      const updated = await this.data.rsvpOccurrence(o.seriesId, o.key, next);
      this.items.update((items) =>
        (items ?? []).map((i) => (i.seriesId === o.seriesId && i.key === o.key ? updated : i)),
      );
      return true;
    } catch (error) {
      this.rsvpError.set({ id, message: messageOf(error) });
      return false;
    } finally {
      this.answering.set(null);
    }
  }
}
