import { LiveAnnouncer } from '@angular/cdk/a11y';
import { ChangeDetectionStrategy, Component, type OnInit, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import {
  GraphqlClient,
  MarkNotificationReadDocument,
  NotificationsDocument,
  messageOf,
} from '@lantern/web-graphql';
import { Alert } from '@lantern/web-ui';
import { PagedList } from '../../core/paged-list';
import { type AppNotification, NOTIFICATIONS_PAGE_SIZE, NotificationCenter } from './notification-center';
import { NotificationList } from './notification-list';

/** /notifications: every notification the person has had, newest first, page by page. */
@Component({
  selector: 'lan-notifications-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, Alert, NotificationList],
  templateUrl: './notifications.page.html',
  styleUrl: './notifications.page.scss',
})
export class NotificationsPage implements OnInit {
  private readonly client = inject(GraphqlClient);
  private readonly center = inject(NotificationCenter);
  private readonly announcer = inject(LiveAnnouncer);

  protected readonly list = new PagedList<AppNotification>(async (after) => {
    const data = await this.client.request(NotificationsDocument, { first: NOTIFICATIONS_PAGE_SIZE, after });
    return data.notifications;
  });
  protected readonly busy = signal(false);
  protected readonly problem = signal<string | null>(null);
  protected readonly hasUnread = computed(() => this.list.items().some((n) => !n.readAt));
  protected readonly summary = computed(() => {
    const total = this.list.totalCount();
    return `${total} ${total === 1 ? 'notification' : 'notifications'}`;
  });

  ngOnInit(): void {
    void this.list.reload();
  }

  protected async markRead(n: AppNotification): Promise<void> {
    if (n.readAt) return;
    this.problem.set(null);
    try {
      const data = await this.client.request(MarkNotificationReadDocument, { id: n.id });
      this.list.replace((x) => x.id === n.id, data.markNotificationRead);
      void this.announcer.announce('Marked as read.');
      await this.center.refreshCount();
    } catch (error) {
      this.problem.set(messageOf(error));
    }
  }

  protected async markAll(): Promise<void> {
    this.problem.set(null);
    this.busy.set(true);
    try {
      await this.center.markAllRead();
      const now = new Date().toISOString();
      this.list.update((items) => items.map((n) => (n.readAt ? n : { ...n, readAt: now })));
      void this.announcer.announce('All notifications marked as read.');
    } catch (error) {
      this.problem.set(messageOf(error));
    } finally {
      this.busy.set(false);
    }
  }
}
