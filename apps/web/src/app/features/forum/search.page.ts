import { TZDate } from '@date-fns/tz';
import { LiveAnnouncer } from '@angular/cdk/a11y';
import {
  ChangeDetectionStrategy,
  Component,
  type OnInit,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { Router, RouterLink } from '@angular/router';
import {
  type ForumCategoryPartsFragment,
  ForumCategoriesDocument,
  GraphqlClient,
  type SearchForumQuery,
  SearchForumDocument,
  messageOf,
} from '@lantern/web-graphql';
import { Alert, EmptyState, Icon, Loading } from '@lantern/web-ui';
import { formatDateTime, formatRelative } from '../../core/format';
import { plural } from './forum-labels';
import { sanitizeSnippet } from './markdown';

type Hit = SearchForumQuery['searchForum']['nodes'][number] & { safeSnippet: string };

export const SEARCH_PAGE = 20;

export interface SearchParams {
  q: string;
  category: string;
  tag: string;
  from: string;
  to: string;
}

/** "2026-03-03" (a date field) -> the start of that day in UK time (GMT or BST), as an ISO string. */
export function dayStart(value: string, addDays = 0): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return null;
  const d = new TZDate(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + addDays, 'Europe/London');
  return Number.isNaN(d.getTime()) ? null : new Date(d.getTime()).toISOString();
}

/** /forum/search?q=&category=&tag=&from=&to=: full-text search across threads and replies. */
@Component({
  selector: 'lan-forum-search-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    RouterLink,
    Alert,
    EmptyState,
    Icon,
    Loading,
  ],
  templateUrl: './search.page.html',
  styleUrl: './search.page.scss',
})
export class ForumSearchPage implements OnInit {
  private readonly client = inject(GraphqlClient);
  private readonly router = inject(Router);
  private readonly announcer = inject(LiveAnnouncer);

  readonly q = input<string | undefined>();
  readonly category = input<string | undefined>();
  readonly tag = input<string | undefined>();
  readonly from = input<string | undefined>();
  readonly to = input<string | undefined>();

  protected readonly categories = signal<readonly ForumCategoryPartsFragment[]>([]);
  protected readonly hits = signal<readonly Hit[]>([]);
  protected readonly total = signal(0);
  /** More matched than the API counts (it stops at 1,000). */
  protected readonly totalIsLowerBound = signal(false);
  /** So many posts matched that the API gives the newest first (not the best match first). */
  protected readonly sortedByDate = signal(false);
  protected readonly hasMore = signal(false);
  protected readonly loading = signal(false);
  protected readonly searched = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly relative = formatRelative;
  protected readonly dateTime = formatDateTime;
  protected readonly plural = plural;
  private generation = 0;

  constructor() {
    effect(() => {
      const params = this.params();
      untracked(() => void this.search(params, false));
    });
  }

  ngOnInit(): void {
    this.client
      .request(ForumCategoriesDocument)
      .then((data) => this.categories.set(data.forumCategories))
      .catch(() => this.categories.set([]));
  }

  protected params(): SearchParams {
    return {
      q: (this.q() ?? '').trim(),
      category: this.category() ?? '',
      tag: this.tag() ?? '',
      from: this.from() ?? '',
      to: this.to() ?? '',
    };
  }

  protected submit(event: Event, form: HTMLFormElement): void {
    event.preventDefault();
    const data = new FormData(form);
    const value = (name: string) => String(data.get(name) ?? '').trim();
    const queryParams: Record<string, string | null> = {};
    for (const name of ['q', 'category', 'tag', 'from', 'to']) queryParams[name] = value(name) || null;
    void this.router.navigate([], { queryParams });
  }

  private async search(p: SearchParams, more: boolean): Promise<void> {
    const generation = more ? this.generation : ++this.generation;
    if (!more) {
      this.hits.set([]);
      this.total.set(0);
      this.totalIsLowerBound.set(false);
      this.sortedByDate.set(false);
      this.hasMore.set(false);
      this.error.set(null);
      this.searched.set(false);
    }
    if (p.q.length < 2) {
      if (p.q.length === 1) this.error.set('Search for at least 2 characters.');
      return;
    }
    this.loading.set(true);
    try {
      const { searchForum } = await this.client.request(SearchForumDocument, {
        query: p.q,
        first: SEARCH_PAGE,
        offset: more ? this.hits().length : 0,
        filter: {
          categoryId: p.category || null,
          tag: p.tag ? p.tag.toLowerCase() : null,
          from: p.from ? dayStart(p.from) : null,
          // The whole of the "to" day counts.
          to: p.to ? dayStart(p.to, 1) : null,
        },
      });
      if (generation !== this.generation) return;
      // The API escapes snippets and adds only <mark>: sanitised again all the same.
      const nodes = searchForum.nodes.map((n) => ({ ...n, safeSnippet: sanitizeSnippet(n.snippetHtml) }));
      this.hits.update((list) => (more ? [...list, ...nodes] : nodes));
      this.total.set(searchForum.totalCount);
      this.totalIsLowerBound.set(searchForum.totalIsLowerBound);
      this.sortedByDate.set(searchForum.sortedByDate);
      this.hasMore.set(searchForum.hasNextPage);
      this.searched.set(true);
      void this.announcer.announce(
        more
          ? `${plural(searchForum.nodes.length, 'more result')} loaded.`
          : searchForum.totalCount
            ? `${this.totalText()} found.`
            : 'No posts match your search.',
      );
    } catch (error) {
      if (generation === this.generation) this.error.set(messageOf(error));
    } finally {
      if (generation === this.generation) this.loading.set(false);
    }
  }

  /** "3 results", or "1,000+ results" when the API stopped counting. */
  protected totalText(): string {
    const n = this.total();
    return this.totalIsLowerBound() ? `${n.toLocaleString('en-GB')}+ results` : plural(n, 'result');
  }

  protected loadMore(): void {
    void this.search(this.params(), true);
  }
}
