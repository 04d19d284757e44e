import { LiveAnnouncer } from '@angular/cdk/a11y';
import {
  ChangeDetectionStrategy,
  Component,
  type OnInit,
  computed,
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
import { Permission, ResourceSort } from '@lantern/shared-domain';
import {
  GraphqlClient,
  type LibraryResourceSummaryPartsFragment,
  LibraryPlacesDocument,
  LibraryResourcesDocument,
  ToolkitsDocument,
  type ToolkitsQuery,
  messageOf,
} from '@lantern/web-graphql';
import { Alert, EmptyState, Icon, Loading } from '@lantern/web-ui';
import { formatDate, formatRelative } from '../../core/format';
import { PagedList } from '../../core/paged-list';
import { Session } from '../../core/session';
import { sanitizeSnippet } from '@lantern/web-ui/markdown';
import {
  FILTER_PARAMS,
  KIND_OPTIONS,
  type LibraryFilters,
  NEED_OPTIONS,
  PHASE_OPTIONS,
  SCOPE_OPTIONS,
  SORT_LABEL,
  activeFilterCount,
  filterInput,
  filtersFromParams,
  paramsOf,
  queryProblem,
} from './library-filters';
import { kindLabel, needLabels, plural, scopeText } from './library-labels';

export const LIBRARY_PAGE = 20;

type Hit = LibraryResourceSummaryPartsFragment & { safeSnippet: string | null };
type ToolkitSummary = ToolkitsQuery['toolkits']['nodes'][number];

/**
 * /library: search and filter the resources the viewer may see (everything in the URL, so a search
 * can be shared or bookmarked), sorted, a page at a time; and the toolkits.
 */
@Component({
  selector: 'lan-library-home-page',
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
  templateUrl: './library-home.page.html',
  styleUrl: './library-home.page.scss',
})
export class LibraryHomePage implements OnInit {
  private readonly client = inject(GraphqlClient);
  private readonly router = inject(Router);
  private readonly announcer = inject(LiveAnnouncer);
  private readonly session = inject(Session);

  // Query parameters (bound by the router).
  readonly q = input<string | undefined>();
  readonly kind = input<string | undefined>();
  readonly need = input<string | undefined>();
  readonly phase = input<string | undefined>();
  readonly la = input<string | undefined>();
  readonly scope = input<string | undefined>();
  readonly tag = input<string | undefined>();
  readonly sort = input<string | undefined>();

  protected readonly filters = computed<LibraryFilters>(() =>
    filtersFromParams({
      q: this.q(),
      kind: this.kind(),
      need: this.need(),
      phase: this.phase(),
      la: this.la(),
      scope: this.scope(),
      tag: this.tag(),
      sort: this.sort(),
    }),
  );
  protected readonly problem = computed(() => queryProblem(this.filters().q));
  protected readonly filterCount = computed(() => activeFilterCount(this.filters()));
  protected readonly canPublish = computed(() => this.session.has(Permission.LibraryPublish));
  /** Narrow screens only: the filters are behind a "Filters" disclosure so results come first. */
  protected readonly filtersOpen = signal(false);

  protected readonly results = new PagedList<Hit>(async (after) => {
    const f = this.filters();
    const { libraryResources } = await this.client.request(LibraryResourcesDocument, {
      filter: filterInput(f),
      sort: f.sort,
      first: LIBRARY_PAGE,
      after,
    });
    return {
      ...libraryResources,
      nodes: libraryResources.nodes.map((n) => ({
        ...n,
        // The API escapes snippets and adds only <mark>: sanitised again all the same.
        safeSnippet: n.snippetHtml ? sanitizeSnippet(n.snippetHtml) : null,
      })),
    };
  });

  protected readonly toolkits = signal<readonly ToolkitSummary[] | null>(null);
  protected readonly toolkitsError = signal<string | null>(null);
  protected readonly localAuthorities = signal<readonly { id: string; name: string }[]>([]);

  protected readonly kindOptions = KIND_OPTIONS;
  protected readonly needOptions = NEED_OPTIONS;
  protected readonly phaseOptions = PHASE_OPTIONS;
  protected readonly scopeOptions = SCOPE_OPTIONS;
  protected readonly sortOptions = computed(() =>
    Object.values(ResourceSort)
      .filter((s) => s !== ResourceSort.Relevance || !!this.filters().q)
      .map((value) => ({ value, label: SORT_LABEL[value] })),
  );
  protected readonly kindLabel = kindLabel;
  protected readonly needLabels = needLabels;
  protected readonly scopeText = scopeText;
  protected readonly plural = plural;
  protected readonly relative = formatRelative;
  protected readonly date = formatDate;

  constructor() {
    effect(() => {
      const f = this.filters();
      untracked(() => void this.search(f));
    });
  }

  ngOnInit(): void {
    void this.loadToolkits();
    this.client
      .request(LibraryPlacesDocument)
      .then((d) => this.localAuthorities.set(d.localAuthorities))
      .catch(() => this.localAuthorities.set([]));
  }

  private async search(f: LibraryFilters): Promise<void> {
    if (queryProblem(f.q)) {
      this.results.clear();
      return;
    }
    await this.results.reload();
    if (this.results.error()) return;
    const total = this.results.totalCount();
    void this.announcer.announce(
      total ? `${plural(total, 'resource')} found.` : 'No resources match your search.',
    );
  }

  protected async loadMore(): Promise<void> {
    const before = this.results.items().length;
    await this.results.loadMore();
    const added = this.results.items().length - before;
    if (added > 0) void this.announcer.announce(`${plural(added, 'more resource')} loaded.`);
  }

  protected retry(): void {
    void this.search(this.filters());
  }

  async loadToolkits(): Promise<void> {
    this.toolkitsError.set(null);
    try {
      const { toolkits } = await this.client.request(ToolkitsDocument, { first: 12 });
      this.toolkits.set(toolkits.nodes);
    } catch (error) {
      this.toolkitsError.set(messageOf(error));
    }
  }

  protected submit(event: Event, form: HTMLFormElement): void {
    event.preventDefault();
    const data = new FormData(form);
    const raw: Record<string, string> = {};
    for (const name of FILTER_PARAMS) raw[name] = String(data.get(name) ?? '').trim();
    // Words typed into a search that had none: rank by relevance rather than keep the default order.
    if (raw['q'] && !this.filters().q && raw['sort'] === ResourceSort.Recent) raw['sort'] = '';
    const next = filtersFromParams(raw);
    void this.router.navigate([], { queryParams: paramsOf(next) });
  }

  protected clear(): void {
    void this.router.navigate([], { queryParams: {} });
  }
}
