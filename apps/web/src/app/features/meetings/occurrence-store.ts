import { Injectable, computed, inject, signal } from '@angular/core';
import type { MeetingMode, RsvpAnswer } from '@lantern/shared-domain';
import { ErrorCode } from '@lantern/shared-domain';
import { isApiError, messageOf } from '@lantern/web-graphql';
import {
  type MeetingAttendee,
  type MeetingOccurrence,
  type MeetingSeries,
  MeetingsData,
  type ModeBalance,
} from './meetings-data';

export type EditScope = 'THIS' | 'THIS_AND_FOLLOWING';

export interface OccurrenceChanges {
  date?: string | null;
  startTime?: string | null;
  minutes?: number | null;
  mode?: MeetingMode | null;
  location?: string | null;
  onlineLink?: string | null;
  title?: string | null;
}

/**
 * One occurrence with its series: loading, answering (this meeting or the whole series), changing
 * and cancelling, who is coming (for those who may see it) and the series' host rotation and term
 * balance. Provided by the occurrence page.
 */
@Injectable()
export class OccurrenceStore {
  private readonly data = inject(MeetingsData);

  readonly occurrence = signal<MeetingOccurrence | null>(null);
  readonly series = signal<MeetingSeries | null>(null);
  readonly error = signal<string | null>(null);
  readonly notFound = signal(false);
  /** Who answered, with schools: null while loading or when the viewer may not see the list. */
  readonly attendees = signal<readonly MeetingAttendee[] | null>(null);
  readonly balance = signal<ModeBalance | null>(null);
  readonly busy = signal(false);

  readonly isSeries = computed(() => (this.series()?.recurrence.kind ?? 'NONE') !== 'NONE');
  readonly cancelled = computed(() => !!this.occurrence()?.cancelled || !!this.series()?.cancelledAt);
  readonly started = computed(() => {
    const o = this.occurrence();
    return !!o && new Date(o.startsAt).getTime() <= Date.now();
  });
  readonly past = computed(() => {
    const o = this.occurrence();
    return !!o && new Date(o.endsAt).getTime() < Date.now();
  });

  private seriesId = '';
  private key = '';

  async load(seriesId: string, key: string): Promise<void> {
    this.seriesId = seriesId;
    this.key = key;
    this.error.set(null);
    this.notFound.set(false);
    try {
      const { occurrence, series } = await this.data.occurrence(seriesId, key);
      this.occurrence.set(occurrence);
      this.series.set(series);
    } catch (error) {
      if (isApiError(error) && error.is(ErrorCode.NotFound, ErrorCode.BadInput)) this.notFound.set(true);
      else this.error.set(messageOf(error));
      return;
    }
    void this.loadAttendees();
    if (this.isSeries()) void this.loadBalance();
  }

  reload(): Promise<void> {
    return this.load(this.seriesId, this.key);
  }

  /** Who is coming: the API answers only the chair, organiser, note-taker and the host school. */
  async loadAttendees(): Promise<void> {
    try {
      this.attendees.set(await this.data.attendees(this.seriesId, this.key));
    } catch {
      this.attendees.set(null);
    }
  }

  private async loadBalance(): Promise<void> {
    try {
      this.balance.set(await this.data.modeBalance(this.seriesId, this.key));
    } catch {
      this.balance.set(null);
    }
  }

  /** Answer for this meeting (null clears). */
  async rsvpThis(answer: RsvpAnswer | null): Promise<void> {
    const updated = await this.data.rsvpOccurrence(this.seriesId, this.key, answer);
    this.occurrence.set(updated);
    void this.loadAttendees();
  }

  /** Answer for every meeting of the series; this meeting shows the series answer unless it has its own. */
  async rsvpSeries(answer: RsvpAnswer | null): Promise<void> {
    const series = await this.data.rsvpSeries(this.seriesId, answer);
    this.series.set(series);
    const { occurrence } = await this.data.occurrence(this.seriesId, this.key);
    this.occurrence.set(occurrence);
    void this.loadAttendees();
  }

  /** Change this meeting, or this and the following ones (which start a new series). */
  async edit(scope: EditScope, changes: OccurrenceChanges): Promise<MeetingOccurrence> {
    const updated = await this.data.editOccurrence({
      seriesId: this.seriesId,
      key: this.key,
      scope,
      ...changes,
    });
    return updated;
  }

  async cancelThis(): Promise<void> {
    this.occurrence.set(await this.data.cancelOccurrence(this.seriesId, this.key));
  }

  async cancelSeries(): Promise<void> {
    this.series.set(await this.data.cancelSeries(this.seriesId));
    const { occurrence } = await this.data.occurrence(this.seriesId, this.key);
    this.occurrence.set(occurrence);
  }

  async recordAttendance(entries: ReadonlyArray<{ userId: string; attended: boolean }>): Promise<void> {
    this.attendees.set(await this.data.recordAttendance(this.seriesId, this.key, entries));
  }

  async setHostRotation(schoolIds: readonly string[]): Promise<void> {
    this.series.set(await this.data.setHostRotation(this.seriesId, schoolIds));
    const { occurrence } = await this.data.occurrence(this.seriesId, this.key);
    this.occurrence.set(occurrence);
  }

  async skipHost(skipped: boolean): Promise<void> {
    this.occurrence.set(await this.data.skipHost(this.seriesId, this.key, skipped));
  }
}
