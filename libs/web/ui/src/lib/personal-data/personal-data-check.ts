import { Injectable, inject } from '@angular/core';
import { MatDialog } from '@angular/material/dialog';
import { ErrorCode, type PersonalDataFinding, describeFindings } from '@lantern/shared-domain';
import {
  type PersonalDataChoice,
  type PersonalDataOverride,
  REMOVE_FINDINGS,
  askAboutPersonalData,
} from './personal-data-dialog';
import { PersonalDataRemoval } from './personal-data-removal';
import { PersonalDataScanner } from './personal-data-scanner';

/** The person chose to go back (removing the details, or not): nothing was saved. */
export const KEPT_BACK = Symbol('kept back');

/** Text being saved that "Remove them" may change (a form field); plain strings are only checked. */
export interface EditableText {
  text: string;
  set: (text: string) => void;
}

/** The API refused the text with PERSONAL_DATA (an ApiError of web-graphql, told apart by its code). */
function isPersonalDataRefusal(error: unknown): error is { code: string; message: string } {
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as { code?: unknown }).code === ErrorCode.PersonalData &&
    typeof (error as { message?: unknown }).message === 'string'
  );
}

/**
 * The personal-data rule for text people save (library text, case notes): check as it is saved, and when it (or the API, with
 * PERSONAL_DATA) finds likely pupil details, ask: remove them (each becomes "[removed]" in the
 * editable fields, with Undo), or save anyway with a reason that is audited.
 */
@Injectable({ providedIn: 'root' })
export class PersonalDataCheck {
  private readonly dialog = inject(MatDialog);
  private readonly scanner = inject(PersonalDataScanner);
  private readonly removal = inject(PersonalDataRemoval);

  /**
   * Save `texts` with `send`. Resolves to what `send` returned, or KEPT_BACK when the person chose to
   * go back. Other failures are thrown as they came.
   */
  async save<T>(
    texts: ReadonlyArray<string | EditableText>,
    send: (override: PersonalDataOverride | null) => Promise<T>,
  ): Promise<T | typeof KEPT_BACK> {
    const fields = texts.map((t) => (typeof t === 'string' ? { text: t, set: null } : t));
    await this.scanner.load();
    const found = fields.map((f) => this.scanner.find(f.text));
    const findings = found.flat();
    let override: PersonalDataOverride | null = null;
    if (findings.length) {
      const choice = await askAboutPersonalData(this.dialog, describeFindings(findings), findings);
      if (!this.isOverride(choice, fields, found)) return KEPT_BACK;
      override = choice;
    }
    try {
      return await send(override);
    } catch (error) {
      if (!override && isPersonalDataRefusal(error)) {
        const again = await askAboutPersonalData(this.dialog, error.message, findings);
        if (!this.isOverride(again, fields, found)) return KEPT_BACK;
        return send(again);
      }
      throw error;
    }
  }

  /** An override goes ahead; "Remove them" removes what was found from the editable fields. */
  private isOverride(
    choice: PersonalDataChoice,
    fields: ReadonlyArray<{ text: string; set: ((t: string) => void) | null }>,
    found: readonly PersonalDataFinding[][],
  ): choice is PersonalDataOverride {
    if (choice === REMOVE_FINDINGS) {
      this.removal.remove(
        fields.flatMap((f, i) => (f.set ? [{ text: f.text, findings: found[i] ?? [], set: f.set }] : [])),
      );
    }
    return !!choice && choice !== REMOVE_FINDINGS;
  }
}
