import { LiveAnnouncer } from '@angular/cdk/a11y';
import { ChangeDetectionStrategy, Component, type OnInit, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import {
  ForumModerationQueueDocument,
  type ForumModerationQueueQuery,
  GraphqlClient,
  ResolveForumReportDocument,
  messageOf,
} from '@lantern/web-graphql';
import { Alert, EmptyState, Loading } from '@lantern/web-ui';
import { formatDateTime, formatRelative } from '../../core/format';

export type ForumReport = ForumModerationQueueQuery['forumModerationQueue'][number];

/** Open reports in the categories the viewer moderates: read the post, then resolve with a note. */
@Component({
  selector: 'lan-forum-moderation-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatFormFieldModule, MatInputModule, RouterLink, Alert, EmptyState, Loading],
  template: `
    <nav class="crumbs" aria-label="Breadcrumb"><a routerLink="/forum">Forum</a></nav>
    <h1>Moderation</h1>
    <p>Reports on posts in the categories you moderate. A report leaves this list once it is resolved.</p>
    @if (error(); as message) {
      <lan-alert kind="error" title="The reports could not be loaded">
        <p>{{ message }}</p>
        <button mat-stroked-button type="button" (click)="load()">Try again</button>
      </lan-alert>
    } @else if (reports(); as list) {
      @if (list.length === 0) {
        <lan-empty-state title="No open reports" icon="doneAll">
          <p>Nothing is waiting for a moderator.</p>
        </lan-empty-state>
      } @else {
        <ul class="reports" aria-label="Open reports">
          @for (r of list; track r.id) {
            <li class="report" [id]="'report-' + r.id">
              <h2>
                <a
                  [routerLink]="['/forum/threads', r.threadId]"
                  [queryParams]="r.replyId ? { reply: r.replyId } : null"
                  >{{ r.replyId ? 'Reply in “' + r.threadTitle + '”' : r.threadTitle }}</a
                >
              </h2>
              <p class="meta">
                {{ r.categoryName }} · reported
                <time [attr.datetime]="r.createdAt" [attr.title]="dateTime(r.createdAt)">{{
                  relative(r.createdAt)
                }}</time>
              </p>
              <p><strong>Reason:</strong> {{ r.reason }}</p>
              <blockquote class="excerpt">{{ r.excerpt }}</blockquote>
              <form class="resolve" (submit)="resolve($event, r, note)">
                <mat-form-field class="note">
                  <mat-label>Resolution</mat-label>
                  <input #note matInput name="resolution" maxlength="300" autocomplete="off" />
                  <mat-hint>What you did, for the audit trail</mat-hint>
                </mat-form-field>
                <button mat-flat-button type="submit" [disabled]="resolving() === r.id">
                  Resolve<span class="visually-hidden"> the report on {{ r.threadTitle }}</span>
                </button>
              </form>
            </li>
          }
        </ul>
      }
    } @else {
      <lan-loading label="Loading reports…" />
    }
  `,
  styles: `
    .crumbs {
      margin-bottom: 0.5rem;
    }
    .reports {
      list-style: none;
      padding: 0;
      display: grid;
      gap: 1rem;
    }
    .report {
      padding: 1rem;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 0.75rem;
    }
    .report h2 {
      margin: 0 0 0.25rem;
      font-size: 1.125rem;
      overflow-wrap: anywhere;
    }
    .meta {
      font-size: 0.875rem;
      color: var(--mat-sys-on-surface-variant);
    }
    .excerpt {
      margin: 0.5rem 0;
      padding-left: 0.75rem;
      border-left: 3px solid var(--mat-sys-outline);
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }
    .resolve {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: 0.75rem;
    }
    .note {
      flex: 1 1 18rem;
    }
  `,
})
export class ForumModerationPage implements OnInit {
  private readonly client = inject(GraphqlClient);
  private readonly announcer = inject(LiveAnnouncer);
  private readonly snackBar = inject(MatSnackBar);

  protected readonly reports = signal<readonly ForumReport[] | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly resolving = signal<string | null>(null);
  protected readonly relative = formatRelative;
  protected readonly dateTime = formatDateTime;

  ngOnInit(): void {
    void this.load();
  }

  protected async load(): Promise<void> {
    this.error.set(null);
    this.reports.set(null);
    try {
      this.reports.set((await this.client.request(ForumModerationQueueDocument)).forumModerationQueue);
    } catch (error) {
      this.error.set(messageOf(error));
    }
  }

  protected async resolve(event: Event, report: ForumReport, note: HTMLInputElement): Promise<void> {
    event.preventDefault();
    this.resolving.set(report.id);
    try {
      await this.client.request(ResolveForumReportDocument, {
        reportId: report.id,
        resolution: note.value.trim() || 'Resolved',
      });
      this.reports.update((list) => (list ?? []).filter((r) => r.id !== report.id));
      void this.announcer.announce('Report resolved.');
      const heading = document.querySelector<HTMLElement>('h1');
      heading?.setAttribute('tabindex', '-1');
      heading?.focus();
    } catch (error) {
      this.snackBar.open(messageOf(error), 'Dismiss', { politeness: 'assertive', duration: 0 });
    } finally {
      this.resolving.set(null);
    }
  }
}
