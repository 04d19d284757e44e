import type { EntityManager } from 'typeorm';
import { ActionStatus, SupervisionRole, londonToday } from '@lantern/shared-domain';

/**
 * What a record says: a snapshot taken when it is drafted (ADR 12), so later changes to the agenda,
 * the actions or people's names do not change a record both sides signed. Stored as
 * `supervision_records.content` (jsonb); times as ISO strings.
 */
export interface SupervisionRecordContent {
  title: string;
  schoolName: string;
  startedAt: string | null;
  endedAt: string | null;
  attendees: SupervisionRecordAttendee[];
  cases: SupervisionRecordCase[];
}

export interface SupervisionRecordAttendee {
  userId: string;
  displayName: string;
  role: SupervisionRole;
}

export interface SupervisionRecordAction {
  id: string;
  title: string;
  ownerName: string;
  dueOn: string;
  status: ActionStatus;
}

export interface SupervisionRecordCase {
  caseId: string;
  caseReference: string;
  question: string;
  summary: string;
  decisions: string;
  actions: SupervisionRecordAction[];
}

/** SEND lead first, then SENCOs, then an invited headteacher; by name within a role. */
const ROLE_ORDER = `CASE p.role WHEN 'SEND_LEAD' THEN 0 WHEN 'SENCO' THEN 1 ELSE 2 END`;

/**
 * The snapshot of a session for its record, in three statements with the caller's manager: the
 * session and school, the attendees, and the agenda cases with the actions raised on each in this
 * session (any status; case actions remember the session in `supervision_session_id`).
 */
export async function recordContentOf(
  m: EntityManager,
  sessionId: string,
): Promise<SupervisionRecordContent> {
  const [session] = await m.query(
    `SELECT s.title, sc.name AS school_name, s.started_at, s.ended_at
       FROM supervision_sessions s JOIN schools sc ON sc.id = s.school_id WHERE s.id = $1`,
    [sessionId],
  );
  const attendees: SupervisionRecordAttendee[] = await m.query(
    `SELECT p.user_id AS "userId", u.display_name AS "displayName", p.role
       FROM supervision_participants p JOIN users u ON u.id = p.user_id
      WHERE p.session_id = $1 ORDER BY ${ROLE_ORDER}, u.display_name, u.id`,
    [sessionId],
  );
  const cases: SupervisionRecordCase[] = await m.query(
    `SELECT i.case_id AS "caseId", c.reference AS "caseReference", i.question, i.summary, i.decisions,
            coalesce((SELECT json_agg(json_build_object(
                        'id', a.id, 'title', a.title, 'ownerName', u.display_name,
                        'dueOn', to_char(a.due_on, 'YYYY-MM-DD'), 'status', a.status)
                      ORDER BY a.due_on, a.created_at, a.id)
                        FROM actions a JOIN users u ON u.id = a.owner_id
                       WHERE a.supervision_session_id = i.session_id AND a.source_kind = 'CASE'
                         AND a.source_id = i.case_id), '[]'::json) AS actions
       FROM supervision_agenda_items i JOIN cases c ON c.id = i.case_id
      WHERE i.session_id = $1 ORDER BY i.position, i.id`,
    [sessionId],
  );
  const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);
  return {
    title: session.title,
    schoolName: session.school_name,
    startedAt: iso(session.started_at),
    endedAt: iso(session.ended_at),
    attendees,
    cases: cases.map((c) => ({
      ...c,
      actions: typeof c.actions === 'string' ? JSON.parse(c.actions) : c.actions,
    })),
  };
}

/** A markdown note for the case log: the record is what is kept with the case. */
export function caseLogNote(
  content: SupervisionRecordContent,
  c: SupervisionRecordContent['cases'][number],
  sessionId: string,
): string {
  const when = content.startedAt ? londonToday(new Date(content.startedAt)) : null;
  const title = content.title.replace(/([\\[\]*_`])/g, '\\$1');
  const lines = [
    `**Supervision record signed** by the SENCO and the trust SEND lead: [${title}](/supervision/${sessionId})${when ? ` (${when})` : ''}.`,
  ];
  const part = (label: string, text: string) => {
    if (text.trim()) lines.push('', `**${label}**`, '', text.trim());
  };
  part('Question', c.question);
  part('Summary', c.summary);
  part('Decisions', c.decisions);
  if (c.actions.length)
    part('Actions raised', c.actions.map((a) => `- ${a.title} (due ${a.dueOn})`).join('\n'));
  return lines.join('\n');
}
