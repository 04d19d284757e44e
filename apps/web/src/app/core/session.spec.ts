import { TestBed } from '@angular/core/testing';
import { ErrorCode, Permission, Role, canAssignRole, ScopeKind } from '@lantern/shared-domain';
import { LoginDocument, LogoutDocument, MeDocument } from '@lantern/web-graphql';
import { apiError, FakeGraphqlClient, provideFakeClient, viewer } from '../../testing/fake-client';
import { actorOf, Session } from './session';

function setup(client: FakeGraphqlClient): Session {
  TestBed.configureTestingModule({ providers: [provideFakeClient(client)] });
  return TestBed.inject(Session);
}

describe('Session', () => {
  it('is signed out when the API says UNAUTHENTICATED', async () => {
    const session = setup(
      new FakeGraphqlClient().on(MeDocument, () => {
        throw apiError(ErrorCode.Unauthenticated, 'Please sign in.');
      }),
    );
    expect(session.viewer()).toBeUndefined();
    expect(await session.ensureLoaded()).toBeNull();
    expect(session.viewer()).toBeNull();
    expect(session.signedIn()).toBe(false);
  });

  it('stays unknown after a network failure, so the next check asks again', async () => {
    let attempts = 0;
    const client = new FakeGraphqlClient().on(MeDocument, () => {
      attempts++;
      if (attempts === 1) throw apiError('NETWORK_ERROR', 'Lantern could not be reached.');
      return { me: viewer(['directory.read'], [{ role: Role.Staff, schoolId: 's-hf' }]) };
    });
    const session = setup(client);
    expect(await session.ensureLoaded()).toBeNull();
    expect(session.viewer()).toBeUndefined();
    expect(await session.ensureLoaded()).not.toBeNull();
    expect(attempts).toBe(2);
  });

  it('holds the permissions and an actor for the policy after sign-in', async () => {
    const v = viewer(['directory.read', 'people.invite'], [{ role: Role.Headteacher, schoolId: 's-hf' }]);
    const client = new FakeGraphqlClient().on(LoginDocument, { login: v });
    const session = setup(client);
    await session.signIn('head@demo.lantern.test', 'lantern-demo-2026');
    expect(client.callsOf(LoginDocument)[0]).toEqual({
      input: { email: 'head@demo.lantern.test', password: 'lantern-demo-2026' },
    });
    expect(session.has(Permission.PeopleInvite)).toBe(true);
    expect(session.has(Permission.AuditRead)).toBe(false);
    // The school role carries its school's trust, so the policy can reason about it.
    expect(session.actor()?.grants).toEqual([
      { role: Role.Headteacher, trustId: 't-assisi', schoolId: 's-hf' },
    ]);
  });

  it('forgets the viewer on sign out even if the request fails', async () => {
    const client = new FakeGraphqlClient()
      .on(LoginDocument, { login: viewer([], []) })
      .on(LogoutDocument, () => {
        throw apiError('NETWORK_ERROR', 'offline');
      });
    const session = setup(client);
    await session.signIn('a@b.test', 'x');
    await expect(session.signOut()).rejects.toThrow('offline');
    expect(session.viewer()).toBeNull();
  });
});

describe('actorOf', () => {
  it('gives trust roles their trust and school roles their school and trust', () => {
    const v = viewer(
      [],
      [
        { role: Role.TrustSendLead, trustId: 't-christus' },
        { role: Role.Senco, schoolId: 's-sj-a' },
      ],
    );
    const actor = actorOf(v.user, v.memberships);
    expect(actor.grants).toEqual([
      { role: Role.TrustSendLead, trustId: 't-christus', schoolId: null },
      { role: Role.Senco, trustId: 't-assisi', schoolId: 's-sj-a' },
    ]);
    expect(
      canAssignRole(actor, Role.Senco, { kind: ScopeKind.School, trustId: 't-christus', schoolId: 's-sj-c' }),
    ).toBe(true);
    expect(
      canAssignRole(actor, Role.Senco, { kind: ScopeKind.School, trustId: 't-assisi', schoolId: 's-sj-a' }),
    ).toBe(false);
  });
});
