import { findPersonalData, PERSONAL_DATA_LABEL } from './personal-data';
import {
  Actor,
  CaseDataReach,
  CaseDataScope,
  Permission,
  canAccessCaseData,
  caseDataReach,
  rolesOf,
} from './policy';
import { Role, ScopeKind } from './roles';

/**
 * Education, Health and Care Plans: the sections A to K (SEND Code of Practice 9.62; H1 and H2 are
 * kept together as H), the structure templates and drafts share, the completeness rule, the pupil
 * reference rule and who may see a school's drafts. Pure: used by the API and the client alike.
 */
export type EhcpSectionKey = 'A' | 'B' | 'C' | 'D' | 'E' | 'F' | 'G' | 'H' | 'I' | 'J' | 'K';

export const EHCP_SECTION_KEYS: readonly EhcpSectionKey[] = [
  'A',
  'B',
  'C',
  'D',
  'E',
  'F',
  'G',
  'H',
  'I',
  'J',
  'K',
];

/** The official title of each section. */
export const EHCP_SECTION_TITLES: Readonly<Record<EhcpSectionKey, string>> = {
  A: 'The views, interests and aspirations of the child and their parents, or of the young person',
  B: "The child or young person's special educational needs",
  C: "The child or young person's health needs which relate to their special educational needs",
  D: "The child or young person's social care needs which relate to their special educational needs or to a disability",
  E: 'The outcomes sought for the child or young person',
  F: 'The special educational provision required by the child or young person',
  G: 'Any health provision reasonably required by the learning difficulties or disabilities which result in the child or young person having special educational needs',
  H: 'Social care provision: H1, provision under section 2 of the Chronically Sick and Disabled Persons Act 1970, and H2, any other social care provision reasonably required',
  I: 'Placement: the name and type of the school or other institution',
  J: 'Personal budget, including arrangements for direct payments',
  K: 'Advice and information gathered during the EHC needs assessment',
};

/** Short names for navigation. */
export const EHCP_SECTION_SHORT: Readonly<Record<EhcpSectionKey, string>> = {
  A: 'Views, interests and aspirations',
  B: 'Special educational needs',
  C: 'Health needs',
  D: 'Social care needs',
  E: 'Outcomes',
  F: 'Special educational provision',
  G: 'Health provision',
  H: 'Social care provision (H1, H2)',
  I: 'Placement',
  J: 'Personal budget',
  K: 'Advice and information',
};

export function isEhcpSectionKey(key: unknown): key is EhcpSectionKey {
  return typeof key === 'string' && (EHCP_SECTION_KEYS as readonly string[]).includes(key);
}

/** A section of a template (what `library_resource_versions.ehcp_sections` holds, one per key). */
export interface EhcpTemplateSection {
  key: EhcpSectionKey;
  title: string;
  /** Markdown. */
  guidance: string;
  prompts: string[];
}

export const EHCP_LIMITS = {
  /** A pupil is named only by a short pseudonymous reference, such as initials and year group. */
  pupilReferenceMin: 2,
  pupilReferenceMax: 20,
  sectionTextMax: 20_000,
} as const;

// ---------------------------------------------------------------------------------------------
// Completeness

/** A section's state, set by the people writing it (stored per section). */
export enum EhcpSectionStatus {
  NotStarted = 'NOT_STARTED',
  InProgress = 'IN_PROGRESS',
  Complete = 'COMPLETE',
}

export const EHCP_SECTION_STATUS_TEXT: Readonly<Record<EhcpSectionStatus, string>> = {
  [EhcpSectionStatus.NotStarted]: 'Not started',
  [EhcpSectionStatus.InProgress]: 'In progress',
  [EhcpSectionStatus.Complete]: 'Complete',
};

export function isEhcpSectionStatus(value: unknown): value is EhcpSectionStatus {
  return Object.values(EhcpSectionStatus).includes(value as EhcpSectionStatus);
}

export function wordCount(text: string): number {
  const words = text.trim().match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu);
  return words ? words.length : 0;
}

/**
 * The state after saving a section's text: writing in a section nobody has started puts it in
 * progress; otherwise the state stays what the writers chose (only they say a section is complete).
 */
export function statusAfterSave(current: EhcpSectionStatus, text: string): EhcpSectionStatus {
  return current === EhcpSectionStatus.NotStarted && text.trim() ? EhcpSectionStatus.InProgress : current;
}

export interface EhcpCompleteness {
  complete: number;
  inProgress: number;
  notStarted: number;
  total: number;
  /** Whole percent of sections complete. */
  percent: number;
}

export function draftCompleteness(sections: ReadonlyArray<{ status: EhcpSectionStatus }>): EhcpCompleteness {
  const complete = sections.filter((s) => s.status === EhcpSectionStatus.Complete).length;
  const inProgress = sections.filter((s) => s.status === EhcpSectionStatus.InProgress).length;
  const total = sections.length;
  return {
    complete,
    inProgress,
    notStarted: total - complete - inProgress,
    total,
    percent: total ? Math.floor((complete * 100) / total) : 0,
  };
}

// ---------------------------------------------------------------------------------------------
// Template variants: what a local authority's variant changes from the base template

export enum EhcpSectionChange {
  Added = 'ADDED',
  Removed = 'REMOVED',
  Changed = 'CHANGED',
}

export interface EhcpSectionDifference {
  key: EhcpSectionKey;
  change: EhcpSectionChange;
  titleChanged: boolean;
  guidanceChanged: boolean;
  baseGuidance: string | null;
  variantGuidance: string | null;
  addedPrompts: string[];
  removedPrompts: string[];
}

/** Section by section, what `variant` adds, removes or changes from `base` (unchanged sections omitted). */
export function compareEhcpSections(
  base: readonly EhcpTemplateSection[],
  variant: readonly EhcpTemplateSection[],
): EhcpSectionDifference[] {
  const out: EhcpSectionDifference[] = [];
  const norm = (s: string) => s.replace(/\r\n?/g, '\n').trim();
  for (const key of EHCP_SECTION_KEYS) {
    const b = base.find((s) => s.key === key);
    const v = variant.find((s) => s.key === key);
    if (!b && !v) continue;
    if (!b || !v) {
      out.push({
        key,
        change: b ? EhcpSectionChange.Removed : EhcpSectionChange.Added,
        titleChanged: false,
        guidanceChanged: false,
        baseGuidance: b?.guidance ?? null,
        variantGuidance: v?.guidance ?? null,
        addedPrompts: v ? [...v.prompts] : [],
        removedPrompts: b ? [...b.prompts] : [],
      });
      continue;
    }
    const basePrompts = new Set(b.prompts.map(norm));
    const variantPrompts = new Set(v.prompts.map(norm));
    const addedPrompts = v.prompts.filter((p) => !basePrompts.has(norm(p)));
    const removedPrompts = b.prompts.filter((p) => !variantPrompts.has(norm(p)));
    const titleChanged = norm(b.title) !== norm(v.title);
    const guidanceChanged = norm(b.guidance) !== norm(v.guidance);
    if (!titleChanged && !guidanceChanged && !addedPrompts.length && !removedPrompts.length) continue;
    out.push({
      key,
      change: EhcpSectionChange.Changed,
      titleChanged,
      guidanceChanged,
      baseGuidance: b.guidance,
      variantGuidance: v.guidance,
      addedPrompts,
      removedPrompts,
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The pupil reference

/** Words a pseudonymous reference may contain besides initials and codes. */
const REFERENCE_WORDS = new Set(
  'year yr rec reception nursery class group set pupil child case ref ks key stage form'.split(' '),
);

/**
 * Why a pupil reference cannot be used, or null when it is fine. Drafts name a pupil only by a
 * pseudonymous reference chosen by the school (such as initials and year group, "JS Y4"): never a
 * full name, date of birth, UPN or NHS number. There is no override.
 */
export function pupilReferenceProblem(raw: string): string | null {
  const ref = raw.trim();
  const example = 'Use a pseudonymous reference such as initials and year group, for example "JS Y4".';
  if (ref.length < EHCP_LIMITS.pupilReferenceMin)
    return `Enter a pupil reference of at least ${EHCP_LIMITS.pupilReferenceMin} characters. ${example}`;
  if (ref.length > EHCP_LIMITS.pupilReferenceMax)
    return `Keep the pupil reference to ${EHCP_LIMITS.pupilReferenceMax} characters or fewer. ${example}`;
  const findings = findPersonalData(ref);
  // A reference is short, so check numbers on their own too: an NHS number or UPN without context.
  const bare = ref.replace(/[\s-]/g, '');
  if (/^\d{10}$/.test(bare) && !findings.length) return `This looks like an NHS number. ${example}`;
  if (findings.length) return `This looks like ${PERSONAL_DATA_LABEL[findings[0]!.kind]}. ${example}`;
  if (/\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}/.test(ref) || /\b(19|20)\d{2}\b/.test(ref))
    return `This looks like a date of birth. ${example}`;
  if (!/^[\p{L}\p{N} .()/_#'’-]+$/u.test(ref))
    return `Use only letters, numbers, spaces and . - / ( ) _ # in a pupil reference. ${example}`;
  // Words (and the parts of O'Brien or Smith-Jones) that read like names rather than initials or codes.
  const words = ref.split(/[\s.()/_#'’-]+/).filter(Boolean);
  // Initials are up to three capitals ("JAS"); any longer run of letters, in any case ("JOHN",
  // "McDonald"), or a three-letter word written as a word ("Sam", "sam"), reads as a name.
  const nameLike = words.filter(
    (w) => /^\p{L}{4,}$/u.test(w) || /^\p{Lu}\p{Ll}{2}$/u.test(w) || /^\p{Ll}{3}$/u.test(w),
  );
  if (nameLike.some((w) => !REFERENCE_WORDS.has(w.toLowerCase())))
    return `This looks like it includes a name. ${example}`;
  return null;
}

// ---------------------------------------------------------------------------------------------
// Who may see a draft

/** Where a draft belongs: its school and that school's trust. */
export type EhcpDraftScope = CaseDataScope;

/** Roles that start and write drafts for their school (the school roles of Permission.CaseDataUse). */
export const EHCP_SCHOOL_ROLES: readonly Role[] = rolesOf(Permission.CaseDataUse, ScopeKind.School);

/** A draft is case data: the one case-data rule of the policy (canAccessCaseData) decides who sees it. */
export function canAccessEhcpDraft(actor: Actor | null, d: EhcpDraftScope): boolean {
  return canAccessCaseData(actor, d);
}

/** The schools where the actor may start a draft (SENCO or headteacher there). */
export function ehcpDraftSchoolsOf(actor: Actor | null): string[] {
  return caseDataReach(actor).schoolIds;
}

/** What a list query filters on to match canAccessEhcpDraft in SQL. */
export type EhcpDraftReach = CaseDataReach;

export function ehcpDraftReach(actor: Actor): EhcpDraftReach {
  return caseDataReach(actor);
}

/**
 * The heading of the drafts list for what the viewer can see: a trust SEND lead sees their trusts'
 * schools, a SENCO or headteacher their school (or schools).
 */
export function ehcpDraftListTitle(actor: Actor | null): string {
  if (!actor) return 'EHCP drafts';
  const reach = ehcpDraftReach(actor);
  if (reach.trustIds.length)
    return reach.trustIds.length > 1 ? 'EHCP drafts in your trusts' : 'EHCP drafts in your trust';
  return reach.schoolIds.length > 1 ? "Your schools' EHCP drafts" : "Your school's EHCP drafts";
}
