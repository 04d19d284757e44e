import { londonToday } from '@lantern/shared-domain';
import { SupervisionNotifier } from '../src/modules/supervision/supervision-notifier.service';
import { ids } from './support/fixtures';
import { installQueryCounter, queryCountFor } from './support/query-counter';
import { elevated } from './support/second-factor';
import { DEMO, GqlClient, TestApp, startTestApp } from './support/test-app';

installQueryCounter();

const SESSION = `id title status chairId currentCaseId revision stream myRole startsAt minutes location onlineLink
  schoolId schoolName trustId startedAt endedAt
  participants { userId displayName role lastReadSeq }
  agenda { id caseId caseReference position question summary decisions
    openActions { id title status } actionsRaisedHere { id title status } }`;
const SCHEDULE = `mutation($i: ScheduleSupervisionInput!) { scheduleSupervision(input: $i) { ${SESSION} } }`;
const UPDATE = `mutation($i: UpdateSupervisionInput!) { updateSupervision(input: $i) { id title revision minutes } }`;
const CANCEL = `mutation($id: ID!) { cancelSupervision(id: $id) { id status } }`;
const START = `mutation($id: ID!) { startSupervision(id: $id) { id status startedAt } }`;
const END = `mutation($id: ID!) { endSupervision(id: $id) { id status endedAt } }`;
const HAND_OVER = `mutation($id: ID!, $u: ID!) { handOverSupervisionChair(id: $id, userId: $u) { id chairId } }`;
const AGENDA = `mutation($id: ID!, $items: [SupervisionAgendaItemInput!]!, $o: Boolean) {
  setSupervisionAgenda(id: $id, items: $items, override: $o) { id agenda { caseId caseReference position question } } }`;
const OUTCOME = `mutation($i: SupervisionOutcomeInput!) { setSupervisionOutcome(input: $i) { id caseId summary decisions } }`;
const ACTION = `mutation($i: SupervisionActionInput!) { addSupervisionAction(input: $i) { id title status sourceLabel owner { id } } }`;
const GET = `query($id: ID!) { supervisionSession(id: $id) { ${SESSION} } }`;
const LIST = `query($s: ID, $w: SupervisionWhen!, $first: Int, $offset: Int) {
  supervisionSessions(schoolId: $s, when: $w, first: $first, offset: $offset) { totalCount hasMore nodes { id title status myRole } } }`;
const UPDATE_ACTION = `mutation($i: UpdateActionInput!) { updateAction(input: $i) { id status } }`;

type Item = {
  caseId: string;
  caseReference: string;
  position: number;
  question: string;
  summary: string;
  openActions: Array<{ id: string; title: string }>;
  actionsRaisedHere: Array<{ id: string; status: string }>;
};
type Session = {
  id: string;
  title: string;
  status: string;
  chairId: string;
  revision: number;
  stream: string;
  myRole: string | null;
  participants: Array<{ userId: string; role: string; displayName: string }>;
  agenda: Item[];
};

const addDays = (days: number) => {
  const d = new Date(`${londonToday()}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};
const inMinutes = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();

describe('supervision sessions', () => {
  let t: TestApp;
  let id: Awaited<ReturnType<typeof ids>>;
  let holyFamily: string;
  let openCases: Array<{ id: string; reference: string }>;
  let senco: GqlClient;
  let lead: GqlClient;
  let head: GqlClient;

  const schedule = async (c: GqlClient, over: Record<string, unknown> = {}) =>
    (
      await c.ok<{ scheduleSupervision: Session }>(SCHEDULE, {
        i: {
          schoolId: holyFamily,
          title: 'Autumn caseload review',
          startsAt: inMinutes(120),
          minutes: 60,
          location: 'SENCO office',
          startNow: false,
          inviteHeadteacher: false,
          agenda: [],
          ...over,
        },
      })
    ).scheduleSupervision;
  const get = async (c: GqlClient, sessionId: string) =>
    (await c.ok<{ supervisionSession: Session }>(GET, { id: sessionId })).supervisionSession;
  const serverItems = (sessionId: string) =>
    t.sql<{ body: { type: string } & Record<string, unknown>; client_id: string }>(
      'SELECT body, client_id FROM stream_items WHERE stream_key = $1 ORDER BY seq',
      [`supervision:${sessionId}`],
    );
  const sign = (sessionId: string) =>
    t.sql(
      `INSERT INTO supervision_records (session_id, content, drafted_by, senco_signed_by, senco_signed_at,
                                        lead_signed_by, lead_signed_at, signed_at)
       VALUES ($1, '{}'::jsonb, $2, $2, now(), $3, now(), now())`,
      [sessionId, id.user(DEMO.sencoHolyFamily), id.user(DEMO.sendLead)],
    );

  beforeAll(async () => {
    t = await startTestApp();
    id = await ids(t);
    holyFamily = id.school('ACT', 'Holy Family Primary');
    openCases = await t.sql(
      `SELECT id, reference FROM cases WHERE school_id = $1 AND status IN ('OPEN', 'MONITORING') ORDER BY reference`,
      [holyFamily],
    );
    senco = await elevated(t, DEMO.sencoHolyFamily);
    lead = await elevated(t, DEMO.sendLead);
    head = await elevated(t, DEMO.headHolyFamily);
  });
  afterAll(() => t.close());

  it("schedules a session of the school's SENCO with the trust's SEND lead in the chair, invites them and lists it", async () => {
    const s = await schedule(senco, {
      agenda: [
        { caseId: openCases[0]!.id, question: 'Is the support plan working?' },
        { caseId: openCases[1]!.id, question: 'Ready for an EHCP request?' },
      ],
    });
    expect(s.status).toBe('SCHEDULED');
    expect(s.stream).toBe(`supervision:${s.id}`);
    expect(s.myRole).toBe('SENCO');
    expect(s.chairId).toBe(id.user(DEMO.sendLead));
    expect(s.participants.map((p) => [p.userId, p.role])).toEqual([
      [id.user(DEMO.sendLead), 'SEND_LEAD'],
      [id.user(DEMO.sencoHolyFamily), 'SENCO'],
    ]);
    expect(s.participants[0]!.displayName).toBe('Head of SEND and Inclusion (both trusts)');
    expect(s.agenda.map((a) => [a.caseReference, a.position, a.question])).toEqual([
      [openCases[0]!.reference, 0, 'Is the support plan working?'],
      [openCases[1]!.reference, 1, 'Ready for an EHCP request?'],
    ]);

    const invited = await t.sql<{ recipient_id: string; title: string }>(
      `SELECT recipient_id, title FROM notifications WHERE kind = 'SUPERVISION_INVITED' AND link = $1`,
      [`/supervision/${s.id}`],
    );
    expect(invited.map((n) => n.recipient_id)).toEqual([id.user(DEMO.sendLead)]);
    expect(invited[0]!.title).toContain('Holy Family Primary');
    expect(invited[0]!.title).not.toContain(openCases[0]!.reference);

    const items = await serverItems(s.id);
    expect(items.map((i) => i.body.type)).toEqual(['state', 'agenda']);
    expect(items.every((i) => i.client_id.startsWith('srv-'))).toBe(true);

    // The SEND lead sees it coming up and reads it; each agenda case read is logged.
    const upcoming = (
      await lead.ok<{ supervisionSessions: { nodes: Array<{ id: string; myRole: string }> } }>(LIST, {
        s: holyFamily,
        w: 'UPCOMING',
      })
    ).supervisionSessions.nodes;
    expect(upcoming.find((n) => n.id === s.id)?.myRole).toBe('SEND_LEAD');
    await get(lead, s.id);
    const logged = await t.sql<{ case_id: string }>(
      `SELECT case_id FROM case_access_log WHERE kind = 'SUPERVISION_READ' AND actor_user_id = $1 AND case_id = ANY($2::uuid[])`,
      [id.user(DEMO.sendLead), [openCases[0]!.id, openCases[1]!.id]],
    );
    expect(logged.map((l) => l.case_id).sort()).toEqual([openCases[0]!.id, openCases[1]!.id].sort());
    // The headteacher was not invited: the session is not theirs to see.
    const headList = (
      await head.ok<{ supervisionSessions: { nodes: Array<{ id: string }> } }>(LIST, {
        s: holyFamily,
        w: 'UPCOMING',
      })
    ).supervisionSessions.nodes;
    expect(headList.map((n) => n.id)).not.toContain(s.id);
    await head.fails(GET, { id: s.id }, 'NOT_FOUND');
  });

  it('pages upcoming and past sessions', async () => {
    const a = await schedule(lead, { title: 'Paging one', startsAt: inMinutes(60 * 24 * 30) });
    await schedule(lead, { title: 'Paging two', startsAt: inMinutes(60 * 24 * 31) });
    const page = async (w: string, first: number, offset: number) =>
      (
        await lead.ok<{
          supervisionSessions: { totalCount: number; hasMore: boolean; nodes: Array<{ id: string }> };
        }>(LIST, { s: holyFamily, w, first, offset })
      ).supervisionSessions;
    const all = await page('UPCOMING', 25, 0);
    const second = await page('UPCOMING', 1, 1);
    expect(second.totalCount).toBe(all.totalCount);
    expect(second.nodes.map((n) => n.id)).toEqual([all.nodes[1]!.id]);
    expect(second.hasMore).toBe(all.totalCount > 2);
    await lead.ok(CANCEL, { id: a.id });
    const past = await page('PAST', 25, 0);
    expect(past.nodes.map((n) => n.id)).toContain(a.id);
    expect((await page('UPCOMING', 25, 0)).nodes.map((n) => n.id)).not.toContain(a.id);
    await lead.fails(LIST, { s: holyFamily, w: 'PAST', first: 26 }, 'BAD_USER_INPUT');
  });

  it('changes details with a revision check, and checks every text for pupil details', async () => {
    const s = await schedule(lead);
    expect(s.myRole).toBe('SEND_LEAD');
    expect(s.chairId).toBe(id.user(DEMO.sendLead));
    const details = {
      id: s.id,
      title: 'Spring review',
      startsAt: inMinutes(180),
      minutes: 90,
      location: 'Room 4',
    };
    const changed = (
      await senco.ok<{ updateSupervision: { revision: number; title: string } }>(UPDATE, {
        i: { ...details, revision: 1 },
      })
    ).updateSupervision;
    expect(changed).toMatchObject({ revision: 2, title: 'Spring review' });
    const stale = await senco.fails(UPDATE, { i: { ...details, revision: 1 } }, 'CONFLICT');
    expect(stale.error.message).toMatch(/Someone changed this session/);

    await senco.fails(
      UPDATE,
      { i: { ...details, revision: 2, title: 'About Jessica Smith' } },
      'PERSONAL_DATA',
    );
    // "Keep it anyway" lets a name through (audited), never an identifier.
    await senco.ok(UPDATE, { i: { ...details, revision: 2, title: 'With Jessica Smith', override: true } });
    await senco.fails(
      UPDATE,
      { i: { ...details, revision: 3, location: 'mail jessie@example.com', override: true } },
      'PERSONAL_DATA',
    );
    await senco.fails(
      AGENDA,
      { id: s.id, items: [{ caseId: openCases[2]!.id, question: 'Spoke to Jessica Smith' }] },
      'PERSONAL_DATA',
    );
    await senco.ok(AGENDA, {
      id: s.id,
      items: [{ caseId: openCases[2]!.id, question: 'Spoke to Jessica Smith' }],
      o: true,
    });
    await senco.fails(
      SCHEDULE,
      {
        i: {
          schoolId: holyFamily,
          title: 'Supervision',
          startsAt: inMinutes(60),
          minutes: 60,
          startNow: false,
          inviteHeadteacher: false,
          agenda: [{ caseId: openCases[3]!.id, question: 'Call home on jessie@example.com' }],
          override: true,
        },
      },
      'PERSONAL_DATA',
    );
    await senco.fails(UPDATE, { i: { ...details, revision: 3, minutes: 5 } }, 'BAD_USER_INPUT');
    await senco.fails(UPDATE, { i: { ...details, revision: 3, onlineLink: 'not a link' } }, 'BAD_USER_INPUT');
    const audit = await t.sql<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_entries WHERE summary LIKE 'Saved to a supervision session despite%'",
    );
    expect(audit[0]!.n).toBe(2);
  });

  it('starts, hands over the chair and ends; only the chair ends or hands over', async () => {
    const s = await schedule(senco);
    const started = (
      await senco.ok<{ startSupervision: { status: string; startedAt: string } }>(START, { id: s.id })
    ).startSupervision;
    expect(started.status).toBe('LIVE');
    expect(started.startedAt).not.toBeNull();
    await senco.fails(END, { id: s.id }, 'FORBIDDEN');
    await senco.fails(HAND_OVER, { id: s.id, u: id.user(DEMO.sencoHolyFamily) }, 'FORBIDDEN');
    await lead.fails(HAND_OVER, { id: s.id, u: id.user(DEMO.headHolyFamily) }, 'BAD_USER_INPUT');
    await lead.fails(HAND_OVER, { id: s.id, u: id.user(DEMO.sencoHolyCross) }, 'BAD_USER_INPUT');
    const handed = (
      await lead.ok<{ handOverSupervisionChair: { chairId: string } }>(HAND_OVER, {
        id: s.id,
        u: id.user(DEMO.sencoHolyFamily),
      })
    ).handOverSupervisionChair;
    expect(handed.chairId).toBe(id.user(DEMO.sencoHolyFamily));
    await lead.fails(END, { id: s.id }, 'FORBIDDEN');
    await senco.fails(CANCEL, { id: s.id }, 'CONFLICT');
    const ended = (await senco.ok<{ endSupervision: { status: string; endedAt: string } }>(END, { id: s.id }))
      .endSupervision;
    expect(ended.status).toBe('ENDED');
    await senco.fails(START, { id: s.id }, 'CONFLICT');
    const states = (await serverItems(s.id)).filter((i) => i.body.type === 'state').map((i) => i.body);
    expect(states).toEqual([
      { type: 'state', status: 'SCHEDULED', chairId: id.user(DEMO.sendLead) },
      { type: 'state', status: 'LIVE', chairId: id.user(DEMO.sendLead) },
      { type: 'state', status: 'LIVE', chairId: id.user(DEMO.sencoHolyFamily) },
      { type: 'state', status: 'ENDED', chairId: id.user(DEMO.sencoHolyFamily) },
    ]);

    const now = await schedule(lead, { startNow: true, startsAt: null });
    expect(now.status).toBe('LIVE');
    const joinNow = await t.sql<{ title: string }>(
      `SELECT title FROM notifications WHERE kind = 'SUPERVISION_INVITED' AND link = $1`,
      [`/supervision/${now.id}`],
    );
    expect(joinNow.map((n) => n.title)).toEqual(['Supervision at Holy Family Primary has started: join now']);
  });

  it("builds the agenda from the school's open cases only, and records outcomes", async () => {
    const s = await schedule(senco);
    const [closed] = await t.sql<{ id: string }>(
      `SELECT id FROM cases WHERE school_id = $1 AND status = 'CLOSED' LIMIT 1`,
      [holyFamily],
    );
    const [elsewhere] = await t.sql<{ id: string }>(`SELECT id FROM cases WHERE school_id = $1 LIMIT 1`, [
      id.school('CCT', 'Holy Cross Primary'),
    ]);
    for (const items of [
      [{ caseId: closed!.id, question: '' }],
      [{ caseId: elsewhere!.id, question: '' }],
      [
        { caseId: openCases[0]!.id, question: '' },
        { caseId: openCases[0]!.id, question: 'again' },
      ],
      openCases.slice(0, 21).map((c) => ({ caseId: c.id, question: '' })),
    ])
      await senco.fails(AGENDA, { id: s.id, items }, 'BAD_USER_INPUT');
    const set = (
      await lead.ok<{ setSupervisionAgenda: { agenda: Item[] } }>(AGENDA, {
        id: s.id,
        items: [
          { caseId: openCases[5]!.id, question: 'Second' },
          { caseId: openCases[4]!.id, question: 'First' },
        ],
      })
    ).setSupervisionAgenda;
    expect(set.agenda.map((a) => [a.caseId, a.position, a.question])).toEqual([
      [openCases[5]!.id, 0, 'Second'],
      [openCases[4]!.id, 1, 'First'],
    ]);
    const outcome = (
      await senco.ok<{ setSupervisionOutcome: { summary: string; decisions: string } }>(OUTCOME, {
        i: {
          sessionId: s.id,
          caseId: openCases[5]!.id,
          summary: 'Progress is steady.',
          decisions: 'Keep the plan.',
        },
      })
    ).setSupervisionOutcome;
    expect(outcome).toMatchObject({ summary: 'Progress is steady.', decisions: 'Keep the plan.' });
    await senco.fails(
      OUTCOME,
      { i: { sessionId: s.id, caseId: openCases[6]!.id, summary: 'x', decisions: '' } },
      'NOT_FOUND',
    );
    // A case whose outcome is recorded stays on the agenda.
    await senco.fails(
      AGENDA,
      { id: s.id, items: [{ caseId: openCases[4]!.id, question: 'First' }] },
      'BAD_USER_INPUT',
    );
    const kinds = (await serverItems(s.id)).map((i) => i.body);
    expect(kinds).toContainEqual({ type: 'agenda' });
    expect(kinds).toContainEqual({ type: 'outcome', caseId: openCases[5]!.id });
    const changedLog = await t.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM case_access_log WHERE kind = 'SUPERVISION_CHANGED' AND case_id = $1`,
      [openCases[5]!.id],
    );
    expect(changedLog[0]!.n).toBeGreaterThanOrEqual(2);
  });

  it('carries open actions forward: raised in one session, shown under the case in the next until done', async () => {
    const caseId = openCases[7]!.id;
    const first = await schedule(senco, { agenda: [{ caseId, question: 'Review the plan' }] });
    await senco.ok(START, { id: first.id });
    const action = (
      await senco.ok<{ addSupervisionAction: { id: string; sourceLabel: string } }>(ACTION, {
        i: {
          sessionId: first.id,
          caseId,
          title: 'Ask the educational psychologist for a visit',
          ownerId: id.user(DEMO.sendLead),
          dueOn: addDays(14),
          fromSeq: 2,
        },
      })
    ).addSupervisionAction;
    expect(action.sourceLabel).toBe(`Case ${openCases[7]!.reference}`);
    const [row] = await t.sql<{ supervision_session_id: string; source_kind: string }>(
      'SELECT supervision_session_id, source_kind FROM actions WHERE id = $1',
      [action.id],
    );
    expect(row).toEqual({ supervision_session_id: first.id, source_kind: 'CASE' });
    expect((await serverItems(first.id)).map((i) => i.body)).toContainEqual({
      type: 'action',
      actionId: action.id,
      caseId,
      from: 2,
    });
    // The owner takes part; someone who does not (the headteacher, not invited) cannot own it.
    await senco.fails(
      ACTION,
      {
        i: {
          sessionId: first.id,
          caseId,
          title: 'Call home',
          ownerId: id.user(DEMO.headHolyFamily),
          dueOn: addDays(3),
        },
      },
      'BAD_USER_INPUT',
    );
    await senco.fails(
      ACTION,
      {
        i: {
          sessionId: first.id,
          caseId,
          title: 'Email jessie@example.com',
          ownerId: id.user(DEMO.sendLead),
          dueOn: addDays(3),
        },
      },
      'PERSONAL_DATA',
    );
    await senco.fails(
      ACTION,
      {
        i: {
          sessionId: first.id,
          caseId: openCases[8]!.id,
          title: 'Not on the agenda',
          ownerId: id.user(DEMO.sendLead),
          dueOn: addDays(3),
        },
      },
      'NOT_FOUND',
    );

    const second = await schedule(lead, {
      startsAt: inMinutes(60 * 24 * 14),
      agenda: [{ caseId, question: 'Did the visit happen?' }],
    });
    let next = (await get(lead, second.id)).agenda[0]!;
    expect(next.openActions.map((a) => a.id)).toEqual([action.id]);
    expect(next.actionsRaisedHere).toEqual([]);
    expect((await get(lead, first.id)).agenda[0]!.actionsRaisedHere.map((a) => a.id)).toEqual([action.id]);

    await lead.ok(UPDATE_ACTION, { i: { id: action.id, status: 'DONE' } });
    next = (await get(senco, second.id)).agenda[0]!;
    expect(next.openActions).toEqual([]);
    expect((await get(senco, first.id)).agenda[0]!.actionsRaisedHere).toEqual([
      { id: action.id, title: expect.any(String), status: 'DONE' },
    ]);
  });

  it('changes nothing once the record is signed', async () => {
    const s = await schedule(senco, { agenda: [{ caseId: openCases[9]!.id, question: 'Q' }] });
    await senco.ok(START, { id: s.id });
    await sign(s.id);
    const attempts: Array<[GqlClient, string, Record<string, unknown>]> = [
      [senco, UPDATE, { i: { id: s.id, revision: 1, title: 'New', startsAt: inMinutes(60), minutes: 60 } }],
      [senco, CANCEL, { id: s.id }],
      [senco, START, { id: s.id }],
      [lead, END, { id: s.id }],
      [lead, HAND_OVER, { id: s.id, u: id.user(DEMO.sencoHolyFamily) }],
      [senco, AGENDA, { id: s.id, items: [] }],
      [senco, OUTCOME, { i: { sessionId: s.id, caseId: openCases[9]!.id, summary: 'Late', decisions: '' } }],
      [
        senco,
        ACTION,
        {
          i: {
            sessionId: s.id,
            caseId: openCases[9]!.id,
            title: 'Late',
            ownerId: id.user(DEMO.sendLead),
            dueOn: addDays(2),
          },
        },
      ],
    ];
    for (const [c, q, v] of attempts) {
      const { error } = await c.fails(q, v, 'CONFLICT');
      expect(error.message).toBe(
        'The record of this session is signed, so nothing in it can change. Add an addendum to the record instead.',
      );
    }
    expect((await get(senco, s.id)).status).toBe('LIVE');
  });

  it('lets an invited headteacher see the session but not run it', async () => {
    const s = await schedule(lead, {
      inviteHeadteacher: true,
      agenda: [{ caseId: openCases[10]!.id, question: 'Q' }],
    });
    expect(s.participants.map((p) => p.role)).toEqual(['SEND_LEAD', 'SENCO', 'HEADTEACHER']);
    const seen = await get(head, s.id);
    expect(seen.myRole).toBe('HEADTEACHER');
    expect(seen.agenda).toHaveLength(1);
    const list = (
      await head.ok<{ supervisionSessions: { nodes: Array<{ id: string }> } }>(LIST, { w: 'UPCOMING' })
    ).supervisionSessions.nodes;
    expect(list.map((n) => n.id)).toContain(s.id);
    for (const [q, v] of sessionOperations(s.id, openCases[10]!.id)
      .filter(([name]) => !['get', 'list', 'schedule'].includes(name))
      .map(([, q, v]) => [q, v] as const))
      await head.fails(q, v, 'FORBIDDEN');
    await head.fails(SCHEDULE, scheduleVars(), 'FORBIDDEN');
  });

  const scheduleVars = () => ({
    i: {
      schoolId: holyFamily,
      startsAt: inMinutes(90),
      minutes: 60,
      startNow: false,
      inviteHeadteacher: false,
      agenda: [],
    },
  });
  /** Every session operation: [name, document, variables]. */
  const sessionOperations = (
    sessionId: string,
    caseId: string,
  ): Array<[string, string, Record<string, unknown>]> => [
    ['list', LIST, { s: holyFamily, w: 'UPCOMING' }],
    ['get', GET, { id: sessionId }],
    ['schedule', SCHEDULE, scheduleVars()],
    [
      'update',
      UPDATE,
      { i: { id: sessionId, revision: 1, title: 'Changed', startsAt: inMinutes(60), minutes: 60 } },
    ],
    ['start', START, { id: sessionId }],
    ['end', END, { id: sessionId }],
    ['hand over', HAND_OVER, { id: sessionId, u: id.user(DEMO.sencoHolyFamily) }],
    ['agenda', AGENDA, { id: sessionId, items: [{ caseId, question: 'Changed' }] }],
    ['outcome', OUTCOME, { i: { sessionId, caseId, summary: 'Changed', decisions: '' } }],
    [
      'action',
      ACTION,
      {
        i: { sessionId, caseId, title: 'Changed', ownerId: id.user(DEMO.sencoHolyFamily), dueOn: addDays(2) },
      },
    ],
    ['cancel', CANCEL, { id: sessionId }],
  ];

  describe('who may do what', () => {
    let sessionId: string;
    let caseId: string;
    beforeAll(async () => {
      caseId = openCases[11]!.id;
      sessionId = (await schedule(senco, { agenda: [{ caseId, question: 'Matrix' }] })).id;
    });

    it('refuses roles without case data (FORBIDDEN) and other schools and trusts (NOT_FOUND), changing nothing', async () => {
      const forbidden = [DEMO.admin, DEMO.leaderAssisi, DEMO.leaderChristus, DEMO.staffHolyFamily];
      const notFound = [
        DEMO.sencoHolyCross,
        DEMO.sencoStJosephsAct,
        DEMO.sendLeadMagnificat,
        DEMO.sencoStBernadettes,
      ];
      for (const email of forbidden) {
        const c = await elevated(t, email);
        for (const [name, q, v] of sessionOperations(sessionId, caseId)) {
          const { error } = await c.fails(q, v, 'FORBIDDEN').catch((e) => {
            throw new Error(`${email} ${name}: ${e}`);
          });
          expect(error.message).not.toContain('Matrix');
        }
      }
      for (const email of notFound) {
        const c = await elevated(t, email);
        for (const [name, q, v] of sessionOperations(sessionId, caseId)) {
          if (name === 'list') {
            // Without a school: an empty list; with this school: not found.
            const mine = (
              await c.ok<{ supervisionSessions: { nodes: Array<{ id: string }> } }>(LIST, { w: 'UPCOMING' })
            ).supervisionSessions.nodes;
            expect(mine.map((n) => n.id)).not.toContain(sessionId);
          }
          await c.fails(q, v, 'NOT_FOUND').catch((e) => {
            throw new Error(`${email} ${name}: ${e}`);
          });
        }
      }
      // The headteacher who was not invited: the session is not theirs (NOT_FOUND); scheduling is not theirs either.
      for (const [name, q, v] of sessionOperations(sessionId, caseId)) {
        if (name === 'list') continue;
        await head.fails(q, v, name === 'schedule' ? 'FORBIDDEN' : 'NOT_FOUND').catch((e) => {
          throw new Error(`headteacher ${name}: ${e}`);
        });
      }
      const after = await get(senco, sessionId);
      expect(after).toMatchObject({ status: 'SCHEDULED', title: 'Autumn caseload review', revision: 1 });
      expect(after.agenda.map((a) => [a.question, a.summary])).toEqual([['Matrix', '']]);
      expect(after.agenda[0]!.actionsRaisedHere).toEqual([]);
    });

    it('refuses a visitor with no session, and a session without its second factor', async () => {
      const anonymous = new GqlClient(t.url);
      const plain = await t.signedIn(DEMO.sencoHolyFamily);
      for (const [name, q, v] of sessionOperations(sessionId, caseId)) {
        await anonymous.fails(q, v, 'UNAUTHENTICATED').catch((e) => {
          throw new Error(`anonymous ${name}: ${e}`);
        });
        await plain.fails(q, v, 'SECOND_FACTOR_REQUIRED').catch((e) => {
          throw new Error(`not elevated ${name}: ${e}`);
        });
      }
    });

    it("lets the school's SENCO and the trust's SEND lead do each of them", async () => {
      for (const [who, c] of [
        ['senco', senco],
        ['lead', lead],
      ] as const) {
        const s = await schedule(c, { agenda: [{ caseId, question: 'Allowed' }] });
        const ops = sessionOperations(s.id, caseId);
        const run = async (name: string, client: GqlClient = c) => {
          const [, q, v] = ops.find(([n]) => n === name)!;
          await client.ok(q, v).catch((e) => {
            throw new Error(`${who} ${name}: ${e}`);
          });
        };
        for (const name of ['list', 'get', 'schedule', 'update', 'agenda', 'outcome', 'action', 'start'])
          await run(name);
        // The chair (the SEND lead) hands over and ends; the new chair can hand it back.
        await run('hand over', lead);
        await senco.ok(HAND_OVER, { id: s.id, u: id.user(DEMO.sendLead) });
        await run('end', lead);
        await c.fails(CANCEL, { id: s.id }, 'CONFLICT');
        const other = await schedule(c);
        await c.ok(CANCEL, { id: other.id });
      }
    });
  });

  it('reads a session with 10 agenda cases in as many statements as one with 1', async () => {
    const one = await schedule(senco, { agenda: [{ caseId: openCases[12]!.id, question: 'One' }] });
    const ten = await schedule(senco, {
      agenda: openCases.slice(12, 22).map((c) => ({ caseId: c.id, question: 'Ten' })),
    });
    for (const s of [one, ten])
      for (const a of (await get(senco, s.id)).agenda)
        await senco.ok(ACTION, {
          i: {
            sessionId: s.id,
            caseId: a.caseId,
            title: 'Follow up',
            ownerId: id.user(DEMO.sendLead),
            dueOn: addDays(5),
          },
        });
    const statements = async (sessionId: string) => {
      await get(senco, sessionId);
      const requestId = `supervision-${sessionId}-${Date.now()}`;
      senco.headers = { 'x-request-id': requestId };
      try {
        const s = await get(senco, sessionId);
        expect(s.agenda.every((a) => a.openActions.length >= 1 && a.actionsRaisedHere.length === 1)).toBe(
          true,
        );
      } finally {
        senco.headers = {};
      }
      return queryCountFor(requestId);
    };
    const small = await statements(one.id);
    const large = await statements(ten.id);
    expect(small).toBeGreaterThan(0);
    expect(large).toBe(small);
  });

  it('reminds every participant once, 15 minutes before a session starts', async () => {
    const soon = await schedule(senco, { startsAt: inMinutes(10) });
    const later = await schedule(senco, { startsAt: inMinutes(40) });
    const reminders = (sessionId: string) =>
      t.sql<{ recipient_id: string }>(
        `SELECT recipient_id FROM notifications WHERE kind = 'SUPERVISION_STARTING_SOON' AND link = $1`,
        [`/supervision/${sessionId}`],
      );
    const notifier = t.app.get(SupervisionNotifier);
    expect(await notifier.remind()).toBeGreaterThanOrEqual(2);
    expect(await notifier.remind()).toBe(0);
    expect((await reminders(soon.id)).map((r) => r.recipient_id).sort()).toEqual(
      [id.user(DEMO.sencoHolyFamily), id.user(DEMO.sendLead)].sort(),
    );
    expect(await reminders(later.id)).toEqual([]);
  });
});
