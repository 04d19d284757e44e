import { Injectable, computed, inject, signal } from '@angular/core';
import {
  ErrorCode,
  SocketEvent,
  type StreamItem,
  type StreamKey,
  type StreamSendAck,
  type StreamSubscribeAck,
  SupervisionRole,
  SupervisionStatus,
  type SupervisionClientBody,
  foldSupervisionMessages,
  supervisionClientBodySchema,
} from '@lantern/shared-domain';
import { isApiError, messageOf } from '@lantern/web-graphql';
import { RealtimeService } from '../../../core/realtime';
import { Session } from '../../../core/session';
import { type RoomAgendaItem, type RoomSession, SupervisionRoomApi } from './room-api';
import { type PendingMessage, firstUnreadSeq } from './room-model';

type MessageBody = Extract<SupervisionClientBody, { type: 'message' }>;

/** A refusal of something sent to the room, in plain English. */
export class RoomSendError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const NOT_SENT = 'Not sent: the connection dropped. It will be sent again when you are back online.';
const ELEVATION_TRIES = 4;
const ELEVATION_WAIT_MS = 700;

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * What the room shows and how it changes: the session (agenda, participants, status), the stream's
 * items folded into messages (the shared domain's fold), and our own messages on their way. Sending
 * gives each message a client id once and keeps it for every retry, so it is stored once. Provided
 * by the page (one per page); the live sync feeds it items.
 */
@Injectable()
export class RoomStore {
  private readonly api = inject(SupervisionRoomApi);
  private readonly realtime = inject(RealtimeService);
  private readonly auth = inject(Session);

  readonly session = signal<RoomSession | null>(null);
  readonly loading = signal(false);
  readonly notFound = signal(false);
  readonly error = signal<string | null>(null);
  readonly historyLoaded = signal(false);
  readonly historyError = signal<string | null>(null);

  /** Every item of the room's stream we have, in order (messages, changes, server items). */
  private readonly items = signal<readonly StreamItem[]>([]);
  readonly messages = computed(() => foldSupervisionMessages(this.items()));
  readonly pending = signal<readonly PendingMessage[]>([]);

  /** Our read position when the page opened: the unread divider stays where it was. */
  readonly openedReadSeq = signal(0);
  readonly unreadSeq = computed(() =>
    this.historyLoaded() ? firstUnreadSeq(this.messages(), this.openedReadSeq(), this.viewerId()) : null,
  );

  /** The current case as the chair last moved it live (undefined: as the session says). */
  private readonly liveCurrentCase = signal<string | null | undefined>(undefined);
  readonly currentCaseId = computed(() => {
    const live = this.liveCurrentCase();
    return live !== undefined ? live : (this.session()?.currentCaseId ?? null);
  });

  readonly viewerId = computed(() => this.auth.user()?.id ?? null);
  readonly stream = computed(() => (this.session()?.stream ?? '') as StreamKey);
  readonly me = computed(
    () => this.session()?.participants.find((p) => p.userId === this.viewerId()) ?? null,
  );
  readonly isChair = computed(() => {
    const s = this.session();
    return !!s && s.chairId === this.viewerId();
  });
  /** SENCO or SEND lead: runs the agenda, outcomes, actions (an invited headteacher only talks). */
  readonly canRun = computed(() => {
    const role = this.session()?.myRole;
    return role === SupervisionRole.Senco || role === SupervisionRole.SendLead;
  });
  /** Once the record is signed nothing in the room changes. */
  readonly frozen = computed(() => !!this.session()?.record?.signedAt);
  /** New messages: participants, while the session is live. */
  readonly canTalk = computed(() => {
    const s = this.session();
    return !!s && !!s.myRole && !this.frozen() && s.status === SupervisionStatus.Live;
  });
  /** Edits and deletes of one's own messages (and actions, for those who run it): live or ended, until signed. */
  readonly canChange = computed(() => {
    const s = this.session();
    return (
      !!s &&
      !!s.myRole &&
      !this.frozen() &&
      (s.status === SupervisionStatus.Live || s.status === SupervisionStatus.Ended)
    );
  });

  private loads = 0;

  get generation(): number {
    return this.loads;
  }

  /** Open session `id`: everything from before is forgotten. Resolves with the session or null. */
  async load(id: string): Promise<RoomSession | null> {
    const generation = ++this.loads;
    this.session.set(null);
    this.items.set([]);
    this.pending.set([]);
    this.liveCurrentCase.set(undefined);
    this.historyLoaded.set(false);
    this.historyError.set(null);
    this.notFound.set(false);
    this.error.set(null);
    this.loading.set(true);
    try {
      const session = await this.api.session(id);
      if (generation !== this.loads) return null;
      this.session.set(session);
      this.openedReadSeq.set(
        session.participants.find((p) => p.userId === this.viewerId())?.lastReadSeq ?? 0,
      );
      return session;
    } catch (error) {
      if (generation !== this.loads) return null;
      if (isApiError(error) && error.code === ErrorCode.NotFound) this.notFound.set(true);
      else this.error.set(messageOf(error));
      return null;
    } finally {
      if (generation === this.loads) this.loading.set(false);
    }
  }

  /** Fetch the session again (after a server item: lifecycle, agenda, outcome, action, record). */
  async reloadSession(): Promise<void> {
    const id = this.session()?.id;
    if (!id) return;
    const generation = this.loads;
    try {
      const session = await this.api.session(id);
      if (generation !== this.loads) return;
      this.setSession(session);
    } catch {
      // The next change tries again; what is shown stays as it was.
    }
  }

  setSession(session: RoomSession): void {
    this.session.set(session);
    this.liveCurrentCase.set(undefined);
  }

  /** Put a newer copy of an agenda item (its outcome, its actions) in place. */
  replaceAgendaItem(item: RoomAgendaItem): void {
    const s = this.session();
    if (!s) return;
    this.session.set({ ...s, agenda: s.agenda.map((a) => (a.caseId === item.caseId ? item : a)) });
  }

  /**
   * The transcript so far, from the stream (`stream:sync` from the last item we have, batch by batch). The
   * socket learns of the second factor a moment after the page's first request gave it: a
   * SECOND_FACTOR_REQUIRED answer is tried again a few times before it counts.
   */
  async loadHistory(): Promise<boolean> {
    const stream = this.stream();
    const generation = this.loads;
    let after = this.lastSeq();
    let tries = 0;
    this.historyError.set(null);
    try {
      for (;;) {
        const ack = await this.realtime.request<StreamSubscribeAck>(SocketEvent.StreamSync, {
          stream,
          after,
        });
        if (generation !== this.loads) return false;
        if (!ack.ok) {
          if (ack.code === ErrorCode.SecondFactorRequired && ++tries < ELEVATION_TRIES) {
            await wait(ELEVATION_WAIT_MS);
            continue;
          }
          this.historyError.set(ack.message);
          return false;
        }
        this.apply(ack.items);
        after = Math.max(after, ...ack.items.map((i) => i.seq));
        if (!ack.more || !ack.items.length) break;
      }
      this.historyLoaded.set(true);
      return true;
    } catch {
      // Not connected: the conversation loads when the connection comes (the page says it is reconnecting).
      if (generation === this.loads && this.realtime.connected())
        this.historyError.set('The conversation could not be loaded. Check your connection and try again.');
      return false;
    }
  }

  /** The highest sequence number we have. */
  lastSeq(): number {
    const items = this.items();
    return items.length ? items[items.length - 1].seq : 0;
  }

  /** Items from the stream (history, live, or our own once stored): each kept once, in order. */
  apply(incoming: readonly StreamItem[]): StreamItem[] {
    const current = this.items();
    const have = new Set(current.map((i) => i.seq));
    const fresh = incoming.filter((i) => i.stream === this.stream() && !have.has(i.seq));
    if (!fresh.length) return [];
    const merged = [...current, ...fresh].sort((a, b) => a.seq - b.seq);
    this.items.set(merged);
    const stored = new Set(fresh.map((i) => i.clientId));
    if (this.pending().some((p) => stored.has(p.clientId))) {
      this.pending.update((list) => list.filter((p) => !stored.has(p.clientId)));
    }
    if (this.historyLoaded()) {
      for (const item of fresh) {
        const body = supervisionClientBodySchema.safeParse(item.body);
        if (body.success && body.data.type === 'current-case') this.liveCurrentCase.set(body.data.caseId);
      }
    }
    return fresh;
  }

  // ---- our messages ----

  /** Send a message: it shows at once as "Sending…" and stays, with Retry, until it is stored. */
  send(body: MessageBody): void {
    const pending: PendingMessage = {
      clientId: crypto.randomUUID(),
      body,
      state: 'sending',
      code: null,
      problem: null,
    };
    this.pending.update((list) => [...list, pending]);
    void this.flush(pending.clientId);
  }

  /** Send a failed (or refused) message again, with the same client id: it is stored once. */
  retry(clientId: string, override = false): void {
    this.updatePending(clientId, (p) => ({
      ...p,
      body: override ? { ...p.body, override: true } : p.body,
      state: 'sending',
      code: null,
      problem: null,
    }));
    void this.flush(clientId);
  }

  /** Give up on a message that was not sent (its text is returned, e.g. to edit it). */
  discard(clientId: string): PendingMessage | null {
    const found = this.pending().find((p) => p.clientId === clientId) ?? null;
    this.pending.update((list) => list.filter((p) => p.clientId !== clientId));
    return found;
  }

  /** Connected again: messages that failed for want of a connection go again (same client ids). */
  resendFailed(): void {
    for (const p of this.pending()) if (p.state === 'failed') this.retry(p.clientId);
  }

  /**
   * An edit, a delete or the chair's current case: sent once, resolved when stored; refused or
   * not sent, it rejects with a RoomSendError in plain English.
   */
  async change(body: Exclude<SupervisionClientBody, MessageBody>): Promise<void> {
    const ack = await this.post(crypto.randomUUID(), body);
    if (!ack.ok) throw new RoomSendError(ack.code, ack.message);
    this.apply([ack.item]);
  }

  private async flush(clientId: string): Promise<void> {
    const p = this.pending().find((x) => x.clientId === clientId);
    if (!p) return;
    const generation = this.loads;
    const ack = await this.post(clientId, p.body);
    if (generation !== this.loads) return;
    if (ack.ok) {
      this.apply([ack.item]);
      // Stored, but not an item of this stream (never expected): nothing waits for it any more.
      this.pending.update((list) => list.filter((x) => x.clientId !== clientId));
      return;
    }
    const connection = ack.code === 'DISCONNECTED' || ack.code === ErrorCode.Unavailable;
    this.updatePending(clientId, (x) => ({
      ...x,
      state: connection ? 'failed' : 'refused',
      code: ack.code,
      problem: connection ? NOT_SENT : ack.message,
    }));
  }

  /** One `stream:send` with a given client id; a dropped connection comes back as DISCONNECTED. */
  private async post(
    clientId: string,
    body: SupervisionClientBody,
  ): Promise<{ ok: true; item: StreamItem } | { ok: false; code: string; message: string }> {
    try {
      const ack = await this.realtime.request<StreamSendAck>(SocketEvent.StreamSend, {
        stream: this.stream(),
        clientId,
        body,
      });
      return ack.ok ? { ok: true, item: ack.item } : ack;
    } catch {
      return { ok: false, code: 'DISCONNECTED', message: NOT_SENT };
    }
  }

  private updatePending(clientId: string, fn: (p: PendingMessage) => PendingMessage): void {
    this.pending.update((list) => list.map((p) => (p.clientId === clientId ? fn(p) : p)));
  }
}
