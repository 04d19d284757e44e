import type { MatDialog } from '@angular/material/dialog';
import type { AbstractControl } from '@angular/forms';
import { PERSONAL_DATA_LABEL, type PersonalDataFinding } from '@lantern/shared-domain';
import {
  type PersonalDataChoice,
  type PersonalDataRemoval,
  type PersonalDataScanner,
  REMOVE_FINDINGS,
  askAboutPersonalData,
} from '@lantern/web-ui';

/** The composer's side of the personal-data check: where each finding is, and the question before posting. */

export interface LocatedFinding extends PersonalDataFinding {
  field: 'title' | 'body';
}

/** Likely pupil details, title first (null: no title), then body. `allowed`: names that may stay. */
export function locateFindings(
  scanner: PersonalDataScanner,
  title: string | null,
  body: string,
  allowed: readonly string[],
): LocatedFinding[] {
  const inTitle =
    title === null ? [] : scanner.find(title, allowed).map((f) => ({ ...f, field: 'title' as const }));
  const inBody = scanner.find(body, allowed).map((f) => ({ ...f, field: 'body' as const }));
  return [...inTitle, ...inBody];
}

/** "Date of birth" and the like, capitalised for a list. */
export function findingLabel(f: PersonalDataFinding): string {
  const text = PERSONAL_DATA_LABEL[f.kind];
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * Ask about the findings (the shared dialog). "Remove them" replaces each with "[removed]" in its field
 * (Undo offered) and resolves with REMOVE_FINDINGS; an override resolves with it; closing, with null.
 */
export async function askAboutFindings(
  deps: { dialog: MatDialog; removal: PersonalDataRemoval },
  message: string,
  findings: readonly LocatedFinding[],
  fields: { title: AbstractControl<string>; body: AbstractControl<string> },
): Promise<PersonalDataChoice> {
  const choice = await askAboutPersonalData(deps.dialog, message, findings);
  if (choice === REMOVE_FINDINGS) {
    deps.removal.remove(
      (['title', 'body'] as const).map((field) => ({
        text: fields[field].value,
        findings: findings.filter((f) => f.field === field),
        set: (t: string) => fields[field].setValue(t),
      })),
    );
  }
  return choice;
}
