import { Injectable, inject } from '@angular/core';
import { MatDialog } from '@angular/material/dialog';
import {
  ErrorCode,
  type PersonalDataFinding,
  describeFindings,
  findPersonalData,
} from '@lantern/shared-domain';
import { isApiError } from '@lantern/web-graphql';
import { firstValueFrom } from 'rxjs';
import {
  PersonalDataDialog,
  type PersonalDataDialogData,
  type PersonalDataOverride,
} from '../forum/personal-data-dialog';

/** The person chose to go back and remove the details: nothing was saved. */
export const KEPT_BACK = Symbol('kept back');

/**
 * The forum's personal-data rule for library text: check as it is saved, and when it (or the API,
 * with PERSONAL_DATA) finds likely pupil details, ask: remove them, or save anyway with a reason
 * that is audited.
 */
@Injectable({ providedIn: 'root' })
export class PersonalDataCheck {
  private readonly dialog = inject(MatDialog);

  /**
   * Save `texts` with `send`. Resolves to what `send` returned, or KEPT_BACK when the person chose to
   * remove the details. Other failures are thrown as they came.
   */
  async save<T>(
    texts: readonly string[],
    send: (override: PersonalDataOverride | null) => Promise<T>,
  ): Promise<T | typeof KEPT_BACK> {
    const findings = texts.flatMap((t) => findPersonalData(t));
    let override: PersonalDataOverride | null = null;
    if (findings.length) {
      override = await this.ask(describeFindings(findings), findings);
      if (!override) return KEPT_BACK;
    }
    try {
      return await send(override);
    } catch (error) {
      if (!override && isApiError(error) && error.code === ErrorCode.PersonalData) {
        const again = await this.ask(error.message, findings);
        if (!again) return KEPT_BACK;
        return send(again);
      }
      throw error;
    }
  }

  async ask(message: string, findings: readonly PersonalDataFinding[]): Promise<PersonalDataOverride | null> {
    const ref = this.dialog.open<PersonalDataDialog, PersonalDataDialogData, PersonalDataOverride | null>(
      PersonalDataDialog,
      {
        data: { message, findings },
        role: 'alertdialog',
        autoFocus: 'first-tabbable',
        restoreFocus: true,
        maxWidth: '34rem',
      },
    );
    return (await firstValueFrom(ref.afterClosed())) ?? null;
  }
}
