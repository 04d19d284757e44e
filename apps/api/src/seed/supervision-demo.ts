import type { EntityManager } from 'typeorm';
import { addDays, londonInstant, londonToday, supervisionStream } from '@lantern/shared-domain';
import { caseLogNote, recordContentOf } from '../modules/supervision/supervision-record-content';

/**
 * Demo supervision at Holy Family Primary (ADR 12): a session two weeks ago between the school's
 * SENCO and the trust SEND lead (who chaired it), ended, with two cases discussed, their outcomes, an
 * action raised there (still open, so it carries forward), a few messages in its room and a record
 * both sides signed (kept with each case as a log note); and a session next week with an agenda,
 * the headteacher invited. Rows are written directly, in the seed's one transaction; nothing is
 * written if the school already has a session.
 */

const SCHOOL = 'ACT/Holy Family Primary';
const SENCO = 'senco.holy-family@demo.lantern.test';
const LEAD = 'send.lead@demo.lantern.test';
const HEAD = 'headteacher.holy-family@demo.lantern.test';

/** What was said and decided (texts checked for personal data by supervision-record.spec). */
export const DEMO_SUPERVISION = {
  /** The past session: [case index, question, summary, decisions]. */
  outcomes: [
    [
      0,
      'The visual timetable helps in class but not at lunchtime: what else should we try?',
      'Settled in class since the visual timetable started; lunchtimes are still hard, with two incidents this half term.',
      '- Extend the visual timetable to lunchtime\n- Midday supervisors to use the agreed calm-down space',
    ],
    [
      1,
      'Is there enough evidence to request an EHC needs assessment?',
      'Two cycles of assess, plan, do, review are documented; the speech and language therapy report supports a request.',
      '- Prepare the EHC needs assessment request this half term\n- Bring the draft to the next supervision',
    ],
  ] as Array<[number, string, string, string]>,
  action: 'Brief the midday supervisors on the calm-down space',
  /** The past session's room: [author (lead or senco), text, case index or null]. */
  messages: [
    ['lead', 'Welcome. Two cases today; first the lunchtime question.', null],
    ['senco', 'Class is much calmer with the visual timetable. Lunchtime is where it breaks down.', 0],
    ['lead', 'Could the midday supervisors use the same calm-down space? I will raise an action.', 0],
    ['senco', 'Next: the evidence for the EHC needs assessment request.', 1],
  ] as Array<['lead' | 'senco', string, number | null]>,
  /** Next week's agenda: [case index, question]. */
  agenda: [
    [0, 'Has the lunchtime plan made a difference?'],
    [1, 'Review the draft EHC needs assessment request before it is sent.'],
    [2, 'New concerns raised by the class teacher: agree the next steps.'],
  ] as Array<[number, string]>,
  place: 'SENCO office, Holy Family Primary',
};

const minutesAfter = (at: Date, minutes: number) => new Date(at.getTime() + minutes * 60_000);

export async function seedSupervision(
  m: EntityManager,
  schoolIds: ReadonlyMap<string, string>,
  userIds: ReadonlyMap<string, string>,
): Promise<void> {
  const schoolId = schoolIds.get(SCHOOL);
  const senco = userIds.get(SENCO);
  const lead = userIds.get(LEAD);
  const head = userIds.get(HEAD);
  if (!schoolId || !senco || !lead || !head)
    throw new Error('Demo supervision names an unknown school or account');
  const [{ n }] = await m.query('SELECT count(*)::int AS n FROM supervision_sessions WHERE school_id = $1', [
    schoolId,
  ]);
  if (n > 0) return;
  const [{ trust_id: trustId }] = await m.query('SELECT trust_id FROM schools WHERE id = $1', [schoolId]);
  const cases: Array<{ id: string; reference: string }> = await m.query(
    `SELECT id, reference FROM cases WHERE school_id = $1 AND status = 'OPEN' ORDER BY reference LIMIT 3`,
    [schoolId],
  );
  const caseId = (i: number): string => {
    const c = cases[i];
    if (!c) throw new Error('Demo supervision needs three open cases at Holy Family Primary');
    return c.id;
  };
  const today = londonToday();

  // Two weeks ago: ended, outcomes recorded, an action raised, the record signed by both sides.
  const startedAt = londonInstant(addDays(today, -14), '15:30');
  const endedAt = minutesAfter(startedAt, 55);
  const past = await session(m, {
    schoolId,
    trustId,
    title: 'Caseload supervision',
    status: 'ENDED',
    startsAt: startedAt,
    startedAt,
    endedAt,
    chair: lead,
    location: DEMO_SUPERVISION.place,
  });
  await participants(m, past, [
    [lead, 'SEND_LEAD'],
    [senco, 'SENCO'],
  ]);
  for (const [i, [c, question, summary, decisions]] of DEMO_SUPERVISION.outcomes.entries())
    await m.query(
      `INSERT INTO supervision_agenda_items (session_id, case_id, position, question, summary, decisions, added_by, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [past, caseId(c), i, question, summary, decisions, senco, endedAt],
    );
  await m.query(
    `INSERT INTO actions (source_kind, source_id, school_id, trust_id, title, owner_id, due_on, created_by, created_at, updated_at,
                          supervision_session_id)
     VALUES ('CASE', $1, $2, $3, $4, $5, $6, $7, $8, $8, $9)`,
    [
      caseId(0),
      schoolId,
      trustId,
      DEMO_SUPERVISION.action,
      senco,
      addDays(today, 7),
      lead,
      minutesAfter(startedAt, 20),
      past,
    ],
  );
  await room(
    m,
    past,
    startedAt,
    DEMO_SUPERVISION.messages.map(([who, text, c]) => [
      who === 'lead' ? lead : senco,
      text,
      c === null ? null : caseId(c),
    ]),
  );
  await record(m, past, { senco, lead, endedAt });

  // Next week: scheduled, with an agenda (the open action above shows under the first case).
  const next = await session(m, {
    schoolId,
    trustId,
    title: 'Caseload supervision: follow-up',
    status: 'SCHEDULED',
    startsAt: londonInstant(addDays(today, 7), '15:30'),
    startedAt: null,
    endedAt: null,
    chair: lead,
    location: DEMO_SUPERVISION.place,
  });
  await participants(m, next, [
    [lead, 'SEND_LEAD'],
    [senco, 'SENCO'],
    [head, 'HEADTEACHER'],
  ]);
  for (const [i, [c, question]] of DEMO_SUPERVISION.agenda.entries())
    await m.query(
      `INSERT INTO supervision_agenda_items (session_id, case_id, position, question, added_by) VALUES ($1, $2, $3, $4, $5)`,
      [next, caseId(c), i, question, senco],
    );
}

interface NewSession {
  schoolId: string;
  trustId: string;
  title: string;
  status: 'ENDED' | 'SCHEDULED';
  startsAt: Date;
  startedAt: Date | null;
  endedAt: Date | null;
  chair: string;
  location: string;
}

async function session(m: EntityManager, s: NewSession): Promise<string> {
  const [row] = await m.query(
    `INSERT INTO supervision_sessions (school_id, trust_id, title, status, starts_at, minutes, location, chair_id,
                                       started_at, ended_at, reminded_at, created_by, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, 60, $6, $7, $8, $9, $10, $7, $11, $11) RETURNING id`,
    [
      s.schoolId,
      s.trustId,
      s.title,
      s.status,
      s.startsAt,
      s.location,
      s.chair,
      s.startedAt,
      s.endedAt,
      // A past session was reminded of long ago; the next one is reminded by the job.
      s.status === 'ENDED' ? minutesAfter(s.startsAt, -15) : null,
      minutesAfter(s.startsAt, -7 * 24 * 60),
    ],
  );
  return row.id;
}

async function participants(
  m: EntityManager,
  sessionId: string,
  people: Array<[string, string]>,
): Promise<void> {
  for (const [userId, role] of people)
    await m.query('INSERT INTO supervision_participants (session_id, user_id, role) VALUES ($1, $2, $3)', [
      sessionId,
      userId,
      role,
    ]);
}

/** A few messages in the session's room (the stream `supervision:<id>`), a minute apart. */
async function room(
  m: EntityManager,
  sessionId: string,
  startedAt: Date,
  messages: Array<[string, string, string | null]>,
): Promise<void> {
  const key = supervisionStream(sessionId);
  await m.query('INSERT INTO streams (key, last_seq) VALUES ($1, $2)', [key, messages.length]);
  for (const [i, [author, text, caseId]] of messages.entries())
    await m.query(
      `INSERT INTO stream_items (stream_key, seq, client_id, author_id, body, created_at) VALUES ($1, $2, $3, $4, $5::jsonb, $6)`,
      [
        key,
        i + 1,
        `demo-${i + 1}`,
        author,
        JSON.stringify({ type: 'message', text, caseId }),
        minutesAfter(startedAt, 2 + i * 6),
      ],
    );
}

/** The record, drafted by the SEND lead after the session and signed by both; kept with each case. */
async function record(
  m: EntityManager,
  sessionId: string,
  p: { senco: string; lead: string; endedAt: Date },
): Promise<void> {
  const content = await recordContentOf(m, sessionId);
  const draftedAt = minutesAfter(p.endedAt, 30);
  const sencoSignedAt = minutesAfter(p.endedAt, 90);
  const leadSignedAt = minutesAfter(p.endedAt, 24 * 60);
  await m.query(
    `INSERT INTO supervision_records (session_id, content, revision, drafted_by, drafted_at,
                                      senco_signed_by, senco_signed_at, lead_signed_by, lead_signed_at, signed_at)
     VALUES ($1, $2::jsonb, 1, $3, $4, $5, $6, $3, $7, $7)`,
    [sessionId, JSON.stringify(content), p.lead, draftedAt, p.senco, sencoSignedAt, leadSignedAt],
  );
  const day = londonToday(p.endedAt);
  for (const c of content.cases)
    await m.query(
      `INSERT INTO case_log_entries (case_id, note_id, version, happened_on, body, written_by, written_at)
       VALUES ($1, gen_random_uuid(), 1, $2, $3, $4, $5)`,
      [c.caseId, day, caseLogNote(content, c, sessionId), p.lead, leadSignedAt],
    );
}
