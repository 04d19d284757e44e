import {
  ChangeDetectionStrategy,
  Component,
  type ElementRef,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { type FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { PERSONAL_DATA_LABEL, type PersonalDataFinding, describeFindings } from '@lantern/shared-domain';
import { PersonalDataScanner } from '../personal-data/personal-data-scanner';
import { renderPreview } from './markdown';

let nextId = 0;

/**
 * A markdown textarea with a live, sanitised preview beside it and the personal-data check as the
 * person types (each finding can be selected in the text to remove it). The form owns the control.
 */
@Component({
  selector: 'lan-markdown-field',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatButtonModule, MatFormFieldModule, MatInputModule],
  template: `
    <div class="write" [class.single]="!showPreview()">
      <mat-form-field class="body">
        <mat-label>{{ label() }}</mat-label>
        <textarea
          #area
          matInput
          [formControl]="control()"
          [rows]="rows()"
          [attr.maxlength]="maxLength()"
          [attr.aria-describedby]="id + '-hint' + (findings().length ? ' ' + id + '-findings' : '')"
        ></textarea>
        <mat-hint [id]="id + '-hint'">{{ hint() }}</mat-hint>
        @if (control().hasError('required')) {
          <mat-error>{{ requiredMessage() }}</mat-error>
        } @else if (control().hasError('maxlength')) {
          <mat-error>Keep this under {{ maxLength()?.toLocaleString('en-GB') }} characters.</mat-error>
        } @else if (control().getError('server'); as m) {
          <mat-error>{{ m }}</mat-error>
        }
      </mat-form-field>
      @if (showPreview()) {
        <div class="preview" role="region" [attr.aria-labelledby]="id + '-preview'">
          <p class="preview-label" [id]="id + '-preview'">{{ previewLabel() }}</p>
          @if (previewHtml()) {
            <div class="lan-post-body" [innerHTML]="previewHtml()"></div>
          } @else {
            <p class="nothing">Nothing to preview yet.</p>
          }
        </div>
      }
    </div>
    <div role="status" [id]="id + '-findings'">
      @if (findings().length) {
        <div class="findings">
          <p class="findings-title">Check for pupil details</p>
          <p>{{ findingsText() }}</p>
          <ul>
            @for (f of findings(); track f.index) {
              <li>
                {{ kindLabel(f) }}: <mark class="lan-pd">{{ f.match }}</mark>
                <button mat-button type="button" (click)="select(f)">
                  Select it<span class="visually-hidden"> in {{ label() }}</span>
                </button>
              </li>
            }
          </ul>
        </div>
      }
    </div>
  `,
  styles: `
    :host {
      display: block;
    }
    .write {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(min(18rem, 100%), 1fr));
      gap: 1rem;
      align-items: start;
    }
    .write.single {
      grid-template-columns: 1fr;
    }
    .body {
      width: 100%;
    }
    .preview {
      /* A grid item may shrink below its content: a wide table then scrolls in its own box. */
      min-width: 0;
      min-height: 8rem;
      padding: 0 1rem 0.5rem;
      border: 1px dashed var(--mat-sys-outline);
      border-radius: 8px;
      overflow-wrap: anywhere;
    }
    .preview-label {
      margin: 0.5rem 0;
      font-weight: 700;
      color: var(--mat-sys-on-surface-variant);
    }
    .nothing {
      color: var(--mat-sys-on-surface-variant);
    }
    .findings {
      margin-top: 0.5rem;
      padding: 0.75rem 1rem;
      border: 2px solid #8a5a00;
      border-radius: 8px;
      background: #fff4e0;
      color: #3d2800;
    }
    .findings p {
      margin: 0 0 0.5rem;
    }
    .findings-title {
      font-weight: 700;
    }
    .findings ul {
      margin: 0;
      padding-left: 1.25rem;
    }
  `,
})
export class MarkdownField {
  readonly control = input.required<FormControl<string>>();
  readonly label = input('Text');
  readonly hint = input('Markdown: **bold**, *italic*, - lists, ## headings, [links](https://…).');
  readonly rows = input(10);
  readonly maxLength = input<number | null>(null);
  readonly requiredMessage = input('Write something first.');
  readonly showPreview = input(true);
  readonly previewLabel = input('Preview');

  protected readonly id = `md-field-${++nextId}`;
  private readonly area = viewChild<ElementRef<HTMLTextAreaElement>>('area');

  private readonly value = signal('');

  constructor() {
    void this.scanner.load();
    // Follow the control's value (the form may also set it, e.g. restoring a draft).
    effect((onCleanup) => {
      const control = this.control();
      untracked(() => this.value.set(control.value ?? ''));
      const sub = control.valueChanges.subscribe((v) => this.value.set(v ?? ''));
      onCleanup(() => sub.unsubscribe());
    });
  }

  private readonly scanner = inject(PersonalDataScanner);
  /** Likely pupil details in the text, as the person types (names once the name data is in). */
  readonly findings = computed<PersonalDataFinding[]>(() => this.scanner.find(this.value()));
  protected readonly findingsText = computed(() => describeFindings(this.findings()));
  protected readonly previewHtml = computed(() =>
    this.showPreview()
      ? renderPreview(
          this.value(),
          this.findings().map((f) => f.match),
        )
      : '',
  );

  protected kindLabel(f: PersonalDataFinding): string {
    const text = PERSONAL_DATA_LABEL[f.kind];
    return text.charAt(0).toUpperCase() + text.slice(1);
  }

  /** Select a finding in the text, so it can be deleted or retyped at once. */
  select(f: PersonalDataFinding): void {
    const el = this.area()?.nativeElement;
    if (!el) return;
    el.focus();
    el.setSelectionRange(f.index, f.index + f.match.length);
  }

  focus(): void {
    this.area()?.nativeElement.focus();
  }
}
