import { DestroyRef } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MatSnackBar } from '@angular/material/snack-bar';
import { provideRouter, Router } from '@angular/router';
import { type StreamItem, Role, reconnectDelayMs } from '@lantern/shared-domain';
import { LoginDocument, LogoutDocument } from '@lantern/web-graphql';
import { FakeGraphqlClient, provideFakeClient, viewer } from '../../testing/fake-client';
import { FakeSocket, item, settle } from '../../testing/fake-socket';
import {
  REALTIME_OPTIONS,
  RealtimeError,
  RealtimeService,
  SOCKET_FACTORY,
  reconnectDelayWithJitter,
} from './realtime';
import { Session } from './session';

const STREAM = 'notifications:u-viewer' as const;

async function setup(options: { random?: () => number; ackTimeoutMs?: number } = {}) {
  const sockets: FakeSocket[] = [];
  const open = vi.fn();
  const client = new FakeGraphqlClient()
    .on(LoginDocument, { login: viewer([], [{ role: Role.Staff, schoolId: 's-hf' }]) })
    .on(LogoutDocument, { logout: true });
  TestBed.configureTestingModule({
    providers: [
      provideFakeClient(client),
      provideRouter([]),
      { provide: MatSnackBar, useValue: { open } },
      {
        provide: SOCKET_FACTORY,
        useValue: async () => {
          const socket = new FakeSocket();
          sockets.push(socket);
          return socket;
        },
      },
      {
        provide: REALTIME_OPTIONS,
        useValue: { random: options.random ?? (() => 0), ackTimeoutMs: options.ackTimeoutMs ?? 5000 },
      },
    ],
  });
  const realtime = TestBed.inject(RealtimeService);
  const session = TestBed.inject(Session);
  realtime.start(TestBed.inject(DestroyRef));
  await session.signIn('a@b.test', 'pw');
  TestBed.tick();
  await settle();
  return { realtime, session, sockets, open, socket: () => sockets[sockets.length - 1] };
}

function seqs(items: StreamItem[]): number[] {
  return items.map((i) => i.seq);
}

describe('RealtimeService', () => {
  afterEach(() => vi.useRealTimers());

  describe('connection', () => {
    it('opens one socket after sign-in and closes it on sign-out', async () => {
      const { sockets, session, realtime } = await setup();
      expect(sockets).toHaveLength(1);
      expect(sockets[0].connectCalls).toBe(1);
      expect(realtime.connectionState()).toBe('connecting');
      sockets[0].accept();
      expect(realtime.connectionState()).toBe('connected');

      await session.signOut();
      TestBed.tick();
      expect(sockets[0].disconnectCalls).toBe(1);
      expect(sockets).toHaveLength(1);
    });

    it('reconnects on the shared schedule, 0.5 s doubling to 15 s, and starts again after a success', async () => {
      vi.useFakeTimers();
      const { socket, realtime } = await setup();
      const s = socket();
      s.accept();
      s.drop();
      expect(realtime.connectionState()).toBe('reconnecting');

      const waits: number[] = [];
      for (let attempt = 0; attempt < 7; attempt++) {
        const before = s.connectCalls;
        let waited = 0;
        while (s.connectCalls === before && waited < 60_000) {
          vi.advanceTimersByTime(100);
          waited += 100;
        }
        waits.push(waited);
        s.refuse('websocket error');
      }
      expect(waits).toEqual([500, 1000, 2000, 4000, 8000, 15000, 15000]);

      // A success resets the schedule.
      s.accept();
      s.drop();
      const before = s.connectCalls;
      vi.advanceTimersByTime(499);
      expect(s.connectCalls).toBe(before);
      vi.advanceTimersByTime(1);
      expect(s.connectCalls).toBe(before + 1);
    });

    it('adds up to 30% jitter to each wait', () => {
      expect(reconnectDelayWithJitter(0, () => 0)).toBe(reconnectDelayMs(0));
      expect(reconnectDelayWithJitter(3, () => 0.5)).toBe(4000 + 600);
      expect(reconnectDelayWithJitter(10, () => 0.9999)).toBeLessThan(15_000 * 1.3);
      expect(reconnectDelayWithJitter(10, () => 0.9999)).toBeGreaterThan(15_000);
    });

    it('says offline while the browser is offline and reconnects at once when it is back', async () => {
      vi.useFakeTimers();
      const { socket, realtime } = await setup();
      const s = socket();
      s.accept();
      window.dispatchEvent(new Event('offline'));
      s.drop();
      expect(realtime.connectionState()).toBe('offline');
      const before = s.connectCalls;
      vi.advanceTimersByTime(60_000);
      expect(s.connectCalls).toBe(before);
      window.dispatchEvent(new Event('online'));
      expect(s.connectCalls).toBe(before + 1);
      expect(realtime.connectionState()).toBe('reconnecting');
      s.accept();
      expect(realtime.connectionState()).toBe('connected');
    });

    it('drops the connection when the browser goes offline, and sends nothing until it is back', async () => {
      vi.useFakeTimers();
      const { socket, realtime } = await setup();
      const s = socket();
      s.accept();
      window.dispatchEvent(new Event('offline'));
      expect(s.disconnectCalls).toBe(1);
      expect(realtime.connectionState()).toBe('offline');
      const sent = realtime.send(STREAM, { text: 'later' });
      expect(s.emitsOf('stream:send')).toHaveLength(0);
      vi.advanceTimersByTime(60_000);
      expect(s.connectCalls).toBe(1);
      window.dispatchEvent(new Event('online'));
      expect(s.connectCalls).toBe(2);
      s.accept();
      expect(s.emitsOf('stream:send')).toHaveLength(1);
      s.answer('stream:send', { ok: true, item: item(STREAM, 1), created: true });
      await expect(sent).resolves.toMatchObject({ seq: 1 });
    });

    it('treats session:ended as the end of the session: sign in again, with a note', async () => {
      const { socket, session, realtime } = await setup();
      const navigate = vi.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
      socket().accept();
      socket().fire('session:ended', { reason: 'revoked' });
      expect(session.signedIn()).toBe(false);
      expect(navigate).toHaveBeenCalledWith(['/sign-in'], {
        queryParams: { returnUrl: '/', reason: 'ended' },
      });
      expect(socket().disconnectCalls).toBe(1);
      expect(realtime.connected()).toBe(false);
    });

    it('treats a handshake refused as UNAUTHENTICATED as the end of the session, and stops retrying', async () => {
      vi.useFakeTimers();
      const { socket, session } = await setup();
      const navigate = vi.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
      socket().refuse('UNAUTHENTICATED');
      expect(session.signedIn()).toBe(false);
      expect(navigate).toHaveBeenCalledWith(['/sign-in'], expect.objectContaining({}));
      const calls = socket().connectCalls;
      vi.advanceTimersByTime(60_000);
      expect(socket().connectCalls).toBe(calls);
    });

    it('does not call it a session end when this tab signs out itself', async () => {
      const { socket, session } = await setup();
      const navigate = vi.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
      const s = socket();
      s.accept();
      const signingOut = session.signOut();
      TestBed.tick();
      s.fire('session:ended', { reason: 'signed-out' });
      await signingOut;
      expect(navigate).not.toHaveBeenCalled();
    });

    it('shows lantern:problem messages as a toast', async () => {
      const { socket, open } = await setup();
      socket().accept();
      socket().fire('lantern:problem', { code: 'RATE_LIMITED', message: 'Slow down a little.' });
      await vi.waitFor(() => expect(open).toHaveBeenCalled());
      expect(open.mock.calls[0][0]).toBe('Slow down a little.');
    });
  });

  describe('streams', () => {
    it('subscribes for new items only at first, then again after the last seq seen on every reconnect', async () => {
      vi.useFakeTimers();
      const { socket, realtime } = await setup();
      const got: StreamItem[] = [];
      realtime.subscribe(STREAM, (i) => got.push(i));
      const s = socket();
      s.accept();
      expect(s.answer('stream:subscribe', { ok: true, items: [], lastSeq: 4, more: false }).payload).toEqual({
        stream: STREAM,
      });
      await settle();
      s.push(STREAM, 5);
      s.push(STREAM, 6);
      expect(seqs(got)).toEqual([5, 6]);

      s.drop();
      vi.advanceTimersByTime(500);
      s.accept();
      const resubscribe = s.answer('stream:subscribe', {
        ok: true,
        items: [item(STREAM, 6), item(STREAM, 7)],
        lastSeq: 7,
        more: false,
      });
      expect(resubscribe.payload).toEqual({ stream: STREAM, after: 6 });
      await settle();
      // 6 was already there: dropped. 7 is new.
      expect(seqs(got)).toEqual([5, 6, 7]);

      s.drop();
      vi.advanceTimersByTime(500);
      s.accept();
      expect(s.emitsOf('stream:subscribe').slice(-1)[0]?.payload).toEqual({ stream: STREAM, after: 7 });
    });

    it('drops live duplicates', async () => {
      const { socket, realtime } = await setup();
      const got: StreamItem[] = [];
      realtime.subscribe(STREAM, (i) => got.push(i));
      socket().accept();
      socket().answer('stream:subscribe', { ok: true, items: [], lastSeq: 0, more: false });
      await settle();
      for (const seq of [1, 1, 2, 1, 2, 3]) socket().push(STREAM, seq);
      expect(seqs(got)).toEqual([1, 2, 3]);
      expect(socket().emitsOf('stream:sync')).toHaveLength(0);
    });

    it('on a gap, syncs from the last seq applied and applies everything once, in order', async () => {
      const { socket, realtime } = await setup();
      const got: StreamItem[] = [];
      realtime.subscribe(STREAM, (i) => got.push(i));
      const s = socket();
      s.accept();
      s.answer('stream:subscribe', { ok: true, items: [], lastSeq: 2, more: false });
      await settle();
      s.push(STREAM, 3);
      s.push(STREAM, 5); // 4 went missing
      expect(seqs(got)).toEqual([3]);
      expect(s.emitsOf('stream:sync').map((e) => e.payload)).toEqual([{ stream: STREAM, after: 3 }]);
      s.push(STREAM, 6); // arrives while syncing: held back
      expect(seqs(got)).toEqual([3]);
      s.answer('stream:sync', {
        ok: true,
        items: [item(STREAM, 4), item(STREAM, 5)],
        lastSeq: 5,
        more: false,
      });
      await settle();
      expect(seqs(got)).toEqual([3, 4, 5, 6]);
      expect(s.emitsOf('stream:sync')).toHaveLength(1);
      s.push(STREAM, 7);
      expect(seqs(got)).toEqual([3, 4, 5, 6, 7]);
    });

    it('keeps syncing while the server says there is more', async () => {
      const { socket, realtime } = await setup();
      const got: StreamItem[] = [];
      realtime.subscribe(STREAM, (i) => got.push(i));
      const s = socket();
      s.accept();
      s.answer('stream:subscribe', { ok: true, items: [], lastSeq: 0, more: false });
      await settle();
      s.drop();
      s.accept();
      s.answer('stream:subscribe', {
        ok: true,
        items: [item(STREAM, 1), item(STREAM, 2)],
        lastSeq: 2,
        more: true,
      });
      await settle();
      expect(s.emitsOf('stream:sync').slice(-1)[0]?.payload).toEqual({ stream: STREAM, after: 2 });
      s.answer('stream:sync', { ok: true, items: [item(STREAM, 3)], lastSeq: 3, more: false });
      await settle();
      expect(seqs(got)).toEqual([1, 2, 3]);
    });

    it('stops delivering after unsubscribe and tells the server', async () => {
      const { socket, realtime } = await setup();
      const got: StreamItem[] = [];
      const stop = realtime.subscribe(STREAM, (i) => got.push(i));
      socket().accept();
      socket().answer('stream:subscribe', { ok: true, items: [], lastSeq: 0, more: false });
      await settle();
      stop();
      socket().push(STREAM, 1);
      expect(got).toEqual([]);
      expect(
        socket()
          .emitsOf('stream:unsubscribe')
          .map((e) => e.payload),
      ).toEqual([{ stream: STREAM }]);
    });
  });

  describe('send', () => {
    it('retries with the same client id until acknowledged', async () => {
      vi.useFakeTimers();
      const { socket, realtime } = await setup();
      const s = socket();
      const sent = realtime.send(STREAM, { text: 'hello' });
      expect(s.emitsOf('stream:send')).toHaveLength(0); // not connected yet: waits
      s.accept();
      const first = s.emitsOf('stream:send')[0].payload as { clientId: string; body: unknown };
      expect(first.clientId).toMatch(/^[0-9a-f-]{36}$/);
      expect(first.body).toEqual({ text: 'hello' });

      s.drop(); // no ack: it went missing
      vi.advanceTimersByTime(500);
      s.accept();
      const sends = s.emitsOf('stream:send');
      expect(sends).toHaveLength(2);
      expect((sends[1].payload as { clientId: string }).clientId).toBe(first.clientId);
      const stored = item(STREAM, 9, { text: 'hello' }, first.clientId);
      sends[1].answered = true;
      sends[1].ack?.({ ok: true, item: stored, created: false });
      await expect(sent).resolves.toEqual(stored);

      s.drop();
      vi.advanceTimersByTime(500);
      s.accept();
      expect(s.emitsOf('stream:send')).toHaveLength(2); // not sent again once acknowledged
    });

    it('drops a connection that does not answer and sends again after reconnecting', async () => {
      vi.useFakeTimers();
      const { socket, realtime } = await setup({ ackTimeoutMs: 1000 });
      const s = socket();
      s.accept();
      realtime.send(STREAM, { text: 'x' }).catch(() => undefined);
      vi.advanceTimersByTime(1000);
      expect(realtime.connectionState()).toBe('reconnecting');
      vi.advanceTimersByTime(500);
      expect(s.connectCalls).toBe(2);
      s.accept();
      expect(s.emitsOf('stream:send')).toHaveLength(2);
    });

    it('sends again, same client id and after a growing wait, while the server says it is busy', async () => {
      vi.useFakeTimers();
      const { socket, realtime } = await setup();
      const s = socket();
      s.accept();
      const sent = realtime.send(STREAM, { text: 'later' });
      const busy = { ok: false, code: 'SERVICE_UNAVAILABLE', message: 'Lantern is busy just now.' };
      s.answer('stream:send', busy);
      await settle();
      vi.advanceTimersByTime(499);
      expect(s.emitsOf('stream:send')).toHaveLength(1);
      vi.advanceTimersByTime(1);
      expect(s.emitsOf('stream:send')).toHaveLength(2);
      s.answer('stream:send', busy);
      await settle();
      vi.advanceTimersByTime(999);
      expect(s.emitsOf('stream:send')).toHaveLength(2);
      vi.advanceTimersByTime(1);
      const sends = s.emitsOf('stream:send');
      expect(sends).toHaveLength(3);
      const clientId = (sends[0].payload as { clientId: string }).clientId;
      expect(sends.map((e) => (e.payload as { clientId: string }).clientId)).toEqual([
        clientId,
        clientId,
        clientId,
      ]);
      const stored = item(STREAM, 3, { text: 'later' }, clientId);
      s.answer('stream:send', { ok: true, item: stored, created: true });
      await expect(sent).resolves.toEqual(stored);
    });

    it('rejects with the server’s reason when refused', async () => {
      const { socket, realtime } = await setup();
      socket().accept();
      const sent = realtime.send(STREAM, {});
      socket().answer('stream:send', { ok: false, code: 'FORBIDDEN', message: 'You cannot post here.' });
      await expect(sent).rejects.toEqual(new RealtimeError('FORBIDDEN', 'You cannot post here.'));
    });
  });
});
