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
import { CASE_STATUS_LABEL, SEN_STATUS_LABEL } from '@lantern/shared-domain';
import { messageOf } from '@lantern/web-graphql';
import {
  Alert,
  EmptyState,
  Icon,
  Loading,
  type SchoolChoice,
  SchoolPicker,
  chosenSchoolId,
} from '@lantern/web-ui';
import { type CaseList, type CaseSchool, type CaseSummary, CaseloadData } from './caseload-data';
import {
  CONCERNS,
  type CaseListQuery,
  NEED_GROUPS,
  SORTS,
  STATUS_FILTERS,
  YEAR_GROUPS,
  attentionText,
  concernText,
  isFiltered,
  paramsFromQuery,
  queryFromParams,
} from './caseload-model';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * /caseload: a school's pseudonymous cases. A SEND lead who reaches several schools picks one
 * (kept in the URL as ?school=); filters and the sort are in the URL too, so a view can be
 * bookmarked. A table on wide screens, one card per case on phones.
 */
@Component({
  selector: 'lan-caseload-page',
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
    SchoolPicker,
  ],
  templateUrl: './caseload.page.html',
  styleUrl: './caseload.page.scss',
})
export class CaseloadPage implements OnInit {
  private readonly data = inject(CaseloadData);
  private readonly router = inject(Router);
  private readonly announcer = inject(LiveAnnouncer);

  // Query parameters (bound by the router).
  readonly school = input<string | undefined>();
  readonly status = input<string | undefined>();
  readonly need = input<string | undefined>();
  readonly concern = input<string | undefined>();
  readonly year = input<string | undefined>();
  readonly sort = input<string | undefined>();

  protected readonly query = computed<CaseListQuery>(() =>
    queryFromParams({
      school: this.school(),
      status: this.status(),
      need: this.need(),
      concern: this.concern(),
      year: this.year(),
      sort: this.sort(),
    }),
  );

  protected readonly schools = signal<readonly CaseSchool[] | null>(null);
  protected readonly schoolsError = signal<string | null>(null);
  /** The school shown: the one in the URL, or the viewer's only school. */
  protected readonly schoolId = computed(() => chosenSchoolId(this.schools(), this.query().school));
  protected readonly schoolChoices = computed<SchoolChoice[]>(() =>
    (this.schools() ?? []).map((s) => ({ ...s, detail: plural(s.openCases, 'open case') })),
  );
  protected readonly chosenSchool = computed(
    () => this.schools()?.find((s) => s.id === this.schoolId()) ?? null,
  );

  protected readonly list = signal<CaseList | null>(null);
  protected readonly loading = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly filtered = computed(() => isFiltered(this.query()));
  protected readonly sortLabel = computed(
    () => SORTS.find((s) => s.value === this.query().sort)?.label.toLowerCase() ?? '',
  );
  /** Phones: the filters sit behind a disclosure so the cases come first. */
  protected readonly filtersOpen = signal(false);

  protected readonly statusFilters = STATUS_FILTERS;
  protected readonly sorts = SORTS;
  protected readonly needGroups = NEED_GROUPS;
  protected readonly concerns = CONCERNS;
  protected readonly yearGroups = YEAR_GROUPS;
  protected readonly senStatusLabel = SEN_STATUS_LABEL;
  protected readonly caseStatusLabel = CASE_STATUS_LABEL;
  protected readonly attentionText = attentionText;
  protected readonly concernText = concernText;
  protected readonly plural = plural;

  private generation = 0;

  constructor() {
    effect(() => {
      const school = this.schoolId();
      const query = this.query();
      untracked(() => void this.load(school, query));
    });
  }

  ngOnInit(): void {
    void this.loadSchools();
  }

  async loadSchools(): Promise<void> {
    this.schoolsError.set(null);
    try {
      this.schools.set(await this.data.schools());
    } catch (error) {
      this.schoolsError.set(messageOf(error));
    }
  }

  private async load(schoolId: string | null, query: CaseListQuery): Promise<void> {
    const generation = ++this.generation;
    if (!schoolId) {
      this.list.set(null);
      return;
    }
    this.loading.set(true);
    this.error.set(null);
    try {
      const list = await this.data.list(schoolId, query);
      if (generation !== this.generation) return;
      this.list.set(list);
      void this.announcer.announce(
        list.totalCount ? `${plural(list.totalCount, 'case')} shown.` : 'No cases match.',
        'polite',
      );
    } catch (error) {
      if (generation === this.generation) this.error.set(messageOf(error));
    } finally {
      if (generation === this.generation) this.loading.set(false);
    }
  }

  protected retry(): void {
    if (this.schoolsError()) void this.loadSchools();
    else void this.load(this.schoolId(), this.query());
  }

  protected chooseSchool(id: string): void {
    void this.navigate({ ...this.query(), school: id || null });
  }

  /** "Apply filters": the form's choices go to the URL (and from there to the list). */
  protected apply(event: Event, form: HTMLFormElement): void {
    event.preventDefault();
    const data = new FormData(form);
    const raw: Record<string, string> = {};
    for (const name of ['status', 'need', 'concern', 'year', 'sort'])
      raw[name] = String(data.get(name) ?? '');
    void this.navigate(queryFromParams({ ...raw, school: this.schoolId() ?? undefined }));
  }

  protected clearFilters(): void {
    void this.navigate(queryFromParams({ school: this.schoolId() ?? undefined, sort: this.query().sort }));
  }

  private navigate(query: CaseListQuery): Promise<boolean> {
    return this.router.navigate(['/caseload'], { queryParams: paramsFromQuery(query) });
  }

  protected actionsText(c: CaseSummary): string {
    if (!c.openActions) return 'None open';
    const open = `${c.openActions} open`;
    return c.overdueActions ? `${open}, ${c.overdueActions} overdue` : open;
  }
}
