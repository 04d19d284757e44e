import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { ForumThreadSummaryPartsFragment } from '@lantern/web-graphql';
import { Icon } from '@lantern/web-ui';
import { formatDateTime, formatRelative } from '../../core/format';
import { KIND_LABEL, plural } from './forum-labels';

/** Threads as a list: title, kind, whether answered, category, who started it, activity, replies. */
@Component({
  selector: 'lan-thread-list',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, Icon],
  template: `
    <ul class="threads" [attr.aria-label]="label()">
      @for (t of threads(); track t.id) {
        <li class="thread">
          <div class="title-line">
            @if (t.pinned) {
              <span class="flag"><lan-icon name="pin" [size]="16" />Pinned</span>
            }
            @if (t.locked) {
              <span class="flag"><lan-icon name="lock" [size]="16" />Locked</span>
            }
            <a class="title" [routerLink]="['/forum/threads', t.id]">{{ t.title }}</a>
          </div>
          <div class="meta">
            <span class="lan-badge" [class.question]="t.kind === 'QUESTION'">{{ kindLabel[t.kind] }}</span>
            @if (t.kind === 'QUESTION') {
              @if (t.acceptedReplyId) {
                <span class="lan-badge answered"><lan-icon name="check" [size]="16" />Answered</span>
              } @else {
                <span class="lan-badge open">Not answered yet</span>
              }
            }
            @if (showCategory()) {
              <span
                >in <a [routerLink]="['/forum/categories', t.category.id]">{{ t.category.name }}</a></span
              >
            }
            <span>by {{ t.author.label }}</span>
            <span>
              last activity
              <time [attr.datetime]="t.lastActivityAt" [attr.title]="dateTime(t.lastActivityAt)">{{
                relative(t.lastActivityAt)
              }}</time>
            </span>
            <span>{{ replies(t.replyCount) }}</span>
          </div>
          @if (t.tags.length) {
            <ul class="tags" aria-label="Tags">
              @for (tag of t.tags; track tag) {
                <li>{{ tag }}</li>
              }
            </ul>
          }
        </li>
      }
    </ul>
  `,
  styles: `
    .threads {
      list-style: none;
      margin: 0;
      padding: 0;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 8px;
    }
    .thread {
      padding: 0.75rem 1rem;
    }
    .thread + .thread {
      border-top: 1px solid var(--mat-sys-outline-variant);
    }
    .title-line {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem;
    }
    .title {
      font: var(--mat-sys-title-medium);
      font-weight: 600;
    }
    .flag {
      display: inline-flex;
      align-items: center;
      gap: 0.25rem;
      font-size: 0.875rem;
      font-weight: 600;
    }
    .meta {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.25rem 0.75rem;
      margin-top: 0.25rem;
      font-size: 0.875rem;
      color: var(--mat-sys-on-surface-variant);
    }
    .tags {
      display: flex;
      flex-wrap: wrap;
      gap: 0.375rem;
      margin: 0.375rem 0 0;
      padding: 0;
      list-style: none;
      font-size: 0.8125rem;
    }
    .tags li {
      padding: 0 0.5rem;
      border-radius: 999px;
      background: var(--mat-sys-surface-container-high);
      color: var(--mat-sys-on-surface);
    }
  `,
})
export class ThreadList {
  readonly threads = input.required<readonly ForumThreadSummaryPartsFragment[]>();
  readonly label = input('Threads');
  readonly showCategory = input(true);
  protected readonly kindLabel = KIND_LABEL;
  protected readonly relative = formatRelative;
  protected readonly dateTime = formatDateTime;
  protected replies(n: number): string {
    return plural(n, 'reply', 'replies');
  }
}
