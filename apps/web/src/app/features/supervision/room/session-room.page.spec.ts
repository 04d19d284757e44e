import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import {
  ActionDueState,
  ActionSourceKind,
  ActionStatus,
  SocketEvent,
  type StreamItem,
  SupervisionRole,
  SupervisionStatus,
} from '@lantern/shared-domain';
import axe from 'axe-core';
import { PresenceService } from '../../../core/presence';
import { RealtimeService } from '../../../core/realtime';
import { Session } from '../../../core/session';
import { type RoomSession, SupervisionRoomApi } from './room-api';
import { SessionRoomPage } from './session-room.page';

const ME = '00000000-0000-4000-8000-000000000001';
const LEAD = '00000000-0000-4000-8000-000000000002';
const CASE_A = '00000000-0000-4000-8000-0000000000a1';
const CASE_B = '00000000-0000-4000-8000-0000000000b2';
const STREAM = 'supervision:s-1';

const action = (id: string, title: string) => ({
  id,
  title,
  status: ActionStatus.Open,
  dueOn: '2026-12-20',
  dueState: ActionDueState.Later,
  owner: { id: ME, displayName: 'SENCO' },
  sourceKind: ActionSourceKind.Case,
  sourceId: CASE_A,
  sourceLabel: 'Case AB Y4',
  sourceLink: '/caseload/cases/a',
  createdAt: '2026-11-01T09:00:00Z',
  closedAt: null,
  canChange: true,
});

function session(): RoomSession {
  return {
    id: 's-1',
    schoolId: 'school-1',
    schoolName: 'A primary school',
    title: 'Autumn supervision',
    status: SupervisionStatus.Live,
    startsAt: '2026-12-07T09:00:00Z',
    minutes: 60,
    location: null,
    onlineLink: null,
    chairId: LEAD,
    currentCaseId: CASE_A,
    startedAt: '2026-12-07T09:00:00Z',
    endedAt: null,
    revision: 1,
    stream: STREAM,
    myRole: SupervisionRole.Senco,
    participants: [
      { userId: ME, displayName: 'SENCO', role: SupervisionRole.Senco, lastReadSeq: 1 },
      { userId: LEAD, displayName: 'Trust SEND lead', role: SupervisionRole.SendLead, lastReadSeq: 2 },
    ],
    agenda: [
      {
        id: 'ag-1',
        caseId: CASE_A,
        caseReference: 'AB Y4',
        position: 1,
        question: 'Is the reading plan working?',
        summary: '',
        decisions: '',
        openActions: [action('act-1', 'Ask the educational psychologist')],
        actionsRaisedHere: [],
      },
      {
        id: 'ag-2',
        caseId: CASE_B,
        caseReference: 'CD Y6',
        position: 2,
        question: 'Transition to secondary',
        summary: '',
        decisions: '',
        openActions: [],
        actionsRaisedHere: [],
      },
    ],
    record: null,
  };
}

const item = (seq: number, authorId: string, body: unknown): StreamItem => ({
  stream: STREAM,
  seq,
  clientId: `c-${seq}`,
  authorId,
  body,
  createdAt: '2026-12-07T09:05:00Z',
});

async function render(history: StreamItem[], send?: (payload: Record<string, unknown>) => unknown) {
  let live: ((item: StreamItem) => void) | null = null;
  const signals: Array<(s: unknown) => void> = [];
  const request = vi.fn(async (event: string, payload: Record<string, unknown>) => {
    if (event === SocketEvent.StreamSync)
      return {
        ok: true,
        items: Number(payload['after']) ? [] : history,
        lastSeq: history.length,
        more: false,
      };
    if (event === SocketEvent.StreamSend) return send ? send(payload) : new Promise(() => undefined);
    return { ok: true };
  });
  TestBed.configureTestingModule({
    providers: [
      provideRouter([]),
      {
        provide: SupervisionRoomApi,
        useValue: { session: vi.fn().mockResolvedValue(session()), search: vi.fn() },
      },
      {
        provide: RealtimeService,
        useValue: {
          connectionState: signal('connected'),
          connected: signal(true),
          request,
          subscribe: (_s: string, h: (item: StreamItem) => void) => {
            live = h;
            return () => undefined;
          },
          on: (_e: string, h: (s: unknown) => void) => {
            signals.push(h);
            return () => undefined;
          },
          onConnected: () => () => undefined,
        },
      },
      { provide: PresenceService, useValue: { watch: () => () => undefined, statusOf: () => 'online' } },
      { provide: Session, useValue: { user: signal({ id: ME }) } },
    ],
  });
  const fixture = TestBed.createComponent(SessionRoomPage);
  fixture.componentRef.setInput('id', 's-1');
  await settle(fixture);
  return { fixture, el: fixture.nativeElement as HTMLElement, request, live: () => live!, signals };
}

async function settle(fixture: { whenStable(): Promise<unknown>; detectChanges(): void }) {
  for (let i = 0; i < 5; i++) {
    await new Promise((r) => setTimeout(r, 0));
    fixture.detectChanges();
    await fixture.whenStable();
  }
}

const texts = (el: HTMLElement, sel: string) =>
  Array.from(el.querySelectorAll(sel)).map((n) => n.textContent?.replace(/\s+/g, ' ').trim());

describe('SessionRoomPage', () => {
  it('shows the agenda with the current case in words, the messages in markdown, the unread divider and "seen by"', async () => {
    const { el } = await render([
      item(1, LEAD, { type: 'message', text: 'Welcome', caseId: CASE_A }),
      item(2, ME, { type: 'message', text: 'Thanks, **reading** first' }),
      item(3, LEAD, { type: 'message', text: 'Go ahead', replyTo: 2 }),
    ]);
    expect(el.querySelector('h1')?.textContent).toContain('Autumn supervision');
    expect(texts(el, '.case-h')[0]).toContain('Current case');
    expect(el.textContent).toContain('Ask the educational psychologist');
    expect(el.querySelector('#room-msg-2 strong')?.textContent).toBe('reading');
    expect(texts(el, '.messages > li')).toEqual([
      expect.stringContaining('Welcome'),
      expect.stringContaining('reading'),
      'New since your last visit',
      expect.stringContaining('Go ahead'),
    ]);
    expect(el.querySelector('#room-msg-3 .quote')?.textContent).toContain('Replying to You');
    expect(el.querySelector('#room-msg-2 .seen')?.textContent).toContain('Seen by Trust SEND lead');
    expect(el.querySelector('#room-msg-1 .tag')?.textContent).toContain('Case AB Y4');
  });

  it('says "No messages yet" in an empty room', async () => {
    const { el } = await render([]);
    expect(el.querySelector('.empty')?.textContent).toContain('No messages yet.');
  });

  it('announces a message from someone else politely without moving focus, and shows who is typing', async () => {
    const { fixture, el, live, signals } = await render([]);
    const box = el.querySelector<HTMLTextAreaElement>('#room-composer-text')!;
    box.focus();
    for (const s of signals) s({ stream: STREAM, userId: LEAD, typing: true });
    fixture.detectChanges();
    expect(el.querySelector('.typing')?.textContent).toContain('Trust SEND lead is typing…');
    live()(item(1, LEAD, { type: 'message', text: 'Shall we start?' }));
    await new Promise((r) => setTimeout(r, 80));
    await settle(fixture);
    expect(el.querySelector('[aria-live="polite"]')?.textContent).toContain(
      'Trust SEND lead: Shall we start?',
    );
    expect(document.activeElement).toBe(box);
    expect(el.querySelector('.typing')?.textContent?.trim()).toBe('');
  });

  it('shows the server’s personal-data refusal next to the message, with a way to change it', async () => {
    const { fixture, el, request } = await render([], () => ({
      ok: false,
      code: 'PERSONAL_DATA',
      message: 'This looks like it holds a date of birth. Remove it, or send anyway with a reason.',
    }));
    const box = el.querySelector<HTMLTextAreaElement>('#room-composer-text')!;
    box.value = 'Plan agreed for the spring term';
    box.dispatchEvent(new Event('input'));
    box.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));
    // The personal-data check loads its name data first.
    for (let i = 0; i < 60 && !el.querySelector('.pending [role="alert"]'); i++) {
      await new Promise((r) => setTimeout(r, 50));
      await settle(fixture);
    }
    const sent = request.mock.calls.find(([e]) => e === SocketEvent.StreamSend)![1];
    expect(sent['body']).toMatchObject({
      type: 'message',
      text: 'Plan agreed for the spring term',
      caseId: CASE_A,
    });
    const pending = el.querySelector('.pending')!;
    expect(pending.textContent).toContain('Not sent');
    expect(pending.querySelector('[role="alert"]')?.textContent).toContain('date of birth');
    expect(texts(pending as HTMLElement, 'button')).toEqual(['Change it', 'Send anyway…', 'Discard']);
  });

  it('has no axe violations', async () => {
    const { el } = await render([
      item(1, LEAD, { type: 'message', text: 'Welcome', caseId: CASE_A }),
      item(2, ME, { type: 'message', text: 'Thanks' }),
    ]);
    document.body.appendChild(el);
    // As the browser tests do: WCAG 2.0-2.2 A and AA (contrast is measured there, in a real browser).
    const result = await axe.run(el, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'] },
      rules: { 'color-contrast': { enabled: false } },
    });
    expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`)).toEqual([]);
  });
});
