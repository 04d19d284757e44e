import { TestBed } from '@angular/core/testing';
import { ActivatedRoute, Router, convertToParamMap, provideRouter } from '@angular/router';
import { ErrorCode, Role } from '@lantern/shared-domain';
import {
  ConfirmSecondFactorEnrolmentDocument,
  LoginDocument,
  SecondFactorStateDocument,
  StartSecondFactorEnrolmentDocument,
} from '@lantern/web-graphql';
import { FakeGraphqlClient, apiError, provideFakeClient, viewer } from '../../../testing/fake-client';
import { Session } from '../../core/session';
import { SecondFactorPage, groupKey, safeReturnUrl } from './second-factor.page';
import { recoveryCodesText } from './recovery-codes';

const CODES = Array.from({ length: 10 }, (_, i) => `abcd${i}-efgh${i}`);
const SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><path d="M0 0h1v1H0z"/></svg>';

async function render(o: { enrolled?: boolean; returnUrl?: string } = {}) {
  const client = new FakeGraphqlClient()
    .on(LoginDocument, { login: viewer(['case.data'], [{ role: Role.Senco, schoolId: 's-hf' }]) })
    .on(SecondFactorStateDocument, {
      me: {
        secondFactor: { required: true, enrolled: !!o.enrolled, elevatedUntil: null, recoveryCodesLeft: 0 },
      },
    })
    .on(StartSecondFactorEnrolmentDocument, {
      startSecondFactorEnrolment: {
        secret: 'JBSWY3DPEHPK3PXPJBSWY3DP',
        otpauthUrl: 'otpauth://totp/Lantern:a%40b.test?secret=JBSWY3DPEHPK3PXPJBSWY3DP',
        qrSvg: SVG,
      },
    })
    .on(ConfirmSecondFactorEnrolmentDocument, (vars) => {
      if (vars['code'] !== '123456') throw apiError(ErrorCode.BadInput, 'That code is not right.');
      return {
        confirmSecondFactorEnrolment: {
          recoveryCodes: CODES,
          secondFactor: {
            required: true,
            enrolled: true,
            elevatedUntil: '2026-01-01T12:00:00Z',
            recoveryCodesLeft: 10,
          },
        },
      };
    });
  TestBed.configureTestingModule({
    providers: [
      provideFakeClient(client),
      provideRouter([]),
      {
        provide: ActivatedRoute,
        useValue: {
          snapshot: { queryParamMap: convertToParamMap(o.returnUrl ? { returnUrl: o.returnUrl } : {}) },
        },
      },
    ],
  });
  await TestBed.inject(Session).signIn('a@b.test', 'pw');
  const navigate = vi.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
  const fixture = TestBed.createComponent(SecondFactorPage);
  const stable = async () => {
    for (let i = 0; i < 3; i++) {
      fixture.detectChanges();
      await fixture.whenStable();
    }
    fixture.detectChanges();
  };
  await stable();
  const el = fixture.nativeElement as HTMLElement;
  const click = async (text: string) => {
    Array.from(el.querySelectorAll('button'))
      .find((b) => b.textContent?.trim() === text)!
      .click();
    await stable();
  };
  const type = async (value: string) => {
    const input = el.querySelector<HTMLInputElement>('#enrol-code')!;
    input.value = value;
    input.dispatchEvent(new Event('input'));
    await stable();
  };
  return { el, client, click, type, navigate, stable };
}

describe('SecondFactorPage', () => {
  it('shows the QR code with alt text and the key as text, grouped for typing', async () => {
    const { el, client } = await render();
    expect(el.querySelector('h1')?.textContent).toBe('Set up your second factor');
    const img = el.querySelector('img')!;
    expect(img.getAttribute('alt')).toBe('QR code for adding Lantern to your authenticator app');
    expect(img.getAttribute('src')).toMatch(/^data:image\/svg\+xml/);
    expect(el.querySelector('[data-testid="setup-key"]')?.textContent).toBe('JBSW Y3DP EHPK 3PXP JBSW Y3DP');
    const code = el.querySelector<HTMLInputElement>('#enrol-code')!;
    expect(code.getAttribute('inputmode')).toBe('numeric');
    expect(code.getAttribute('autocomplete')).toBe('one-time-code');
    expect(client.callsOf(StartSecondFactorEnrolmentDocument)).toHaveLength(1);
  });

  it('refuses a code that is not 6 digits without asking, and shows the API refusal of a wrong one', async () => {
    const { el, client, click, type } = await render();
    await type('12');
    await click('Confirm code');
    expect(client.callsOf(ConfirmSecondFactorEnrolmentDocument)).toHaveLength(0);
    expect(el.querySelector('#enrol-code-problem')?.textContent).toContain('Enter the 6-digit code');
    await type('654321');
    await click('Confirm code');
    expect(el.querySelector('#enrol-code-problem')?.textContent).toContain('That code is not right.');
    expect(el.querySelector('#enrol-code')?.getAttribute('aria-invalid')).toBe('true');
  });

  it('shows the ten recovery codes once, and carries on only after "I have saved them"', async () => {
    const { el, click, type, navigate } = await render({ returnUrl: '/ehcp-drafts/d1' });
    await type('123 456');
    await click('Confirm code');
    expect(el.textContent).toContain('Save your recovery codes');
    const listed = Array.from(el.querySelectorAll('ol[aria-label="Recovery codes"] li')).map((li) =>
      li.textContent?.trim(),
    );
    expect(listed).toEqual(CODES);
    expect(Array.from(el.querySelectorAll('button')).map((b) => b.textContent?.trim())).toEqual(
      expect.arrayContaining(['Copy codes', 'Download as a text file', 'Continue']),
    );
    await click('Continue');
    expect(navigate).not.toHaveBeenCalled();
    expect(el.textContent).toContain('Tick the box once you have saved your recovery codes.');
    el.querySelector<HTMLInputElement>('#saved-codes input')!.click();
    await click('Continue');
    expect(navigate).toHaveBeenCalledWith('/ehcp-drafts/d1');
  });

  it('says so when the second factor is set up already, and starts nothing', async () => {
    const { el, client } = await render({ enrolled: true });
    expect(el.textContent).toContain('Your second factor is set up.');
    expect(client.callsOf(StartSecondFactorEnrolmentDocument)).toHaveLength(0);
  });

  it('goes back only to a place inside Lantern', () => {
    expect(safeReturnUrl('/caseload?x=1')).toBe('/caseload?x=1');
    expect(safeReturnUrl('//evil.example')).toBe('/profile');
    expect(safeReturnUrl('https://evil.example')).toBe('/profile');
    expect(safeReturnUrl(null)).toBe('/profile');
    expect(groupKey('ABCDEFGHIJ')).toBe('ABCD EFGH IJ');
    expect(recoveryCodesText(['a', 'b'], 'x@y.test', new Date('2026-02-03T00:00:00Z'))).toContain(
      'Lantern recovery codes for x@y.test\nMade on 2026-02-03.',
    );
  });
});
