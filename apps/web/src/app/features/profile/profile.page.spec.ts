import { TestBed } from '@angular/core/testing';
import { MatSnackBar } from '@angular/material/snack-bar';
import { provideRouter, Router } from '@angular/router';
import { NotificationDelivery, NotificationKind, Role } from '@lantern/shared-domain';
import {
  ChangePasswordDocument,
  LoginDocument,
  NotificationPreferencesDocument,
  RegenerateRecoveryCodesDocument,
  SecondFactorStateDocument,
  SetNotificationPreferenceDocument,
  SetShowPresenceDocument,
  SignOutEverywhereDocument,
  UpdateProfileDocument,
} from '@lantern/web-graphql';
import { type ConfirmOptions, ConfirmService } from '@lantern/web-ui';
import { apiError, FakeGraphqlClient, provideFakeClient, viewer } from '../../../testing/fake-client';
import { Session } from '../../core/session';
import { ProfilePage } from './profile.page';

async function render() {
  const v = viewer(['directory.read'], [{ role: Role.Senco, schoolId: 's-sj-c' }]);
  const client = new FakeGraphqlClient()
    .on(LoginDocument, { login: v })
    .on(UpdateProfileDocument, (vars) => ({
      updateProfile: {
        ...v,
        user: { ...v.user, displayName: (vars['input'] as { displayName: string }).displayName },
      },
    }))
    .on(ChangePasswordDocument, { changePassword: true })
    .on(SignOutEverywhereDocument, { signOutEverywhere: true })
    .on(NotificationPreferencesDocument, {
      notificationPreferences: [
        {
          kind: NotificationKind.InvitationAccepted,
          label: 'Someone accepted your invitation',
          delivery: NotificationDelivery.InApp,
        },
        {
          kind: NotificationKind.RoleGranted,
          label: 'You were given a role',
          delivery: NotificationDelivery.Digest,
        },
      ],
    })
    .on(SetNotificationPreferenceDocument, (vars) => ({
      setNotificationPreference: {
        kind: vars['kind'],
        label:
          vars['kind'] === NotificationKind.RoleGranted
            ? 'You were given a role'
            : 'Someone accepted your invitation',
        delivery: vars['delivery'],
      },
    }))
    .on(SetShowPresenceDocument, (vars) => ({ setShowPresence: { ...v, showPresence: vars['show'] } }))
    .on(SecondFactorStateDocument, {
      me: {
        secondFactor: {
          required: true,
          enrolled: true,
          elevatedUntil: '2026-03-02T21:30:00.000Z',
          recoveryCodesLeft: 7,
        },
      },
    })
    .on(RegenerateRecoveryCodesDocument, {
      regenerateRecoveryCodes: Array.from({ length: 10 }, (_, i) => `newco-de${i}aa`),
    });
  const confirms: ConfirmOptions[] = [];
  const open = vi.fn();
  TestBed.configureTestingModule({
    providers: [
      provideFakeClient(client),
      provideRouter([]),
      { provide: MatSnackBar, useValue: { open } },
      {
        provide: ConfirmService,
        useValue: { confirm: async (o: ConfirmOptions) => (confirms.push(o), true) },
      },
    ],
  });
  await TestBed.inject(Session).signIn('a@b.test', 'pw');
  const fixture = TestBed.createComponent(ProfilePage);
  fixture.detectChanges();
  await fixture.whenStable();
  fixture.detectChanges();
  const el = fixture.nativeElement as HTMLElement;
  const input = (name: string) => el.querySelector(`input[formcontrolname="${name}"]`) as HTMLInputElement;
  const type = (name: string, value: string) => {
    input(name).value = value;
    input(name).dispatchEvent(new Event('input'));
  };
  const click = async (text: string) => {
    Array.from(el.querySelectorAll('button'))
      .find((b) => b.textContent?.trim() === text)
      ?.click();
    await fixture.whenStable();
    fixture.detectChanges();
  };
  const stable = async () => {
    await fixture.whenStable();
    fixture.detectChanges();
  };
  return { el, client, confirms, open, type, click, input, stable };
}

describe('ProfilePage', () => {

  it('shows the roles held, each school with its trust', async () => {
    const { el } = await render();
    expect(el.textContent).toContain("SENCO at St Joseph's Primary (Christus Catholic Trust)");
  });

  it('saves the display name', async () => {
    const { client, type, click, open } = await render();
    type('displayName', ' Sam Senco ');
    await click('Save name');
    expect(client.callsOf(UpdateProfileDocument)).toEqual([{ input: { displayName: 'Sam Senco' } }]);
    expect(TestBed.inject(Session).user()?.displayName).toBe('Sam Senco');
    expect(open).toHaveBeenCalledWith('Your name has been saved.', 'Dismiss');
  });

  it('changes the password only when the new one passes the rule and is confirmed', async () => {
    const { client, type, click, el } = await render();
    type('currentPassword', 'lantern-demo-2026');
    type('newPassword', 'short');
    type('confirm', 'short');
    await click('Change password');
    expect(client.callsOf(ChangePasswordDocument)).toHaveLength(0);
    expect(el.textContent).toContain('Use at least 12 characters.');
    type('newPassword', 'a-long-enough-pass-phrase');
    type('confirm', 'a-long-enough-pass-phrase');
    await click('Change password');
    expect(client.callsOf(ChangePasswordDocument)).toEqual([
      { input: { currentPassword: 'lantern-demo-2026', newPassword: 'a-long-enough-pass-phrase' } },
    ]);
  });

  it('confirms, then signs out everywhere and goes to sign in', async () => {
    const { client, click, confirms } = await render();
    const navigate = vi.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    await click('Sign out everywhere');
    expect(confirms[0].message).toContain('every device');
    expect(client.callsOf(SignOutEverywhereDocument)).toHaveLength(1);
    expect(TestBed.inject(Session).signedIn()).toBe(false);
    expect(navigate).toHaveBeenCalledWith(['/sign-in'], { queryParams: { reason: 'everywhere' } });
  });

  describe('notification settings', () => {
    const select = (el: HTMLElement, kind: NotificationKind) =>
      el.querySelector(`select[data-kind="${kind}"]`) as HTMLSelectElement;
    const labelOf = (el: HTMLElement, control: HTMLSelectElement) =>
      el.querySelector(`label[for="${control.id}"]`)?.textContent?.trim();

    it('shows a labelled choice per kind, set to what the server says', async () => {
      const { el } = await render();
      const section = el.querySelector('section[aria-labelledby="notifications-heading"]') as HTMLElement;
      expect(section.querySelector('h2')?.textContent?.trim()).toBe('Notifications');
      const accepted = select(el, NotificationKind.InvitationAccepted);
      const granted = select(el, NotificationKind.RoleGranted);
      expect(labelOf(el, accepted)).toContain('Someone accepted your invitation');
      expect(labelOf(el, granted)).toContain('You were given a role');
      expect(Array.from(accepted.options).map((o) => o.textContent?.trim())).toEqual([
        'In the app',
        'In the daily email digest',
        'Off',
      ]);
      expect(accepted.value).toBe(NotificationDelivery.InApp);
      expect(granted.value).toBe(NotificationDelivery.Digest);
    });

    it('saves a new choice at once', async () => {
      const { el, client, open, stable } = await render();
      const granted = select(el, NotificationKind.RoleGranted);
      granted.value = NotificationDelivery.Off;
      granted.dispatchEvent(new Event('change'));
      await stable();
      expect(client.callsOf(SetNotificationPreferenceDocument)).toEqual([
        { kind: NotificationKind.RoleGranted, delivery: NotificationDelivery.Off },
      ]);
      expect(open).toHaveBeenCalledWith('Saved. You were given a role: off.', 'Dismiss');
      expect(select(el, NotificationKind.RoleGranted).value).toBe(NotificationDelivery.Off);
    });

    it('puts the choice back and says why when it is not saved', async () => {
      const { el, client, stable } = await render();
      client.on(SetNotificationPreferenceDocument, () => {
        throw apiError('NETWORK_ERROR', 'Lantern could not be reached.');
      });
      const accepted = select(el, NotificationKind.InvitationAccepted);
      accepted.value = NotificationDelivery.Digest;
      accepted.dispatchEvent(new Event('change'));
      await stable();
      expect(select(el, NotificationKind.InvitationAccepted).value).toBe(NotificationDelivery.InApp);
      expect(el.querySelector('[role="alert"]')?.textContent).toContain('Lantern could not be reached.');
    });

    it('has a "Show when I\'m online" switch that saves the choice', async () => {
      const { el, client, stable } = await render();
      const toggle = el.querySelector('button[role="switch"]') as HTMLButtonElement;
      expect(el.querySelector(`label[for="${toggle.id}"]`)?.textContent?.trim()).toBe("Show when I'm online");
      expect(toggle.getAttribute('aria-checked')).toBe('true');
      toggle.click();
      await stable();
      expect(client.callsOf(SetShowPresenceDocument)).toEqual([{ show: false }]);
      expect(TestBed.inject(Session).viewer()?.showPresence).toBe(false);
      expect(toggle.getAttribute('aria-checked')).toBe('false');
    });
  });

  it('shows the second factor: set up, until when case data is open, codes left; new codes need a code', async () => {
    const { el, client, click, stable } = await render();
    await stable();
    const section = el.querySelector('lan-second-factor-section')!;
    expect(section.textContent).toContain('Second factor');
    expect(section.textContent).toContain('Set up');
    expect(section.textContent).toContain('Open until');
    expect(section.textContent).toContain('7 of 10');
    await click('Make new recovery codes');
    expect(client.callsOf(RegenerateRecoveryCodesDocument)).toHaveLength(0);
    const input = section.querySelector<HTMLInputElement>('#regenerate-code')!;
    input.value = '123456';
    input.dispatchEvent(new Event('input'));
    await click('Make new recovery codes');
    await stable();
    expect(client.callsOf(RegenerateRecoveryCodesDocument)).toEqual([{ code: '123456' }]);
    expect(section.textContent).toContain('Your new recovery codes');
    expect(section.querySelectorAll('ol[aria-label="Recovery codes"] li')).toHaveLength(10);
  });
});
