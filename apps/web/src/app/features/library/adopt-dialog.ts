import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { LIBRARY_LIMITS } from '@lantern/shared-domain';
import {
  AdoptTemplateDocument,
  GraphqlClient,
  type LibraryResourcePartsFragment,
  messageOf,
} from '@lantern/web-graphql';
import { Alert } from '@lantern/web-ui';
import { MarkdownField } from '@lantern/web-ui/markdown';

export interface AdoptDialogData {
  resourceId: string;
  title: string;
  /** Trusts the viewer may adopt it for (their SEND lead roles). */
  trusts: readonly { id: string; name: string }[];
}

/** A trust SEND lead marks a network resource as used by their trust, with local notes. */
@Component({
  selector: 'lan-adopt-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    Alert,
    MarkdownField,
  ],
  template: `
    <h2 mat-dialog-title>Adopt “{{ data.title }}” for your trust</h2>
    <form (submit)="submit($event)" novalidate>
      <mat-dialog-content>
        <p>
          The library then shows that your trust uses it, with your notes, so schools know which version to
          follow locally.
        </p>
        @if (problem(); as message) {
          <lan-alert kind="error" title="It was not adopted" [focusOnShow]="true"
            ><p>{{ message }}</p></lan-alert
          >
        }
        @if (data.trusts.length > 1) {
          <mat-form-field class="wide">
            <mat-label>Trust</mat-label>
            <select matNativeControl [formControl]="trust">
              @for (t of data.trusts; track t.id) {
                <option [value]="t.id">{{ t.name }}</option>
              }
            </select>
          </mat-form-field>
        } @else {
          <p>
            Trust: <strong>{{ data.trusts[0]?.name }}</strong>
          </p>
        }
        <lan-markdown-field
          [control]="notes"
          label="Local notes (optional)"
          hint="For example: which panel it goes to, or what your trust adds. Markdown works."
          [rows]="4"
          [maxLength]="max"
          [showPreview]="false"
        />
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" [mat-dialog-close]="null">Cancel</button>
        <button mat-flat-button type="submit" [disabled]="busy()">
          {{ busy() ? 'Adopting…' : 'Adopt' }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .wide {
      width: 100%;
    }
  `,
})
export class AdoptDialog {
  protected readonly data = inject<AdoptDialogData>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<AdoptDialog, LibraryResourcePartsFragment | null>>(MatDialogRef);
  private readonly client = inject(GraphqlClient);

  protected readonly max = LIBRARY_LIMITS.adoptionNotesMax;
  protected readonly busy = signal(false);
  protected readonly problem = signal<string | null>(null);
  protected readonly trust = new FormControl(this.data.trusts[0]?.id ?? '', { nonNullable: true });
  protected readonly notes = new FormControl('', {
    nonNullable: true,
    validators: [Validators.maxLength(LIBRARY_LIMITS.adoptionNotesMax)],
  });

  protected async submit(event: Event): Promise<void> {
    event.preventDefault();
    if (this.busy() || this.notes.invalid) return;
    this.busy.set(true);
    this.problem.set(null);
    const notes = this.notes.value.trim();
    try {
      const result = await this.client.request(AdoptTemplateDocument, {
        input: { resourceId: this.data.resourceId, notes: notes || null, trustId: this.trust.value || null },
      });
      this.ref.close(result.adoptTemplate);
    } catch (error) {
      this.problem.set(messageOf(error));
    } finally {
      this.busy.set(false);
    }
  }
}
