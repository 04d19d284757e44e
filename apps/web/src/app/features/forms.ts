import type { AbstractControl, ValidationErrors, ValidatorFn } from '@angular/forms';
import { isEmail, passwordProblem } from '@lantern/shared-domain';

/** Move focus to the first field that needs attention (after Angular has marked it). */
export function focusFirstInvalid(root: HTMLElement): void {
  setTimeout(() => {
    const field = root.querySelector<HTMLElement>(
      'input.ng-invalid, select.ng-invalid, textarea.ng-invalid, mat-select.ng-invalid',
    );
    field?.focus();
  });
}

export const emailValidator: ValidatorFn = (control: AbstractControl): ValidationErrors | null => {
  const value = String(control.value ?? '').trim();
  return !value || isEmail(value) ? null : { email: true };
};

/** The shared password rule (the server decides; this only saves a round trip). */
export function passwordValidator(context: () => readonly string[] = () => []): ValidatorFn {
  return (control: AbstractControl): ValidationErrors | null => {
    const value = String(control.value ?? '');
    if (!value) return null;
    const problem = passwordProblem(value, context());
    return problem ? { password: problem } : null;
  };
}

/** On the group: the confirmation must match the password. */
export function matchingPasswords(password: string, confirm: string): ValidatorFn {
  return (group: AbstractControl): ValidationErrors | null => {
    const a = group.get(password)?.value;
    const b = group.get(confirm);
    if (!b) return null;
    const mismatch = !!b.value && a !== b.value;
    const errors = { ...(b.errors ?? {}) };
    if (mismatch) errors['mismatch'] = true;
    else delete errors['mismatch'];
    b.setErrors(Object.keys(errors).length ? errors : null, { emitEvent: false });
    return null;
  };
}

/**
 * Put server field messages (BAD_USER_INPUT) onto the matching controls. With one field, the error's
 * own message (the sentence written for people) is used; with several, each field's message.
 */
export function applyServerFieldErrors(
  controls: Record<string, AbstractControl>,
  error: { message: string; fields: Readonly<Record<string, string>> },
): boolean {
  const names = Object.keys(error.fields).filter((name) => controls[name]);
  for (const name of names) {
    const control = controls[name];
    const message = names.length === 1 ? error.message : error.fields[name];
    control.setErrors({ ...(control.errors ?? {}), server: message });
    control.markAsTouched();
  }
  return names.length > 0;
}
