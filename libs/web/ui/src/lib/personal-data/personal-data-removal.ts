import { Injectable, inject } from '@angular/core';
import { MatSnackBar } from '@angular/material/snack-bar';
import { type PersonalDataFinding, removeFindings } from '@lantern/shared-domain';

/** One piece of text the person is writing, with what was found in it and how to change it. */
export interface RemovableText {
  text: string;
  findings: readonly PersonalDataFinding[];
  set: (text: string) => void;
}

/**
 * "Remove them": replaces every finding with "[removed]" in the person's text and offers Undo
 * (a message that stays until they dismiss it or choose Undo, so there is no time limit).
 */
@Injectable({ providedIn: 'root' })
export class PersonalDataRemoval {
  private readonly snackBar = inject(MatSnackBar);

  /** Removes the findings; returns how many were removed. */
  remove(texts: readonly RemovableText[]): number {
    const changed = texts.filter((t) => t.findings.length);
    const count = changed.reduce((n, t) => n + t.findings.length, 0);
    if (!count) return 0;
    for (const t of changed) t.set(removeFindings(t.text, t.findings));
    const ref = this.snackBar.open(
      count === 1 ? 'Removed 1 pupil detail.' : `Removed ${count} pupil details.`,
      'Undo',
      { politeness: 'polite' },
    );
    ref.onAction().subscribe(() => {
      for (const t of changed) t.set(t.text);
    });
    return count;
  }
}
