import {
  Actor,
  CategoryScope,
  canAccessCaseData,
  canModerateCategory,
  canSeeCategory,
  isNetworkLevel,
  trustsOf,
} from './policy';
import { canSeeMeeting } from './meetings';
import { canJoinSupervision } from './supervision';

/** A forum thread as the policy sees it: where it lives and whether moderators hid it. */
export interface ThreadScope {
  category: CategoryScope;
  hidden: boolean;
}

/** May the actor read a thread? Those who see its category; a hidden thread only its moderators. */
export function canReadThread(actor: Actor | null, t: ThreadScope): boolean {
  return canSeeCategory(actor, t.category) && (!t.hidden || canModerateCategory(actor, t.category));
}

/**
 * The policy's record-level rules by name, for things that declare a rule rather than call one:
 * each real-time stream kind names the rule that decides who may read it (the API's StreamRegistry),
 * and the access-rules test checks that every kind names one of these.
 */
export const POLICY_RULES = {
  /** Anyone signed in (test and benchmark streams only). */
  signedIn: (actor: Actor | null, record: object): boolean => !!actor && !!record,
  /** The person the record belongs to (their own notifications). */
  isSelf: (actor: Actor | null, r: { userId: string }): boolean => !!actor && actor.userId === r.userId,
  /** Anyone with a role in the trust, and network-level roles. */
  inTrust: (actor: Actor | null, r: { trustId: string }): boolean =>
    !!actor && (isNetworkLevel(actor) || trustsOf(actor).includes(r.trustId)),
  canReadThread,
  canAccessCaseData,
  /** Participants of a supervision session, under the case-data rule (its live room). */
  canJoinSupervision,
  /** Everyone who may see a meeting (its live stream: current item and timer). The record is a MeetingAccess. */
  canSeeMeeting,
} as const;

export type PolicyRuleName = keyof typeof POLICY_RULES;
/** The record a named rule decides about. */
export type PolicyRecord<N extends PolicyRuleName> = Parameters<(typeof POLICY_RULES)[N]>[1];

export function isPolicyRuleName(name: unknown): name is PolicyRuleName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(POLICY_RULES, name);
}

/** Apply a named rule to its record (false when there is no record). */
export function allows<N extends PolicyRuleName>(
  actor: Actor | null,
  rule: N,
  record: PolicyRecord<N> | null,
): boolean {
  if (!record) return false;
  return (POLICY_RULES[rule] as (a: Actor | null, r: PolicyRecord<N>) => boolean)(actor, record);
}
