import { ChangeDetectionStrategy, Component, type OnInit, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import { ehcpDraftListTitle } from '@lantern/shared-domain';
import { Alert, EmptyState, Loading } from '@lantern/web-ui';
import { formatDateTime, formatRelative } from '../../core/format';
import { PagedList } from '../../core/paged-list';
import { Session } from '../../core/session';
import { type EhcpDraftSchool, type EhcpDraftSummary, EhcpDrafts } from './ehcp-drafts';

/**
 * /ehcp-drafts: the drafts of the viewer's school(s) (and, for a trust SEND lead, their trusts'
 * schools), with a school filter when there is more than one school to choose from.
 */
@Component({
  selector: 'lan-ehcp-drafts-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatFormFieldModule, MatInputModule, RouterLink, Alert, EmptyState, Loading],
  template: `
    <h1>{{ heading() }}</h1>
    <p class="lead">
      Drafts are private to their school's SENCOs and headteacher and the trust's SEND lead. Pupils are named
      only by the school's pseudonymous reference.
    </p>
    <p>
      <a routerLink="/library" [queryParams]="{ kind: 'TEMPLATE', q: 'EHCP' }"
        >Start a draft from an EHCP template</a
      >
    </p>
    @if (schools().length > 1) {
      <mat-form-field class="school-filter">
        <mat-label>School</mat-label>
        <select
          matNativeControl
          name="school"
          [value]="school() ?? ''"
          (change)="chooseSchool($any($event.target).value)"
        >
          <option value="" [selected]="!school()">All schools</option>
          @for (s of schools(); track s.id) {
            <option [value]="s.id" [selected]="s.id === school()">{{ s.name }} ({{ s.trustName }})</option>
          }
        </select>
      </mat-form-field>
    }
    @if (list.error(); as message) {
      <lan-alert kind="error" title="Drafts could not be loaded">
        <p>{{ message }}</p>
        <button mat-stroked-button type="button" (click)="list.reload()">Try again</button>
      </lan-alert>
    }
    @if (!list.loaded() && list.loading()) {
      <lan-loading label="Loading drafts…" />
    } @else if (list.empty()) {
      <lan-empty-state [title]="school() ? 'No drafts for this school' : 'No drafts yet'" icon="description">
        <p>Open an EHCP template in the library and choose “Start a draft”.</p>
      </lan-empty-state>
    } @else if (list.loaded()) {
      <table class="plain drafts lan-stack">
        <caption class="visually-hidden">
          EHCP drafts, most recently changed first
        </caption>
        <thead>
          <tr>
            <th scope="col">Pupil reference</th>
            <th scope="col">School</th>
            <th scope="col">Template</th>
            <th scope="col">Complete</th>
            <th scope="col">Last changed</th>
          </tr>
        </thead>
        <tbody>
          @for (d of list.items(); track d.id) {
            <tr>
              <th scope="row">
                <a [routerLink]="['/ehcp-drafts', d.id]">{{ d.pupilReference }}</a>
              </th>
              <td data-label="School">{{ d.schoolName }}</td>
              <td data-label="Template">{{ d.templateTitle ?? '–' }}</td>
              <td data-label="Complete">{{ d.complete }} of {{ d.total }} ({{ d.percent }}%)</td>
              <td data-label="Last changed">
                <time [attr.datetime]="d.updatedAt" [attr.title]="dateTime(d.updatedAt)">{{
                  relative(d.updatedAt)
                }}</time>
              </td>
            </tr>
          }
        </tbody>
      </table>
      @if (list.hasMore()) {
        <div class="more">
          <button mat-stroked-button type="button" [disabled]="list.loading()" (click)="list.loadMore()">
            {{ list.loading() ? 'Loading…' : 'Load more' }}
          </button>
        </div>
      }
    }
  `,
  styles: `
    .lead {
      color: var(--mat-sys-on-surface-variant);
    }
    .school-filter {
      min-width: min(100%, 22rem);
    }
    .drafts {
      width: 100%;
    }
    .more {
      display: flex;
      justify-content: center;
      margin-top: 1rem;
    }
  `,
})
export class EhcpDraftsPage implements OnInit {
  private readonly drafts = inject(EhcpDrafts);
  private readonly session = inject(Session);
  /** The school chosen in the filter (null: every school the viewer may see). */
  protected readonly school = signal<string | null>(null);
  protected readonly schools = signal<EhcpDraftSchool[]>([]);
  protected readonly heading = computed(() => ehcpDraftListTitle(this.session.actor()));
  readonly list = new PagedList<EhcpDraftSummary>((after) => this.drafts.list(after, this.school()));
  protected readonly relative = formatRelative;
  protected readonly dateTime = formatDateTime;

  ngOnInit(): void {
    void this.list.reload();
    this.drafts.schools().then(
      (schools) => this.schools.set(schools),
      () => this.schools.set([]), // the filter is a convenience: without it, the list still shows every school
    );
  }

  protected chooseSchool(id: string): void {
    const next = id || null;
    if (next === this.school()) return;
    this.school.set(next);
    void this.list.reload();
  }
}
