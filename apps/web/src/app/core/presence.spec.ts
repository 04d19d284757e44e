import { TestBed } from '@angular/core/testing';
import { DestroyRef } from '@angular/core';
import { MatSnackBar } from '@angular/material/snack-bar';
import { provideRouter } from '@angular/router';
import { Role } from '@lantern/shared-domain';
import { LoginDocument } from '@lantern/web-graphql';
import { FakeGraphqlClient, provideFakeClient, viewer } from '../../testing/fake-client';
import { provideFakeSockets, settle, startRealtime } from '../../testing/fake-socket';
import { PresenceService } from './presence';
import { Session } from './session';

function setVisibility(state: 'visible' | 'hidden'): void {
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
  document.dispatchEvent(new Event('visibilitychange'));
}

async function setup() {
  const sockets = provideFakeSockets();
  TestBed.configureTestingModule({
    providers: [
      provideFakeClient(
        new FakeGraphqlClient().on(LoginDocument, {
          login: viewer([], [{ role: Role.Staff, schoolId: 's-hf' }]),
        }),
      ),
      provideRouter([]),
      ...sockets.providers,
      { provide: MatSnackBar, useValue: { open: vi.fn() } },
    ],
  });
  const presence = TestBed.inject(PresenceService);
  presence.start(TestBed.inject(DestroyRef));
  await TestBed.inject(Session).signIn('a@b.test', 'pw');
  await startRealtime();
  return { presence, socket: sockets.last() };
}

describe('PresenceService', () => {
  afterEach(() => setVisibility('visible'));

  it('says online on connect while visible, away once the tab is hidden, online again when shown', async () => {
    const { socket } = await setup();
    setVisibility('visible');
    socket.accept();
    setVisibility('hidden');
    setVisibility('visible');
    expect(socket.emitsOf('presence:set').map((e) => e.payload)).toEqual([
      { status: 'online' },
      { status: 'away' },
      { status: 'online' },
    ]);
  });

  it('says away on reconnect if the tab is hidden', async () => {
    const { socket } = await setup();
    setVisibility('hidden');
    socket.accept();
    expect(socket.emitsOf('presence:set').map((e) => e.payload)).toEqual([{ status: 'away' }]);
  });

  it('asks about the people watched, keeps them live, and asks again after a reconnect', async () => {
    const { presence, socket } = await setup();
    const release = presence.watch(['u1', 'u2', 'u3']);
    expect(socket.emitsOf('presence:query')).toHaveLength(0); // not connected yet
    socket.accept();
    const query = socket.answer('presence:query', {
      ok: true,
      statuses: [
        { userId: 'u1', status: 'online' },
        { userId: 'u2', status: 'away' },
      ],
    });
    expect(query.payload).toEqual({ userIds: ['u1', 'u2', 'u3'] });
    await settle();
    expect(presence.statusOf('u1')).toBe('online');
    expect(presence.statusOf('u2')).toBe('away');
    expect(presence.statusOf('u3')).toBe('offline'); // not answered: not visible to the viewer

    socket.fire('presence:changed', { userId: 'u1', status: 'away' });
    expect(presence.statusOf('u1')).toBe('away');

    socket.drop();
    socket.accept();
    expect(socket.emitsOf('presence:query').slice(-1)[0].payload).toEqual({ userIds: ['u1', 'u2', 'u3'] });

    release();
    socket.drop();
    socket.accept();
    expect(socket.emitsOf('presence:query')).toHaveLength(2);
  });
});
