import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import type { ForumRevisionsQuery } from '@lantern/web-graphql';
import { formatDateTime } from '../../core/format';
import { DIFF_MARK, type DiffLine, lineDiff } from './line-diff';

export type ForumRevision = ForumRevisionsQuery['forumRevisions'][number];

export interface HistoryDialogData {
  /** "your opening post", "the reply by …". */
  what: string;
  current: { title?: string | null; body: string };
  /** Earlier versions, newest first (forumRevisions). */
  revisions: readonly ForumRevision[];
}

export interface HistoryChange {
  id: string;
  at: string;
  editor: string;
  titleChange: { before: string; after: string } | null;
  lines: DiffLine[];
}

/** Each edit, newest first: what the version before it was turned into. */
export function historyChanges(data: Pick<HistoryDialogData, 'current' | 'revisions'>): HistoryChange[] {
  return data.revisions.map((rev, i) => {
    const newer = i === 0 ? data.current : data.revisions[i - 1];
    const before = rev.title ?? null;
    const after = newer.title ?? null;
    return {
      id: rev.id,
      at: rev.createdAt,
      editor: rev.editor.label,
      titleChange: before !== null && after !== null && before !== after ? { before, after } : null,
      lines: lineDiff(rev.body, newer.body),
    };
  });
}

/** The edit history of a post: each edit as a line diff, added and removed lines marked in words. */
@Component({
  selector: 'lan-history-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatDialogModule, MatButtonModule],
  template: `
    <h2 mat-dialog-title>Edit history of {{ data.what }}</h2>
    <mat-dialog-content>
      @for (c of changes; track c.id) {
        <section class="change" [attr.aria-labelledby]="'change-' + c.id">
          <h3 [id]="'change-' + c.id">Edited {{ dateTime(c.at) }} by {{ c.editor }}</h3>
          @if (c.titleChange; as t) {
            <p>Title changed from “{{ t.before }}” to “{{ t.after }}”.</p>
          }
          <ol class="diff" [attr.aria-label]="'Changes made ' + dateTime(c.at)">
            @for (line of c.lines; track $index) {
              <li [class]="line.kind">
                <span class="sign" aria-hidden="true">{{ mark[line.kind].sign }}</span>
                @if (line.kind !== 'same') {
                  <span class="visually-hidden">{{ mark[line.kind].label }}: </span>
                }
                <span class="text">{{ line.text || ' ' }}</span>
              </li>
            }
          </ol>
        </section>
      } @empty {
        <p>No earlier versions are kept for this post.</p>
      }
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-flat-button type="button" mat-dialog-close cdkFocusInitial>Close</button>
    </mat-dialog-actions>
  `,
  styles: `
    .change h3 {
      font-size: 1rem;
      margin: 1rem 0 0.5rem;
    }
    .diff {
      list-style: none;
      margin: 0;
      padding: 0;
      font-family: ui-monospace, monospace;
      font-size: 0.875rem;
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }
    .diff li {
      display: flex;
      gap: 0.5rem;
      padding: 0 0.25rem;
    }
    .sign {
      flex: none;
      width: 1ch;
      font-weight: 700;
    }
    .added {
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
    .removed {
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
      text-decoration: line-through;
    }
  `,
})
export class HistoryDialog {
  protected readonly data = inject<HistoryDialogData>(MAT_DIALOG_DATA);
  protected readonly changes = historyChanges(this.data);
  protected readonly mark = DIFF_MARK;
  protected readonly dateTime = formatDateTime;
}
