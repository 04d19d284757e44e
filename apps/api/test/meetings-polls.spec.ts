import { DEMO, GqlClient, TestApp, startTestApp } from './support/test-app';

type Who = keyof typeof DEMO;
const EVERYONE = Object.keys(DEMO) as Who[];

const POLL_FIELDS = `id title status chosenSlotId seriesId canDecide canAnswer organiser { id }
  slots { id startsAt endsAt yes ifNeedBe no myAnswer }
  invitees { person { id } answers { slotId answer } clashes }`;
const CREATE_POLL = `mutation($input: CreateMeetingPollInput!) { createMeetingPoll(input: $input) { ${POLL_FIELDS} } }`;
const POLL = `query($id: ID!) { meetingPoll(id: $id) { ${POLL_FIELDS} } }`;
const MINE = `query($open: Boolean) { myMeetingPolls(open: $open) { id status } }`;
const ANSWER = `mutation($input: AnswerMeetingPollInput!) { answerMeetingPoll(input: $input) { ${POLL_FIELDS} } }`;
const DECIDE = `mutation($input: DecideMeetingPollInput!) { decideMeetingPoll(input: $input) {
  id title firstDate startTime minutes scopeKind guests { id } organiser { id } } }`;
const CANCEL = `mutation($id: ID!) { cancelMeetingPoll(id: $id) { id status } }`;
const CREATE_MEETING = `mutation($input: CreateMeetingInput!) { createMeeting(input: $input) { id } }`;
const SERIES = `query($id: ID!) { meetingSeries(id: $id) { id title firstDate startTime } }`;

type Poll = {
  id: string;
  status: string;
  chosenSlotId: string | null;
  seriesId: string | null;
  canDecide: boolean;
  canAnswer: boolean;
  slots: Array<{
    id: string;
    startsAt: string;
    yes: number;
    ifNeedBe: number;
    no: number;
    myAnswer: string | null;
  }>;
  invitees: Array<{
    person: { id: string };
    answers: Array<{ slotId: string; answer: string }>;
    clashes: string[];
  }>;
};

/** Who may call a meeting (and so a poll) in each scope (canOrganiseMeeting). */
const ORGANISE: Record<'NETWORK' | 'TRUST' | 'SCHOOL', Who[]> = {
  NETWORK: ['admin', 'sendLead', 'sendLeadMagnificat'],
  TRUST: ['sendLead', 'leaderAssisi'],
  SCHOOL: ['headHolyFamily', 'sencoHolyFamily'],
};

// 10:00 London in GMT (March), and 10:00 London in BST (April, after the clocks go forward).
const SLOT_CLASH = '2027-03-03T10:30:00.000Z';
const SLOT_FREE = '2027-03-04T10:00:00.000Z';
const SLOT_BST = '2027-04-07T09:00:00.000Z';

describe('meetings: finding a time (polls)', () => {
  let t: TestApp;
  const as = {} as Record<Who, GqlClient>;
  const user = {} as Record<Who, string>;
  let act: string;
  let holyFamily: string;
  let poll: Poll;

  beforeAll(async () => {
    t = await startTestApp();
    for (const [k, email] of Object.entries(DEMO)) as[k as Who] = await t.signedIn(email);
    for (const r of await t.sql<{ id: string; email: string }>('SELECT id, email FROM users'))
      for (const [k, email] of Object.entries(DEMO)) if (email === r.email) user[k as Who] = r.id;
    act = (await t.sql<{ id: string }>(`SELECT id FROM trusts WHERE short_name = 'ACT'`))[0]!.id;
    holyFamily = (
      await t.sql<{ id: string }>(`SELECT id FROM schools WHERE name = 'Holy Family Primary'`)
    )[0]!.id;
  }, 120_000);
  afterAll(() => t?.close());

  const input = (scopeKind: 'NETWORK' | 'TRUST' | 'SCHOOL', over: Record<string, unknown> = {}) => ({
    scopeKind,
    trustId: scopeKind === 'TRUST' ? act : null,
    schoolId: scopeKind === 'SCHOOL' ? holyFamily : null,
    title: `Planning (${scopeKind.toLowerCase()})`,
    mode: 'ONLINE',
    minutes: 60,
    slots: [SLOT_CLASH, SLOT_FREE, SLOT_BST],
    inviteeIds: [user.sencoHolyFamily],
    ...over,
  });

  it.each(['NETWORK', 'TRUST', 'SCHOOL'] as const)(
    'lets only those who may call a %s meeting start a poll',
    async (scope) => {
      for (const who of EVERYONE) {
        if (ORGANISE[scope].includes(who)) {
          const p = (await as[who].ok<{ createMeetingPoll: Poll }>(CREATE_POLL, { input: input(scope) }))
            .createMeetingPoll;
          expect([who, p.status, p.canDecide]).toEqual([who, 'OPEN', true]);
          await as[who].ok(CANCEL, { id: p.id });
        } else {
          await as[who].fails(CREATE_POLL, { input: input(scope) }, 'FORBIDDEN');
        }
      }
    },
  );

  it('refuses times in the past and personal data in the title', async () => {
    await as.sendLead.fails(
      CREATE_POLL,
      { input: input('NETWORK', { slots: ['2020-01-01T10:00:00.000Z'] }) },
      'BAD_USER_INPUT',
    );
    await as.sendLead.fails(
      CREATE_POLL,
      { input: input('NETWORK', { title: 'Tom Smith, Year 4, EHCP review' }) },
      'PERSONAL_DATA',
    );
  });

  it('shows the poll to its organiser and the people asked only, who are told', async () => {
    poll = (
      await as.sendLead.ok<{ createMeetingPoll: Poll }>(CREATE_POLL, {
        input: input('NETWORK', {
          inviteeIds: [user.sencoHolyFamily, user.sencoHolyCross, user.staffHolyFamily],
        }),
      })
    ).createMeetingPoll;
    // The organiser answers too.
    expect(poll.invitees.map((i) => i.person.id).sort()).toEqual(
      [user.sendLead, user.sencoHolyFamily, user.sencoHolyCross, user.staffHolyFamily].sort(),
    );
    const asked: Who[] = ['sendLead', 'sencoHolyFamily', 'sencoHolyCross', 'staffHolyFamily'];
    for (const who of EVERYONE) {
      if (asked.includes(who)) {
        const seen = (await as[who].ok<{ meetingPoll: Poll }>(POLL, { id: poll.id })).meetingPoll;
        expect([who, seen.canAnswer, seen.canDecide]).toEqual([who, true, who === 'sendLead']);
        expect(
          (await as[who].ok<{ myMeetingPolls: Array<{ id: string }> }>(MINE, {})).myMeetingPolls.map(
            (p) => p.id,
          ),
        ).toContain(poll.id);
      } else {
        await as[who].fails(POLL, { id: poll.id }, 'NOT_FOUND');
        await as[who].fails(ANSWER, { input: { pollId: poll.id, answers: [] } }, 'NOT_FOUND');
      }
    }
    const told = await t.sql<{ recipient_id: string }>(
      `SELECT recipient_id FROM notifications WHERE kind = 'MEETING_POLL_INVITED' AND link = $1`,
      [`/meetings/polls/${poll.id}`],
    );
    expect(told.map((r) => r.recipient_id).sort()).toEqual(
      [user.sencoHolyFamily, user.sencoHolyCross, user.staffHolyFamily].sort(),
    );
  });

  it('takes each invitee’s answers per slot and counts them', async () => {
    const [clash, free, bst] = poll.slots.map((s) => s.id);
    await as.sencoHolyFamily.ok(ANSWER, {
      input: {
        pollId: poll.id,
        answers: [
          { slotId: clash, answer: 'NO' },
          { slotId: free, answer: 'YES' },
          { slotId: bst, answer: 'YES' },
        ],
      },
    });
    await as.sencoHolyCross.ok(ANSWER, {
      input: {
        pollId: poll.id,
        answers: [
          { slotId: free, answer: 'IF_NEED_BE' },
          { slotId: bst, answer: 'YES' },
        ],
      },
    });
    // Changing one's mind replaces the answer.
    const p = (
      await as.sencoHolyCross.ok<{ answerMeetingPoll: Poll }>(ANSWER, {
        input: { pollId: poll.id, answers: [{ slotId: free, answer: 'NO' }] },
      })
    ).answerMeetingPoll;
    const byId = new Map(p.slots.map((s) => [s.id, s]));
    expect(byId.get(bst)).toMatchObject({ yes: 2, ifNeedBe: 0, no: 0, myAnswer: 'YES' });
    expect(byId.get(free)).toMatchObject({ yes: 1, ifNeedBe: 0, no: 1, myAnswer: 'NO' });
    await as.sencoHolyCross.fails(
      ANSWER,
      {
        input: {
          pollId: poll.id,
          answers: [{ slotId: '00000000-0000-4000-8000-000000000000', answer: 'YES' }],
        },
      },
      'BAD_USER_INPUT',
    );
  });

  it('marks, for each invitee, the slots that clash with their other Lantern meetings', async () => {
    // A Holy Family meeting 10:00–11:00 London on 3 March: the school's SENCO takes part, staff only see it.
    await as.sencoHolyFamily.ok(CREATE_MEETING, {
      input: {
        scopeKind: 'SCHOOL',
        schoolId: holyFamily,
        title: 'SEN review',
        mode: 'ONLINE',
        onlineLink: 'https://meet.example.org/r',
        firstDate: '2027-03-03',
        startTime: '10:00',
        minutes: 60,
        recurrence: { kind: 'NONE' },
      },
    });
    const p = (await as.sencoHolyCross.ok<{ meetingPoll: Poll }>(POLL, { id: poll.id })).meetingPoll;
    const clashes = new Map(p.invitees.map((i) => [i.person.id, i.clashes]));
    const clashSlot = p.slots.find((s) => s.startsAt === SLOT_CLASH)!.id;
    expect(clashes.get(user.sencoHolyFamily)).toEqual([clashSlot]);
    expect(clashes.get(user.sencoHolyCross)).toEqual([]);
    expect(clashes.get(user.staffHolyFamily)).toEqual([]);
  });

  it('lets only the organiser choose; the meeting is created at the slot’s London time and everyone is told', async () => {
    const bst = poll.slots.find((s) => s.startsAt === SLOT_BST)!.id;
    const decide = { pollId: poll.id, slotId: bst, onlineLink: 'https://meet.example.org/planning' };
    await as.sencoHolyFamily.fails(DECIDE, { input: decide }, 'FORBIDDEN');
    await as.leaderChristus.fails(DECIDE, { input: decide }, 'NOT_FOUND');
    const made = (
      await as.sendLead.ok<{
        decideMeetingPoll: {
          id: string;
          firstDate: string;
          startTime: string;
          minutes: number;
          scopeKind: string;
          guests: Array<{ id: string }>;
          organiser: { id: string };
        };
      }>(DECIDE, { input: decide })
    ).decideMeetingPoll;
    expect(made).toMatchObject({
      firstDate: '2027-04-07',
      startTime: '10:00',
      minutes: 60,
      scopeKind: 'NETWORK',
      organiser: { id: user.sendLead },
    });
    // Staff are not invited to network meetings by role: asked in the poll, they come as a guest.
    expect(made.guests.map((g) => g.id)).toEqual([user.staffHolyFamily]);
    const after = (await as.sendLead.ok<{ meetingPoll: Poll }>(POLL, { id: poll.id })).meetingPoll;
    expect(after).toMatchObject({
      status: 'DECIDED',
      chosenSlotId: bst,
      seriesId: made.id,
      canDecide: false,
    });
    for (const who of ['sencoHolyFamily', 'sencoHolyCross', 'staffHolyFamily'] as Who[])
      expect(
        (await as[who].ok<{ meetingSeries: { id: string } }>(SERIES, { id: made.id })).meetingSeries.id,
      ).toBe(made.id);
    const told = await t.sql<{ recipient_id: string }>(
      `SELECT recipient_id FROM notifications WHERE kind = 'MEETING_POLL_DECIDED' AND link = $1`,
      [`/meetings/${made.id}/2027-04-07`],
    );
    expect(told.map((r) => r.recipient_id).sort()).toEqual(
      [user.sencoHolyFamily, user.sencoHolyCross, user.staffHolyFamily].sort(),
    );
    await as.sendLead.fails(DECIDE, { input: decide }, 'CONFLICT');
    await as.sencoHolyCross.fails(
      ANSWER,
      { input: { pollId: poll.id, answers: [{ slotId: bst, answer: 'NO' }] } },
      'CONFLICT',
    );
    expect(
      (
        await as.sencoHolyCross.ok<{ myMeetingPolls: Array<{ id: string }> }>(MINE, { open: false })
      ).myMeetingPolls.map((p) => p.id),
    ).toContain(poll.id);
  });
});
