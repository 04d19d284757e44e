import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  SocketEvent,
  type StreamItem,
  type StreamSubscribeAck,
  addDays,
  meetingStream,
} from '@lantern/shared-domain';
import { ActionRemindersService } from '../src/modules/actions/action-reminders.service';
import { connected, next, openSocket, request } from './support/sockets';
import { DEMO, GqlClient, TestApp, startTestApp } from './support/test-app';
import { unzip } from './support/unzip';

type Who = keyof typeof DEMO;
const EVERYONE = Object.keys(DEMO) as Who[];

const CREATE = `mutation($input: CreateMeetingInput!) { createMeeting(input: $input) { id } }`;
const ITEM = `id title purpose status position minutes approvesMinutesOf notes notesHtml decisions decisionsHtml canEdit
  proposedBy { id } presenter { id } resource { id title } thread { id } papers { fileId name }`;
const AGENDA_FIELDS = `occurrenceId key publishedAt papersDueAt startedAt endedAt currentItemId currentItemStartedAt minutesPublishedAt
  items { ${ITEM} } timing { totalMinutes meetingMinutes overMinutes over }
  actions { id title status sourceKind sourceLabel sourceLink owner { id } }
  carriedForward { id title status sourceLink } canPropose canManage canMinute canExportMinutes`;
const AGENDA = `query($s: ID!, $k: String!) { meetingAgenda(seriesId: $s, key: $k) { ${AGENDA_FIELDS} } }`;
const PROPOSE = `mutation($input: ProposeAgendaItemInput!) { proposeAgendaItem(input: $input) { ${ITEM} } }`;
const UPDATE = `mutation($input: UpdateAgendaItemInput!) { updateAgendaItem(input: $input) { ${ITEM} } }`;
const DECIDE = `mutation($id: ID!, $st: AgendaItemStatus!) { decideAgendaItem(id: $id, status: $st) { ${ITEM} } }`;
const ORDER = `mutation($s: ID!, $k: String!, $ids: [ID!]!) { orderAgenda(seriesId: $s, key: $k, itemIds: $ids) { items { id position status } } }`;
const PUBLISH = `mutation($s: ID!, $k: String!, $due: DateTime) { publishAgenda(seriesId: $s, key: $k, papersDueAt: $due) { ${AGENDA_FIELDS} } }`;
const START = `mutation($s: ID!, $k: String!) { startMeeting(seriesId: $s, key: $k) { ${AGENDA_FIELDS} } }`;
const CURRENT = `mutation($s: ID!, $k: String!, $i: ID) { setCurrentAgendaItem(seriesId: $s, key: $k, itemId: $i) { ${AGENDA_FIELDS} } }`;
const END = `mutation($s: ID!, $k: String!) { endMeeting(seriesId: $s, key: $k) { ${AGENDA_FIELDS} } }`;
const MINUTE = `mutation($input: SaveItemMinutesInput!) { saveItemMinutes(input: $input) { ${ITEM} } }`;
const ADD_ACTION = `mutation($input: AddMeetingActionInput!) { addMeetingAction(input: $input) { id title sourceKind sourceLink owner { id } } }`;
const PUBLISH_MINUTES = `mutation($s: ID!, $k: String!) { publishMinutes(seriesId: $s, key: $k) { ${AGENDA_FIELDS} } }`;
const UPDATE_ACTION = `mutation($input: UpdateActionInput!) { updateAction(input: $input) { id status } }`;

type Item = {
  id: string;
  title: string;
  status: string;
  position: number;
  approvesMinutesOf: string | null;
  notes: string | null;
  notesHtml: string | null;
  decisions: string | null;
  canEdit: boolean;
  minutes: number;
};
type Agenda = {
  occurrenceId: string;
  publishedAt: string | null;
  startedAt: string | null;
  currentItemId: string | null;
  currentItemStartedAt: string | null;
  minutesPublishedAt: string | null;
  items: Item[];
  timing: { totalMinutes: number; meetingMinutes: number; overMinutes: number; over: boolean };
  actions: Array<{ id: string; title: string; sourceKind: string; sourceLabel: string; sourceLink: string }>;
  carriedForward: Array<{ id: string; title: string; sourceLink: string }>;
  canPropose: boolean;
  canManage: boolean;
  canMinute: boolean;
  canExportMinutes: boolean;
};

/** Who takes part (proposes) and who only sees, per scope (the meetings policy; chair = organiser). */
const TAKE_PART: Record<'network' | 'trust' | 'school', Who[]> = {
  network: [
    'admin',
    'sendLead',
    'headHolyFamily',
    'sencoHolyFamily',
    'sencoHolyCross',
    'sencoStJosephsAct',
    'sendLeadMagnificat',
    'sencoStBernadettes',
  ],
  trust: ['sendLead', 'leaderAssisi', 'headHolyFamily', 'sencoHolyFamily', 'sencoStJosephsAct'],
  school: ['sendLead', 'headHolyFamily', 'sencoHolyFamily'],
};
const SEES: Record<'network' | 'trust' | 'school', Who[]> = {
  network: EVERYONE,
  trust: [
    'sendLead',
    'leaderAssisi',
    'headHolyFamily',
    'sencoHolyFamily',
    'sencoStJosephsAct',
    'staffHolyFamily',
  ],
  school: ['sendLead', 'leaderAssisi', 'headHolyFamily', 'sencoHolyFamily', 'staffHolyFamily'],
};
const CHAIR: Record<'network' | 'trust' | 'school', Who> = {
  network: 'sendLead',
  trust: 'leaderAssisi',
  school: 'sencoHolyFamily',
};
const NOTE_TAKER: Record<'network' | 'trust' | 'school', Who> = {
  network: 'sencoHolyFamily',
  trust: 'sencoStJosephsAct',
  school: 'headHolyFamily',
};

describe('meetings: agenda, live, minutes and actions', () => {
  let t: TestApp;
  const as = {} as Record<Who, GqlClient>;
  const user = {} as Record<Who, string>;
  let act: string;
  let holyFamily: string;
  const series = {} as Record<'network' | 'trust' | 'school', string>;
  const KEY = '2027-02-03';
  const DAY = 86_400_000;
  const soonAfter = (days: number) => new Date(Date.now() + days * DAY).toISOString().slice(0, 10);

  const base = (over: Record<string, unknown>) => ({
    mode: 'ONLINE',
    onlineLink: 'https://meet.example.org/x',
    startTime: '09:30',
    minutes: 60,
    recurrence: { kind: 'NONE' },
    ...over,
  });
  const agenda = async (who: Who, s: string, k: string) =>
    (await as[who].ok<{ meetingAgenda: Agenda }>(AGENDA, { s, k })).meetingAgenda;
  const propose = async (who: Who, s: string, k: string, over: Record<string, unknown> = {}) =>
    (
      await as[who].ok<{ proposeAgendaItem: Item }>(PROPOSE, {
        input: { seriesId: s, key: k, title: `Item from ${who}`, purpose: 'DISCUSS', minutes: 10, ...over },
      })
    ).proposeAgendaItem;
  const download = (who: Who, s: string, k: string) =>
    fetch(`${t.url}/api/meetings/occurrences/${s}/${k}/minutes.docx`, {
      headers: { cookie: as[who].cookie ?? '' },
    });

  beforeAll(async () => {
    t = await startTestApp();
    for (const [k, email] of Object.entries(DEMO)) as[k as Who] = await t.signedIn(email);
    for (const r of await t.sql<{ id: string; email: string }>('SELECT id, email FROM users'))
      for (const [k, email] of Object.entries(DEMO)) if (email === r.email) user[k as Who] = r.id;
    act = (await t.sql<{ id: string }>(`SELECT id FROM trusts WHERE short_name = 'ACT'`))[0]!.id;
    holyFamily = (
      await t.sql<{ id: string }>(`SELECT id FROM schools WHERE name = 'Holy Family Primary'`)
    )[0]!.id;
    const make = async (scope: 'network' | 'trust' | 'school', input: Record<string, unknown>) => {
      series[scope] = (
        await as[CHAIR[scope]].ok<{ createMeeting: { id: string } }>(CREATE, {
          input: base({
            title: `${scope} meeting`,
            firstDate: KEY,
            noteTakerId: user[NOTE_TAKER[scope]],
            ...input,
          }),
        })
      ).createMeeting.id;
    };
    await make('network', { scopeKind: 'NETWORK', recurrence: { kind: 'WEEKLY', interval: 1 }, count: 6 });
    await make('trust', { scopeKind: 'TRUST', trustId: act });
    await make('school', { scopeKind: 'SCHOOL', schoolId: holyFamily });
  }, 120_000);
  afterAll(() => t?.close());

  describe.each(['network', 'trust', 'school'] as const)('a %s meeting under every demo role', (scope) => {
    it('lets invitees propose, the others who see it are refused, and the rest get NOT_FOUND', async () => {
      for (const who of EVERYONE) {
        const input = {
          seriesId: series[scope],
          key: KEY,
          title: `Proposal by ${who}`,
          purpose: 'INFORM',
          minutes: 5,
        };
        if (TAKE_PART[scope].includes(who)) {
          const item = (await as[who].ok<{ proposeAgendaItem: Item }>(PROPOSE, { input })).proposeAgendaItem;
          expect([who, item.status]).toEqual([who, who === CHAIR[scope] ? 'ACCEPTED' : 'PROPOSED']);
        } else if (SEES[scope].includes(who)) {
          await as[who].fails(PROPOSE, { input }, 'FORBIDDEN');
        } else {
          await as[who].fails(PROPOSE, { input }, 'NOT_FOUND');
          await as[who].fails(AGENDA, { s: series[scope], k: KEY }, 'NOT_FOUND');
        }
      }
    });

    it('shows proposals to the chair and their proposers only, until accepted and published', async () => {
      const chair = await agenda(CHAIR[scope], series[scope], KEY);
      const proposals = chair.items.filter((i) => i.status === 'PROPOSED');
      expect(proposals.length).toBe(TAKE_PART[scope].length - 1);
      for (const who of SEES[scope]) {
        const a = await agenda(who, series[scope], KEY);
        const mine = who === CHAIR[scope] ? chair.items.length : TAKE_PART[scope].includes(who) ? 1 : 0;
        expect([who, a.items.length]).toEqual([who, mine]);
      }
    });

    it('lets only the chair accept, order and publish; the rest are refused or never see the item', async () => {
      const chair = await agenda(CHAIR[scope], series[scope], KEY);
      const proposal = chair.items.find((i) => i.status === 'PROPOSED')!;
      const proposer = TAKE_PART[scope].find((w) => proposal.title === `Proposal by ${w}`)!;
      for (const who of EVERYONE) {
        if (who === CHAIR[scope]) continue;
        const code = who === proposer ? 'FORBIDDEN' : 'NOT_FOUND';
        await as[who].fails(DECIDE, { id: proposal.id, st: 'ACCEPTED' }, code);
        await as[who].fails(
          PUBLISH,
          { s: series[scope], k: KEY },
          SEES[scope].includes(who) ? 'FORBIDDEN' : 'NOT_FOUND',
        );
      }
      const accepted = (
        await as[CHAIR[scope]].ok<{ decideAgendaItem: Item }>(DECIDE, { id: proposal.id, st: 'ACCEPTED' })
      ).decideAgendaItem;
      expect(accepted.status).toBe('ACCEPTED');
      const rest = chair.items.filter((i) => i.status === 'PROPOSED' && i.id !== proposal.id);
      for (const i of rest) await as[CHAIR[scope]].ok(DECIDE, { id: i.id, st: 'DECLINED' });
      const ids = (await agenda(CHAIR[scope], series[scope], KEY)).items
        .filter((i) => i.status === 'ACCEPTED')
        .map((i) => i.id);
      const ordered = (
        await as[CHAIR[scope]].ok<{ orderAgenda: { items: Item[] } }>(ORDER, {
          s: series[scope],
          k: KEY,
          ids: [...ids].reverse(),
        })
      ).orderAgenda;
      expect(ordered.items.filter((i) => i.status === 'ACCEPTED').map((i) => i.id)).toEqual(
        [...ids].reverse(),
      );
      await as[CHAIR[scope]].fails(ORDER, { s: series[scope], k: KEY, ids: ids.slice(1) }, 'BAD_USER_INPUT');

      const before = await t.sql<{ n: number }>(
        `SELECT count(*)::int AS n FROM notifications WHERE kind = 'MEETING_AGENDA_PUBLISHED'`,
      );
      await as[CHAIR[scope]].ok(PUBLISH, { s: series[scope], k: KEY, due: '2027-02-01T17:00:00.000Z' });
      const after = await t.sql<{ n: number }>(
        `SELECT count(*)::int AS n FROM notifications WHERE kind = 'MEETING_AGENDA_PUBLISHED'`,
      );
      expect(after[0]!.n - before[0]!.n).toBeGreaterThanOrEqual(TAKE_PART[scope].length - 1);
      for (const who of SEES[scope]) {
        const a = await agenda(who, series[scope], KEY);
        expect([who, a.items.filter((i) => i.status === 'ACCEPTED').length]).toEqual([who, 2]);
        expect(a.publishedAt).not.toBeNull();
      }
    });

    it('lets only the note-taker and chair minute and raise actions; minutes are read and exported once published', async () => {
      const a = await agenda(CHAIR[scope], series[scope], KEY);
      const item = a.items.find((i) => i.status === 'ACCEPTED')!;
      const input = {
        itemId: item.id,
        notes: 'We looked at the **termly** data.',
        decisions: '- Share the template',
      };
      for (const who of EVERYONE) {
        if (who === CHAIR[scope] || who === NOTE_TAKER[scope]) continue;
        await as[who].fails(MINUTE, { input }, SEES[scope].includes(who) ? 'FORBIDDEN' : 'NOT_FOUND');
      }
      const saved = (await as[NOTE_TAKER[scope]].ok<{ saveItemMinutes: Item }>(MINUTE, { input }))
        .saveItemMinutes;
      expect(saved.notesHtml).toContain('<strong>termly</strong>');
      // Unpublished minutes: chair and note-taker only (read and export).
      for (const who of SEES[scope]) {
        const mine = (await agenda(who, series[scope], KEY)).items.find((i) => i.id === item.id)!;
        const minuter = who === CHAIR[scope] || who === NOTE_TAKER[scope];
        expect([who, mine.notes !== null]).toEqual([who, minuter]);
        expect([who, (await download(who, series[scope], KEY)).status]).toEqual([who, minuter ? 200 : 404]);
      }
      const bystander = SEES[scope].find((w) => w !== CHAIR[scope] && w !== NOTE_TAKER[scope])!;
      await as[bystander].fails(PUBLISH_MINUTES, { s: series[scope], k: KEY }, 'FORBIDDEN');
      await as[CHAIR[scope]].ok(START, { s: series[scope], k: KEY });
      const owner = NOTE_TAKER[scope];
      const action = (
        await as[CHAIR[scope]].ok<{
          addMeetingAction: { id: string; sourceKind: string; sourceLink: string };
        }>(ADD_ACTION, {
          input: {
            seriesId: series[scope],
            key: KEY,
            title: 'Send the template round',
            ownerId: user[owner],
            dueOn: soonAfter(30),
          },
        })
      ).addMeetingAction;
      expect(action.sourceKind).toBe('MEETING');
      expect(action.sourceLink).toBe(`/meetings/${series[scope]}/${KEY}`);
      const outsider = EVERYONE.find((w) => !SEES[scope].includes(w));
      if (outsider)
        await as[CHAIR[scope]].fails(
          ADD_ACTION,
          {
            input: {
              seriesId: series[scope],
              key: KEY,
              title: 'Not for you',
              ownerId: user[outsider],
              dueOn: soonAfter(30),
            },
          },
          'BAD_USER_INPUT',
        );
      await as[CHAIR[scope]].ok(PUBLISH_MINUTES, { s: series[scope], k: KEY });
      for (const who of EVERYONE) {
        const res = await download(who, series[scope], KEY);
        expect([who, res.status]).toEqual([who, SEES[scope].includes(who) ? 200 : 404]);
      }
      await as[NOTE_TAKER[scope]].fails(MINUTE, { input }, 'CONFLICT');
    });
  });

  it('refuses personal data in agenda text unless a reason is given', async () => {
    const input = {
      seriesId: series.network,
      key: KEY,
      title: 'Tom Smith, Year 4, EHCP review',
      purpose: 'DISCUSS',
      minutes: 10,
    };
    await as.sencoHolyCross.fails(PROPOSE, { input }, 'PERSONAL_DATA');
  });

  it('links only library resources and threads the proposer may see, and shows total time against the length', async () => {
    const unseen = await t.sql<{ id: string }>(
      `SELECT id FROM library_resources WHERE share_scope = 'TRUST' AND trust_id <> $1 LIMIT 1`,
      [act],
    );
    for (const resourceId of ['00000000-0000-4000-8000-000000000000', ...unseen.map((r) => r.id)])
      await as.sencoHolyFamily.fails(
        PROPOSE,
        {
          input: {
            seriesId: series.network,
            key: '2027-02-10',
            title: 'Another trust’s resource',
            purpose: 'INFORM',
            minutes: 5,
            resourceId,
          },
        },
        'BAD_USER_INPUT',
      );
    const [published] = await t.sql<{ id: string }>(
      `SELECT id FROM library_resources WHERE status = 'PUBLISHED' AND share_scope = 'NETWORK' LIMIT 1`,
    );
    const item = await propose('sendLead', series.network, '2027-02-10', {
      minutes: 50,
      resourceId: published?.id ?? null,
    });
    if (published) expect(item.status).toBe('ACCEPTED');
    await propose('sendLead', series.network, '2027-02-10', { minutes: 20 });
    const a = await agenda('sendLead', series.network, '2027-02-10');
    // 50 + 20, and the 5-minute approval of the last meeting's minutes (published above).
    expect(a.timing).toEqual({ totalMinutes: 75, meetingMinutes: 60, overMinutes: 15, over: true });
    const changed = (
      await as.sendLead.ok<{ updateAgendaItem: Item }>(UPDATE, { input: { id: item.id, minutes: 30 } })
    ).updateAgendaItem;
    expect(changed.minutes).toBe(30);
    expect((await agenda('sendLead', series.network, '2027-02-10')).timing.over).toBe(false);
  });

  it('opens the next meeting of a series with the approval of the last minutes, and carries unfinished actions forward until done', async () => {
    const first = await agenda('sendLead', series.network, KEY);
    expect(first.minutesPublishedAt).not.toBeNull();
    const raised = first.actions.find((x) => x.title === 'Send the template round')!;
    expect(raised.sourceLabel).toContain('network meeting');
    await as.sendLead.ok(PUBLISH, { s: series.network, k: '2027-02-10' });
    const second = await agenda('sencoHolyFamily', series.network, '2027-02-10');
    const approval = second.items[0]!;
    expect(approval).toMatchObject({
      title: 'Minutes of the last meeting',
      status: 'ACCEPTED',
      approvesMinutesOf: first.occurrenceId,
    });
    expect(second.items.filter((i) => i.approvesMinutesOf)).toHaveLength(1);
    expect(second.carriedForward.map((x) => x.id)).toEqual([raised.id]);
    const third = await agenda('sencoHolyFamily', series.network, '2027-02-17');
    expect(third.carriedForward.map((x) => x.id)).toEqual([raised.id]);
    // The third has no approval item: the second's minutes are not published.
    expect(third.items.filter((i) => i.approvesMinutesOf)).toHaveLength(0);
    // Not shown to someone who sees the meeting but is not invited to it.
    expect((await agenda('staffHolyFamily', series.network, '2027-02-17')).carriedForward).toEqual([]);
    await as.sencoHolyFamily.ok(UPDATE_ACTION, { input: { id: raised.id, status: 'DONE' } });
    expect((await agenda('sencoHolyFamily', series.network, '2027-02-17')).carriedForward).toEqual([]);
  });

  it('sends the current item and its start instant to every socket in the meeting room', async () => {
    const key = '2027-02-24';
    const item = await propose('sendLead', series.network, key, { title: 'Live item', minutes: 15 });
    const second = await propose('sendLead', series.network, key, { title: 'Second live item', minutes: 5 });
    const a = await agenda('sencoStBernadettes', series.network, key);
    const stream = meetingStream(a.occurrenceId);
    const sockets = await Promise.all(
      (['sencoStBernadettes', 'leaderChristus'] as Who[]).map((w) =>
        connected(openSocket(t.url, { cookie: as[w].cookie })),
      ),
    );
    try {
      for (const s of sockets)
        expect(
          await request<StreamSubscribeAck>(s, SocketEvent.StreamSubscribe, { stream, after: 0 }),
        ).toMatchObject({ ok: true });
      // Only the server writes.
      expect(
        await request(sockets[0]!, SocketEvent.StreamSend, {
          stream,
          clientId: 'c1',
          body: { type: 'agenda' },
        }),
      ).toMatchObject({ ok: false });
      const waiting = sockets.map((s) => next<StreamItem>(s, SocketEvent.StreamItem, 5_000));
      const started = (await as.sendLead.ok<{ startMeeting: Agenda }>(START, { s: series.network, k: key }))
        .startMeeting;
      expect(started.currentItemId).toBe(item.id);
      for (const got of await Promise.all(waiting))
        expect(got?.body).toEqual({
          type: 'live',
          startedAt: started.startedAt,
          endedAt: null,
          currentItemId: item.id,
          currentItemStartedAt: started.currentItemStartedAt,
          currentItemMinutes: 15,
        });
      const moving = next<StreamItem>(sockets[1]!, SocketEvent.StreamItem, 5_000);
      await as.sencoHolyFamily.fails(CURRENT, { s: series.network, k: key, i: second.id }, 'FORBIDDEN');
      const moved = (
        await as.sendLead.ok<{ setCurrentAgendaItem: Agenda }>(CURRENT, {
          s: series.network,
          k: key,
          i: second.id,
        })
      ).setCurrentAgendaItem;
      expect((await moving)?.body).toMatchObject({
        currentItemId: second.id,
        currentItemMinutes: 5,
        currentItemStartedAt: moved.currentItemStartedAt,
      });
      const ending = next<StreamItem>(sockets[0]!, SocketEvent.StreamItem, 5_000);
      await as.sendLead.ok(END, { s: series.network, k: key });
      expect((await ending)?.body).toMatchObject({ type: 'live', currentItemId: null });
    } finally {
      for (const s of sockets) s.disconnect();
    }
    // A trust meeting's room is closed to the other trust.
    const trustOcc = (await agenda('leaderAssisi', series.trust, KEY)).occurrenceId;
    const other = await connected(openSocket(t.url, { cookie: as.leaderChristus.cookie }));
    try {
      expect(
        await request(other, SocketEvent.StreamSubscribe, { stream: meetingStream(trustOcc), after: 0 }),
      ).toMatchObject({ ok: false });
    } finally {
      other.disconnect();
    }
  });

  it('exports the minutes as a .docx that LibreOffice opens', async () => {
    const res = await download('sencoHolyCross', series.network, KEY);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('wordprocessingml');
    const bytes = Buffer.from(await res.arrayBuffer());
    const doc = (await unzip(bytes)).get('word/document.xml')!.toString();
    expect(doc).toContain('Minutes: network meeting');
    expect(doc).toContain('Send the template round');
    const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => existsSync(p));
    if (!soffice) {
      if (process.env['CI'] === 'true')
        throw new Error('LibreOffice (soffice) is needed in CI to check the .docx export.');
      return;
    }
    const dir = mkdtempSync(join(tmpdir(), 'lantern-minutes-'));
    try {
      writeFileSync(join(dir, 'minutes.docx'), bytes);
      execFileSync(
        soffice,
        [
          `-env:UserInstallation=file://${join(dir, 'profile')}`,
          '--headless',
          '--convert-to',
          'pdf',
          '--outdir',
          dir,
          join(dir, 'minutes.docx'),
        ],
        {
          timeout: 150_000,
          stdio: 'pipe',
        },
      );
      expect(readFileSync(join(dir, 'minutes.pdf')).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);

  it('sends a "due soon" reminder that would fall in half term on the last school day before it', async () => {
    const [term] = await t.sql<{ hs: string }>(
      `SELECT t.half_term_starts::text AS hs FROM terms t JOIN schools s ON s.local_authority_id = t.local_authority_id
        WHERE s.id = $1 AND t.half_term_starts > now() + interval '3 days'
        ORDER BY t.half_term_starts LIMIT 1`,
      [holyFamily],
    );
    expect(term).toBeDefined();
    // Due on the third day of half term: the plain reminder day (two days before) is its first day.
    const due = addDays(term!.hs, 2);
    const weekend = (d: string) => [0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay());
    let lastSchoolDay = addDays(term!.hs, -1);
    while (weekend(lastSchoolDay)) lastSchoolDay = addDays(lastSchoolDay, -1);
    const [occ] = await t.sql<{ id: string }>(
      `SELECT id FROM meeting_occurrences WHERE series_id = $1 AND key = $2`,
      [series.network, KEY],
    );
    const [a] = await t.sql<{ id: string }>(
      `INSERT INTO actions (source_kind, source_id, title, owner_id, due_on, created_by)
       VALUES ('MEETING', $1, 'Half-term reminder check', $2, $3, $2) RETURNING id`,
      [occ!.id, user.sencoHolyFamily, due],
    );
    const sent = async () =>
      (
        await t.sql<{ n: number }>(
          `SELECT count(*)::int AS n FROM notifications WHERE recipient_id = $1 AND kind = 'ACTION_DUE_SOON' AND title LIKE '%network meeting%'
            AND created_at > now() - interval '1 minute'`,
          [user.sencoHolyFamily],
        )
      )[0]!.n;
    const reminders = t.app.get(ActionRemindersService);
    const noon = (date: string) => new Date(`${date}T12:00:00Z`);
    await reminders.remind(noon(addDays(lastSchoolDay, -1)));
    expect(await sent()).toBe(0);
    await reminders.remind(noon(lastSchoolDay));
    expect(await sent()).toBe(1);
    const [row] = await t.sql<{ reminded: boolean }>(
      'SELECT reminded_soon_at IS NOT NULL AS reminded FROM actions WHERE id = $1',
      [a!.id],
    );
    expect(row!.reminded).toBe(true);
  });
});
