import { LiveAnnouncer } from '@angular/cdk/a11y';
import { ChangeDetectionStrategy, Component, type OnInit, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { CASE_ACCESS_LABEL, type CaseAccessKind } from '@lantern/shared-domain';
import { Alert, EmptyState, Loading } from '@lantern/web-ui';
import { formatDateTime } from '../../core/format';
import { PagedList } from '../../core/paged-list';
import { type CaseAccessEntry, CaseloadData } from './caseload-data';

/**
 * Who read or changed a school's cases (or one case), newest first, a page at a time ("Show more").
 * Under the case-data rule: only the school's SENCOs and headteacher and its trust's SEND lead see it.
 */
@Component({
  selector: 'lan-case-access-list',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, RouterLink, Alert, EmptyState, Loading],
  template: `
    @if (log.error(); as message) {
      <lan-alert kind="error" title="The record could not be loaded">
        <p>{{ message }}</p>
        <button mat-stroked-button type="button" (click)="log.reload()">Try again</button>
      </lan-alert>
    }
    @if (!log.loaded() && log.loading()) {
      <lan-loading label="Loading who opened and changed cases…" />
    } @else if (log.empty()) {
      <lan-empty-state title="Nothing recorded yet" icon="history" />
    } @else if (log.loaded()) {
      <table class="plain access lan-stack">
        <caption class="visually-hidden">
          {{
            caseId() ? 'Who opened or changed this case' : 'Who opened or changed the school’s cases'
          }}, newest first
        </caption>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Who</th>
            <th scope="col">What</th>
            @if (!caseId()) {
              <th scope="col">Case</th>
            }
          </tr>
        </thead>
        <tbody>
          @for (e of log.items(); track e.id) {
            <tr>
              <th scope="row">
                <time [attr.datetime]="e.at">{{ dateTime(e.at) }}</time>
              </th>
              <td data-label="Who">{{ e.actor.displayName }}</td>
              <td data-label="What">{{ what(e) }}</td>
              @if (!caseId()) {
                <td data-label="Case">
                  @if (e.caseId && e.caseReference) {
                    <a [routerLink]="['/caseload/cases', e.caseId]">{{ e.caseReference }}</a>
                  } @else if (e.ehcpDraftId) {
                    <a [routerLink]="['/ehcp-drafts', e.ehcpDraftId]">EHCP draft</a>
                  } @else {
                    <span class="muted">The whole caseload</span>
                  }
                </td>
              }
            </tr>
          }
        </tbody>
      </table>
      @if (log.hasMore()) {
        <div class="more">
          <button mat-stroked-button type="button" [disabled]="log.loading()" (click)="more()">
            {{ log.loading() ? 'Loading…' : 'Show more' }}
          </button>
        </div>
      }
    }
  `,
  styles: `
    :host {
      display: block;
    }
    .access {
      width: 100%;
    }
    .access th[scope='row'] {
      font-weight: 400;
      white-space: nowrap;
    }
    .muted {
      color: var(--mat-sys-on-surface-variant);
    }
    .more {
      display: flex;
      justify-content: center;
      margin-top: 1rem;
    }
  `,
})
export class CaseAccessList implements OnInit {
  private readonly data = inject(CaseloadData);
  private readonly announcer = inject(LiveAnnouncer);

  readonly schoolId = input.required<string>();
  /** Only this case's entries (null: the whole school's). */
  readonly caseId = input<string | null>(null);

  readonly log = new PagedList<CaseAccessEntry>((after) =>
    this.data.accessLog(this.schoolId(), this.caseId(), after),
  );
  protected readonly dateTime = formatDateTime;

  ngOnInit(): void {
    void this.log.reload();
  }

  protected what(e: CaseAccessEntry): string {
    return CASE_ACCESS_LABEL[e.kind as CaseAccessKind] ?? e.description;
  }

  protected async more(): Promise<void> {
    const before = this.log.items().length;
    await this.log.loadMore();
    const added = this.log.items().length - before;
    if (added > 0) void this.announcer.announce(`${added} more ${added === 1 ? 'entry' : 'entries'} shown.`);
  }
}
