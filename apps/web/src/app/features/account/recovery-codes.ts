import { ChangeDetectionStrategy, Component, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';

/** The text of the downloaded file: the codes, one a line, with what they are for. */
export function recoveryCodesText(
  codes: readonly string[],
  email: string | null,
  at: Date = new Date(),
): string {
  return [
    `Lantern recovery codes${email ? ` for ${email}` : ''}`,
    `Made on ${at.toISOString().slice(0, 10)}. Each code works once, instead of the code from your authenticator app.`,
    'Keep them somewhere safe, away from your phone.',
    '',
    ...codes,
    '',
  ].join('\n');
}

/**
 * Recovery codes shown once: a list, "Copy codes" (clipboard) and "Download as a text file" (.txt).
 */
@Component({
  selector: 'lan-recovery-codes',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule],
  template: `
    <ol class="codes" aria-label="Recovery codes">
      @for (code of codes(); track code) {
        <li>
          <code>{{ code }}</code>
        </li>
      }
    </ol>
    <div class="buttons">
      <button mat-stroked-button type="button" (click)="copy()">Copy codes</button>
      <button mat-stroked-button type="button" (click)="download()">Download as a text file</button>
    </div>
    <p class="note" aria-live="polite">{{ note() }}</p>
  `,
  styles: `
    .codes {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(9rem, 1fr));
      gap: 0.25rem 1.5rem;
      padding-left: 1.5rem;
      font-size: 1.05rem;
    }
    .buttons {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
    }
  `,
})
export class RecoveryCodes {
  readonly codes = input.required<readonly string[]>();
  readonly email = input<string | null>(null);
  protected readonly note = signal('');

  protected async copy(): Promise<void> {
    try {
      await navigator.clipboard.writeText(this.codes().join('\n'));
      this.note.set('Copied. Paste them somewhere safe, such as a password manager.');
    } catch {
      this.note.set(
        'Your browser did not let Lantern copy them: select the codes and copy them yourself, or download them.',
      );
    }
  }

  protected download(): void {
    const blob = new Blob([recoveryCodesText(this.codes(), this.email())], { type: 'text/plain' });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = 'lantern-recovery-codes.txt';
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
    this.note.set('Downloaded lantern-recovery-codes.txt.');
  }
}
