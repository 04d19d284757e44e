import { TestBed } from '@angular/core/testing';
import { MatSnackBar } from '@angular/material/snack-bar';
import { provideRouter } from '@angular/router';
import { Role } from '@lantern/shared-domain';
import { LoginDocument } from '@lantern/web-graphql';
import { FakeGraphqlClient, provideFakeClient, viewer } from '../../testing/fake-client';
import { provideFakeSockets, startRealtime } from '../../testing/fake-socket';
import { Session } from '../core/session';
import { ConnectionStatus } from './connection-status';

async function render() {
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
  await TestBed.inject(Session).signIn('a@b.test', 'pw');
  await startRealtime();
  const fixture = TestBed.createComponent(ConnectionStatus);
  fixture.detectChanges();
  const el = fixture.nativeElement as HTMLElement;
  const status = () => el.querySelector('[role="status"]') as HTMLElement;
  const text = async () => {
    await fixture.whenStable();
    fixture.detectChanges();
    return status().textContent?.trim() ?? '';
  };
  return { socket: sockets.last(), status, text };
}

describe('ConnectionStatus', () => {
  afterEach(() => window.dispatchEvent(new Event('online')));

  it('says nothing while connecting for the first time or connected, in a status region that is always there', async () => {
    const { socket, status, text } = await render();
    expect(status()).not.toBeNull();
    expect(await text()).toBe('');
    socket.accept();
    expect(await text()).toBe('');
  });

  it('says "Reconnecting…" while the connection is down, and nothing once it is back', async () => {
    const { socket, text } = await render();
    socket.accept();
    socket.drop();
    expect(await text()).toBe('Reconnecting…');
    socket.accept();
    expect(await text()).toBe('');
  });

  it('says changes will be sent later while the browser is offline', async () => {
    const { socket, text } = await render();
    socket.accept();
    window.dispatchEvent(new Event('offline'));
    socket.drop();
    expect(await text()).toBe('Offline – changes will be sent when you reconnect');
    window.dispatchEvent(new Event('online'));
    expect(await text()).toBe('Reconnecting…');
  });
});
