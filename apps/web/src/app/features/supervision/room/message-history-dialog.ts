import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import { formatDateTime } from '../../../core/format';

export interface MessageHistoryData {
  author: string;
  current: string;
  editedAt: string | null;
  /** Earlier texts, oldest first, with when each was replaced. */
  history: ReadonlyArray<{ text: string; replacedAt: string }>;
}

/** A message's earlier versions ("edited"), newest first, each with when it was replaced. */
@Component({
  selector: 'lan-room-message-history',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatDialogModule, MatButtonModule],
  template: `
    <h2 mat-dialog-title>Earlier versions of the message by {{ data.author }}</h2>
    <mat-dialog-content>
      <h3>Now{{ data.editedAt ? ' (edited ' + dateTime(data.editedAt) + ')' : '' }}</h3>
      <p class="text">{{ data.current }}</p>
      @for (v of newestFirst; track $index) {
        <h3>Until {{ dateTime(v.replacedAt) }}</h3>
        <p class="text">{{ v.text }}</p>
      } @empty {
        <p>No earlier versions are kept for this message.</p>
      }
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-flat-button type="button" mat-dialog-close cdkFocusInitial>Close</button>
    </mat-dialog-actions>
  `,
  styles: `
    h3 {
      font-size: 1rem;
      margin: 1rem 0 0.25rem;
    }
    .text {
      white-space: pre-wrap;
      overflow-wrap: anywhere;
      margin: 0;
      padding: 0.5rem;
      background: var(--mat-sys-surface-container);
      border-radius: 0.25rem;
    }
  `,
})
export class MessageHistoryDialog {
  protected readonly data = inject<MessageHistoryData>(MAT_DIALOG_DATA);
  protected readonly newestFirst = [...this.data.history].reverse();
  protected readonly dateTime = formatDateTime;
}
