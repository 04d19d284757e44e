import { LiveAnnouncer } from '@angular/cdk/a11y';
import { ChangeDetectionStrategy, Component, OnInit, computed, effect, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { ActivatedRoute, Router } from '@angular/router';
import { AveragePhase, Phase, PHASE_LABEL } from '@lantern/shared-domain';
import { DirectoryDocument, type DirectoryQuery, GraphqlClient, messageOf } from '@lantern/web-graphql';
import { Alert, EmptyState, Loading, SendBarChart, type SendChartRow } from '@lantern/web-ui';
import { formatDate, formatPercent } from '../../core/format';
import { DirectoryTabs } from './directory-tabs';
import { buildDirectory, type DirectoryFilters, filtersFromQuery } from './directory.model';
import { TrustTable } from './trust-table';

@Component({
  selector: 'lan-directory-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    MatFormFieldModule,
    MatInputModule,
    MatButtonModule,
    Alert,
    EmptyState,
    Loading,
    SendBarChart,
    TrustTable,
    DirectoryTabs,
  ],
  templateUrl: './directory.page.html',
  styleUrl: './directory.page.scss',
})
export class DirectoryPage implements OnInit {
  private readonly client = inject(GraphqlClient);
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);
  private readonly announcer = inject(LiveAnnouncer);

  protected readonly data = signal<DirectoryQuery | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly loading = signal(true);
  private readonly query = toSignal(this.route.queryParamMap, { requireSync: true });

  protected readonly phases = (Object.keys(PHASE_LABEL) as Phase[]).map((p) => ({
    value: p,
    label: PHASE_LABEL[p],
  }));
  protected readonly filters = computed<DirectoryFilters>(() => filtersFromQuery(this.query(), this.data()));
  protected readonly filtered = computed(() => {
    const f = this.filters();
    return !!(f.trustId || f.localAuthorityId || f.phase);
  });
  protected readonly groups = computed(() => {
    const data = this.data();
    return data ? buildDirectory(data, this.filters()) : [];
  });
  protected readonly shownCount = computed(() => this.groups().reduce((n, g) => n + g.rows.length, 0));
  protected readonly totalCount = computed(() => this.data()?.schools.length ?? 0);
  protected readonly chartRows = computed<SendChartRow[]>(() =>
    this.groups().flatMap((g) =>
      g.rows.map((r) => ({
        id: r.id,
        label: r.displayName,
        note: `${r.phaseLabel}, ${r.localAuthorityName}`,
        ehcpPercent: r.ehcpPercent,
        senSupportPercent: r.senSupportPercent,
        totalPercent: r.totalSendPercent,
        nationalPercent: r.average?.totalSendPercent ?? null,
      })),
    ),
  );
  protected readonly averages = computed(() => {
    const list = this.data()?.nationalAverages ?? [];
    return [AveragePhase.Primary, AveragePhase.Secondary]
      .map((phase) => list.find((a) => a.phase === phase))
      .filter((a) => !!a)
      .map((a) => ({ ...a, label: a.phase === AveragePhase.Primary ? 'Primary' : 'Secondary' }));
  });
  protected readonly censusDate = computed(() => {
    const dates = [...new Set((this.data()?.schools ?? []).map((s) => s.censusDate))].sort();
    return dates.length ? formatDate(dates[dates.length - 1]) : '';
  });
  protected readonly formatPercent = formatPercent;

  constructor() {
    // Say how many schools the filters leave, once the data is in (and after each change).
    let previous = '';
    effect(() => {
      if (!this.data()) return;
      const message = this.filtered()
        ? `Showing ${this.shownCount()} of ${this.totalCount()} schools.`
        : `Showing all ${this.totalCount()} schools.`;
      if (message !== previous) {
        if (previous) void this.announcer.announce(message, 'polite');
        previous = message;
      }
    });
  }

  ngOnInit(): void {
    void this.load();
  }

  protected async load(): Promise<void> {
    this.loading.set(true);
    this.error.set(null);
    try {
      this.data.set(await this.client.request(DirectoryDocument));
    } catch (error) {
      this.error.set(messageOf(error));
    } finally {
      this.loading.set(false);
    }
  }

  protected setFilter(name: 'trust' | 'la' | 'phase', event: Event): void {
    const value = (event.target as HTMLSelectElement).value || null;
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: { [name]: value },
      queryParamsHandling: 'merge',
      replaceUrl: true,
    });
  }

  protected clearFilters(): void {
    void this.router.navigate([], { relativeTo: this.route, queryParams: {}, replaceUrl: true });
  }
}
