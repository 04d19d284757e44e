import { z } from 'zod';
import { Actor, Permission, can, canAccessCaseData } from './policy';
import { Role, ScopeKind } from './roles';

/**
 * Live caseload supervision (ADR 12): a session belongs to one school and is between that school's
 * SENCO(s) and its trust's SEND lead, who chairs it; the headteacher may be invited. Everything in a
 * session is case data: the case-data rule applies first, and only participants take part.
 */
export enum SupervisionStatus {
  Scheduled = 'SCHEDULED',
  Live = 'LIVE',
  Ended = 'ENDED',
  Cancelled = 'CANCELLED',
}

export const SUPERVISION_STATUS_LABEL: Readonly<Record<SupervisionStatus, string>> = {
  [SupervisionStatus.Scheduled]: 'Scheduled',
  [SupervisionStatus.Live]: 'Live now',
  [SupervisionStatus.Ended]: 'Ended',
  [SupervisionStatus.Cancelled]: 'Cancelled',
};

/** How a person takes part: which side of the record they sign for (a headteacher signs nothing). */
export enum SupervisionRole {
  Senco = 'SENCO',
  SendLead = 'SEND_LEAD',
  Headteacher = 'HEADTEACHER',
}

export const SUPERVISION_ROLE_LABEL: Readonly<Record<SupervisionRole, string>> = {
  [SupervisionRole.Senco]: 'SENCO',
  [SupervisionRole.SendLead]: 'Trust SEND lead',
  [SupervisionRole.Headteacher]: 'Headteacher',
};

/** The two sides that sign a record or an addendum. */
export type SupervisionSignSide = SupervisionRole.Senco | SupervisionRole.SendLead;

export const SUPERVISION_LIMITS = {
  titleMax: 120,
  minutesMin: 15,
  minutesMax: 240,
  locationMax: 200,
  linkMax: 500,
  agendaMax: 20,
  questionMax: 1_000,
  summaryMax: 10_000,
  decisionsMax: 10_000,
  messageMax: 4_000,
  addendumMax: 10_000,
  searchMax: 100,
  pageSize: 25,
  /** "Starting in 15 minutes". */
  remindMinutesBefore: 15,
} as const;

/** A session as the policy sees it. */
export interface SupervisionScope {
  schoolId: string;
  trustId: string;
  chairId: string;
  participants: ReadonlyArray<{ userId: string; role: SupervisionRole }>;
}

function holds(actor: Actor, role: Role, s: { schoolId: string; trustId: string }): boolean {
  return actor.grants.some(
    (g) =>
      g.role === role &&
      g.trustId === s.trustId &&
      (role === Role.TrustSendLead || g.schoolId === s.schoolId),
  );
}

export function supervisionRoleOf(actor: Actor | null, s: SupervisionScope): SupervisionRole | null {
  if (!actor) return null;
  return s.participants.find((p) => p.userId === actor.userId)?.role ?? null;
}

/**
 * Who may schedule or start a session for a school: its SENCOs and its trust's SEND leads (both
 * through the case-data rule: a school role elsewhere or another trust's lead is refused).
 */
export function canScheduleSupervision(actor: Actor | null, s: { schoolId: string; trustId: string }): boolean {
  if (!actor || !canAccessCaseData(actor, s)) return false;
  return holds(actor, Role.Senco, s) || holds(actor, Role.TrustSendLead, s);
}

/**
 * Who may see a session (its agenda, record, export): participants, and the school's SENCOs and its
 * trust's SEND leads; always under the case-data rule (so a person who lost the role loses the session).
 */
export function canSeeSupervision(actor: Actor | null, s: SupervisionScope): boolean {
  if (!actor || !canAccessCaseData(actor, s)) return false;
  return supervisionRoleOf(actor, s) !== null || canScheduleSupervision(actor, s);
}

/** Who takes part live (joins the room, sends, reads the transcript): participants under the case-data rule. */
export function canJoinSupervision(actor: Actor | null, s: SupervisionScope): boolean {
  return !!actor && canAccessCaseData(actor, s) && supervisionRoleOf(actor, s) !== null;
}

/** Agenda, outcomes, start/end, actions: participants who sign (SENCO or SEND lead), not an invited headteacher. */
export function canRunSupervision(actor: Actor | null, s: SupervisionScope): boolean {
  const role = supervisionRoleOf(actor, s);
  return canJoinSupervision(actor, s) && (role === SupervisionRole.Senco || role === SupervisionRole.SendLead);
}

/** The chair moves the current case, hands over the chair and ends the session. */
export function canChairSupervision(actor: Actor | null, s: SupervisionScope): boolean {
  return canJoinSupervision(actor, s) && actor!.userId === s.chairId;
}

/** May the actor sign for `side`? A participant in that role, under the case-data rule. */
export function canSignSupervision(actor: Actor | null, s: SupervisionScope, side: SupervisionSignSide): boolean {
  return canJoinSupervision(actor, s) && supervisionRoleOf(actor, s) === side;
}

/** The role a person would take in a school's session, from their grants (null: they cannot take part). */
export function supervisionRoleFor(actor: Actor, s: { schoolId: string; trustId: string }): SupervisionRole | null {
  if (!can(actor, Permission.CaseDataUse, { kind: ScopeKind.School, ...s })) return null;
  if (holds(actor, Role.TrustSendLead, s)) return SupervisionRole.SendLead;
  if (holds(actor, Role.Senco, s)) return SupervisionRole.Senco;
  if (holds(actor, Role.Headteacher, s)) return SupervisionRole.Headteacher;
  return null;
}

// ---------------------------------------------------------------------------------------------
// The live room: the stream `supervision:<sessionId>` (case data: an elevated session only)

const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
const seq = z.number().int().min(1).max(Number.MAX_SAFE_INTEGER);
const messageText = z.string().trim().min(1).max(SUPERVISION_LIMITS.messageMax);

/** What participants send (each checked by the API: personal data, author, state, chair). */
export const supervisionClientBodySchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('message'),
    text: messageText,
    /** The agenda case the message is about. */
    caseId: uuid.nullable().optional(),
    /** The message this one replies to. */
    replyTo: seq.nullable().optional(),
    /** Participants mentioned (@). */
    mentions: z.array(uuid).max(10).optional(),
    /** "Send anyway" after the personal-data check warned (never for identifiers). */
    override: z.boolean().optional(),
  }),
  z.object({ type: z.literal('edit'), of: seq, text: messageText, override: z.boolean().optional() }),
  z.object({ type: z.literal('delete'), of: seq }),
  /** The chair moves the current case for everyone (null: none). */
  z.object({ type: z.literal('current-case'), caseId: uuid.nullable() }),
]);
export type SupervisionClientBody = z.infer<typeof supervisionClientBodySchema>;

/** What only the server appends: lifecycle, actions and the record's progress. */
export const supervisionServerBodySchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('state'), status: z.nativeEnum(SupervisionStatus), chairId: uuid }),
  z.object({ type: z.literal('action'), actionId: uuid, caseId: uuid, from: seq.nullable() }),
  z.object({ type: z.literal('agenda') }),
  z.object({ type: z.literal('outcome'), caseId: uuid }),
  z.object({ type: z.literal('record'), what: z.enum(['drafted', 'signed', 'addendum']) }),
]);
export type SupervisionServerBody = z.infer<typeof supervisionServerBodySchema>;
export type SupervisionStreamBody = SupervisionClientBody | SupervisionServerBody;

/** Edits and deletes are new items (visible history); once the record is signed nothing changes. */
export interface SupervisionMessageView {
  seq: number;
  authorId: string | null;
  createdAt: string;
  text: string;
  caseId: string | null;
  replyTo: number | null;
  mentions: string[];
  deleted: boolean;
  /** Earlier texts, oldest first, with when they were replaced. */
  history: Array<{ text: string; replacedAt: string }>;
  editedAt: string | null;
}
