import { ChangeDetectionStrategy, Component, type OnInit, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { Alert, EmptyState, Loading } from '@lantern/web-ui';
import { formatDateTime, formatRelative } from '../../core/format';
import { PagedList } from '../../core/paged-list';
import { type EhcpDraftSummary, EhcpDrafts } from './ehcp-drafts';

/** /ehcp-drafts: the drafts of the viewer's school(s) (and, for a trust SEND lead, the trust's schools). */
@Component({
  selector: 'lan-ehcp-drafts-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, RouterLink, Alert, EmptyState, Loading],
  template: `
    <h1>My school's EHCP drafts</h1>
    <p class="lead">
      Drafts are private to their school's SENCOs and headteacher and the trust's SEND lead. Pupils are named
      only by the school's pseudonymous reference.
    </p>
    <p>
      <a routerLink="/library" [queryParams]="{ kind: 'TEMPLATE', q: 'EHCP' }"
        >Start a draft from an EHCP template</a
      >
    </p>
    @if (list.error(); as message) {
      <lan-alert kind="error" title="Drafts could not be loaded">
        <p>{{ message }}</p>
        <button mat-stroked-button type="button" (click)="list.reload()">Try again</button>
      </lan-alert>
    }
    @if (!list.loaded() && list.loading()) {
      <lan-loading label="Loading drafts…" />
    } @else if (list.empty()) {
      <lan-empty-state title="No drafts yet" icon="description">
        <p>Open an EHCP template in the library and choose “Start a draft”.</p>
      </lan-empty-state>
    } @else if (list.loaded()) {
      <table class="plain drafts">
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
              <td>{{ d.schoolName }}</td>
              <td>{{ d.templateTitle ?? '–' }}</td>
              <td>{{ d.complete }} of {{ d.total }} ({{ d.percent }}%)</td>
              <td>
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
  readonly list = new PagedList<EhcpDraftSummary>((after) => this.drafts.list(after));
  protected readonly relative = formatRelative;
  protected readonly dateTime = formatDateTime;

  ngOnInit(): void {
    void this.list.reload();
  }
}
