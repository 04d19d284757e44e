import { DOCUMENT } from '@angular/common';
import { DestroyRef, Injectable, computed, inject, signal } from '@angular/core';
import {
  SUPERVISION_STATUS_LABEL,
  SocketEvent,
  type StreamItem,
  type StreamSignal,
  supervisionClientBodySchema,
  supervisionServerBodySchema,
} from '@lantern/shared-domain';
import { PresenceService } from '../../../core/presence';
import { RealtimeService } from '../../../core/realtime';
import { quoteOf, typingText } from './room-model';
import { RoomStore } from './room-store';
import { TypingSignaller, TypingWatch } from './room-typing';

/** Server items change the session (status, agenda, outcomes, actions, record): fetch it again, once. */
const RELOAD_AFTER_MS = 250;

/**
 * Keeps an open room live: the stream's items (the realtime layer catches up after a reconnect),
 * typing and read signals both ways, presence, and a polite announcement of other people's
 * messages (focus never moves). Provided by the page.
 */
@Injectable()
export class RoomLiveSync {
  private readonly realtime = inject(RealtimeService);
  private readonly presence = inject(PresenceService);
  private readonly store = inject(RoomStore);
  private readonly document = inject(DOCUMENT);

  /** Other participants typing now. */
  readonly typingIds = signal<readonly string[]>([]);
  readonly typingText = computed(() => {
    const people = this.store.session()?.participants ?? [];
    const names = this.typingIds().map((id) => people.find((p) => p.userId === id)?.displayName ?? 'Someone');
    return typingText(names);
  });
  /** How far each participant has read, as heard live (their stored lastReadSeq otherwise). */
  readonly readUpTo = signal<ReadonlyMap<string, number>>(new Map());
  /** The text of the polite live region (new messages from others, changes that matter). */
  readonly announcement = signal('');

  /** What to say while the room has no connection (null: connected); the realtime layer catches up after. */
  readonly connectionProblem = computed(() => {
    if (!this.started()) return null;
    switch (this.realtime.connectionState()) {
      case 'connected':
        return null;
      case 'offline':
        return 'You are offline. Messages you send will go when you are back online.';
      case 'connecting':
        return 'Connecting…';
      default:
        return 'Reconnecting… Messages you send will go when the connection is back.';
    }
  });

  private readonly started = signal(false);
  private readonly typing = new TypingSignaller((typing) => this.signal({ typing }));
  private readonly watch = new TypingWatch((ids) => this.typingIds.set(ids));
  private stops: Array<() => void> = [];
  private reloadTimer: ReturnType<typeof setTimeout> | null = null;
  private sentRead = 0;
  private subscribed = false;
  private seenSeq = 0;

  constructor() {
    const onFocus = () => this.sendRead();
    this.document.defaultView?.addEventListener('focus', onFocus);
    inject(DestroyRef).onDestroy(() => {
      this.document.defaultView?.removeEventListener('focus', onFocus);
      this.stop();
    });
  }

  /**
   * Follow the room: signals and presence now; once the transcript so far is in, the stream's new
   * items (subscribed after the history, then synced once more, so nothing in between is missed).
   */
  async start(): Promise<void> {
    this.stop();
    const session = this.store.session();
    if (!session) return;
    if (!session.myRole) {
      // Only participants take part (and read the conversation); others see the agenda.
      this.store.historyError.set('Only the people taking part can read the conversation.');
      return;
    }
    const generation = this.store.generation;
    this.sentRead = this.store.openedReadSeq();
    this.started.set(true);
    this.stops.push(
      this.presence.watch(session.participants.map((p) => p.userId)),
      this.realtime.on<StreamSignal>(SocketEvent.StreamSignal, (s) => this.onSignal(s)),
    );
    let first = true;
    this.stops.push(
      // Connected again: our failed messages go again; a room not followed yet (it failed) is now.
      this.realtime.onConnected(() => {
        if (first || generation !== this.store.generation) return;
        this.store.resendFailed();
        if (!this.subscribed) void this.follow(generation);
      }),
    );
    first = false;
    await this.follow(generation);
  }

  /** The transcript so far, then the stream's new items (and once more what came in between). */
  private async follow(generation: number): Promise<void> {
    const stream = this.store.stream();
    if (!(await this.store.loadHistory()) || generation !== this.store.generation || this.subscribed) return;
    this.subscribed = true;
    this.stops.push(this.realtime.subscribe<unknown>(stream, (item) => this.onItem(item)));
    await this.store.loadHistory();
  }

  stop(): void {
    this.typing.stop();
    for (const stop of this.stops) stop();
    this.stops = [];
    this.subscribed = false;
    this.watch.clear();
    this.readUpTo.set(new Map());
    this.started.set(false);
    if (this.reloadTimer) clearTimeout(this.reloadTimer);
    this.reloadTimer = null;
  }

  /** A keystroke in the composer. */
  onTyping(hasText: boolean): void {
    if (this.store.canTalk()) this.typing.input(hasText);
  }

  /** Sent, or the composer was left. */
  stopTyping(): void {
    this.typing.stop();
  }

  /**
   * Messages up to `seq` are on screen: say so to the room (and store it as our lastReadSeq), only
   * while the window has focus and the page is visible.
   */
  seen(seq: number): void {
    this.seenSeq = Math.max(this.seenSeq, seq);
    this.sendRead();
  }

  /** Say something to a screen reader without moving focus. */
  announce(message: string): void {
    // Emptied first, so the same words twice are said twice.
    this.announcement.set('');
    setTimeout(() => this.announcement.set(message), 50);
  }

  private sendRead(): void {
    const seq = Math.min(this.seenSeq, this.store.lastSeq());
    if (seq <= this.sentRead || !this.store.me()) return;
    if (this.document.visibilityState === 'hidden' || !this.document.hasFocus()) return;
    this.sentRead = seq;
    this.signal({ readUpTo: seq });
  }

  private signal(what: { typing?: boolean; readUpTo?: number }): void {
    const stream = this.store.stream();
    if (!stream || !this.realtime.connected()) return;
    this.realtime.request(SocketEvent.StreamSignal, { stream, ...what }).catch(() => undefined);
  }

  private onSignal(s: StreamSignal): void {
    if (!s || s.stream !== this.store.stream() || s.userId === this.store.viewerId()) return;
    if (typeof s.typing === 'boolean') this.watch.signal(s.userId, s.typing);
    const upTo = s.readUpTo;
    if (typeof upTo === 'number' && upTo > (this.readUpTo().get(s.userId) ?? 0)) {
      this.readUpTo.update((m) => new Map(m).set(s.userId, upTo));
    }
  }

  /** An item from the stream: into the store; then what it means for the page. */
  private onItem(item: StreamItem): void {
    for (const fresh of this.store.apply([item])) {
      const server = supervisionServerBodySchema.safeParse(fresh.body);
      if (server.success) {
        this.scheduleReload();
        if (server.data.type === 'state')
          this.announce(`Session status: ${SUPERVISION_STATUS_LABEL[server.data.status]}.`);
        continue;
      }
      const body = supervisionClientBodySchema.safeParse(fresh.body);
      if (!body.success || !fresh.authorId) continue;
      this.watch.forget(fresh.authorId);
      if (fresh.authorId === this.store.viewerId()) continue;
      const who =
        this.store.session()?.participants.find((p) => p.userId === fresh.authorId)?.displayName ?? 'Someone';
      const data = body.data;
      if (data.type === 'message') this.announce(`${who}: ${quoteOf(data.text, 200)}`);
      else if (data.type === 'current-case') {
        const ref = this.store.session()?.agenda.find((a) => a.caseId === data.caseId)?.caseReference;
        this.announce(
          ref ? `${who} moved the discussion to case ${ref}.` : `${who} cleared the current case.`,
        );
      }
    }
  }

  private scheduleReload(): void {
    if (this.reloadTimer) return;
    this.reloadTimer = setTimeout(() => {
      this.reloadTimer = null;
      void this.store.reloadSession();
    }, RELOAD_AFTER_MS);
  }
}
