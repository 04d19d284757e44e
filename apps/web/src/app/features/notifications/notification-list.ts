import { LiveAnnouncer } from '@angular/cdk/a11y';
import { NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { Alert, EmptyState, Loading } from '@lantern/web-ui';
import { formatDateTime, formatRelative } from '../../core/format';
import type { PagedList } from '../../core/paged-list';
import type { AppNotification } from './notification-center';

/** A link inside Lantern ("/admin/people"), followed by the router. */
export function isInternalLink(link: string | null): link is string {
  return !!link && link.startsWith('/') && !link.startsWith('//');
}

/** A link a notification may carry: inside Lantern, or https. */
export function isSafeLink(link: string | null): link is string {
  return !!link && (isInternalLink(link) || /^https:\/\//i.test(link));
}

/** A notification's link was followed (the click, so the panel can take over the navigation). */
export interface NotificationFollowed {
  notification: AppNotification;
  event: MouseEvent;
}

/**
 * A list of notifications, newest first, as the panel and the notifications page show it: loading,
 * "nothing here", each notification (unread said in words, title, body, when) and "Load more".
 *
 * - `layout="panel"`: each notification is one target: its link (`followed`), or for an unread one
 *   without a link a button that marks it read (`markRead`).
 * - `layout="page"`: the title is the link (following it marks it read), with a "Mark as read" button.
 */
@Component({
  selector: 'lan-notification-list',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [NgTemplateOutlet, MatButtonModule, RouterLink, Alert, EmptyState, Loading],
  templateUrl: './notification-list.html',
  styleUrl: './notification-list.scss',
})
export class NotificationList {
  private readonly announcer = inject(LiveAnnouncer);

  readonly list = input.required<PagedList<AppNotification>>();
  readonly layout = input<'panel' | 'page'>('panel');
  /** The list's accessible name. */
  readonly label = input.required<string>();
  readonly emptyTitle = input.required<string>();
  readonly emptyText = input.required<string>();
  /** A line above the notifications (e.g. how many there are). */
  readonly summary = input<string | null>(null);

  readonly markRead = output<AppNotification>();
  readonly followed = output<NotificationFollowed>();

  /** Times are said relative to when the list was shown. */
  private readonly now = Date.now();
  protected readonly isSafeLink = isSafeLink;
  protected readonly isInternalLink = isInternalLink;
  protected readonly formatDateTime = formatDateTime;

  protected when(n: AppNotification): string {
    return formatRelative(n.createdAt, this.now);
  }

  protected async loadMore(): Promise<void> {
    const list = this.list();
    const before = list.items().length;
    await list.loadMore();
    const added = list.items().length - before;
    if (added > 0) void this.announcer.announce(`${added} more notifications loaded.`);
  }
}
