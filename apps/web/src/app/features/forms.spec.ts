import { FormControl, FormGroup } from '@angular/forms';
import { applyServerFieldErrors, emailValidator, matchingPasswords, passwordValidator } from './forms';

describe('form helpers', () => {
  it('shows the sentence meant for people when one field is wrong', () => {
    const controls = { currentPassword: new FormControl('x'), newPassword: new FormControl('y') };
    const applied = applyServerFieldErrors(controls, {
      message: 'Your current password is not right.',
      fields: { currentPassword: 'Not right' },
    });
    expect(applied).toBe(true);
    expect(controls.currentPassword.getError('server')).toBe('Your current password is not right.');
    expect(controls.currentPassword.touched).toBe(true);
    expect(controls.newPassword.errors).toBeNull();
  });

  it('uses each field message when several fields are wrong, ignoring unknown fields', () => {
    const controls = { email: new FormControl(''), role: new FormControl('') };
    applyServerFieldErrors(controls, {
      message: 'Check the form.',
      fields: { email: 'Enter an email address.', role: 'Choose a role.', other: 'x' },
    });
    expect(controls.email.getError('server')).toBe('Enter an email address.');
    expect(controls.role.getError('server')).toBe('Choose a role.');
    expect(applyServerFieldErrors(controls, { message: 'x', fields: { nope: 'y' } })).toBe(false);
  });

  it('checks email addresses only when one is typed', () => {
    expect(emailValidator(new FormControl(''))).toBeNull();
    expect(emailValidator(new FormControl(' sam@school.org.uk '))).toBeNull();
    expect(emailValidator(new FormControl('sam@school'))).toEqual({ email: true });
  });

  it('applies the shared password rule with the person as context', () => {
    const validator = passwordValidator(() => ['Samantha']);
    expect(validator(new FormControl('short'))).toEqual({ password: 'Use at least 12 characters.' });
    expect(validator(new FormControl('samantha-rules-ok'))).toEqual({
      password: 'Do not include your name or email in your password.',
    });
    expect(validator(new FormControl('a-long-enough-pass-phrase'))).toBeNull();
  });

  it('marks a confirmation that does not match, and clears it when it does', () => {
    const group = new FormGroup(
      { password: new FormControl('one-long-password'), confirm: new FormControl('another') },
      { validators: [matchingPasswords('password', 'confirm')] },
    );
    expect(group.controls.confirm.hasError('mismatch')).toBe(true);
    group.controls.confirm.setValue('one-long-password');
    expect(group.controls.confirm.hasError('mismatch')).toBe(false);
    expect(group.valid).toBe(true);
  });
});
