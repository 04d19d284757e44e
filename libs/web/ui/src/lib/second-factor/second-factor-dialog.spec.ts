import { TestBed } from '@angular/core/testing';
import { type SecondFactorEntry, SecondFactorDialogService } from './second-factor-dialog';

const settle = () => new Promise((r) => setTimeout(r));
const dialog = () => document.querySelector<HTMLElement>('lan-second-factor-dialog');
const input = () => dialog()!.querySelector<HTMLInputElement>('input[matInput]')!;
const button = (name: string) =>
  Array.from(dialog()!.querySelectorAll<HTMLButtonElement>('button')).find(
    (b) => b.textContent?.trim() === name,
  )!;
const checkbox = () => dialog()!.querySelector<HTMLInputElement>('input[type="checkbox"]')!;
const type = (value: string) => {
  input().value = value;
  input().dispatchEvent(new Event('input'));
};
const submit = async () => {
  button('Continue').click();
  await settle();
  await settle();
};

describe('SecondFactorDialog', () => {
  let service: SecondFactorDialogService;
  let entries: SecondFactorEntry[];
  let answer: string | null;

  beforeEach(() => {
    service = TestBed.inject(SecondFactorDialogService);
    entries = [];
    answer = null;
  });
  afterEach(() => document.querySelectorAll('.cdk-overlay-container').forEach((c) => (c.innerHTML = '')));

  const open = async () => {
    const result = service.ask({
      submit: async (entry) => {
        entries.push(entry);
        return answer;
      },
    });
    await settle();
    return result;
  };

  it('asks for the 6-digit code with a numeric keyboard and one-time-code autofill, in a labelled dialog', async () => {
    const result = open();
    await settle();
    const dialogEl = document.querySelector('[role="dialog"]')!;
    expect(dialogEl.getAttribute('aria-labelledby')).toBeTruthy();
    expect(document.getElementById(dialogEl.getAttribute('aria-labelledby')!)?.textContent).toContain(
      'Enter your code',
    );
    expect(input().getAttribute('inputmode')).toBe('numeric');
    expect(input().getAttribute('autocomplete')).toBe('one-time-code');
    expect(dialog()!.textContent).toContain('6-digit code');
    expect(dialog()!.textContent).toContain('Remember this device for 30 days');
    button('Cancel').click();
    expect(await result).toBe(false);
  });

  it('sends the code without spaces, with "remember this device", and closes once accepted', async () => {
    const result = open();
    await settle();
    type('123 456');
    checkbox().click();
    await settle();
    await submit();
    expect(entries).toEqual([{ code: '123456', rememberDevice: true }]);
    expect(await result).toBe(true);
  });

  it('shows why a code was refused and stays open for another try', async () => {
    answer = 'That code is not right.';
    const result = open();
    await settle();
    type('000000');
    await submit();
    expect(dialog()!.querySelector('[role="alert"]')?.textContent).toContain('That code is not right.');
    expect(input().getAttribute('aria-invalid')).toBe('true');
    answer = null;
    type('111111');
    await submit();
    expect(await result).toBe(true);
  });

  it('refuses an empty code without asking the API', async () => {
    const result = open();
    await settle();
    await submit();
    expect(entries).toEqual([]);
    expect(dialog()!.querySelector('[role="alert"]')?.textContent).toContain('Enter the 6-digit code');
    button('Cancel').click();
    expect(await result).toBe(false);
  });

  it('takes a recovery code instead', async () => {
    const result = open();
    await settle();
    button('Use a recovery code instead').click();
    await settle();
    expect(input().getAttribute('inputmode')).toBeNull();
    expect(dialog()!.textContent).toContain('Recovery code');
    type('abcde-fghjk');
    await submit();
    expect(entries).toEqual([{ recoveryCode: 'abcde-fghjk', rememberDevice: false }]);
    expect(await result).toBe(true);
  });
});
