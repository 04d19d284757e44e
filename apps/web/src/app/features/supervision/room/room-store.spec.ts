import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { SocketEvent, type StreamItem, SupervisionRole, SupervisionStatus } from '@lantern/shared-domain';
import { RealtimeService } from '../../../core/realtime';
import { Session } from '../../../core/session';
import { type RoomSession, SupervisionRoomApi } from './room-api';
import { RoomStore } from './room-store';

const ME = '00000000-0000-4000-8000-000000000001';
const LEAD = '00000000-0000-4000-8000-000000000002';
const CASE_A = '00000000-0000-4000-8000-0000000000a1';
const STREAM = 'supervision:s-1';

function session(over: Partial<RoomSession> = {}): RoomSession {
  return {
    id: 's-1',
    schoolId: 'school-1',
    schoolName: 'A primary school',
    title: 'Termly supervision',
    status: SupervisionStatus.Live,
    startsAt: '2026-12-07T09:00:00Z',
    minutes: 60,
    location: null,
    onlineLink: null,
    chairId: LEAD,
    currentCaseId: null,
    startedAt: '2026-12-07T09:00:00Z',
    endedAt: null,
    revision: 1,
    stream: STREAM,
    myRole: SupervisionRole.Senco,
    participants: [
      { userId: ME, displayName: 'SENCO', role: SupervisionRole.Senco, lastReadSeq: 2 },
      { userId: LEAD, displayName: 'Trust SEND lead', role: SupervisionRole.SendLead, lastReadSeq: 0 },
    ],
    agenda: [],
    record: null,
    ...over,
  };
}

let nextSeq = 1;
function item(body: unknown, authorId = LEAD, over: Partial<StreamItem> = {}): StreamItem {
  const seq = nextSeq++;
  return {
    stream: STREAM,
    seq,
    clientId: `c-${seq}`,
    authorId,
    body,
    createdAt: `2026-12-07T09:0${seq % 10}:00Z`,
    ...over,
  };
}

const message = (text: string, authorId = LEAD) => item({ type: 'message', text }, authorId);

type Ack = { ok: true; [k: string]: unknown } | { ok: false; code: string; message: string };

function setup(answer: (event: string, payload: Record<string, unknown>) => Promise<Ack>) {
  const request = vi.fn(answer);
  TestBed.configureTestingModule({
    providers: [
      RoomStore,
      { provide: SupervisionRoomApi, useValue: { session: vi.fn().mockResolvedValue(session()) } },
      { provide: RealtimeService, useValue: { request } },
      { provide: Session, useValue: { user: signal({ id: ME }) } },
    ],
  });
  return { store: TestBed.inject(RoomStore), request };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('RoomStore', () => {
  beforeEach(() => (nextSeq = 1));

  it('folds history and live items into messages once each, in order, with edits and deletes', async () => {
    const history = [message('First'), message('Second', ME)];
    const { store } = setup(async (event) =>
      event === SocketEvent.StreamSync ? { ok: true, items: history, lastSeq: 2, more: false } : { ok: true },
    );
    await store.load('s-1');
    expect(await store.loadHistory()).toBe(true);
    const edit = item({ type: 'edit', of: 1, text: 'First, edited' });
    const del = item({ type: 'delete', of: 2 }, ME);
    // Live items arrive twice (a reconnect) and out of order: each is applied once.
    store.apply([del, edit]);
    store.apply([edit, history[0]]);
    const msgs = store.messages();
    expect(msgs.map((m) => m.seq)).toEqual([1, 2]);
    expect(msgs[0]).toMatchObject({ text: 'First, edited', history: [{ text: 'First' }] });
    expect(msgs[1]).toMatchObject({ deleted: true, text: '' });
  });

  it('places the unread divider at the first message by someone else after the read position it opened with', async () => {
    const history = [message('a'), message('b', ME), message('c', ME), message('d'), message('e')];
    const { store } = setup(async () => ({ ok: true, items: history, lastSeq: 5, more: false }));
    await store.load('s-1');
    expect(store.openedReadSeq()).toBe(2);
    await store.loadHistory();
    // seq 3 is ours: the divider goes before 4.
    expect(store.unreadSeq()).toBe(4);
    // Later messages do not move it.
    store.apply([message('f')]);
    expect(store.unreadSeq()).toBe(4);
  });

  it('has no unread divider when everything was read', async () => {
    const history = [message('a'), message('b')];
    const { store } = setup(async () => ({ ok: true, items: history, lastSeq: 2, more: false }));
    await store.load('s-1');
    await store.loadHistory();
    expect(store.unreadSeq()).toBeNull();
  });

  it('shows a message as sending, keeps it with Retry when the connection drops, and retries with the same client id', async () => {
    let online = false;
    const { store, request } = setup(async (event, payload) => {
      if (event !== SocketEvent.StreamSend) return { ok: true, items: [], lastSeq: 0, more: false };
      if (!online) throw new Error('Not connected.');
      return {
        ok: true,
        item: {
          stream: STREAM,
          seq: 1,
          clientId: payload['clientId'],
          authorId: ME,
          body: payload['body'],
          createdAt: 'now',
        },
        created: true,
      };
    });
    await store.load('s-1');
    store.send({ type: 'message', text: 'Hello', caseId: CASE_A });
    expect(store.pending()[0].state).toBe('sending');
    await flush();
    expect(store.pending()[0]).toMatchObject({ state: 'failed' });
    expect(store.pending()[0].problem).toMatch(/connection/);
    const clientId = store.pending()[0].clientId;

    online = true;
    store.retry(clientId);
    await flush();
    const sends = request.mock.calls.filter(([event]) => event === SocketEvent.StreamSend);
    expect(sends.map(([, p]) => p['clientId'])).toEqual([clientId, clientId]);
    expect(store.pending()).toEqual([]);
    expect(store.messages().map((m) => m.text)).toEqual(['Hello']);
  });

  it('drops a pending message when its item arrives live (the ack was lost), and never shows it twice', async () => {
    const { store } = setup(() => new Promise(() => undefined));
    await store.load('s-1');
    store.send({ type: 'message', text: 'Hi' });
    const { clientId } = store.pending()[0];
    store.apply([item({ type: 'message', text: 'Hi' }, ME, { clientId })]);
    expect(store.pending()).toEqual([]);
    expect(store.messages()).toHaveLength(1);
  });

  it('keeps a refused message with the server’s plain-English reason, and sends it again with the override', async () => {
    let refuse = true;
    const { store, request } = setup(async (event, payload) => {
      if (event !== SocketEvent.StreamSend) return { ok: true };
      if (refuse) return { ok: false, code: 'PERSONAL_DATA', message: 'This looks like it names a pupil.' };
      return {
        ok: true,
        item: {
          stream: STREAM,
          seq: 1,
          clientId: payload['clientId'],
          authorId: ME,
          body: payload['body'],
          createdAt: 'now',
        },
        created: true,
      };
    });
    await store.load('s-1');
    store.send({ type: 'message', text: 'About a pupil' });
    await flush();
    expect(store.pending()[0]).toMatchObject({
      state: 'refused',
      code: 'PERSONAL_DATA',
      problem: 'This looks like it names a pupil.',
    });
    refuse = false;
    store.retry(store.pending()[0].clientId, true);
    await flush();
    const last = request.mock.calls[request.mock.calls.length - 1];
    expect(last[1]['body']).toMatchObject({ text: 'About a pupil', override: true });
    expect(store.pending()).toEqual([]);
  });

  it('follows the current case the chair moves live, until the session is fetched again', async () => {
    const { store } = setup(async () => ({ ok: true, items: [], lastSeq: 0, more: false }));
    await store.load('s-1');
    await store.loadHistory();
    expect(store.currentCaseId()).toBeNull();
    store.apply([item({ type: 'current-case', caseId: CASE_A })]);
    expect(store.currentCaseId()).toBe(CASE_A);
    store.setSession(session({ currentCaseId: null }));
    expect(store.currentCaseId()).toBeNull();
  });

  it('asks again while the socket has not yet heard of the second factor', async () => {
    vi.useFakeTimers();
    let calls = 0;
    const { store } = setup(async () =>
      ++calls < 3
        ? { ok: false, code: 'SECOND_FACTOR_REQUIRED', message: 'Enter your code.' }
        : { ok: true, items: [message('a')], lastSeq: 1, more: false },
    );
    await store.load('s-1');
    const loading = store.loadHistory();
    await vi.runAllTimersAsync();
    expect(await loading).toBe(true);
    expect(store.messages()).toHaveLength(1);
    vi.useRealTimers();
  });
});
