import type { EntityManager } from 'typeorm';
import {
  AuditAction,
  SUPERVISION_LIMITS as L,
  SupervisionRole,
  SupervisionStatus,
  supervisionStream,
} from '@lantern/shared-domain';
import type { RequestContext } from '../../common/context/request-context';
import { Errors } from '../../common/errors/app-error';
import type {
  PersonalDataService,
  PersonalDataTarget,
} from '../../common/personal-data/personal-data.service';
import type { SupervisionSessionScope } from './supervision-access.service';
import type { SupervisionAgendaItemModel, SupervisionSessionModel } from './supervision.model';

/** A session as the queries of this module return it (`$me` names the viewer's id parameter). */
export interface SessionRow {
  id: string;
  school_id: string;
  school_name: string;
  trust_id: string;
  title: string;
  status: SupervisionStatus;
  starts_at: Date;
  minutes: number;
  location: string | null;
  online_link: string | null;
  chair_id: string;
  current_case_id: string | null;
  started_at: Date | null;
  ended_at: Date | null;
  revision: number;
  my_role: SupervisionRole | null;
}

export const sessionColumns = (me: string) => `s.id, s.school_id, sc.name AS school_name, s.trust_id, s.title,
  s.status, s.starts_at, s.minutes, s.location, s.online_link, s.chair_id, s.current_case_id, s.started_at,
  s.ended_at, s.revision,
  (SELECT p.role FROM supervision_participants p WHERE p.session_id = s.id AND p.user_id = ${me}) AS my_role`;

export function toSession(r: SessionRow): SupervisionSessionModel {
  return {
    id: r.id,
    schoolId: r.school_id,
    schoolName: r.school_name,
    trustId: r.trust_id,
    title: r.title,
    status: r.status,
    startsAt: r.starts_at,
    minutes: r.minutes,
    location: r.location,
    onlineLink: r.online_link,
    chairId: r.chair_id,
    currentCaseId: r.current_case_id,
    startedAt: r.started_at,
    endedAt: r.ended_at,
    revision: r.revision,
    stream: supervisionStream(r.id),
    myRole: r.my_role,
  };
}

/** One session for the viewer `me`, read with `m`. */
export async function loadSession(
  m: EntityManager,
  id: string,
  me: string,
): Promise<SupervisionSessionModel> {
  const [row]: SessionRow[] = await m.query(
    `SELECT ${sessionColumns('$2')} FROM supervision_sessions s JOIN schools sc ON sc.id = s.school_id
      WHERE s.id = $1`,
    [id, me],
  );
  if (!row) throw Errors.notFound('That supervision session');
  return toSession(row);
}

export const AGENDA_ITEM_COLUMNS = `a.id, a.session_id, a.case_id, c.reference AS case_reference, a.position, a.question,
  a.summary, a.decisions, c.school_id, sc.trust_id`;

export interface AgendaItemRow {
  id: string;
  session_id: string;
  case_id: string;
  case_reference: string;
  position: number;
  question: string;
  summary: string;
  decisions: string;
  school_id: string;
  trust_id: string;
}

export function toAgendaItem(r: AgendaItemRow): SupervisionAgendaItemModel {
  return {
    id: r.id,
    sessionId: r.session_id,
    caseId: r.case_id,
    caseReference: r.case_reference,
    position: r.position,
    question: r.question,
    summary: r.summary,
    decisions: r.decisions,
    schoolId: r.school_id,
    trustId: r.trust_id,
  };
}

/** Nothing in a session changes once its record is signed (corrections are addenda), nor once cancelled. */
export function assertChangeable(s: SupervisionSessionScope, cancelledToo = true): void {
  if (s.signed)
    throw Errors.conflict(
      'The record of this session is signed, so nothing in it can change. Add an addendum to the record instead.',
    );
  if (cancelledToo && s.status === SupervisionStatus.Cancelled)
    throw Errors.conflict('This session was cancelled, so nothing in it can change.');
}

export function target(s: { schoolId: string; trustId: string; id?: string }): PersonalDataTarget {
  return {
    action: AuditAction.CasePersonalDataOverride,
    verb: 'Saved to a supervision session',
    trustId: s.trustId,
    schoolId: s.schoolId,
    targetType: 'supervision-session',
    targetId: s.id,
  };
}

/**
 * The personal-data check for a session's texts. "Keep it anyway" (`override`) lets through what
 * looks like a person's name (often a colleague or a false alarm; audited), never an identifier such
 * as a date of birth, a UPN or an NHS number.
 */
export async function checkTexts(
  personalData: PersonalDataService,
  ctx: RequestContext,
  m: EntityManager,
  texts: ReadonlyArray<string | null | undefined>,
  override: boolean | null | undefined,
  where: PersonalDataTarget,
): Promise<void> {
  await personalData.checkKeepingNames(
    ctx,
    texts,
    override,
    'Kept a flagged name in a supervision session.',
    where,
    m,
  );
}

/** The agenda as asked: at most SUPERVISION_LIMITS.agendaMax cases, each once, with trimmed questions. */
export function agendaOf(
  items: ReadonlyArray<{ caseId: string; question: string }>,
): Array<{ caseId: string; question: string }> {
  if (items.length > L.agendaMax)
    throw Errors.badInput(`Bring at most ${L.agendaMax} cases to one session.`, { agenda: 'Too many' });
  const seen = new Set<string>();
  return items.map((i) => {
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(i.caseId))
      throw Errors.badInput('Choose cases from the list.', { agenda: 'Not a case' });
    if (seen.has(i.caseId))
      throw Errors.badInput('Each case can be on the agenda once.', { agenda: 'Repeated' });
    seen.add(i.caseId);
    const question = (i.question ?? '').trim();
    if (question.length > L.questionMax)
      throw Errors.badInput(`Keep a question to ${L.questionMax} characters.`, { agenda: 'Too long' });
    return { caseId: i.caseId, question };
  });
}

/** Trimmed optional text (empty is null); a link must be a web address. */
export function placeOf(input: { location?: string | null; onlineLink?: string | null }): {
  location: string | null;
  onlineLink: string | null;
} {
  const location = input.location?.trim() || null;
  const onlineLink = input.onlineLink?.trim() || null;
  if (onlineLink && !/^https?:\/\/[^\s]+$/i.test(onlineLink))
    throw Errors.badInput('Enter the link to join as a web address starting with https://.', {
      onlineLink: 'Not a link',
    });
  return { location, onlineLink };
}

export function titleOf(title: string | null | undefined): string {
  const t = (title ?? '').trim() || 'Caseload supervision';
  if (t.length > L.titleMax)
    throw Errors.badInput(`Keep the title to ${L.titleMax} characters.`, { title: 'Too long' });
  return t;
}

/** "14:00" in England. */
export function timeLabel(at: Date): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    hour: '2-digit',
    minute: '2-digit',
  }).format(at);
}

/** "Tue 3 Mar, 14:00" in England. */
export function whenLabel(at: Date): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  }).format(at);
}
