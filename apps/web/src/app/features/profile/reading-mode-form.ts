import { ChangeDetectionStrategy, Component, effect, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import { MatSnackBar } from '@angular/material/snack-bar';
import {
  DEFAULT_READING_PREFERENCES,
  READING_TEXT_SIZE_LABEL,
  READING_TINT_LABEL,
  ReadingTextSize,
  ReadingTint,
  type ReadingPreferences,
} from '@lantern/shared-domain';
import { messageOf } from '@lantern/web-graphql';
import { Alert } from '@lantern/web-ui';
import { Session } from '../../core/session';

/** The profile page's "Reading mode" section: saved with the account, applied on every page. */
@Component({
  selector: 'lan-reading-mode-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatRadioModule,
    Alert,
  ],
  template: `
    <h2 id="reading-heading">Reading mode</h2>
    <p>
      Make Lantern easier to read for you. Your choices are saved with your account and used on every page.
    </p>
    @if (problem(); as message) {
      <lan-alert kind="error" title="Your reading mode was not saved" [focusOnShow]="true">
        <p>{{ message }}</p>
      </lan-alert>
    }
    <form [formGroup]="form" (ngSubmit)="save()" novalidate class="reading">
      <mat-checkbox formControlName="readableFont">Use a font designed for easy reading</mat-checkbox>
      <mat-form-field>
        <mat-label>Text size</mat-label>
        <select matNativeControl formControlName="textSize">
          @for (size of sizes; track size) {
            <option [value]="size">{{ sizeLabel[size] }}</option>
          }
        </select>
      </mat-form-field>
      <mat-checkbox formControlName="wideSpacing">More space between lines, letters and words</mat-checkbox>
      <div class="tint">
        <span id="tint-label" class="label">Background tint</span>
        <mat-radio-group formControlName="tint" aria-labelledby="tint-label">
          @for (tint of tints; track tint) {
            <mat-radio-button [value]="tint">
              <span class="swatch" [attr.data-tint]="tint" aria-hidden="true"></span>{{ tintLabel[tint] }}
            </mat-radio-button>
          }
        </mat-radio-group>
      </div>
      <mat-checkbox formControlName="reduceMotion" aria-describedby="motion-hint">
        Turn off animations
      </mat-checkbox>
      <p id="motion-hint" class="hint">
        @if (devicePrefersLessMotion) {
          Your device already asks for less motion, so Lantern shows no animations.
        } @else {
          Menus and messages appear at once instead of sliding or fading.
        }
      </p>
      <div class="buttons">
        <button mat-flat-button type="submit" [disabled]="busy()">
          {{ busy() ? 'Saving…' : 'Save reading mode' }}
        </button>
        <button mat-stroked-button type="button" [disabled]="busy()" (click)="reset()">
          Back to standard
        </button>
      </div>
    </form>
  `,
  styles: `
    :host {
      display: block;
    }
    h2 {
      margin-top: 0;
    }
    .reading {
      display: flex;
      flex-direction: column;
      align-items: flex-start;
      gap: 0.75rem;
    }
    .tint mat-radio-group {
      display: flex;
      flex-wrap: wrap;
      gap: 0 1rem;
    }
    .label {
      font-weight: 600;
    }
    .swatch {
      display: inline-block;
      width: 1rem;
      height: 1rem;
      margin-right: 0.375rem;
      vertical-align: -0.125rem;
      border: 1px solid var(--mat-sys-outline);
      border-radius: 4px;
      background: #fff;
    }
    .swatch[data-tint='CREAM'] {
      background: #fbf5e4;
    }
    .swatch[data-tint='BLUE'] {
      background: #e9f1fb;
    }
    .swatch[data-tint='GREEN'] {
      background: #e9f5e9;
    }
    .hint {
      margin: 0;
      color: var(--mat-sys-on-surface-variant);
    }
    .buttons {
      display: flex;
      flex-wrap: wrap;
      gap: 0.75rem;
    }
    .buttons button {
      min-height: 44px;
    }
  `,
  host: { role: 'region', 'aria-labelledby': 'reading-heading' },
})
export class ReadingModeForm {
  private readonly session = inject(Session);
  private readonly snackBar = inject(MatSnackBar);

  protected readonly sizes = Object.values(ReadingTextSize);
  protected readonly sizeLabel = READING_TEXT_SIZE_LABEL;
  protected readonly tints = Object.values(ReadingTint);
  protected readonly tintLabel = READING_TINT_LABEL;
  protected readonly devicePrefersLessMotion =
    typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;

  protected readonly form = inject(NonNullableFormBuilder).group({
    readableFont: [DEFAULT_READING_PREFERENCES.readableFont],
    textSize: [DEFAULT_READING_PREFERENCES.textSize],
    wideSpacing: [DEFAULT_READING_PREFERENCES.wideSpacing],
    tint: [DEFAULT_READING_PREFERENCES.tint],
    reduceMotion: [DEFAULT_READING_PREFERENCES.reduceMotion],
  });
  protected readonly busy = signal(false);
  protected readonly problem = signal<string | null>(null);

  constructor() {
    // Show what is saved (also after another tab or a save here changed it), unless being edited.
    effect(() => {
      const saved = this.session.viewer()?.readingPreferences;
      if (saved && !this.form.dirty) this.form.reset(toValue(saved));
    });
  }

  protected async save(): Promise<void> {
    await this.store(this.form.getRawValue(), 'Your reading mode has been saved.');
  }

  protected async reset(): Promise<void> {
    await this.store(
      { ...DEFAULT_READING_PREFERENCES },
      'Reading mode is off: Lantern looks standard again.',
    );
  }

  private async store(value: ReadingPreferences, done: string): Promise<void> {
    this.problem.set(null);
    this.busy.set(true);
    try {
      const viewer = await this.session.updateReadingPreferences(value);
      this.form.reset(toValue(viewer.readingPreferences));
      this.snackBar.open(done, 'Dismiss');
    } catch (error) {
      this.problem.set(messageOf(error));
    } finally {
      this.busy.set(false);
    }
  }
}

function toValue(p: ReadingPreferences): ReadingPreferences {
  return {
    readableFont: p.readableFont,
    textSize: p.textSize,
    wideSpacing: p.wideSpacing,
    tint: p.tint,
    reduceMotion: p.reduceMotion,
  };
}
