import { ChangeDetectionStrategy, Component, OnInit, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { Router } from '@angular/router';
import { messageOf } from '@lantern/web-graphql';
import { Alert } from '@lantern/web-ui';
import { LiveAnnouncer } from '@angular/cdk/a11y';
import { type AppNotification, NotificationCenter } from './notification-center';
import { NotificationList, isInternalLink } from './notification-list';

/** The notification panel: the latest notifications, newest first, and marking them read. */
@Component({
  selector: 'lan-notification-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatDialogModule, MatButtonModule, Alert, NotificationList],
  templateUrl: './notification-panel.html',
})
export class NotificationPanel implements OnInit {
  private readonly center = inject(NotificationCenter);
  private readonly ref = inject(MatDialogRef<NotificationPanel>);
  private readonly router = inject(Router);
  private readonly announcer = inject(LiveAnnouncer);

  protected readonly list = this.center.list;
  protected readonly busy = signal(false);
  protected readonly problem = signal<string | null>(null);
  protected readonly hasUnread = computed(
    () => (this.center.unread() ?? 0) > 0 || this.list.items().some((n) => !n.readAt),
  );

  ngOnInit(): void {
    void this.list.reload();
  }

  protected async markAll(): Promise<void> {
    this.problem.set(null);
    this.busy.set(true);
    try {
      await this.center.markAllRead();
      void this.announcer.announce('All notifications marked as read.');
    } catch (error) {
      this.problem.set(messageOf(error));
    } finally {
      this.busy.set(false);
    }
  }

  protected async markRead(n: AppNotification): Promise<void> {
    this.problem.set(null);
    try {
      await this.center.markRead(n);
    } catch (error) {
      this.problem.set(messageOf(error));
    }
  }

  /** The full history page (the panel closes; a new tab opens as usual with a modifier key). */
  protected seeAll(event: MouseEvent): void {
    if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    this.ref.close();
    void this.router.navigateByUrl('/notifications');
  }

  /** Following a notification's link marks it read and closes the panel. */
  protected follow(n: AppNotification, event: MouseEvent): void {
    const link = n.link;
    if (!link) return;
    this.center.markRead(n).catch(() => undefined);
    if (!isInternalLink(link) || event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) {
      return;
    }
    event.preventDefault();
    this.ref.close();
    void this.router.navigateByUrl(link);
  }
}
