import { Actor, isNetworkLevel, trustsOf } from './policy';
import { Role, ScopeKind } from './roles';

/**
 * Meetings (issue 12, ADR 13): network, trust and school meetings, one-off or in series. Practice,
 * not case data: agendas and minutes are shared within the meeting's scope and with named guests,
 * and the personal-data check keeps pupils out of them.
 */
export enum MeetingMode {
  InPerson = 'IN_PERSON',
  Online = 'ONLINE',
  Hybrid = 'HYBRID',
}

export const MEETING_MODE_LABEL: Readonly<Record<MeetingMode, string>> = {
  [MeetingMode.InPerson]: 'In person',
  [MeetingMode.Online]: 'Online',
  [MeetingMode.Hybrid]: 'Hybrid',
};

export enum RsvpAnswer {
  InPerson = 'IN_PERSON',
  Online = 'ONLINE',
  Apologies = 'APOLOGIES',
}

export const RSVP_LABEL: Readonly<Record<RsvpAnswer, string>> = {
  [RsvpAnswer.InPerson]: 'Going in person',
  [RsvpAnswer.Online]: 'Joining online',
  [RsvpAnswer.Apologies]: 'Apologies',
};

export enum AgendaPurpose {
  Inform = 'INFORM',
  Discuss = 'DISCUSS',
  Decide = 'DECIDE',
}

export const AGENDA_PURPOSE_LABEL: Readonly<Record<AgendaPurpose, string>> = {
  [AgendaPurpose.Inform]: 'To inform',
  [AgendaPurpose.Discuss]: 'To discuss',
  [AgendaPurpose.Decide]: 'To decide',
};

export enum AgendaItemStatus {
  Proposed = 'PROPOSED',
  Accepted = 'ACCEPTED',
  Declined = 'DECLINED',
}

export enum PollAnswer {
  Yes = 'YES',
  IfNeedBe = 'IF_NEED_BE',
  No = 'NO',
}

export const MEETING_LIMITS = {
  titleMax: 160,
  descriptionMax: 4_000,
  locationMax: 200,
  linkMax: 500,
  guestsMax: 50,
  agendaItemsMax: 30,
  itemTitleMax: 200,
  itemMinutesMax: 180,
  minutesTextMax: 20_000,
  pollSlotsMax: 20,
  pageSize: 25,
  /** The calendar feed covers this far back and ahead (days). */
  feedPastDays: 90,
  feedFutureDays: 400,
} as const;

/** Where a meeting lives: who is invited follows it (plus named guests from elsewhere). */
export type MeetingScope =
  | { kind: ScopeKind.Network; trustId: null; schoolId: null }
  | { kind: ScopeKind.Trust; trustId: string; schoolId: null }
  | { kind: ScopeKind.School; trustId: string; schoolId: string };

/** A meeting as the policy sees it. */
export interface MeetingAccess {
  scope: MeetingScope;
  chairId: string;
  noteTakerId: string | null;
  organiserId: string;
  guestIds: readonly string[];
}

/** The roles whose holders are invited within a scope (staff and trust leaders may join as guests). */
export const MEETING_INVITED_ROLES: readonly Role[] = [
  Role.NetworkAdmin,
  Role.TrustSendLead,
  Role.Headteacher,
  Role.Senco,
];

function heldIn(actor: Actor, roles: readonly Role[], scope: MeetingScope): boolean {
  return actor.grants.some((g) => {
    if (!roles.includes(g.role)) return false;
    if (scope.kind === ScopeKind.Network) return true;
    if (g.role === Role.NetworkAdmin) return false;
    if (scope.kind === ScopeKind.Trust) return g.trustId === scope.trustId;
    // A school meeting: the school's own roles and its trust's SEND lead.
    return g.schoolId === scope.schoolId || (g.role === Role.TrustSendLead && g.trustId === scope.trustId);
  });
}

/** Is the actor among the people a meeting of this scope invites (by role, or as a named guest)? */
export function isMeetingInvitee(actor: Actor | null, m: MeetingAccess): boolean {
  if (!actor) return false;
  return (
    m.guestIds.includes(actor.userId) ||
    m.chairId === actor.userId ||
    m.noteTakerId === actor.userId ||
    heldIn(actor, MEETING_INVITED_ROLES, m.scope)
  );
}

/**
 * Who may see a meeting (its time, place, published agenda and minutes): anyone with a role in its
 * scope (a network meeting: everyone; a trust meeting: that trust only; a school meeting: that
 * school and its trust's leaders), and its named guests. Another trust never sees a trust meeting.
 */
export function canSeeMeeting(actor: Actor | null, m: MeetingAccess): boolean {
  if (!actor) return false;
  if (isMeetingInvitee(actor, m) || m.organiserId === actor.userId) return true;
  switch (m.scope.kind) {
    case ScopeKind.Network:
      return actor.grants.length > 0;
    case ScopeKind.Trust:
      return trustsOf(actor).includes(m.scope.trustId) && !isNetworkLevelOnly(actor);
    case ScopeKind.School: {
      const s = m.scope;
      return actor.grants.some(
        (g) =>
          g.schoolId === s.schoolId ||
          ((g.role === Role.TrustLeader || g.role === Role.TrustSendLead) && g.trustId === s.trustId),
      );
    }
  }
}

function isNetworkLevelOnly(actor: Actor): boolean {
  return isNetworkLevel(actor) && trustsOf(actor).length === 0;
}

/** Who may call a meeting in a scope: network admin and SEND leads (network); a trust's leaders; a school's SENCO and headteacher. */
export function canOrganiseMeeting(actor: Actor | null, scope: MeetingScope): boolean {
  if (!actor) return false;
  switch (scope.kind) {
    case ScopeKind.Network:
      return actor.grants.some((g) => g.role === Role.NetworkAdmin || g.role === Role.TrustSendLead);
    case ScopeKind.Trust:
      return actor.grants.some(
        (g) => (g.role === Role.TrustLeader || g.role === Role.TrustSendLead) && g.trustId === scope.trustId,
      );
    case ScopeKind.School:
      return actor.grants.some(
        (g) => (g.role === Role.Senco || g.role === Role.Headteacher) && g.schoolId === scope.schoolId,
      );
  }
}

/** Change the meeting or series, accept and order the agenda, publish it, run the timer: the chair and the organiser. */
export function canManageMeeting(actor: Actor | null, m: MeetingAccess): boolean {
  return !!actor && canSeeMeeting(actor, m) && (actor.userId === m.chairId || actor.userId === m.organiserId);
}

/** Propose agenda items, answer polls and RSVP: the invitees. */
export function canTakePartInMeeting(actor: Actor | null, m: MeetingAccess): boolean {
  return isMeetingInvitee(actor, m);
}

/** Write minutes, record attendance and actions: the note-taker and the chair. */
export function canMinuteMeeting(actor: Actor | null, m: MeetingAccess): boolean {
  return !!actor && (actor.userId === m.noteTakerId || actor.userId === m.chairId);
}

// ---------------------------------------------------------------------------------------------
// Term dates (per local authority; a school may set its own)

export interface Term {
  name: string;
  /** First and last day of the term, YYYY-MM-DD (London). */
  starts: string;
  ends: string;
  /** Half-term holiday inside the term, if any. */
  halfTermStarts: string | null;
  halfTermEnds: string | null;
}

/** Is the date a school day of these terms (a weekday inside a term and outside its half term)? */
export function isSchoolDay(date: string, terms: readonly Term[]): boolean {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  if (day === 0 || day === 6) return false;
  return terms.some(
    (t) =>
      date >= t.starts &&
      date <= t.ends &&
      !(t.halfTermStarts && t.halfTermEnds && date >= t.halfTermStarts && date <= t.halfTermEnds),
  );
}

/** The term a date falls in (half terms included), or null in the holidays. */
export function termOf(date: string, terms: readonly Term[]): Term | null {
  return terms.find((t) => date >= t.starts && date <= t.ends) ?? null;
}

/** A plain-English problem with a list of terms, or null. */
export function termsProblem(terms: readonly Term[]): string | null {
  const sorted = [...terms].sort((a, b) => a.starts.localeCompare(b.starts));
  for (const [i, t] of sorted.entries()) {
    if (!t.name.trim()) return 'Give every term a name.';
    if (t.ends < t.starts) return `${t.name} ends before it starts.`;
    if ((t.halfTermStarts === null) !== (t.halfTermEnds === null))
      return `Give both the first and last day of ${t.name}'s half term, or neither.`;
    if (t.halfTermStarts && t.halfTermEnds) {
      if (t.halfTermEnds < t.halfTermStarts) return `${t.name}'s half term ends before it starts.`;
      if (t.halfTermStarts < t.starts || t.halfTermEnds > t.ends) return `${t.name}'s half term lies outside the term.`;
    }
    const next = sorted[i + 1];
    if (next && next.starts <= t.ends) return `${t.name} overlaps ${next.name}.`;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Agendas

/** Total minutes of the accepted items against the meeting's length. */
export function agendaTiming(
  items: ReadonlyArray<{ minutes: number; status: AgendaItemStatus }>,
  meetingMinutes: number,
): { total: number; over: number } {
  const total = items.filter((i) => i.status === AgendaItemStatus.Accepted).reduce((s, i) => s + i.minutes, 0);
  return { total, over: Math.max(0, total - meetingMinutes) };
}

/** The in-person / online balance of a term's meetings (hybrid counts as both). */
export function modeBalance(modes: readonly MeetingMode[]): { inPerson: number; online: number; hybrid: number } {
  return {
    inPerson: modes.filter((m) => m === MeetingMode.InPerson).length,
    online: modes.filter((m) => m === MeetingMode.Online).length,
    hybrid: modes.filter((m) => m === MeetingMode.Hybrid).length,
  };
}

/**
 * Host rotation: the host school of each in-person occurrence, in turn through the chosen schools,
 * skipping occurrences marked as skipped (they keep no host and do not use a turn).
 */
export function hostRotation(
  occurrenceKeys: readonly string[],
  schoolIds: readonly string[],
  skipped: ReadonlySet<string>,
): Map<string, string | null> {
  const out = new Map<string, string | null>();
  let turn = 0;
  for (const key of occurrenceKeys) {
    if (skipped.has(key) || schoolIds.length === 0) {
      out.set(key, null);
      continue;
    }
    out.set(key, schoolIds[turn % schoolIds.length]);
    turn += 1;
  }
  return out;
}
