import { DestroyRef } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MatSnackBar } from '@angular/material/snack-bar';
import { provideRouter } from '@angular/router';
import { Role } from '@lantern/shared-domain';
import {
  DeactivateUserDocument,
  LoginDocument,
  OrganisationDocument,
  PeopleDocument,
  type PersonPartsFragment,
  RevokeRoleDocument,
} from '@lantern/web-graphql';
import { type ConfirmOptions, ConfirmService } from '@lantern/web-ui';
import {
  ALL_PERMISSIONS,
  FakeGraphqlClient,
  ORGANISATION,
  provideFakeClient,
  viewer,
} from '../../../testing/fake-client';
import { provideFakeSockets, settle as settleSocket, startRealtime } from '../../../testing/fake-socket';
import { PresenceService } from '../../core/presence';
import { Session } from '../../core/session';
import { PeoplePage } from './people.page';

function person(id: string, name: string, memberships: Parameters<typeof viewer>[1]): PersonPartsFragment {
  const v = viewer([], memberships, id);
  return {
    id,
    email: `${id}@demo.lantern.test`,
    displayName: name,
    deactivatedAt: null,
    createdAt: '2026-01-01T00:00:00Z',
    memberships: v.memberships.map((m, i) => ({ ...m, id: `${id}-m${i}` })),
  };
}

const SENCO_ASSISI = person('u-sa', 'Sam Assisi', [{ role: Role.Senco, schoolId: 's-hf' }]);
const SENCO_CHRISTUS = person('u-sc', 'Chris Christus', [{ role: Role.Senco, schoolId: 's-hc' }]);
const TWO_TRUSTS = person('u-two', 'Taylor Both', [
  { role: Role.Senco, schoolId: 's-hf' },
  { role: Role.Staff, schoolId: 's-hc' },
]);

async function render(pages: PersonPartsFragment[][], confirmAnswer = true) {
  let page = 0;
  const client = new FakeGraphqlClient()
    .on(LoginDocument, { login: viewer(ALL_PERMISSIONS, [{ role: Role.TrustLeader, trustId: 't-assisi' }]) })
    .on(OrganisationDocument, ORGANISATION)
    .on(PeopleDocument, (vars) => {
      const index = vars['after'] ? ++page : (page = 0);
      return {
        people: {
          nodes: pages[index],
          pageInfo: { hasNextPage: index < pages.length - 1, endCursor: `c${index}` },
          totalCount: pages.flat().length,
        },
      };
    })
    .on(RevokeRoleDocument, { revokeRole: true })
    .on(DeactivateUserDocument, {
      deactivateUser: { ...SENCO_ASSISI, deactivatedAt: '2026-11-24T10:00:00Z' },
    });
  const confirms: ConfirmOptions[] = [];
  const sockets = provideFakeSockets();
  TestBed.configureTestingModule({
    providers: [
      ...sockets.providers,
      provideFakeClient(client),
      provideRouter([]),
      { provide: MatSnackBar, useValue: { open: vi.fn() } },
      {
        provide: ConfirmService,
        useValue: {
          confirm: async (options: ConfirmOptions) => {
            confirms.push(options);
            return confirmAnswer;
          },
        },
      },
    ],
  });
  await TestBed.inject(Session).signIn('leader@demo.lantern.test', 'pw');
  TestBed.inject(PresenceService).start(TestBed.inject(DestroyRef));
  await startRealtime();
  const fixture = TestBed.createComponent(PeoplePage);
  await fixture.whenStable();
  fixture.detectChanges();
  const el = fixture.nativeElement as HTMLElement;
  const button = (name: string | RegExp) =>
    Array.from(el.querySelectorAll('button')).find((b) => {
      const label = b.getAttribute('aria-label') ?? b.textContent?.replace(/\s+/g, ' ').trim() ?? '';
      return typeof name === 'string' ? label === name : name.test(label);
    });
  const settle = async () => {
    await fixture.whenStable();
    fixture.detectChanges();
  };
  return { fixture, el, client, confirms, button, settle, socket: sockets.last() };
}

describe('PeoplePage', () => {
  it('lists people with their roles, each school named with its trust', async () => {
    const { el } = await render([[SENCO_ASSISI, SENCO_CHRISTUS]]);
    expect(el.querySelector('h1')?.textContent).toBe('People');
    const items = Array.from(el.querySelectorAll('li.person')).map((li) => li.textContent ?? '');
    expect(items[0]).toContain('Sam Assisi');
    expect(items[0]).toContain('SENCO at Holy Family Primary (Assisi Catholic Trust)');
    expect(el.textContent).toContain('Showing 2 people.');
  });

  it('offers to remove only roles the viewer may assign', async () => {
    const { button } = await render([[SENCO_ASSISI, SENCO_CHRISTUS]]);
    expect(
      button('Remove SENCO at Holy Family Primary (Assisi Catholic Trust) from Sam Assisi'),
    ).toBeTruthy();
    expect(button(/Remove SENCO at Holy Cross Primary/)).toBeUndefined();
  });

  it('offers to deactivate only people whose every role is within reach', async () => {
    const { button } = await render([[SENCO_ASSISI, TWO_TRUSTS]]);
    expect(button('Deactivate Sam Assisi')).toBeTruthy();
    expect(button('Deactivate Taylor Both')).toBeUndefined();
  });

  it('says sessions end at once before deactivating, then shows the person as deactivated', async () => {
    const { button, confirms, client, el, settle } = await render([[SENCO_ASSISI]]);
    button('Deactivate Sam Assisi')?.click();
    await settle();
    expect(confirms[0].message).toContain('Their sessions end at once');
    expect(confirms[0].destructive).toBe(true);
    expect(client.callsOf(DeactivateUserDocument)).toEqual([{ userId: 'u-sa' }]);
    expect(el.textContent).toContain('Deactivated on 24 November 2026');
    expect(button('Reactivate Sam Assisi')).toBeTruthy();
  });

  it('removes a role only after confirmation', async () => {
    const declined = await render([[SENCO_ASSISI]], false);
    declined.button(/Remove SENCO/)?.click();
    await declined.settle();
    expect(declined.client.callsOf(RevokeRoleDocument)).toHaveLength(0);
    TestBed.resetTestingModule();

    const accepted = await render([[SENCO_ASSISI]], true);
    accepted.button(/Remove SENCO/)?.click();
    await accepted.settle();
    expect(accepted.client.callsOf(RevokeRoleDocument)).toEqual([{ membershipId: 'u-sa-m0' }]);
    expect(accepted.el.textContent).toContain('No roles');
  });

  it('loads the next page from the cursor', async () => {
    const { button, client, el, settle } = await render([[SENCO_ASSISI], [SENCO_CHRISTUS]]);
    expect(el.textContent).toContain('Showing 1 of 2 people.');
    button('Load more people')?.click();
    await settle();
    expect(client.callsOf(PeopleDocument)[1]['after']).toBe('c0');
    expect(el.querySelectorAll('li.person')).toHaveLength(2);
    expect(button('Load more people')).toBeUndefined();
  });

  it('searches by name or email', async () => {
    const { el, client } = await render([[SENCO_ASSISI]]);
    vi.useFakeTimers();
    try {
      const input = el.querySelector('input[type="search"]') as HTMLInputElement;
      input.value = 'sam';
      input.dispatchEvent(new Event('input'));
      expect(client.callsOf(PeopleDocument)).toHaveLength(1);
      await vi.advanceTimersByTimeAsync(400);
      const calls = client.callsOf(PeopleDocument);
      expect(calls).toHaveLength(2);
      expect(calls[1]['filter']).toEqual({ search: 'sam', includeDeactivated: false });
    } finally {
      vi.useRealTimers();
    }
  });

  it('has an empty state', async () => {
    const { el } = await render([[]]);
    expect(el.querySelector('lan-empty-state')?.textContent).toContain('No people yet');
  });

  it('shows who is online or away, in words, from a presence query and live changes', async () => {
    const { el, socket, settle } = await render([[SENCO_ASSISI, SENCO_CHRISTUS, TWO_TRUSTS]]);
    const presenceOf = (name: string) =>
      Array.from(el.querySelectorAll('li.person'))
        .find((li) => li.querySelector('h2')?.textContent === name)
        ?.querySelector('.presence')
        ?.textContent?.trim() ?? null;
    socket.accept();
    const query = socket.answer('presence:query', {
      ok: true,
      statuses: [
        { userId: 'u-sa', status: 'online' },
        { userId: 'u-sc', status: 'away' },
        { userId: 'u-two', status: 'offline' },
      ],
    });
    expect(query.payload).toEqual({ userIds: ['u-sa', 'u-sc', 'u-two'] });
    await settleSocket();
    await settle();
    expect(presenceOf('Sam Assisi')).toBe('Online');
    expect(presenceOf('Chris Christus')).toBe('Away');
    expect(presenceOf('Taylor Both')).toBeNull();
    // The heading stays the name alone.
    expect(el.querySelector('li.person h2')?.textContent).toBe('Sam Assisi');

    socket.fire('presence:changed', { userId: 'u-two', status: 'online' });
    socket.fire('presence:changed', { userId: 'u-sa', status: 'offline' });
    await settle();
    expect(presenceOf('Taylor Both')).toBe('Online');
    expect(presenceOf('Sam Assisi')).toBeNull();
  });
});
