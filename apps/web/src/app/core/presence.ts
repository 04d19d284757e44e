import { DOCUMENT } from '@angular/common';
import { DestroyRef, Injectable, inject, signal } from '@angular/core';
import { type PresenceChange, type PresenceStatus, SocketEvent } from '@lantern/shared-domain';
import { RealtimeService } from './realtime';

const PRESENCE_QUERY_MAX = 100;

/**
 * Who is online. Says this tab's own presence (online while visible, away once hidden) and keeps the
 * status of the people a page asks about, from `presence:query` and live `presence:changed` events.
 */
@Injectable({ providedIn: 'root' })
export class PresenceService {
  private readonly realtime = inject(RealtimeService);
  private readonly document = inject(DOCUMENT);
  private readonly statuses = signal<ReadonlyMap<string, PresenceStatus>>(new Map());
  private readonly watched = new Map<string, number>();
  private started = false;

  /** The status of each person asked about (missing: not known, or offline). */
  readonly all = this.statuses.asReadonly();

  statusOf(userId: string): PresenceStatus {
    return this.statuses().get(userId) ?? 'offline';
  }

  /** Called once, by the app. */
  start(destroyRef: DestroyRef): void {
    if (this.started) return;
    this.started = true;
    const onVisibility = () => this.sayOwn();
    this.document.addEventListener('visibilitychange', onVisibility);
    const stops = [
      this.realtime.onConnected(() => {
        this.sayOwn();
        this.query([...this.watched.keys()]);
      }),
      this.realtime.on<PresenceChange>(SocketEvent.PresenceChanged, (change) => {
        if (change?.userId) this.set([change]);
      }),
    ];
    destroyRef.onDestroy(() => {
      this.document.removeEventListener('visibilitychange', onVisibility);
      for (const stop of stops) stop();
      this.started = false;
    });
  }

  /** Follow these people's presence until the returned function is called. */
  watch(userIds: readonly string[]): () => void {
    const ids = [...new Set(userIds)];
    const fresh = ids.filter((id) => !this.watched.has(id));
    for (const id of ids) this.watched.set(id, (this.watched.get(id) ?? 0) + 1);
    this.query(fresh);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      for (const id of ids) {
        const n = (this.watched.get(id) ?? 1) - 1;
        if (n > 0) this.watched.set(id, n);
        else this.watched.delete(id);
      }
    };
  }

  private sayOwn(): void {
    if (!this.realtime.connected()) return;
    const status = this.document.visibilityState === 'hidden' ? 'away' : 'online';
    this.realtime.request(SocketEvent.PresenceSet, { status }).catch(() => undefined);
  }

  private query(userIds: readonly string[]): void {
    if (!this.realtime.connected()) return;
    // The server answers up to 100 people at a time.
    for (let i = 0; i < userIds.length; i += PRESENCE_QUERY_MAX) {
      this.queryBatch(userIds.slice(i, i + PRESENCE_QUERY_MAX));
    }
  }

  private queryBatch(userIds: readonly string[]): void {
    this.realtime
      .request<{ statuses: PresenceChange[] }>(SocketEvent.PresenceQuery, { userIds })
      .then((ack) => {
        if (!ack.ok) return;
        // People not answered are ones the viewer may not see: they show as offline.
        const answered = new Map(ack.statuses.map((s) => [s.userId, s.status] as const));
        this.set(userIds.map((userId) => ({ userId, status: answered.get(userId) ?? 'offline' })));
      })
      .catch(() => undefined);
  }

  private set(changes: readonly PresenceChange[]): void {
    this.statuses.update((current) => {
      const next = new Map(current);
      for (const { userId, status } of changes) next.set(userId, status);
      return next;
    });
  }
}
