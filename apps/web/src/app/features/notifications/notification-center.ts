import { LiveAnnouncer } from '@angular/cdk/a11y';
import { Injectable, inject, signal } from '@angular/core';
import {
  type NotificationCount,
  type NotificationKind,
  SocketEvent,
  notificationsStream,
} from '@lantern/shared-domain';
import {
  GraphqlClient,
  MarkAllNotificationsReadDocument,
  MarkNotificationReadDocument,
  type NotificationPartsFragment,
  NotificationsDocument,
  UnreadNotificationCountDocument,
} from '@lantern/web-graphql';
import { PagedList } from '../../core/paged-list';
import { RealtimeService } from '../../core/realtime';

export type AppNotification = NotificationPartsFragment;

/** The body of an item in a person's notifications stream. */
export interface NotificationStreamBody {
  id: string;
  kind: NotificationKind;
  title: string;
  body: string | null;
  link: string | null;
  createdAt: string;
}

export const NOTIFICATIONS_PAGE_SIZE = 20;

/**
 * The signed-in person's notifications: the unread count (GraphQL at first, then live from the
 * socket), the latest notifications (paged, with new ones arriving live) and marking them read.
 */
@Injectable({ providedIn: 'root' })
export class NotificationCenter {
  private readonly client = inject(GraphqlClient);
  private readonly realtime = inject(RealtimeService);
  private readonly announcer = inject(LiveAnnouncer);
  private readonly unreadState = signal<number | null>(null);
  private userId: string | null = null;
  private stops: (() => void)[] = [];
  /** Bumped when a live count arrives: an older GraphQL answer must not overwrite it. */
  private countVersion = 0;

  /** Unread notifications; null until known. */
  readonly unread = this.unreadState.asReadonly();

  readonly list = new PagedList<AppNotification>(async (after) => {
    const data = await this.client.request(NotificationsDocument, { first: NOTIFICATIONS_PAGE_SIZE, after });
    return data.notifications;
  });

  /** Start following this person's notifications; returns the function that stops it. */
  connect(userId: string): () => void {
    if (this.userId !== userId) {
      this.disconnect();
      this.userId = userId;
      this.unreadState.set(null);
      this.list.clear();
      this.stops = [
        this.realtime.on<NotificationCount>(SocketEvent.NotificationCount, (count) => {
          if (typeof count?.unread !== 'number') return;
          this.countVersion++;
          this.unreadState.set(count.unread);
        }),
        this.realtime.subscribe<NotificationStreamBody>(notificationsStream(userId), (item) =>
          this.arrived(item.body),
        ),
      ];
      void this.refreshCount();
    }
    return () => this.disconnect();
  }

  disconnect(): void {
    for (const stop of this.stops) stop();
    this.stops = [];
    this.userId = null;
  }

  /** Ask GraphQL for the unread count (at start, and after marking one read). */
  async refreshCount(): Promise<void> {
    const version = this.countVersion;
    try {
      const data = await this.client.request(UnreadNotificationCountDocument);
      if (version === this.countVersion) this.unreadState.set(data.unreadNotificationCount);
    } catch {
      // Shown by the global error handler if it is the network; the count stays as it was.
    }
  }

  async markRead(notification: AppNotification): Promise<void> {
    if (notification.readAt) return;
    const data = await this.client.request(MarkNotificationReadDocument, { id: notification.id });
    this.list.replace((n) => n.id === notification.id, data.markNotificationRead);
    await this.refreshCount();
  }

  async markAllRead(): Promise<void> {
    await this.client.request(MarkAllNotificationsReadDocument);
    const now = new Date().toISOString();
    this.list.update((items) => items.map((n) => (n.readAt ? n : { ...n, readAt: now })));
    this.countVersion++;
    this.unreadState.set(0);
  }

  private arrived(body: NotificationStreamBody | undefined): void {
    if (!body?.id) return;
    // The count itself comes from the server (notification:count); the list gets the new one on top.
    if (this.list.loaded() && !this.list.items().some((n) => n.id === body.id)) {
      this.list.prepend({
        id: body.id,
        kind: body.kind,
        title: body.title,
        body: body.body ?? null,
        link: body.link ?? null,
        createdAt: body.createdAt,
        readAt: null,
      });
    }
    void this.announcer.announce(`New notification: ${body.title}`, 'polite');
  }
}
