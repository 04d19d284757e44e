import { ChangeDetectionStrategy, Component, type OnInit, inject } from '@angular/core';
import { LiveAnnouncer } from '@angular/cdk/a11y';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { GraphqlClient, type MyBookmarksQuery, MyBookmarksDocument } from '@lantern/web-graphql';
import { Alert, EmptyState, Icon, Loading } from '@lantern/web-ui';
import { formatDateTime, formatRelative } from '../../core/format';
import { PagedList } from '../../core/paged-list';

export type Bookmark = MyBookmarksQuery['myBookmarks']['nodes'][number];
export const BOOKMARKS_PAGE_SIZE = 20;

/** /bookmarks: the forum threads and library resources the person bookmarked, newest first. */
@Component({
  selector: 'lan-bookmarks-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, RouterLink, Alert, EmptyState, Icon, Loading],
  template: `
    <h1>Your bookmarks</h1>
    <p class="lead">
      Forum threads and library resources you bookmarked, newest first. Only you see this list.
    </p>
    @if (list.error(); as message) {
      <lan-alert kind="error" title="Bookmarks could not be loaded">
        <p>{{ message }}</p>
        <button mat-stroked-button type="button" (click)="list.reload()">Try again</button>
      </lan-alert>
    }
    @if (!list.loaded() && list.loading()) {
      <lan-loading label="Loading bookmarks…" />
    } @else if (list.empty()) {
      <lan-empty-state title="No bookmarks yet" icon="bookmark">
        <p>
          Use “Bookmark” on a <a routerLink="/forum">forum thread</a> or a
          <a routerLink="/library">library resource</a> to find it here again.
        </p>
      </lan-empty-state>
    } @else if (list.loaded()) {
      <ul class="bookmarks" aria-label="Bookmarks">
        @for (b of list.items(); track b.kind + b.id) {
          <li>
            <lan-icon [name]="b.kind === 'FORUM_THREAD' ? 'forum' : 'library'" [size]="20" />
            <div>
              <a class="title" [routerLink]="b.link">{{ b.title }}</a>
              <span class="meta">
                {{ b.kind === 'FORUM_THREAD' ? 'Forum: ' + b.context : b.context }} · bookmarked
                <time [attr.datetime]="b.bookmarkedAt" [attr.title]="dateTime(b.bookmarkedAt)">{{
                  relative(b.bookmarkedAt)
                }}</time>
              </span>
            </div>
          </li>
        }
      </ul>
      @if (list.hasMore()) {
        <div class="more">
          <button mat-stroked-button type="button" [disabled]="list.loading()" (click)="loadMore()">
            {{ list.loading() ? 'Loading…' : 'Load more' }}
          </button>
        </div>
      }
    }
  `,
  styles: `
    .lead,
    .meta {
      color: var(--mat-sys-on-surface-variant);
    }
    .bookmarks {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    .bookmarks li {
      display: flex;
      gap: 0.75rem;
      align-items: flex-start;
      padding: 0.75rem 0;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    .bookmarks div {
      display: flex;
      flex-direction: column;
      gap: 0.125rem;
    }
    .title {
      font-weight: 600;
    }
    .meta {
      font-size: 0.875rem;
    }
    .more {
      display: flex;
      justify-content: center;
      margin-top: 1rem;
    }
  `,
})
export class BookmarksPage implements OnInit {
  private readonly client = inject(GraphqlClient);
  private readonly announcer = inject(LiveAnnouncer);
  readonly list = new PagedList<Bookmark>(
    async (after) =>
      (await this.client.request(MyBookmarksDocument, { first: BOOKMARKS_PAGE_SIZE, after })).myBookmarks,
  );
  protected readonly relative = formatRelative;
  protected readonly dateTime = formatDateTime;

  ngOnInit(): void {
    void this.list.reload();
  }

  protected async loadMore(): Promise<void> {
    const before = this.list.items().length;
    await this.list.loadMore();
    const added = this.list.items().length - before;
    if (added > 0) void this.announcer.announce(`${added} more bookmarks loaded.`);
  }
}
