import { TestBed } from '@angular/core/testing';
import { MeetingMode, RsvpAnswer } from '@lantern/shared-domain';
import type { MeetingOccurrence } from './meetings-data';
import { MeetingsData } from './meetings-data';
import { MyMeetingsStore } from './my-meetings-store';

function occ(key: string, over: Partial<MeetingOccurrence> = {}): MeetingOccurrence {
  return {
    seriesId: 's1',
    key,
    occurrenceId: null,
    title: `Meeting ${key}`,
    scopeKind: 'NETWORK',
    trustName: null,
    schoolName: null,
    mode: MeetingMode.Online,
    location: null,
    onlineLink: null,
    startsAt: `${key}T09:30:00Z`,
    endsAt: `${key}T10:30:00Z`,
    minutes: 60,
    cancelled: false,
    changed: false,
    host: null,
    hostSkipped: false,
    myRsvp: null,
    rsvpCounts: { inPerson: 0, online: 0, apologies: 0 },
    canManage: false,
    canMinute: false,
    canTakePart: true,
    ...over,
  };
}

describe('MyMeetingsStore', () => {
  // 60 meetings on consecutive days; the fake answers pages of them in time order.
  const all = Array.from({ length: 60 }, (_, i) =>
    occ(new Date(Date.UTC(2025, 0, 1 + i)).toISOString().slice(0, 10)),
  );
  const calls: Array<{ offset: number; first: number }> = [];
  const data = {
    myMeetings: vi.fn(async (_from: string, _to: string, offset: number, first: number) => {
      calls.push({ offset, first });
      return {
        nodes: all.slice(offset, offset + first),
        totalCount: all.length,
        hasNextPage: offset + first < all.length,
      };
    }),
    rsvpOccurrence: vi.fn(async (_s: string, key: string, answer: RsvpAnswer | null) =>
      occ(key, {
        myRsvp: answer,
        rsvpCounts: { inPerson: 0, online: answer === RsvpAnswer.Online ? 1 : 0, apologies: 0 },
      }),
    ),
  };
  let store: MyMeetingsStore;

  beforeEach(() => {
    calls.length = 0;
    TestBed.configureTestingModule({
      providers: [MyMeetingsStore, { provide: MeetingsData, useValue: data }],
    });
    store = TestBed.inject(MyMeetingsStore);
  });

  it('pages upcoming meetings soonest first', async () => {
    await store.show('upcoming');
    expect(
      store
        .items()
        ?.map((o) => o.key)
        .slice(0, 2),
    ).toEqual(['2025-01-01', '2025-01-02']);
    expect(store.hasMore()).toBe(true);
    await store.more();
    await store.more();
    expect(store.items()?.length).toBe(60);
    expect(store.hasMore()).toBe(false);
    expect(calls.map((c) => c.offset)).toEqual([0, 25, 50]);
  });

  it('reads past meetings from the end, most recent first, then earlier ones', async () => {
    await store.show('past');
    expect(calls).toEqual([
      { offset: 0, first: 25 },
      { offset: 35, first: 25 },
    ]);
    expect(store.items()?.[0].key).toBe(all[59].key);
    await store.more();
    expect(calls[2]).toEqual({ offset: 10, first: 25 });
    await store.more();
    expect(calls[3]).toEqual({ offset: 0, first: 10 });
    const keys = store.items()?.map((o) => o.key) ?? [];
    expect(keys.length).toBe(60);
    expect(keys[59]).toBe(all[0].key);
    expect(new Set(keys).size).toBe(60);
    expect(store.hasMore()).toBe(false);
  });

  it('answers for one meeting and clears the answer when pressed again', async () => {
    await store.show('upcoming');
    const first = store.items()?.[0] as MeetingOccurrence;
    await store.rsvp(first, RsvpAnswer.Online);
    expect(data.rsvpOccurrence).toHaveBeenLastCalledWith('s1', first.key, RsvpAnswer.Online);
    const answered = store.items()?.[0] as MeetingOccurrence;
    expect(answered.myRsvp).toBe(RsvpAnswer.Online);
    expect(answered.rsvpCounts.online).toBe(1);
    await store.rsvp(answered, RsvpAnswer.Online);
    expect(data.rsvpOccurrence).toHaveBeenLastCalledWith('s1', first.key, null);
  });

  it('keeps the list and says why when an answer fails', async () => {
    await store.show('upcoming');
    data.rsvpOccurrence.mockRejectedValueOnce(new Error('Lantern could not be reached.'));
    const first = store.items()?.[0] as MeetingOccurrence;
    expect(await store.rsvp(first, RsvpAnswer.Apologies)).toBe(false);
    expect(store.rsvpError()?.id).toBe(`s1/${first.key}`);
    expect(store.items()?.[0].myRsvp).toBeNull();
  });
});
