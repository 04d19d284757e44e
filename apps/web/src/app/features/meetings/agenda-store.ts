import { DestroyRef, Injectable, computed, inject, signal } from '@angular/core';
import {
  AgendaItemStatus,
  ErrorCode,
  type MeetingLiveState,
  meetingItemSecondsLeft,
  meetingLiveBodySchema,
  meetingStream,
} from '@lantern/shared-domain';
import { isApiError, messageOf } from '@lantern/web-graphql';
import { RealtimeService } from '../../core/realtime';
import { type AgendaItem, AgendaData, type MeetingAgenda } from './agenda-data';
import { acceptedInOrder, moveItem, nextItemId } from './agenda-model';

/**
 * One occurrence's agenda, live state and minutes. Listens to the stream `meeting:<occurrenceId>`:
 * a live state moves everyone's timer at once (counted from the same instant), and a nudge that the
 * agenda or minutes changed reads them again. Provided by the agenda section.
 */
@Injectable()
export class AgendaStore {
  private readonly data = inject(AgendaData);
  private readonly realtime = inject(RealtimeService);

  readonly agenda = signal<MeetingAgenda | null>(null);
  readonly error = signal<string | null>(null);
  readonly unavailable = signal(false);
  /** The clock the timer reads, ticking each second while an item runs. */
  readonly now = signal(Date.now());

  readonly accepted = computed(() => acceptedInOrder(this.agenda()?.items ?? []));
  readonly proposed = computed(() =>
    (this.agenda()?.items ?? []).filter((i) => i.status === AgendaItemStatus.Proposed),
  );
  readonly declined = computed(() =>
    (this.agenda()?.items ?? []).filter((i) => i.status === AgendaItemStatus.Declined),
  );
  readonly live = computed<MeetingLiveState | undefined>(() => {
    const a = this.agenda();
    if (!a || !a.startedAt) return undefined;
    const current = a.items.find((i) => i.id === a.currentItemId);
    return {
      type: 'live',
      startedAt: a.startedAt,
      endedAt: a.endedAt,
      currentItemId: a.currentItemId,
      currentItemStartedAt: a.currentItemStartedAt,
      currentItemMinutes: current?.minutes ?? null,
    };
  });
  readonly running = computed(() => !!this.agenda()?.startedAt && !this.agenda()?.endedAt);
  readonly currentItem = computed(() => {
    const a = this.agenda();
    return a?.currentItemId ? (a.items.find((i) => i.id === a.currentItemId) ?? null) : null;
  });
  readonly secondsLeft = computed(() => meetingItemSecondsLeft(this.live(), new Date(this.now())));
  readonly nextId = computed(() =>
    nextItemId(
      this.accepted().map((i) => i.id),
      this.agenda()?.currentItemId ?? null,
    ),
  );

  private seriesId = '';
  private key = '';
  private unsubscribe: (() => void) | null = null;
  private streamFor: string | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;
  private generation = 0;

  constructor() {
    inject(DestroyRef).onDestroy(() => {
      this.unsubscribe?.();
      this.stopTimer();
    });
  }

  async load(seriesId: string, key: string): Promise<void> {
    this.seriesId = seriesId;
    this.key = key;
    const generation = ++this.generation;
    try {
      const agenda = await this.data.agenda(seriesId, key);
      if (generation !== this.generation) return;
      this.set(agenda);
      this.error.set(null);
    } catch (error) {
      if (generation !== this.generation) return;
      if (isApiError(error) && error.is(ErrorCode.NotFound, ErrorCode.Forbidden)) this.unavailable.set(true);
      else this.error.set(messageOf(error));
    }
  }

  reload(): Promise<void> {
    return this.load(this.seriesId, this.key);
  }

  /** Take a fresh agenda (from a query or a mutation) and follow its stream. */
  set(agenda: MeetingAgenda): void {
    this.agenda.set(agenda);
    if (agenda.occurrenceId && agenda.occurrenceId !== this.streamFor) this.listen(agenda.occurrenceId);
    this.syncTimer();
  }

  private listen(occurrenceId: string): void {
    this.unsubscribe?.();
    this.streamFor = occurrenceId;
    this.unsubscribe = this.realtime.subscribe<unknown>(meetingStream(occurrenceId), (item) => {
      const body = meetingLiveBodySchema.safeParse(item.body);
      if (!body.success) return;
      if (body.data.type === 'live') this.applyLive(body.data);
      else void this.reload();
    });
  }

  /** A live state from the stream: the current item and when it started, for everyone at once. */
  applyLive(state: MeetingLiveState): void {
    const a = this.agenda();
    if (!a) return;
    const known = !state.currentItemId || a.items.some((i) => i.id === state.currentItemId);
    this.agenda.set({
      ...a,
      startedAt: state.startedAt,
      endedAt: state.endedAt,
      currentItemId: state.currentItemId,
      currentItemStartedAt: state.currentItemStartedAt,
    });
    this.now.set(Date.now());
    this.syncTimer();
    // An item this viewer has not seen (accepted meanwhile): read the agenda again.
    if (!known) void this.reload();
  }

  private syncTimer(): void {
    if (this.running() && this.agenda()?.currentItemId) {
      this.timer ??= setInterval(() => this.now.set(Date.now()), 1000);
    } else {
      this.stopTimer();
    }
  }

  private stopTimer(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  // --- Changes (each returns the updated agenda or item; the page says what happened) ---

  private replaceItem(item: AgendaItem): void {
    const a = this.agenda();
    if (!a) return;
    const exists = a.items.some((i) => i.id === item.id);
    this.agenda.set({
      ...a,
      items: exists ? a.items.map((i) => (i.id === item.id ? item : i)) : [...a.items, item],
    });
  }

  async decide(item: AgendaItem, status: AgendaItemStatus): Promise<void> {
    this.replaceItem(await this.data.decide(item.id, status));
    await this.reload();
  }

  async move(item: AgendaItem, by: -1 | 1): Promise<void> {
    const ids = moveItem(
      this.accepted().map((i) => i.id),
      item.id,
      by,
    );
    this.set(await this.data.order(this.seriesId, this.key, ids));
  }

  async publish(papersDueAt: string | null): Promise<void> {
    this.set(await this.data.publish(this.seriesId, this.key, papersDueAt));
  }

  async start(): Promise<void> {
    this.set(await this.data.start(this.seriesId, this.key));
  }

  async next(): Promise<void> {
    this.set(await this.data.setCurrent(this.seriesId, this.key, this.nextId()));
  }

  async takeUp(itemId: string): Promise<void> {
    this.set(await this.data.setCurrent(this.seriesId, this.key, itemId));
  }

  async end(): Promise<void> {
    this.set(await this.data.end(this.seriesId, this.key));
  }

  async publishMinutes(): Promise<void> {
    this.set(await this.data.publishMinutes(this.seriesId, this.key));
  }

  /** Items and actions added elsewhere on the page (propose, minutes) come back through here. */
  take(item: AgendaItem): void {
    this.replaceItem(item);
  }

  get ids(): { seriesId: string; key: string } {
    return { seriesId: this.seriesId, key: this.key };
  }
}
