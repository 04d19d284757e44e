import { LiveAnnouncer } from '@angular/cdk/a11y';
import { ChangeDetectionStrategy, Component, effect, inject, input, signal, untracked } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { Title } from '@angular/platform-browser';
import { RouterLink } from '@angular/router';
import { ErrorCode } from '@lantern/shared-domain';
import { MatSnackBar } from '@angular/material/snack-bar';
import {
  ForumCategoriesWatchingDocument,
  type ForumCategoriesWatchingQuery,
  type ForumThreadSummaryPartsFragment,
  ForumThreadsDocument,
  GraphqlClient,
  WatchForumCategoryDocument,
  isApiError,
  messageOf,
} from '@lantern/web-graphql';
import { Alert, EmptyState, Icon, Loading } from '@lantern/web-ui';
import { PagedList } from '../../core/paged-list';
import { limitLabel, plural } from './forum-labels';
import { ThreadList } from './thread-list';

const PAGE = 20;

type Category = ForumCategoriesWatchingQuery['forumCategories'][number];

/** One category: its threads, pinned first, then by latest activity; "Load more" with the cursor. */
@Component({
  selector: 'lan-forum-category-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, RouterLink, Alert, EmptyState, Icon, Loading, ThreadList],
  template: `
    <nav class="crumbs" aria-label="Breadcrumb">
      <a routerLink="/forum">Forum</a>
    </nav>
    @if (notFound()) {
      <h1>Category not found</h1>
      <p>It may have been removed, or it is only open to another trust or role.</p>
      <a mat-stroked-button routerLink="/forum">Back to the forum</a>
    } @else if (category(); as c) {
      <div class="head">
        <h1>{{ c.name }}</h1>
        <div class="head-actions">
          <button
            mat-stroked-button
            type="button"
            class="toggle-state"
            [class.on]="c.watching"
            [attr.aria-pressed]="c.watching"
            (click)="toggleWatch()"
          >
            <lan-icon [name]="c.watching ? 'check' : 'notifications'" [size]="18" />
            {{ c.watching ? 'Watching category' : 'Watch category' }}
          </button>
          <a mat-flat-button routerLink="/forum/new" [queryParams]="{ category: c.id }">
            <lan-icon name="add" [size]="20" /> Start a thread
          </a>
        </div>
      </div>
      @if (c.watching) {
        <p class="watch-note">You will be told about new threads and replies here.</p>
      }
      <p class="lead">
        {{ c.description }}
        @if (limitLabel(c); as limit) {
          <span class="lan-badge limit">{{ limit }}</span>
        }
      </p>
      @if (threads.error(); as message) {
        <lan-alert kind="error" title="Threads could not be loaded">
          <p>{{ message }}</p>
          <button mat-stroked-button type="button" (click)="threads.reload()">Try again</button>
        </lan-alert>
      }
      @if (!threads.loaded() && threads.loading()) {
        <lan-loading label="Loading threads…" />
      } @else if (threads.empty()) {
        <lan-empty-state title="No threads here yet" icon="forum">
          <p>Be the first: ask a question or start a discussion.</p>
          <a mat-stroked-button routerLink="/forum/new" [queryParams]="{ category: c.id }">Start a thread</a>
        </lan-empty-state>
      } @else if (threads.loaded()) {
        <p class="count">
          Showing {{ threads.items().length }} of {{ plural(threads.totalCount(), 'thread') }}.
        </p>
        <lan-thread-list
          [threads]="threads.items()"
          [showCategory]="false"
          [label]="'Threads in ' + c.name"
        />
        @if (threads.hasMore()) {
          <div class="more">
            <button mat-stroked-button type="button" (click)="loadMore()" [disabled]="threads.loading()">
              {{ threads.loading() ? 'Loading…' : 'Load more threads' }}
            </button>
          </div>
        }
      }
    } @else if (error(); as message) {
      <h1>Forum category</h1>
      <lan-alert kind="error" title="This category could not be loaded"
        ><p>{{ message }}</p></lan-alert
      >
    } @else {
      <lan-loading label="Loading the category…" />
    }
  `,
  styles: `
    .crumbs {
      margin-bottom: 0.5rem;
    }
    .head {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: 0.5rem 1rem;
    }
    .head h1 {
      margin: 0;
    }
    .head a lan-icon,
    .head button lan-icon {
      margin-right: 0.25rem;
    }
    .head-actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
    }
    .toggle-state.on {
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
      font-weight: 700;
    }
    .watch-note {
      margin: 0.25rem 0 0;
      color: var(--mat-sys-on-surface-variant);
    }
    .lead {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem;
    }
    .count {
      color: var(--mat-sys-on-surface-variant);
    }
    .more {
      display: flex;
      justify-content: center;
      margin-top: 1rem;
    }
  `,
})
export class ForumCategoryPage {
  private readonly client = inject(GraphqlClient);
  private readonly announcer = inject(LiveAnnouncer);
  private readonly title = inject(Title);
  private readonly snackBar = inject(MatSnackBar);

  /** From the route (:id). */
  readonly id = input.required<string>();

  protected readonly category = signal<Category | null>(null);
  private watchBusy = false;
  protected readonly notFound = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly limitLabel = limitLabel;
  protected readonly plural = plural;

  protected readonly threads = new PagedList<ForumThreadSummaryPartsFragment>(async (after) => {
    const data = await this.client.request(ForumThreadsDocument, {
      categoryId: this.id(),
      first: PAGE,
      after,
    });
    return data.forumThreads;
  });

  constructor() {
    effect(() => {
      const id = this.id();
      untracked(() => void this.load(id));
    });
  }

  private async load(id: string): Promise<void> {
    this.category.set(null);
    this.notFound.set(false);
    this.error.set(null);
    this.threads.clear();
    try {
      const { forumCategories } = await this.client.request(ForumCategoriesWatchingDocument);
      const found = forumCategories.find((c) => c.id === id) ?? null;
      if (id !== this.id()) return;
      if (!found) {
        this.notFound.set(true);
        return;
      }
      this.category.set(found);
      this.title.setTitle(`${found.name} – Forum – Lantern`);
      await this.threads.reload();
    } catch (error) {
      if (isApiError(error) && error.code === ErrorCode.NotFound) this.notFound.set(true);
      else this.error.set(messageOf(error));
    }
  }

  /** Watch the category (be told of new threads and replies in it) or stop: shown at once, put back on refusal. */
  protected async toggleWatch(): Promise<void> {
    const c = this.category();
    if (!c || this.watchBusy) return;
    const on = !c.watching;
    const set = (watching: boolean) =>
      this.category.update((cur) => (cur && cur.id === c.id ? { ...cur, watching } : cur));
    set(on);
    this.watchBusy = true;
    try {
      await this.client.request(WatchForumCategoryDocument, { categoryId: c.id, on });
      void this.announcer.announce(
        on
          ? `You are watching ${c.name}: you will be told about new threads and replies.`
          : `You are no longer watching ${c.name}.`,
      );
    } catch (error) {
      set(!on);
      this.snackBar.open(messageOf(error), 'Dismiss', { politeness: 'assertive', duration: 0 });
    } finally {
      this.watchBusy = false;
    }
  }

  protected async loadMore(): Promise<void> {
    const before = this.threads.items().length;
    await this.threads.loadMore();
    const added = this.threads.items().length - before;
    if (added > 0) void this.announcer.announce(`${plural(added, 'more thread')} loaded.`);
  }
}
