import * as nodeIcal from 'node-ical';
import { DEMO, GqlClient, TestApp, startTestApp } from './support/test-app';
import { installQueryCounter, queryCountFor } from './support/query-counter';

installQueryCounter();

const SERIES_FIELDS = `id title scopeKind revision sequence splitFrom firstDate startTime minutes until count
  recurrence { kind interval week dates } chair { id displayName } guests { id } hostSchools { id name localAuthorityName }
  myRsvp canManage canMinute canTakePart cancelledAt`;
const OCC_FIELDS = `seriesId key occurrenceId title startsAt endsAt minutes cancelled changed mode location
  host { id name } hostSkipped myRsvp rsvpCounts { inPerson online apologies } canManage`;
const CREATE = `mutation($input: CreateMeetingInput!) { createMeeting(input: $input) { ${SERIES_FIELDS} } }`;
const UPDATE = `mutation($input: UpdateMeetingSeriesInput!) { updateMeetingSeries(input: $input) { ${SERIES_FIELDS} } }`;
const SERIES = `query($id: ID!) { meetingSeries(id: $id) { ${SERIES_FIELDS} } }`;
const OCC = `query($s: ID!, $k: String!) { meetingOccurrence(seriesId: $s, key: $k) { ${OCC_FIELDS} } }`;
const MINE = `query($from: String!, $to: String!, $first: Int) { myMeetings(from: $from, to: $to, first: $first) {
  totalCount hasNextPage nodes { ${OCC_FIELDS} } } }`;
const EDIT = `mutation($input: EditOccurrenceInput!) { editOccurrence(input: $input) { ${OCC_FIELDS} } }`;
const CANCEL_OCC = `mutation($s: ID!, $k: String!) { cancelOccurrence(seriesId: $s, key: $k) { ${OCC_FIELDS} } }`;
const RSVP = `mutation($s: ID!, $k: String!, $a: RsvpAnswer) { rsvpOccurrence(seriesId: $s, key: $k, answer: $a) { ${OCC_FIELDS} } }`;
const RSVP_SERIES = `mutation($s: ID!, $a: RsvpAnswer) { rsvpSeries(seriesId: $s, answer: $a) { id myRsvp } }`;

type Series = {
  id: string; title: string; revision: number; sequence: number; splitFrom: string | null; until: string | null;
  canManage: boolean; hostSchools: Array<{ id: string; name: string }>;
};
type Occ = {
  seriesId: string; key: string; startsAt: string; endsAt: string; cancelled: boolean; changed: boolean; minutes: number;
  title: string; location: string | null; host: { id: string; name: string } | null; myRsvp: string | null;
  rsvpCounts: { inPerson: number; online: number; apologies: number };
};

const london = (iso: string) =>
  new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit' }).format(new Date(iso));

function events(text: string): nodeIcal.VEvent[] {
  return Object.values(nodeIcal.sync.parseICS(text)).filter((c): c is nodeIcal.VEvent => c?.type === 'VEVENT');
}

describe('meetings', () => {
  let t: TestApp;
  const as: Record<string, GqlClient> = {};
  const user = new Map<string, string>();
  let act: string;
  let holyFamily: string;
  let holyCross: string;

  const base = (over: Record<string, unknown> = {}) => ({
    title: 'Meeting',
    mode: 'ONLINE',
    onlineLink: 'https://meet.example.org/x',
    firstDate: '2027-01-13',
    startTime: '09:30',
    minutes: 60,
    recurrence: { kind: 'NONE' },
    ...over,
  });
  const create = async (who: string, over: Record<string, unknown>) =>
    (await as[who]!.ok<{ createMeeting: Series }>(CREATE, { input: base({ scopeKind: 'NETWORK', ...over }) })).createMeeting;
  const get = (c: GqlClient, path: string) =>
    fetch(`${t.url}${path}`, { headers: c.cookie ? { cookie: c.cookie } : {} });

  beforeAll(async () => {
    t = await startTestApp();
    for (const [k, email] of Object.entries(DEMO)) as[k] = await t.signedIn(email);
    for (const r of await t.sql<{ id: string; email: string }>('SELECT id, email FROM users')) user.set(r.email, r.id);
    act = (await t.sql<{ id: string }>(`SELECT id FROM trusts WHERE short_name = 'ACT'`))[0]!.id;
    holyFamily = (await t.sql<{ id: string }>(`SELECT id FROM schools WHERE name = 'Holy Family Primary'`))[0]!.id;
    holyCross = (await t.sql<{ id: string }>(`SELECT id FROM schools WHERE name = 'Holy Cross Primary'`))[0]!.id;
  }, 120_000);
  afterAll(() => t?.close());

  it('seeds term dates for every local authority and a termly network SENCO meeting everyone sees', async () => {
    const [la] = await t.sql<{ id: string }>('SELECT id FROM local_authorities LIMIT 1');
    const terms = await as['staffHolyFamily']!.ok<{ termDates: { source: string; terms: Array<{ name: string; halfTermStarts: string }> } }>(
      `query($la: ID) { termDates(localAuthorityId: $la) { source terms { name starts ends halfTermStarts halfTermEnds } } }`,
      { la: la!.id },
    );
    expect(terms.termDates.terms.map((x) => x.name)).toEqual(['Autumn term', 'Spring term', 'Summer term']);
    expect(terms.termDates.terms.every((x) => !!x.halfTermStarts)).toBe(true);
    const [demo] = await t.sql<{ id: string }>(`SELECT id FROM meeting_series WHERE title = 'Network SENCO meeting'`);
    for (const who of Object.keys(DEMO)) {
      const s = await as[who]!.ok<{ meetingSeries: Series & { recurrence: { kind: string; dates: string[] } } }>(SERIES, { id: demo!.id });
      expect(s.meetingSeries.recurrence.kind).toBe('DATES');
      expect(s.meetingSeries.recurrence.dates).toHaveLength(3);
      expect(s.meetingSeries.hostSchools).toHaveLength(3);
    }
  });

  describe('scopes under every demo role', () => {
    let network: Series;
    let trust: Series;
    let school: Series;
    beforeAll(async () => {
      network = await create('sendLead', { title: 'Network planning', firstDate: '2027-02-03' });
      trust = await create('leaderAssisi', { title: 'Assisi SEND leads', scopeKind: 'TRUST', trustId: act, firstDate: '2027-02-04' });
      school = await create('sencoHolyFamily', { title: 'Holy Family SEN review', scopeKind: 'SCHOOL', schoolId: holyFamily, firstDate: '2027-02-05' });
    });
    const SEES: Record<string, [boolean, boolean, boolean]> = {
      admin: [true, false, false],
      sendLead: [true, true, true],
      leaderAssisi: [true, true, true],
      leaderChristus: [true, false, false],
      headHolyFamily: [true, true, true],
      sencoHolyFamily: [true, true, true],
      sencoHolyCross: [true, false, false],
      sencoStJosephsAct: [true, true, false],
      sendLeadMagnificat: [true, false, false],
      sencoStBernadettes: [true, false, false],
      staffHolyFamily: [true, true, true],
    };

    it('organise only where canOrganiseMeeting allows', async () => {
      await as['sencoHolyFamily']!.fails(CREATE, { input: base({ scopeKind: 'NETWORK' }) }, 'FORBIDDEN');
      await as['leaderChristus']!.fails(CREATE, { input: base({ scopeKind: 'TRUST', trustId: act }) }, 'FORBIDDEN');
      await as['staffHolyFamily']!.fails(CREATE, { input: base({ scopeKind: 'SCHOOL', schoolId: holyFamily }) }, 'FORBIDDEN');
      await as['sencoHolyCross']!.fails(CREATE, { input: base({ scopeKind: 'SCHOOL', schoolId: holyFamily }) }, 'FORBIDDEN');
      const bad = await as['sendLead']!.fails(CREATE, { input: base({ scopeKind: 'NETWORK', recurrence: { kind: 'WEEKLY', interval: 3 } }) }, 'BAD_USER_INPUT');
      expect(bad.error.message).toBe('Choose weekly or fortnightly.');
      const month = await as['sendLead']!.fails(
        CREATE,
        { input: base({ scopeKind: 'NETWORK', firstDate: '2027-02-03', recurrence: { kind: 'MONTHLY_WEEKDAY', week: 2 } }) },
        'BAD_USER_INPUT',
      );
      expect(month.error.message).toBe('The first date must fall on the chosen week of its month.');
    });

    it('see, RSVP and edit per role; another trust gets NOT_FOUND', async () => {
      for (const [who, sees] of Object.entries(SEES)) {
        for (const [i, s] of [network, trust, school].entries()) {
          const r = await as[who]!.gql<{ meetingSeries: Series }>(SERIES, { id: s.id });
          if (sees[i]) expect([who, i, r.data?.meetingSeries.id]).toEqual([who, i, s.id]);
          else expect([who, i, r.errors?.[0]?.extensions?.code]).toEqual([who, i, 'NOT_FOUND']);
          const listed = await as[who]!.ok<{ myMeetings: { nodes: Occ[] } }>(MINE, { from: '2027-02-01', to: '2027-02-07', first: 100 });
          expect([who, i, listed.myMeetings.nodes.some((n) => n.seriesId === s.id)]).toEqual([who, i, sees[i]]);
        }
      }
      // RSVP: invitees only (staff see the school meeting but are not invited to it).
      const ok = await as['headHolyFamily']!.ok<{ rsvpOccurrence: Occ }>(RSVP, { s: school.id, k: '2027-02-05', a: 'ONLINE' });
      expect(ok.rsvpOccurrence.myRsvp).toBe('ONLINE');
      expect(ok.rsvpOccurrence.rsvpCounts.online).toBe(1);
      await as['staffHolyFamily']!.fails(RSVP, { s: school.id, k: '2027-02-05', a: 'ONLINE' }, 'FORBIDDEN');
      await as['sencoHolyCross']!.fails(RSVP, { s: trust.id, k: '2027-02-04', a: 'ONLINE' }, 'NOT_FOUND');
      await as['sencoHolyFamily']!.fails(RSVP, { s: school.id, k: '2027-02-05', a: 'IN_PERSON' }, 'BAD_USER_INPUT');
      // Edit: the chair or organiser only.
      const edit = { seriesId: trust.id, key: '2027-02-04', scope: 'THIS', startTime: '10:00' };
      await as['sencoHolyFamily']!.fails(EDIT, { input: edit }, 'FORBIDDEN');
      await as['leaderChristus']!.fails(EDIT, { input: edit }, 'NOT_FOUND');
      const moved = await as['leaderAssisi']!.ok<{ editOccurrence: Occ }>(EDIT, { input: edit });
      expect(london(moved.editOccurrence.startsAt)).toBe('10:00');
      // A named guest from the other trust then sees the trust meeting.
      await as['leaderAssisi']!.ok(UPDATE, {
        input: { ...base({ title: 'Assisi SEND leads', firstDate: '2027-02-04' }), id: trust.id, revision: trust.revision, guestIds: [user.get(DEMO.sencoHolyCross)] },
      });
      await as['sencoHolyCross']!.ok(SERIES, { id: trust.id });
      // A stale revision is a conflict.
      await as['leaderAssisi']!.fails(UPDATE, { input: { ...base({ firstDate: '2027-02-04' }), id: trust.id, revision: trust.revision } }, 'CONFLICT');
    });

    it('downloads .ics only for those who may see the meeting', async () => {
      const res = await get(as['sencoHolyFamily']!, `/api/meetings/series/${school.id}.ics`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/calendar/);
      expect(res.headers.get('content-disposition')).toContain('holy-family-sen-review.ics');
      expect((await get(as['sencoHolyCross']!, `/api/meetings/series/${school.id}.ics`)).status).toBe(404);
      expect((await get(t.client(), `/api/meetings/series/${school.id}.ics`)).status).toBe(401);
      const one = await get(as['sendLead']!, `/api/meetings/occurrences/${school.id}/2027-02-05.ics`);
      expect(one.status).toBe(200);
      const [ev] = events(await one.text());
      expect(ev!.uid).toMatch(/^2027-02-05-/);
    });
  });

  describe('series across the clock changes, exceptions and this-and-following', () => {
    let s: Series;
    beforeAll(async () => {
      s = await create('sendLead', {
        title: 'Spring SENCO clinic',
        firstDate: '2027-03-17',
        recurrence: { kind: 'WEEKLY', interval: 1 },
        until: '2027-11-10',
      });
    });
    const occurrences = async (from: string, to: string, who = 'sendLead') =>
      (await as[who]!.ok<{ myMeetings: { nodes: Occ[] } }>(MINE, { from, to, first: 100 })).myMeetings.nodes.filter(
        (n) => n.title.startsWith('Spring SENCO clinic'),
      );

    it('keeps 09:30 in London across both changes', async () => {
      const spring = await occurrences('2027-03-17', '2027-04-07');
      expect(spring.map((o) => o.key)).toEqual(['2027-03-17', '2027-03-24', '2027-03-31', '2027-04-07']);
      expect(spring.map((o) => o.startsAt)).toEqual([
        '2027-03-17T09:30:00.000Z', '2027-03-24T09:30:00.000Z', '2027-03-31T08:30:00.000Z', '2027-04-07T08:30:00.000Z',
      ]);
      const autumn = await occurrences('2027-10-20', '2027-11-10');
      expect(autumn.map((o) => o.startsAt)).toEqual([
        '2027-10-20T08:30:00.000Z', '2027-10-27T08:30:00.000Z', '2027-11-03T09:30:00.000Z', '2027-11-10T09:30:00.000Z',
      ]);
      expect([...spring, ...autumn].every((o) => london(o.startsAt) === '09:30')).toBe(true);
    });

    it('an exception (THIS) and a cancellation survive a later edit of the series', async () => {
      const moved = await as['sendLead']!.ok<{ editOccurrence: Occ }>(EDIT, {
        input: { seriesId: s.id, key: '2027-03-31', scope: 'THIS', date: '2027-04-01', startTime: '11:00', minutes: 45, location: 'Library' },
      });
      expect(moved.editOccurrence).toMatchObject({ key: '2027-03-31', changed: true, minutes: 45, location: 'Library' });
      expect(moved.editOccurrence.startsAt).toBe('2027-04-01T10:00:00.000Z');
      await as['sendLead']!.ok(CANCEL_OCC, { s: s.id, k: '2027-04-07' });
      const current = (await as['sendLead']!.ok<{ meetingSeries: Series }>(SERIES, { id: s.id })).meetingSeries;
      const updated = await as['sendLead']!.ok<{ updateMeetingSeries: Series }>(UPDATE, {
        input: {
          ...base({ title: 'Spring SENCO clinic (new time)', firstDate: '2027-03-17', startTime: '10:00', recurrence: { kind: 'WEEKLY', interval: 1 }, until: '2027-11-10' }),
          id: s.id,
          revision: current.revision,
        },
      });
      expect(updated.updateMeetingSeries.sequence).toBeGreaterThan(current.sequence);
      const after = await occurrences('2027-03-24', '2027-04-14');
      expect(after.map((o) => [o.key, london(o.startsAt), o.cancelled])).toEqual([
        ['2027-03-24', '10:00', false],
        ['2027-03-31', '11:00', false],
        ['2027-04-07', '10:00', true],
        ['2027-04-14', '10:00', false],
      ]);
      s = updated.updateMeetingSeries;
    });

    it('writes the series .ics with TZID, RRULE, EXDATE, RECURRENCE-ID and SEQUENCE, parsed back with node-ical', async () => {
      const res = await get(as['sencoHolyCross']!, `/api/meetings/series/${s.id}.ics`);
      expect(res.status).toBe(200);
      const text = await res.text();
      expect(text).toContain('METHOD:PUBLISH');
      expect(text).toMatch(/DTSTART;TZID=Europe\/London:20270317T100000/);
      expect(text).toMatch(/RRULE:FREQ=WEEKLY;INTERVAL=1;BYDAY=WE;UNTIL=20271110T235900Z/);
      expect(text).toMatch(/EXDATE;TZID=Europe\/London:20270407T100000/);
      expect(text).toMatch(/RECURRENCE-ID;TZID=Europe\/London:20270331T100000/);
      const evs = events(text);
      const master = evs.find((e) => !e.recurrenceid)!;
      expect(master.rrule?.toString()).toContain('FREQ=WEEKLY');
      expect((master.start as unknown as { tz: string }).tz).toBe('Europe/London');
      expect(Number(master.sequence)).toBe(s.sequence);
      // node-ical keys each EXDATE more than once (by date and by instant).
      const exdates = new Set(Object.values(master.exdate ?? {}).map((d) => (d as Date).toISOString()));
      expect([...exdates]).toEqual(['2027-04-07T09:00:00.000Z']);
      const override = (Object.values(master.recurrences ?? {})[0] ?? evs.find((e) => e.recurrenceid)) as
        | nodeIcal.VEvent
        | undefined;
      expect((override!.start as Date).toISOString()).toBe('2027-04-01T10:00:00.000Z');
      expect(override!.location).toBe('Library');
    });

    it('this and following: the old series ends the day before; the new one takes later rows and RSVPs', async () => {
      await as['sencoHolyFamily']!.ok(RSVP, { s: s.id, k: '2027-05-05', a: 'ONLINE' });
      await as['sencoHolyFamily']!.ok(RSVP_SERIES, { s: s.id, a: 'ONLINE' });
      await as['sencoHolyCross']!.ok(RSVP, { s: s.id, k: '2027-04-14', a: 'APOLOGIES' });
      const split = await as['sendLead']!.ok<{ editOccurrence: Occ }>(EDIT, {
        input: { seriesId: s.id, key: '2027-04-28', scope: 'THIS_AND_FOLLOWING', startTime: '14:00', title: 'Summer SENCO clinic' },
      });
      const newId = split.editOccurrence.seriesId;
      expect(newId).not.toBe(s.id);
      expect(london(split.editOccurrence.startsAt)).toBe('14:00');
      const old = (await as['sendLead']!.ok<{ meetingSeries: Series }>(SERIES, { id: s.id })).meetingSeries;
      expect(old.until).toBe('2027-04-27');
      const fresh = (await as['sendLead']!.ok<{ meetingSeries: Series & { myRsvp: string } }>(SERIES, { id: newId })).meetingSeries;
      expect(fresh.splitFrom).toBe(s.id);
      const may = await as['sencoHolyFamily']!.ok<{ meetingOccurrence: Occ }>(OCC, { s: newId, k: '2027-05-05' });
      expect(may.meetingOccurrence.myRsvp).toBe('ONLINE');
      expect(london(may.meetingOccurrence.startsAt)).toBe('14:00');
      const before = await as['sencoHolyCross']!.ok<{ meetingOccurrence: Occ }>(OCC, { s: s.id, k: '2027-04-14' });
      expect(before.meetingOccurrence.myRsvp).toBe('APOLOGIES');
      await as['sendLead']!.fails(OCC, { s: s.id, k: '2027-05-05' }, 'NOT_FOUND');
    });
  });

  it('hosts in turn, skippable; the host school sees who comes in person; attendance afterwards', async () => {
    const s = await create('sendLead', {
      title: 'Hosted network meeting',
      mode: 'HYBRID',
      location: 'Hall',
      firstDate: '2026-10-07',
      recurrence: { kind: 'WEEKLY', interval: 2 },
      count: 6,
      noteTakerId: user.get(DEMO.sencoHolyFamily),
    });
    await as['sencoHolyFamily']!.fails(
      `mutation($s: ID!, $ids: [ID!]!) { setHostRotation(seriesId: $s, schoolIds: $ids) { id } }`,
      { s: s.id, ids: [holyFamily] },
      'FORBIDDEN',
    );
    await as['sendLead']!.ok(`mutation($s: ID!, $ids: [ID!]!) { setHostRotation(seriesId: $s, schoolIds: $ids) { id } }`, {
      s: s.id,
      ids: [holyFamily, holyCross],
    });
    await as['sendLead']!.ok(`mutation($s: ID!, $k: String!) { skipHost(seriesId: $s, key: $k, skipped: true) { key } }`, {
      s: s.id,
      k: '2026-10-21',
    });
    const list = (await as['sendLead']!.ok<{ myMeetings: { nodes: Occ[] } }>(MINE, { from: '2026-10-01', to: '2026-12-31', first: 100 })).myMeetings.nodes
      .filter((n) => n.seriesId === s.id);
    expect(list.map((o) => o.host?.name ?? null)).toEqual([
      'Holy Family Primary', null, 'Holy Cross Primary', 'Holy Family Primary', 'Holy Cross Primary', 'Holy Family Primary',
    ]);
    await as['sencoHolyCross']!.ok(RSVP, { s: s.id, k: '2026-10-07', a: 'IN_PERSON' });
    await as['sencoStBernadettes']!.ok(RSVP, { s: s.id, k: '2026-10-07', a: 'ONLINE' });
    const ATT = `query($s: ID!, $k: String!) { meetingAttendees(seriesId: $s, key: $k) { person { id } answer attended schools { name localAuthorityName } } }`;
    const hostView = await as['headHolyFamily']!.ok<{ meetingAttendees: Array<{ answer: string; schools: Array<{ name: string; localAuthorityName: string }> }> }>(ATT, { s: s.id, k: '2026-10-07' });
    expect(hostView.meetingAttendees).toEqual([
      { person: { id: user.get(DEMO.sencoHolyCross) }, answer: 'IN_PERSON', attended: null, schools: [{ name: 'Holy Cross Primary', localAuthorityName: 'Thurrock' }] },
    ]);
    await as['sencoStBernadettes']!.fails(ATT, { s: s.id, k: '2026-10-07' }, 'FORBIDDEN');
    const REC = `mutation($input: RecordAttendanceInput!) { recordAttendance(input: $input) { person { id } attended } }`;
    await as['sencoHolyCross']!.fails(REC, { input: { seriesId: s.id, key: '2026-10-07', entries: [] } }, 'FORBIDDEN');
    const rec = await as['sencoHolyFamily']!.ok<{ recordAttendance: Array<{ person: { id: string }; attended: boolean }> }>(REC, {
      input: { seriesId: s.id, key: '2026-10-07', entries: [{ userId: user.get(DEMO.sencoHolyCross), attended: true }] },
    });
    expect(rec.recordAttendance).toContainEqual({ person: { id: user.get(DEMO.sencoHolyCross) }, attended: true });
    const balance = await as['sendLead']!.ok<{ meetingModeBalance: { period: string; hybrid: number } }>(
      `query($s: ID!) { meetingModeBalance(seriesId: $s, on: "2026-10-07") { period from to inPerson online hybrid } }`,
      { s: s.id },
    );
    expect(balance.meetingModeBalance.period).toBe('Autumn term');
    expect(balance.meetingModeBalance.hybrid).toBe(6);
  });

  it('term dates: the network admin for a local authority; a school may set its own and go back', async () => {
    const SET = `mutation($input: SetTermsInput!) { setTerms(input: $input) { source terms { name } } }`;
    const Q = `query($s: ID) { termDates(schoolId: $s) { source terms { name } } }`;
    const [la] = await t.sql<{ id: string }>('SELECT local_authority_id AS id FROM schools WHERE id = $1', [holyFamily]);
    const terms = [{ name: 'Autumn', starts: '2027-09-02', ends: '2027-12-17', halfTermStarts: '2027-10-25', halfTermEnds: '2027-10-29' }];
    await as['sencoHolyFamily']!.fails(SET, { input: { localAuthorityId: la!.id, terms } }, 'FORBIDDEN');
    await as['admin']!.ok(SET, { input: { localAuthorityId: la!.id, terms } });
    expect((await as['staffHolyFamily']!.ok<{ termDates: { source: string } }>(Q, { s: holyFamily })).termDates.source).toBe('LOCAL_AUTHORITY');
    const bad = await as['sencoHolyFamily']!.fails(
      SET,
      { input: { schoolId: holyFamily, terms: [{ ...terms[0], halfTermStarts: '2027-12-20', halfTermEnds: '2027-12-21' }] } },
      'BAD_USER_INPUT',
    );
    expect(bad.error.message).toBe("Autumn's half term lies outside the term.");
    await as['sencoHolyCross']!.fails(SET, { input: { schoolId: holyFamily, terms } }, 'FORBIDDEN');
    const own = await as['sencoHolyFamily']!.ok<{ setTerms: { source: string } }>(SET, { input: { schoolId: holyFamily, terms } });
    expect(own.setTerms.source).toBe('SCHOOL');
    const back = await as['headHolyFamily']!.ok<{ setTerms: { source: string } }>(SET, { input: { schoolId: holyFamily, terms: [] } });
    expect(back.setTerms.source).toBe('LOCAL_AUTHORITY');
  });

  it('emails invitations, updates and cancellations with the .ics (same UID, higher SEQUENCE, RSVP=FALSE)', async () => {
    const s = await create('sencoHolyFamily', { title: 'Holy Family planning', scopeKind: 'SCHOOL', schoolId: holyFamily, firstDate: '2027-06-09' });
    await as['sencoHolyFamily']!.ok(`mutation($id: ID!) { cancelSeries(id: $id) { id cancelledAt } }`, { id: s.id });
    const mail = await t.sql<{ to_address: string; subject: string; attachments: Array<{ filename: string; contentType: string; content: string }> }>(
      `SELECT to_address, subject, attachments FROM outbox_messages WHERE subject LIKE '%Holy Family planning' ORDER BY created_at`,
    );
    const invites = mail.filter((x) => x.subject === 'Invitation: Holy Family planning');
    const cancels = mail.filter((x) => x.subject === 'Cancelled: Holy Family planning');
    expect(invites.map((x) => x.to_address).sort()).toEqual(
      [DEMO.headHolyFamily, DEMO.sencoHolyFamily, DEMO.sendLead].sort(),
    );
    expect(cancels).toHaveLength(3);
    const invite = invites[0]!.attachments[0]!;
    expect(invite.contentType).toContain('method=REQUEST');
    expect(invite.content).toContain('METHOD:REQUEST');
    expect(invite.content).toContain('RSVP=FALSE');
    const cancel = cancels[0]!.attachments[0]!.content;
    expect(cancel).toContain('METHOD:CANCEL');
    const [inv] = events(invite.content);
    const [can] = events(cancel);
    expect(can!.uid).toBe(inv!.uid);
    expect(Number(can!.sequence)).toBeGreaterThan(Number(inv!.sequence));
    expect(can!.status).toBe('CANCELLED');
  });

  it('the personal feed: only what its owner may see, busy supervision time, ETag 304, revoked refused', async () => {
    await create('sencoHolyFamily', { title: 'Holy Family only', scopeKind: 'SCHOOL', schoolId: holyFamily, firstDate: '2027-01-20', description: 'Private agenda text' });
    const REGEN = `mutation { regenerateCalendarFeed { url } }`;
    const cross = (await as['sencoHolyCross']!.ok<{ regenerateCalendarFeed: { url: string } }>(REGEN)).regenerateCalendarFeed.url;
    const family = (await as['sencoHolyFamily']!.ok<{ regenerateCalendarFeed: { url: string } }>(REGEN)).regenerateCalendarFeed.url;
    const path = (u: string) => new URL(u).pathname;
    expect(path(cross)).toMatch(/^\/api\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    const token = path(cross).split('/').pop()!.slice(0, -4);
    const [stored] = await t.sql<{ token_hash: string }>('SELECT token_hash FROM calendar_feeds WHERE user_id = $1', [user.get(DEMO.sencoHolyCross)]);
    expect(stored!.token_hash).not.toContain(token);

    const familyFeed = await fetch(`${t.url}${path(family)}`);
    expect(familyFeed.status).toBe(200);
    const familyText = await familyFeed.text();
    expect(familyText).toContain('SUMMARY:Holy Family only');
    expect(familyText).not.toContain('Private agenda text');

    const crossFeed = await fetch(`${t.url}${path(cross)}`);
    const crossText = await crossFeed.text();
    expect(crossText).toContain('SUMMARY:Network SENCO meeting');
    expect(crossText).not.toContain('Holy Family only');
    expect(crossText).not.toContain('Holy Family SEN review');
    const etag = crossFeed.headers.get('etag')!;
    expect(etag).toBeTruthy();
    const again = await fetch(`${t.url}${path(cross)}`, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    // A change to a meeting they see moves the ETag.
    await create('sendLead', { title: 'Another network meeting', firstDate: '2027-01-27' });
    expect((await fetch(`${t.url}${path(cross)}`, { headers: { 'if-none-match': etag } })).status).toBe(200);

    // Supervision sessions are busy time, without detail.
    const [session] = await t.sql<{ id: string; title: string }>(
      `SELECT ss.id, ss.title FROM supervision_sessions ss JOIN supervision_participants p ON p.session_id = ss.id
        WHERE p.user_id = $1 AND ss.status IN ('SCHEDULED', 'LIVE') AND ss.starts_at > now() - interval '80 days' LIMIT 1`,
      [user.get(DEMO.sencoHolyFamily)],
    );
    if (session) {
      const text = await (await fetch(`${t.url}${path(family)}`)).text();
      expect(text).toContain(`UID:supervision-${session.id}@lantern`);
      expect(text).toContain('SUMMARY:Busy');
      expect(text).not.toContain(session.title);
    }

    expect((await as['sencoHolyCross']!.ok<{ revokeCalendarFeed: boolean }>(`mutation { revokeCalendarFeed }`)).revokeCalendarFeed).toBe(true);
    expect((await fetch(`${t.url}${path(cross)}`)).status).toBe(404);
    expect((await fetch(`${t.url}/api/calendar/not-a-token.ics`)).status).toBe(404);
    const renewed = (await as['sencoHolyFamily']!.ok<{ regenerateCalendarFeed: { url: string } }>(REGEN)).regenerateCalendarFeed.url;
    expect((await fetch(`${t.url}${path(family)}`)).status).toBe(404);
    expect((await fetch(`${t.url}${path(renewed)}`)).status).toBe(200);
  });

  it('myMeetings takes the same number of statements for 1 and 30 series', async () => {
    const lead = as['sencoStBernadettes']!;
    const statements = async () => {
      const requestId = `meetings-${Date.now()}-${Math.random()}`;
      lead.headers = { 'x-request-id': requestId };
      try {
        await lead.ok(MINE, { from: '2028-01-01', to: '2028-03-31', first: 100 });
      } finally {
        lead.headers = {};
      }
      return queryCountFor(requestId);
    };
    const mct = (await t.sql<{ trust_id: string }>(`SELECT trust_id FROM schools WHERE name = 'St Bernadette''s Primary'`))[0]!.trust_id;
    const insert = (n: number) =>
      t.sql(
        `INSERT INTO meeting_series (scope_kind, trust_id, title, mode, first_date, start_time, minutes, rrule, chair_id, organiser_id, uid)
         SELECT 'TRUST', $1, 'Bulk ' || i, 'ONLINE', '2028-01-05', '16:00', 60, 'FREQ=WEEKLY;INTERVAL=1;BYDAY=WE', $2, $2, 'bulk-' || i || '-' || $3
           FROM generate_series(1, $4::int) i`,
        [mct, user.get(DEMO.sendLeadMagnificat), Date.now(), n],
      );
    await insert(1);
    const one = await statements();
    await insert(29);
    const thirty = await statements();
    expect(one).toBeGreaterThan(0);
    expect(thirty).toBe(one);
  });
});
