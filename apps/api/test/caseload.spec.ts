import { londonToday } from '@lantern/shared-domain';
import { ActionRemindersService } from '../src/modules/actions/action-reminders.service';
import { ids } from './support/fixtures';
import { installQueryCounter, queryCountFor } from './support/query-counter';
import { elevated } from './support/second-factor';
import { DEMO, GqlClient, TestApp, startTestApp } from './support/test-app';

installQueryCounter();

const SCHOOLS = `{ caseloadSchools { id name trustName openCases } }`;
const LIST = `query($s: ID!, $f: CaseFilterInput, $first: Int, $offset: Int) { cases(schoolId: $s, filter: $f, first: $first, offset: $offset) {
  totalCount hasNextPage nodes { id reference yearGroup yearGroupLabel senStatus primaryNeed secondaryNeed status attention
  overdueActions openActions nextDueOn concerns { kind dueOn note } } } }`;
const CASE = `query($id: ID!) { case(id: $id) { id reference yearGroup schoolName revision status attention
  notes { id body version happenedOn writtenBy { displayName } earlierVersions { version body } }
  actions { id title dueOn dueState status owner { displayName } sourceLabel canChange } ehcpDrafts { id } } }`;
const CREATE = `mutation($i: CreateCaseInput!) { createCase(input: $i) { id reference yearGroup revision status concerns { kind dueOn } } }`;
const UPDATE = `mutation($i: UpdateCaseInput!) { updateCase(input: $i) { id revision status primaryNeed } }`;
const NOTE = `mutation($i: AddCaseNoteInput!) { addCaseNote(input: $i) { id version body } }`;
const EDIT = `mutation($i: EditCaseNoteInput!) { editCaseNote(input: $i) { id version body earlierVersions { version body } } }`;
const ACTION = `mutation($i: AddCaseActionInput!) { addCaseAction(input: $i) { id title dueOn owner { displayName } sourceLabel } }`;
const UPDATE_ACTION = `mutation($i: UpdateActionInput!) { updateAction(input: $i) { id status closedAt } }`;
const MINE = `query($open: Boolean) { myActions(open: $open) { totalCount hiddenCaseActions nodes { id title sourceLabel dueState } } }`;
const OWNERS = `query($c: ID!) { caseActionOwners(caseId: $c) { id displayName } }`;
const ACCESS = `query($s: ID!, $c: ID) { caseAccessLog(schoolId: $s, caseId: $c) { hasNextPage nodes { kind description actor { displayName } caseReference } } }`;

type CaseRow = {
  id: string;
  reference: string;
  attention: string;
  overdueActions: number;
  yearGroup: number;
};

const addDays = (days: number) => {
  const d = new Date(`${londonToday()}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

describe('caseload', () => {
  let t: TestApp;
  let id: Awaited<ReturnType<typeof ids>>;
  let holyFamily: string;
  let senco: GqlClient;
  let head: GqlClient;
  let lead: GqlClient;
  const newCase = (over: Record<string, unknown> = {}) => ({
    schoolId: holyFamily,
    reference: 'QX Y2',
    yearGroup: 2,
    senStatus: 'SEN_SUPPORT',
    primaryNeed: 'SLCN',
    concerns: [],
    ...over,
  });

  beforeAll(async () => {
    t = await startTestApp();
    id = await ids(t);
    holyFamily = id.school('ACT', 'Holy Family Primary');
    senco = await elevated(t, DEMO.sencoHolyFamily);
    head = await elevated(t, DEMO.headHolyFamily);
    lead = await elevated(t, DEMO.sendLead);
  });
  afterAll(() => t.close());

  it('lists the demo caseload of Holy Family Primary: open and monitoring cases, overdue first', async () => {
    const { caseloadSchools } = await senco.ok<{
      caseloadSchools: Array<{ name: string; openCases: number }>;
    }>(SCHOOLS);
    expect(caseloadSchools.map((s) => s.name)).toEqual(['Holy Family Primary']);
    expect(caseloadSchools[0]!.openCases).toBe(39);
    const { cases } = await senco.ok<{ cases: { totalCount: number; nodes: CaseRow[] } }>(LIST, {
      s: holyFamily,
    });
    expect(cases.totalCount).toBe(39);
    expect(cases.nodes).toHaveLength(39);
    expect(cases.nodes[0]!.attention).toBe('OVERDUE');
    expect(cases.nodes[0]!.overdueActions).toBe(1);
    expect(cases.nodes[1]!.attention).toBe('SOON');
    // The SEND lead of both trusts sees the schools of both, with their open cases.
    const leadSchools = (await lead.ok<{ caseloadSchools: Array<{ name: string }> }>(SCHOOLS))
      .caseloadSchools;
    expect(leadSchools).toHaveLength(16);
  });

  it('filters by status, need, concern and year group', async () => {
    const list = async (f: Record<string, unknown>) =>
      (
        await senco.ok<{ cases: { totalCount: number; nodes: Array<Record<string, unknown>> } }>(LIST, {
          s: holyFamily,
          f,
        })
      ).cases;
    const closed = await list({ statuses: ['CLOSED'] });
    expect(closed.totalCount).toBe(1);
    const slcn = await list({ need: 'SLCN' });
    expect(slcn.totalCount).toBeGreaterThan(0);
    expect(slcn.nodes.every((c) => c['primaryNeed'] === 'SLCN' || c['secondaryNeed'] === 'SLCN')).toBe(true);
    const reviews = await list({ concern: 'ANNUAL_REVIEW' });
    expect(reviews.totalCount).toBeGreaterThan(0);
    expect(
      reviews.nodes.every((c) =>
        (c['concerns'] as Array<{ kind: string }>).some((k) => k.kind === 'ANNUAL_REVIEW'),
      ),
    ).toBe(true);
    const y3 = await list({ yearGroup: 3, sort: 'REFERENCE' });
    expect(y3.nodes.every((c) => c['yearGroup'] === 3)).toBe(true);
    const refs = y3.nodes.map((c) => String(c['reference']).toLowerCase());
    expect(refs).toEqual([...refs].sort());
  });

  it('records a case with a pseudonymous reference and refuses names, dates of birth, census rules and repeats', async () => {
    const created = (
      await senco.ok<{ createCase: { id: string; yearGroup: number; concerns: unknown[] } }>(CREATE, {
        i: newCase({ concerns: [{ kind: 'APPEAL_TRIBUNAL', dueOn: addDays(10) }] }),
      })
    ).createCase;
    expect(created.yearGroup).toBe(2);
    expect(created.concerns).toEqual([{ kind: 'APPEAL_TRIBUNAL', dueOn: addDays(10) }]);
    for (const reference of ['Jessica Smith', 'JS 12/03/2017', '4567891234'])
      await senco.fails(CREATE, { i: newCase({ reference }) }, 'BAD_USER_INPUT');
    await senco.fails(
      CREATE,
      { i: newCase({ reference: 'QZ Y2', primaryNeed: 'NSA', senStatus: 'EHCP' }) },
      'BAD_USER_INPUT',
    );
    await senco.fails(
      CREATE,
      { i: newCase({ reference: 'QZ Y2', primaryNeed: 'ASD', secondaryNeed: 'ASD' }) },
      'BAD_USER_INPUT',
    );
    await senco.fails(CREATE, { i: newCase({ reference: 'qx y2' }) }, 'CONFLICT');
  });

  it('links EHCP drafts to the case with the same reference, started before or after the case', async () => {
    const [template] = await t.sql<{ id: string }>(
      "SELECT id FROM library_resources WHERE title = 'EHCP request template — Essex'",
    );
    const START = `mutation($t: ID!, $p: String!) { startEhcpDraft(templateResourceId: $t, pupilReference: $p) { id caseId } }`;
    const before = (
      await senco.ok<{ startEhcpDraft: { id: string; caseId: string | null } }>(START, {
        t: template!.id,
        p: 'KP Y5',
      })
    ).startEhcpDraft;
    expect(before.caseId).toBeNull();
    const c = (
      await senco.ok<{ createCase: { id: string } }>(CREATE, {
        i: newCase({ reference: 'KP Y5', yearGroup: 5 }),
      })
    ).createCase;
    const after = (
      await senco.ok<{ startEhcpDraft: { id: string; caseId: string | null } }>(START, {
        t: template!.id,
        p: 'kp y5',
      })
    ).startEhcpDraft;
    expect(after.caseId).toBe(c.id);
    const read = (await senco.ok<{ case: { ehcpDrafts: Array<{ id: string }> } }>(CASE, { id: c.id })).case;
    expect(read.ehcpDrafts.map((d) => d.id).sort()).toEqual([before.id, after.id].sort());
    const log = (
      await head.ok<{ caseAccessLog: { nodes: Array<{ kind: string }> } }>(ACCESS, { s: holyFamily, c: c.id })
    ).caseAccessLog.nodes;
    expect(log.map((e) => e.kind)).toContain('DRAFT_CHANGED');
  });

  it('moves the year group up each 1 September', async () => {
    const c = (
      await senco.ok<{ createCase: { id: string } }>(CREATE, {
        i: newCase({ reference: 'RY Y4', yearGroup: 4 }),
      })
    ).createCase;
    const lastYear = `${new Date().getUTCFullYear() - 1}-07-01`;
    await t.sql('UPDATE cases SET year_group_on = $2 WHERE id = $1', [c.id, lastYear]);
    const { case: read } = await senco.ok<{ case: { yearGroup: number } }>(CASE, { id: c.id });
    // Recorded in July last year: one 1 September has passed, or two if today is on or after 1 September.
    expect(read.yearGroup).toBe(4 + (new Date().getUTCMonth() >= 8 ? 2 : 1));
  });

  it('keeps the log append-only: an edit adds a version and the earlier text stays visible', async () => {
    const c = (
      await senco.ok<{ createCase: { id: string } }>(CREATE, {
        i: newCase({ reference: 'LW Y5', yearGroup: 5 }),
      })
    ).createCase;
    const note = (
      await senco.ok<{ addCaseNote: { id: string; version: number } }>(NOTE, {
        i: { caseId: c.id, happenedOn: londonToday(), body: 'Observed in class: *needs* a movement break.' },
      })
    ).addCaseNote;
    const edited = (
      await lead.ok<{ editCaseNote: { version: number; earlierVersions: Array<{ body: string }> } }>(EDIT, {
        i: {
          noteId: note.id,
          version: 1,
          body: 'Observed in class: needs a movement break every 20 minutes.',
        },
      })
    ).editCaseNote;
    expect(edited.version).toBe(2);
    expect(edited.earlierVersions.map((v) => v.body)).toEqual([
      'Observed in class: *needs* a movement break.',
    ]);
    await senco.fails(EDIT, { i: { noteId: note.id, version: 1, body: 'A stale edit.' } }, 'CONFLICT');
    await senco.fails(
      NOTE,
      { i: { caseId: c.id, happenedOn: londonToday(), body: 'Spoke to Jessica Smith about it.' } },
      'PERSONAL_DATA',
    );
    await senco.fails(
      NOTE,
      { i: { caseId: c.id, happenedOn: addDays(3), body: 'Tomorrow.' } },
      'BAD_USER_INPUT',
    );
    await expect(
      t.sql('UPDATE case_log_entries SET body = $1 WHERE note_id = $2', ['rewritten', note.id]),
    ).rejects.toThrow(/append-only/);
    const head2 = (
      await head.ok<{ case: { notes: Array<{ id: string; earlierVersions: unknown[] }> } }>(CASE, {
        id: c.id,
      })
    ).case;
    expect(head2.notes.find((n) => n.id === note.id)!.earlierVersions).toHaveLength(1);
  });

  it('adds actions owned by people who may read the case, lists them as "my actions" and reminds once', async () => {
    const c = (
      await senco.ok<{ createCase: { id: string } }>(CREATE, {
        i: newCase({ reference: 'TB Y1', yearGroup: 1 }),
      })
    ).createCase;
    const owners = (
      await senco.ok<{ caseActionOwners: Array<{ id: string }> }>(OWNERS, { c: c.id })
    ).caseActionOwners.map((o) => o.id);
    expect(owners.sort()).toEqual(
      [id.user(DEMO.sencoHolyFamily), id.user(DEMO.headHolyFamily), id.user(DEMO.sendLead)].sort(),
    );
    const action = (
      await senco.ok<{ addCaseAction: { id: string; sourceLabel: string } }>(ACTION, {
        i: {
          caseId: c.id,
          title: 'Book the educational psychologist',
          ownerId: id.user(DEMO.sendLead),
          dueOn: addDays(1),
        },
      })
    ).addCaseAction;
    expect(action.sourceLabel).toBe('Case TB Y1');
    for (const other of [DEMO.sencoHolyCross, DEMO.leaderAssisi, DEMO.sendLeadMagnificat])
      await senco.fails(
        ACTION,
        { i: { caseId: c.id, title: 'Someone else', ownerId: id.user(other), dueOn: addDays(1) } },
        'BAD_USER_INPUT',
      );
    await senco.fails(
      ACTION,
      { i: { caseId: c.id, title: 'Too late', ownerId: id.user(DEMO.sencoHolyFamily), dueOn: addDays(-1) } },
      'BAD_USER_INPUT',
    );

    const mine = (await lead.ok<{ myActions: { nodes: Array<{ id: string }> } }>(MINE)).myActions;
    expect(mine.nodes.map((a) => a.id)).toContain(action.id);
    const assigned = await t.sql<{ n: number }>(
      "SELECT count(*)::int AS n FROM notifications WHERE recipient_id = $1 AND kind = 'ACTION_ASSIGNED'",
      [id.user(DEMO.sendLead)],
    );
    expect(assigned[0]!.n).toBeGreaterThan(0);

    const reminders = t.app.get(ActionRemindersService);
    const count = async () =>
      (
        await t.sql<{ n: number }>(
          "SELECT count(*)::int AS n FROM notifications WHERE recipient_id = $1 AND kind IN ('ACTION_DUE_SOON', 'ACTION_OVERDUE')",
          [id.user(DEMO.sendLead)],
        )
      )[0]!.n;
    const before = await count();
    await reminders.remind();
    const afterFirst = await count();
    expect(afterFirst).toBeGreaterThan(before);
    await reminders.remind();
    expect(await count()).toBe(afterFirst);
    // Overdue: a reminder once more when the date has passed.
    await t.sql('UPDATE actions SET due_on = due_on - 5 WHERE id = $1', [action.id]);
    await reminders.remind();
    const overdue = await t.sql<{ n: number }>(
      "SELECT count(*)::int AS n FROM notifications WHERE recipient_id = $1 AND kind = 'ACTION_OVERDUE' AND title LIKE '%TB Y1%'",
      [id.user(DEMO.sendLead)],
    );
    expect(overdue[0]!.n).toBe(1);

    const done = (
      await lead.ok<{ updateAction: { status: string; closedAt: string | null } }>(UPDATE_ACTION, {
        i: { id: action.id, status: 'DONE' },
      })
    ).updateAction;
    expect(done.status).toBe('DONE');
    await lead.fails(
      UPDATE_ACTION,
      { i: { id: action.id, title: 'Phone Jessica Smith at home' } },
      'PERSONAL_DATA',
    );
    expect(done.closedAt).not.toBeNull();
    await (
      await t.signedIn(DEMO.sencoHolyCross)
    ).fails(UPDATE_ACTION, { i: { id: action.id, status: 'OPEN' } }, 'NOT_FOUND');
  });

  it('shows the school who read or changed which case in the case-access log, never in the network audit trail', async () => {
    const c = (
      await senco.ok<{ createCase: { id: string } }>(CREATE, {
        i: newCase({ reference: 'HV Y6', yearGroup: 6 }),
      })
    ).createCase;
    await lead.ok(CASE, { id: c.id });
    const log = (
      await head.ok<{
        caseAccessLog: {
          nodes: Array<{ kind: string; actor: { displayName: string }; caseReference: string }>;
        };
      }>(ACCESS, { s: holyFamily, c: c.id })
    ).caseAccessLog.nodes;
    expect(log.map((e) => [e.kind, e.actor.displayName])).toEqual([
      ['CASE_READ', 'Head of SEND and Inclusion (both trusts)'],
      ['CASE_CREATED', 'SENCO, Holy Family Primary'],
    ]);
    expect(log[0]!.caseReference).toBe('HV Y6');
    const audit = await t.sql<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_entries WHERE summary LIKE '%HV Y6%'",
    );
    expect(audit[0]!.n).toBe(0);
  });

  it('reads a page of 150 cases in the same number of statements as a page of 40', async () => {
    const school = id.school('ACT', 'Our Lady of Ransom Primary');
    const values = Array.from(
      { length: 150 },
      (_, i) =>
        `('${school}', 'B${String.fromCharCode(65 + (i % 26))}${String.fromCharCode(65 + Math.floor(i / 26))} Y${i % 7}', ${i % 7}, now(), 'SEN_SUPPORT', 'SLCN', '${id.user(DEMO.sendLead)}')`,
    );
    await t.sql(
      `INSERT INTO cases (school_id, reference, year_group, year_group_on, sen_status, primary_need, created_by) VALUES ${values.join(', ')}`,
    );
    const statements = async (s: string) => {
      await lead.ok(LIST, { s });
      const requestId = `caseload-${s}-${Date.now()}`;
      lead.headers = { 'x-request-id': requestId };
      try {
        const r = await lead.ok<{ cases: { nodes: unknown[] } }>(LIST, { s });
        expect(r.cases.nodes.length).toBeGreaterThanOrEqual(39);
      } finally {
        lead.headers = {};
      }
      return queryCountFor(requestId);
    };
    const small = await statements(holyFamily);
    const large = await statements(school);
    expect(small).toBeGreaterThan(0);
    expect(large).toBe(small);
  });

  describe('who may read and change cases', () => {
    let caseId: string;
    let noteId: string;
    let actionId: string;
    beforeAll(async () => {
      caseId = (
        await senco.ok<{ createCase: { id: string } }>(CREATE, {
          i: newCase({ reference: 'MX Y3', yearGroup: 3 }),
        })
      ).createCase.id;
      noteId = (
        await senco.ok<{ addCaseNote: { id: string } }>(NOTE, {
          i: { caseId, happenedOn: londonToday(), body: 'First.' },
        })
      ).addCaseNote.id;
      actionId = (
        await senco.ok<{ addCaseAction: { id: string } }>(ACTION, {
          i: { caseId, title: 'Check the plan', ownerId: id.user(DEMO.sencoHolyFamily), dueOn: addDays(3) },
        })
      ).addCaseAction.id;
    });
    const operations = () => [
      { name: 'list', q: LIST, v: { s: holyFamily } },
      { name: 'read', q: CASE, v: { id: caseId } },
      { name: 'owners', q: OWNERS, v: { c: caseId } },
      { name: 'access log', q: ACCESS, v: { s: holyFamily, c: null } },
      { name: 'create', q: CREATE, v: { i: newCase({ reference: 'ZZ Y3' }) } },
      {
        name: 'update',
        q: UPDATE,
        v: {
          i: {
            ...newCase({ reference: 'MX Y3', yearGroup: 3 }),
            schoolId: undefined,
            id: caseId,
            revision: 1,
            status: 'OPEN',
          },
        },
      },
      { name: 'note', q: NOTE, v: { i: { caseId, happenedOn: londonToday(), body: 'A note.' } } },
      {
        name: 'action',
        q: ACTION,
        v: { i: { caseId, title: 'An action', ownerId: id.user(DEMO.sencoHolyFamily), dueOn: addDays(2) } },
      },
    ];

    it('refuses everyone outside the school and its trust’s SEND lead: roles without case data FORBIDDEN, others NOT_FOUND', async () => {
      const forbidden = [DEMO.admin, DEMO.leaderAssisi, DEMO.leaderChristus, DEMO.staffHolyFamily];
      const notFound = [
        DEMO.sencoHolyCross,
        DEMO.sencoStJosephsAct,
        DEMO.sendLeadMagnificat,
        DEMO.sencoStBernadettes,
      ];
      for (const email of forbidden) {
        const c = await elevated(t, email);
        for (const op of operations()) {
          const { error } = await c.fails(op.q, op.v, 'FORBIDDEN').catch((e) => {
            throw new Error(`${email} ${op.name}: ${e}`);
          });
          expect(error.message).not.toContain('MX Y3');
        }
      }
      for (const email of notFound) {
        const c = await elevated(t, email);
        for (const op of operations()) {
          await c.fails(op.q, op.v, 'NOT_FOUND').catch((e) => {
            throw new Error(`${email} ${op.name}: ${e}`);
          });
        }
      }
      // Changing an action is open to anyone signed in; the case-data rule then finds nothing.
      for (const email of [...forbidden, ...notFound]) {
        const c = await elevated(t, email);
        await c.fails(UPDATE_ACTION, { i: { id: actionId, status: 'DONE' } }, 'NOT_FOUND');
      }
    });

    it('refuses a visitor with no session, and a session without its second factor', async () => {
      const anonymous = new GqlClient(t.url);
      for (const op of operations()) await anonymous.fails(op.q, op.v, 'UNAUTHENTICATED');
      const plain = await t.signedIn(DEMO.headHolyFamily);
      for (const op of operations()) await plain.fails(op.q, op.v, 'SECOND_FACTOR_REQUIRED');
      await plain.fails(UPDATE_ACTION, { i: { id: actionId, status: 'DONE' } }, 'SECOND_FACTOR_REQUIRED');
      await anonymous.fails(UPDATE_ACTION, { i: { id: actionId, status: 'DONE' } }, 'UNAUTHENTICATED');
      // "My actions" still works, with case actions left out until the second factor is given.
      const leadPlain = await t.signedIn(DEMO.sendLead);
      const mine = (await leadPlain.ok<{ myActions: { hiddenCaseActions: number; nodes: unknown[] } }>(MINE))
        .myActions;
      expect(mine.hiddenCaseActions).toBeGreaterThanOrEqual(1);
      expect(mine.nodes).toEqual([]);
    });

    it('lets the school’s SENCO and headteacher and the trust’s SEND lead do each of them', async () => {
      for (const c of [senco, head, lead]) {
        await c.ok(CASE, { id: caseId });
        await c.ok(NOTE, { i: { caseId, happenedOn: londonToday(), body: 'Checked in.' } });
      }
      const updated = (
        await head.ok<{ updateCase: { revision: number; status: string } }>(UPDATE, {
          i: {
            ...newCase({ reference: 'MX Y3', yearGroup: 3, primaryNeed: 'SEMH' }),
            schoolId: undefined,
            id: caseId,
            revision: 1,
            status: 'MONITORING',
          },
        })
      ).updateCase;
      expect(updated).toMatchObject({ revision: 2, status: 'MONITORING' });
      await senco.fails(
        UPDATE,
        {
          i: {
            ...newCase({ reference: 'MX Y3', yearGroup: 3 }),
            schoolId: undefined,
            id: caseId,
            revision: 1,
            status: 'OPEN',
          },
        },
        'CONFLICT',
      );
    });
  });
});
