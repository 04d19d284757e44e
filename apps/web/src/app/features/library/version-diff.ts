import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { DiffLineKind } from '@lantern/shared-domain';

/** A changed passage as the API's comparison gives it. */
export interface HunkView {
  readonly oldStart: number;
  readonly oldLines: number;
  readonly newStart: number;
  readonly newLines: number;
  readonly lines: ReadonlyArray<{
    readonly kind: DiffLineKind;
    readonly text: string;
    readonly oldNumber: number | null;
    readonly newNumber: number | null;
  }>;
}

/** How each kind of line is marked in words and signs (not only by colour). */
export const LINE_MARK: Readonly<Record<DiffLineKind, { sign: string; label: string }>> = {
  CONTEXT: { sign: ' ', label: 'Unchanged' },
  ADDED: { sign: '+', label: 'Added' },
  REMOVED: { sign: '−', label: 'Removed' },
};

/** "Lines 3 to 8 before, 3 to 9 after". */
export function hunkHeading(h: Pick<HunkView, 'oldStart' | 'oldLines' | 'newStart' | 'newLines'>): string {
  const range = (start: number, count: number) =>
    count === 0 ? 'none' : count === 1 ? `line ${start}` : `lines ${start} to ${start + count - 1}`;
  return `Before: ${range(h.oldStart, h.oldLines)}; after: ${range(h.newStart, h.newLines)}`;
}

/**
 * A comparison of two versions' text: each changed passage with a few unchanged lines around it,
 * line numbers before and after, added and removed lines marked in words for screen readers.
 */
@Component({
  selector: 'lan-version-diff',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @for (hunk of hunks(); track $index) {
      <section class="hunk" [attr.aria-label]="heading(hunk)">
        <p class="hunk-head">{{ heading(hunk) }}</p>
        <ol class="lines">
          @for (line of hunk.lines; track $index) {
            <li [class]="line.kind.toLowerCase()">
              <span class="num" aria-hidden="true">{{ line.oldNumber ?? '' }}</span>
              <span class="num" aria-hidden="true">{{ line.newNumber ?? '' }}</span>
              <span class="sign" aria-hidden="true">{{ mark[line.kind].sign }}</span>
              @if (line.kind !== 'CONTEXT') {
                <span class="visually-hidden">{{ mark[line.kind].label }}: </span>
              }
              <span class="text">{{ line.text || ' ' }}</span>
            </li>
          }
        </ol>
      </section>
    } @empty {
      <p class="same">The text is the same in both versions.</p>
    }
  `,
  styles: `
    .hunk {
      margin: 0 0 1rem;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 8px;
      overflow: hidden;
    }
    .hunk-head {
      margin: 0;
      padding: 0.25rem 0.75rem;
      font-size: 0.875rem;
      background: var(--mat-sys-surface-container);
      color: var(--mat-sys-on-surface-variant);
    }
    .lines {
      list-style: none;
      margin: 0;
      padding: 0;
      font-family: ui-monospace, monospace;
      font-size: 0.875rem;
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }
    .lines li {
      display: flex;
      gap: 0.5rem;
      padding: 0 0.5rem;
    }
    .num {
      flex: none;
      width: 4ch;
      text-align: right;
      color: var(--mat-sys-on-surface-variant);
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
    .added .num,
    .removed .num {
      color: inherit;
    }
    .removed {
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
      text-decoration: line-through;
    }
  `,
})
export class VersionDiff {
  readonly hunks = input.required<readonly HunkView[]>();
  protected readonly mark = LINE_MARK;
  protected readonly heading = hunkHeading;
}
