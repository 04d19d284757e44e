import {
  ChangeDetectionStrategy,
  Component,
  type OnInit,
  type WritableSignal,
  computed,
  inject,
  signal,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { Router, RouterLink } from '@angular/router';
import { Permission } from '@lantern/shared-domain';
import {
  type ForumCategoryPartsFragment,
  ForumCategoriesDocument,
  type ForumThreadSummaryPartsFragment,
  ForumThreadsDocument,
  GraphqlClient,
  messageOf,
} from '@lantern/web-graphql';
import { Alert, EmptyState, Icon, Loading } from '@lantern/web-ui';
import { Session } from '../../core/session';
import { limitLabel, plural } from './forum-labels';
import { ThreadList } from './thread-list';

interface Section<T> {
  items: T | null;
  error: string | null;
}

/** The forum's front page: categories, the latest threads and questions still waiting for an answer. */
@Component({
  selector: 'lan-forum-home-page',
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
    ThreadList,
  ],
  templateUrl: './forum-home.page.html',
  styleUrl: './forum-home.page.scss',
})
export class ForumHomePage implements OnInit {
  private readonly client = inject(GraphqlClient);
  private readonly router = inject(Router);
  private readonly session = inject(Session);

  protected readonly categories = signal<Section<readonly ForumCategoryPartsFragment[]>>({
    items: null,
    error: null,
  });
  protected readonly latest = signal<Section<readonly ForumThreadSummaryPartsFragment[]>>({
    items: null,
    error: null,
  });
  protected readonly unanswered = signal<Section<readonly ForumThreadSummaryPartsFragment[]>>({
    items: null,
    error: null,
  });
  /** Whether the viewer moderates any category (then the "Moderation" link shows). */
  protected readonly moderates = computed(() => !!this.categories().items?.some((c) => c.canModerate));
  /** Network admins set up the categories (the "Manage categories" link). */
  protected readonly administers = computed(() => this.session.has(Permission.ForumAdmin));
  protected readonly limitLabel = limitLabel;
  protected readonly plural = plural;

  ngOnInit(): void {
    this.load();
  }

  protected load(): void {
    void this.fill(
      this.categories,
      async () => (await this.client.request(ForumCategoriesDocument)).forumCategories,
    );
    void this.fill(
      this.latest,
      async () => (await this.client.request(ForumThreadsDocument, { first: 8 })).forumThreads.nodes,
    );
    void this.fill(
      this.unanswered,
      async () =>
        (await this.client.request(ForumThreadsDocument, { first: 8, unanswered: true })).forumThreads.nodes,
    );
  }

  private async fill<T>(target: WritableSignal<Section<T>>, fetch: () => Promise<T>): Promise<void> {
    target.set({ items: null, error: null });
    try {
      target.set({ items: await fetch(), error: null });
    } catch (error) {
      target.set({ items: null, error: messageOf(error) });
    }
  }

  protected search(event: Event, input: HTMLInputElement): void {
    event.preventDefault();
    const q = input.value.trim();
    void this.router.navigate(['/forum/search'], { queryParams: q ? { q } : {} });
  }
}
