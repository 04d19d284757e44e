import { TestBed } from '@angular/core/testing';
import { AgendaItemStatus, AgendaPurpose, type StreamItem } from '@lantern/shared-domain';
import { RealtimeService } from '../../core/realtime';
import { type AgendaItem, AgendaData, type MeetingAgenda } from './agenda-data';
import { AgendaStore } from './agenda-store';

const OCC = '00000000-0000-4000-8000-0000000000aa';
const A = '00000000-0000-4000-8000-000000000001';
const B = '00000000-0000-4000-8000-000000000002';

function item(id: string, position: number, status = AgendaItemStatus.Accepted, minutes = 10): AgendaItem {
  return {
    id,
    title: `Item ${position}`,
    purpose: AgendaPurpose.Discuss,
    presenter: null,
    minutes,
    status,
    position,
    resource: null,
    thread: null,
    papers: [],
    approvesMinutesOf: null,
    proposedBy: { id: 'u1', displayName: 'SENCO' },
    notes: null,
    notesHtml: null,
    decisions: null,
    decisionsHtml: null,
    canEdit: false,
  };
}

function agenda(over: Partial<MeetingAgenda> = {}): MeetingAgenda {
  return {
    seriesId: 's1',
    key: '2026-03-10',
    occurrenceId: OCC,
    title: 'Network SENCO meeting',
    startsAt: '2026-03-10T09:30:00Z',
    meetingMinutes: 60,
    publishedAt: null,
    papersDueAt: null,
    items: [
      item(B, 2),
      item(A, 1),
      item('00000000-0000-4000-8000-000000000003', 3, AgendaItemStatus.Proposed),
    ],
    timing: { totalMinutes: 20, meetingMinutes: 60, overMinutes: 0, over: false },
    startedAt: null,
    endedAt: null,
    currentItemId: null,
    currentItemStartedAt: null,
    minutesPublishedAt: null,
    actions: [],
    carriedForward: [],
    canPropose: true,
    canManage: true,
    canMinute: true,
    canExportMinutes: true,
    ...over,
  };
}

describe('AgendaStore', () => {
  let handler: ((item: StreamItem) => void) | null;
  const unsubscribe = vi.fn();
  const realtime = {
    subscribe: vi.fn((_stream: string, h: (item: StreamItem) => void) => {
      handler = h;
      return unsubscribe;
    }),
  };
  const data = {
    agenda: vi.fn(async () => agenda()),
    order: vi.fn(async (_s: string, _k: string, ids: readonly string[]) =>
      agenda({ items: ids.map((id, i) => item(id, i + 1)) }),
    ),
    setCurrent: vi.fn(),
  };
  let store: AgendaStore;
  const live = (body: unknown): StreamItem => ({
    stream: `meeting:${OCC}`,
    seq: 1,
    clientId: 'c',
    authorId: null,
    body,
    createdAt: new Date().toISOString(),
  });

  beforeEach(async () => {
    handler = null;
    vi.clearAllMocks();
    TestBed.configureTestingModule({
      providers: [
        AgendaStore,
        { provide: AgendaData, useValue: data },
        { provide: RealtimeService, useValue: realtime },
      ],
    });
    store = TestBed.inject(AgendaStore);
    await store.load('s1', '2026-03-10');
  });

  it('orders the accepted items and follows the occurrence stream', () => {
    expect(store.accepted().map((i) => i.id)).toEqual([A, B]);
    expect(store.proposed().length).toBe(1);
    expect(realtime.subscribe).toHaveBeenCalledWith(`meeting:${OCC}`, expect.any(Function));
    expect(store.nextId()).toBe(A);
  });

  it('runs every timer from the instant in the live state', () => {
    const started = new Date(Date.now() - 4 * 60_000).toISOString();
    handler?.(
      live({
        type: 'live',
        startedAt: started,
        endedAt: null,
        currentItemId: A,
        currentItemStartedAt: started,
        currentItemMinutes: 10,
      }),
    );
    expect(store.running()).toBe(true);
    expect(store.currentItem()?.id).toBe(A);
    const left = store.secondsLeft() ?? 0;
    expect(left).toBeGreaterThan(355);
    expect(left).toBeLessThanOrEqual(360);
    expect(store.nextId()).toBe(B);
    handler?.(
      live({
        type: 'live',
        startedAt: started,
        endedAt: new Date().toISOString(),
        currentItemId: null,
        currentItemStartedAt: null,
        currentItemMinutes: null,
      }),
    );
    expect(store.running()).toBe(false);
    expect(store.secondsLeft()).toBeNull();
  });

  it('reads the agenda again when told it changed, or when a live item names an item it has not seen', async () => {
    handler?.(live({ type: 'agenda' }));
    await Promise.resolve();
    expect(data.agenda).toHaveBeenCalledTimes(2);
    const now = new Date().toISOString();
    handler?.(
      live({
        type: 'live',
        startedAt: now,
        endedAt: null,
        currentItemId: '00000000-0000-4000-8000-0000000000ff',
        currentItemStartedAt: now,
        currentItemMinutes: 5,
      }),
    );
    await Promise.resolve();
    expect(data.agenda).toHaveBeenCalledTimes(3);
    handler?.(live({ type: 'nonsense' }));
    expect(data.agenda).toHaveBeenCalledTimes(3);
  });

  it('moves an item with the ids of the accepted items in their new order', async () => {
    await store.move(item(B, 2), -1);
    expect(data.order).toHaveBeenCalledWith('s1', '2026-03-10', [B, A]);
    expect(store.accepted().map((i) => i.id)).toEqual([B, A]);
  });
});
