import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';

export interface MoveDialogData {
  title: string;
  /** Categories the viewer moderates, other than the thread's own. */
  categories: readonly { id: string; name: string }[];
}

/** Move a thread to another category the moderator looks after. */
@Component({
  selector: 'lan-move-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatDialogModule, MatButtonModule, MatFormFieldModule, MatInputModule],
  template: `
    <h2 mat-dialog-title>Move “{{ data.title }}”</h2>
    <mat-dialog-content>
      @if (data.categories.length) {
        <mat-form-field class="target">
          <mat-label>Move to category</mat-label>
          <select
            matNativeControl
            cdkFocusInitial
            [value]="target()"
            (change)="target.set($any($event.target).value)"
          >
            @for (c of data.categories; track c.id) {
              <option [value]="c.id">{{ c.name }}</option>
            }
          </select>
        </mat-form-field>
      } @else {
        <p>You do not moderate any other category to move it to.</p>
      }
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" [mat-dialog-close]="null">Cancel</button>
      @if (data.categories.length) {
        <button mat-flat-button type="button" [mat-dialog-close]="target()">Move thread</button>
      }
    </mat-dialog-actions>
  `,
  styles: `
    .target {
      width: 100%;
    }
  `,
})
export class MoveDialog {
  protected readonly data = inject<MoveDialogData>(MAT_DIALOG_DATA);
  protected readonly ref = inject<MatDialogRef<MoveDialog, string | null>>(MatDialogRef);
  protected readonly target = signal(this.data.categories[0]?.id ?? '');
}
