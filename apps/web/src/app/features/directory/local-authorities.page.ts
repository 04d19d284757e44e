import { ChangeDetectionStrategy, Component, OnInit, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { FundingUnit } from '@lantern/shared-domain';
import {
  GraphqlClient,
  LocalAuthoritiesDocument,
  type LocalAuthoritiesQuery,
  messageOf,
} from '@lantern/web-graphql';
import { Alert, EmptyState, Loading } from '@lantern/web-ui';
import { formatPounds } from '../../core/format';
import { DirectoryTabs } from './directory-tabs';

@Component({
  selector: 'lan-local-authorities-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, Alert, EmptyState, Loading, DirectoryTabs],
  template: `
    <h1>Local authorities</h1>
    <lan-directory-tabs />
    <p class="lead">
      Each local authority sets its own top-up funding levels for pupils with SEND. Values are pounds per
      pupil per year.
    </p>
    @if (loading()) {
      <lan-loading label="Loading local authorities…" />
    } @else if (error(); as message) {
      <lan-alert kind="error" title="Local authorities could not be loaded">
        <p>{{ message }}</p>
        <button mat-stroked-button type="button" (click)="load()">Try again</button>
      </lan-alert>
    } @else if (authorities().length === 0) {
      <lan-empty-state title="No local authorities yet" />
    } @else {
      <div class="las">
        @for (la of authorities(); track la.id) {
          <section [attr.aria-labelledby]="'la-' + la.id" class="la">
            <h2 [id]="'la-' + la.id">{{ la.name }}</h2>
            <p class="meta">
              {{ la.schoolCount }} {{ la.schoolCount === 1 ? 'school' : 'schools' }} in the network. Funding
              is set in {{ la.unitLabel }}.
            </p>
            @if (la.fundingBands.length) {
              <table class="plain">
                <caption class="visually-hidden">
                  {{
                    la.name
                  }}
                  funding
                  {{
                    la.unitLabel
                  }}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{{ la.columnLabel }}</th>
                    <th scope="col" class="num">Annual value</th>
                  </tr>
                </thead>
                <tbody>
                  @for (band of la.fundingBands; track band.id) {
                    <tr>
                      <th scope="row">{{ band.label }}</th>
                      <td class="num">{{ formatPounds(band.annualValue) }}</td>
                    </tr>
                  }
                </tbody>
              </table>
            } @else {
              <p>No funding bands recorded yet.</p>
            }
          </section>
        }
      </div>
    }
  `,
  styles: `
    .lead {
      max-width: 48rem;
    }
    .las {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(min(20rem, 100%), 1fr));
      gap: 1rem 2rem;
    }
    .la {
      margin-top: 1rem;
    }
    .la h2 {
      margin-bottom: 0.25rem;
    }
    .meta {
      margin-top: 0;
      color: var(--mat-sys-on-surface-variant);
    }
    table {
      width: 100%;
    }
  `,
})
export class LocalAuthoritiesPage implements OnInit {
  private readonly client = inject(GraphqlClient);
  protected readonly data = signal<LocalAuthoritiesQuery | null>(null);
  protected readonly loading = signal(true);
  protected readonly error = signal<string | null>(null);
  protected readonly formatPounds = formatPounds;

  protected readonly authorities = computed(() => {
    const data = this.data();
    if (!data) return [];
    return data.localAuthorities.map((la) => {
      const hours = la.fundingUnit === FundingUnit.Hours;
      return {
        ...la,
        unitLabel: hours ? 'hours of support' : 'bands',
        columnLabel: hours ? 'Hours' : 'Band',
        schoolCount: data.schools.filter((s) => s.localAuthority.id === la.id).length,
      };
    });
  });

  ngOnInit(): void {
    void this.load();
  }

  protected async load(): Promise<void> {
    this.loading.set(true);
    this.error.set(null);
    try {
      this.data.set(await this.client.request(LocalAuthoritiesDocument));
    } catch (error) {
      this.error.set(messageOf(error));
    } finally {
      this.loading.set(false);
    }
  }
}
