import { Phase } from './organisation';
import { Actor, Grant, Permission, rolesOf } from './policy';
import { ROLE_SCOPE, Role, ScopeKind } from './roles';

/**
 * The resource library: shared kinds, limits and the pure visibility rules. The API filters lists in
 * SQL with `libraryReach`; single records are checked with `canSeeResource` / `canManageResource`.
 */
export enum ResourceKind {
  Template = 'TEMPLATE',
  Toolkit = 'TOOLKIT',
  Guide = 'GUIDE',
  Policy = 'POLICY',
  Training = 'TRAINING',
  Form = 'FORM',
}

export const RESOURCE_KIND_LABEL: Readonly<Record<ResourceKind, string>> = {
  [ResourceKind.Template]: 'Template',
  [ResourceKind.Toolkit]: 'Toolkit',
  [ResourceKind.Guide]: 'Guide',
  [ResourceKind.Policy]: 'Policy',
  [ResourceKind.Training]: 'Training material',
  [ResourceKind.Form]: 'Form',
};

/** The four broad areas of need (SEND Code of Practice). */
export enum NeedArea {
  CommunicationInteraction = 'COMMUNICATION_INTERACTION',
  CognitionLearning = 'COGNITION_LEARNING',
  Semh = 'SEMH',
  SensoryPhysical = 'SENSORY_PHYSICAL',
}

export const NEED_AREA_LABEL: Readonly<Record<NeedArea, string>> = {
  [NeedArea.CommunicationInteraction]: 'Communication and interaction',
  [NeedArea.CognitionLearning]: 'Cognition and learning',
  [NeedArea.Semh]: 'Social, emotional and mental health',
  [NeedArea.SensoryPhysical]: 'Sensory and/or physical',
};

/** Resources use the organisation's school phases. */
export { Phase as ResourcePhase };

export enum ResourceStatus {
  Draft = 'DRAFT',
  Published = 'PUBLISHED',
  Archived = 'ARCHIVED',
}

export const RESOURCE_STATUS_LABEL: Readonly<Record<ResourceStatus, string>> = {
  [ResourceStatus.Draft]: 'Draft',
  [ResourceStatus.Published]: 'Published',
  [ResourceStatus.Archived]: 'Archived',
};

export enum ShareScope {
  School = 'SCHOOL',
  Trust = 'TRUST',
  Network = 'NETWORK',
}

export const SHARE_SCOPE_LABEL: Readonly<Record<ShareScope, string>> = {
  [ShareScope.School]: 'One school',
  [ShareScope.Trust]: 'One trust',
  [ShareScope.Network]: 'The whole network',
};

export enum ResourceSort {
  Recent = 'RECENT',
  MostUsed = 'MOST_USED',
  RecentlyReviewed = 'RECENTLY_REVIEWED',
  Relevance = 'RELEVANCE',
}

export const LIBRARY_LIMITS = {
  titleMin: 3,
  titleMax: 200,
  summaryMax: 1_000,
  bodyMax: 100_000,
  changeNoteMax: 500,
  commentMax: 5_000,
  adoptionNotesMax: 2_000,
  tagsMax: 10,
  tagMax: 40,
  filesPerVersion: 20,
  toolkitItemsMax: 50,
  toolkitNoteMax: 500,
  /** Default months between reviews; markResourceReviewed may choose 1 to 36. */
  reviewIntervalMonths: 12,
  reviewIntervalMaxMonths: 36,
  /** Characters of a body that ts_headline reads for a snippet. */
  snippetSourceChars: 5_000,
  searchMin: 2,
  searchMax: 200,
  /** Lines per version beyond which a comparison is refused (bounded work). */
  diffMaxLines: 5_000,
  ehcpGuidanceMax: 5_000,
  ehcpPromptsMax: 20,
  ehcpPromptMax: 500,
} as const;

/** EHCP section keys a template's structure may use (A to K). */
export const LIBRARY_EHCP_KEYS = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K'] as const;

/** Tags: trimmed, lower case, spaces to hyphens, unique, at most LIBRARY_LIMITS.tagsMax. */
export function normaliseResourceTags(tags: readonly string[] | null | undefined): string[] {
  return [
    ...new Set(
      (tags ?? [])
        .map((t) => t.trim().toLowerCase().replace(/\s+/g, '-').slice(0, LIBRARY_LIMITS.tagMax))
        .filter(Boolean),
    ),
  ].slice(0, LIBRARY_LIMITS.tagsMax);
}

/** Where a resource is shared. A school-scoped resource also records its school's trust. */
export interface ResourceAudience {
  shareScope: ShareScope;
  trustId: string | null;
  schoolId: string | null;
}

export interface ResourceRecord extends ResourceAudience {
  status: ResourceStatus;
  ownerId: string;
}

/** Roles that may publish and look after resources (within the scopes they hold). */
export const LIBRARY_PUBLISHERS: readonly Role[] = rolesOf(Permission.LibraryPublish);

/** Roles that adopt network resources for their trust. */
const LIBRARY_ADOPTERS: readonly Role[] = rolesOf(Permission.LibraryAdopt);

/** Does this grant place its holder in the audience? Network roles reach everything. */
function grantInAudience(g: Grant, a: ResourceAudience): boolean {
  const kind = ROLE_SCOPE[g.role];
  if (kind === ScopeKind.Network) return true;
  switch (a.shareScope) {
    case ShareScope.Network:
      return true;
    case ShareScope.Trust:
      // Trust roles of that trust and everyone in its schools (school grants carry the trust).
      return g.trustId !== null && g.trustId === a.trustId;
    case ShareScope.School:
      if (kind === ScopeKind.School) return g.schoolId === a.schoolId;
      return g.trustId !== null && g.trustId === a.trustId;
  }
}

/** Whether the actor is in the audience a resource is shared with (ignoring its status). */
export function inAudience(actor: Actor | null, a: ResourceAudience): boolean {
  return !!actor && actor.grants.some((g) => grantInAudience(g, a));
}

/**
 * May the actor look after a resource (new versions, status, review)? Its owner while still in the
 * audience, and publishers whose own scope covers it: network admins anything, a trust's SEND lead
 * what is shared with that trust or one of its schools, a school's SENCO or headteacher that school's.
 */
export function canManageResource(actor: Actor | null, r: ResourceRecord): boolean {
  if (!actor) return false;
  if (r.ownerId === actor.userId && inAudience(actor, r)) return true;
  return actor.grants.some((g) => {
    if (!LIBRARY_PUBLISHERS.includes(g.role)) return false;
    const kind = ROLE_SCOPE[g.role];
    if (kind === ScopeKind.Network) return true;
    if (r.shareScope === ShareScope.Network) return false;
    if (kind === ScopeKind.Trust) return g.trustId === r.trustId;
    return r.shareScope === ShareScope.School && g.schoolId === r.schoolId;
  });
}

/** Drafts: their owner and the people who manage them. Published and archived: the whole audience. */
export function canSeeResource(actor: Actor | null, r: ResourceRecord): boolean {
  if (!actor) return false;
  if (r.status === ResourceStatus.Draft) return canManageResource(actor, r);
  return inAudience(actor, r);
}

/**
 * May the actor share something with this audience? Publishers share with a school, trust or the
 * network they belong to: a SENCO with their school, their school's trust or the network; a trust's
 * SEND lead with that trust, its schools or the network; network admins anywhere.
 */
export function canShareWith(actor: Actor | null, a: ResourceAudience): boolean {
  if (!actor) return false;
  if (a.shareScope === ShareScope.Trust && !a.trustId) return false;
  if (a.shareScope === ShareScope.School && (!a.schoolId || !a.trustId)) return false;
  return actor.grants.some((g) => LIBRARY_PUBLISHERS.includes(g.role) && grantInAudience(g, a));
}

/** A trust's SEND lead marks a published network resource as adopted by that trust. */
export function canAdoptForTrust(actor: Actor | null, trustId: string, r: ResourceRecord): boolean {
  if (!actor) return false;
  if (r.shareScope !== ShareScope.Network || r.status !== ResourceStatus.Published) return false;
  return actor.grants.some((g) => LIBRARY_ADOPTERS.includes(g.role) && g.trustId === trustId);
}

/** The trusts an actor may adopt for (those where they are SEND lead). */
export function adoptingTrustsOf(actor: Actor): string[] {
  return [
    ...new Set(
      actor.grants.filter((g) => LIBRARY_ADOPTERS.includes(g.role) && g.trustId).map((g) => g.trustId!),
    ),
  ];
}

/** What a list query needs to filter resources in SQL exactly as canSeeResource decides. */
export interface LibraryReach {
  userId: string;
  /** Holds any role at all (someone without one sees nothing). */
  member: boolean;
  /** Sees every audience (network-level role). */
  everywhere: boolean;
  /** TRUST-scoped resources of these trusts are visible. */
  trustIds: string[];
  /** SCHOOL-scoped resources of these schools are visible. */
  schoolIds: string[];
  /** SCHOOL-scoped resources in these trusts are visible (trust-level roles). */
  schoolsOfTrustIds: string[];
  /** Drafts the actor manages besides their own. */
  manageEverywhere: boolean;
  manageTrustIds: string[];
  manageSchoolIds: string[];
}

export function libraryReach(actor: Actor): LibraryReach {
  const reach: LibraryReach = {
    userId: actor.userId,
    member: actor.grants.length > 0,
    everywhere: false,
    trustIds: [],
    schoolIds: [],
    schoolsOfTrustIds: [],
    manageEverywhere: false,
    manageTrustIds: [],
    manageSchoolIds: [],
  };
  for (const g of actor.grants) {
    const kind = ROLE_SCOPE[g.role];
    const publisher = LIBRARY_PUBLISHERS.includes(g.role);
    if (kind === ScopeKind.Network) {
      reach.everywhere = true;
      if (publisher) reach.manageEverywhere = true;
      continue;
    }
    if (g.trustId) reach.trustIds.push(g.trustId);
    if (kind === ScopeKind.Trust && g.trustId) {
      reach.schoolsOfTrustIds.push(g.trustId);
      if (publisher) reach.manageTrustIds.push(g.trustId);
    }
    if (kind === ScopeKind.School && g.schoolId) {
      reach.schoolIds.push(g.schoolId);
      if (publisher) reach.manageSchoolIds.push(g.schoolId);
    }
  }
  const uniq = (xs: string[]) => [...new Set(xs)];
  return {
    ...reach,
    trustIds: uniq(reach.trustIds),
    schoolIds: uniq(reach.schoolIds),
    schoolsOfTrustIds: uniq(reach.schoolsOfTrustIds),
    manageTrustIds: uniq(reach.manageTrustIds),
    manageSchoolIds: uniq(reach.manageSchoolIds),
  };
}

/** The same decision as canSeeResource, from a precomputed reach (what the SQL filter implements). */
export function reachSees(reach: LibraryReach, r: ResourceRecord): boolean {
  const audience =
    reach.member &&
    (reach.everywhere ||
      r.shareScope === ShareScope.Network ||
      (r.shareScope === ShareScope.Trust && !!r.trustId && reach.trustIds.includes(r.trustId)) ||
      (r.shareScope === ShareScope.School &&
        ((!!r.schoolId && reach.schoolIds.includes(r.schoolId)) ||
          (!!r.trustId && reach.schoolsOfTrustIds.includes(r.trustId)))));
  if (!audience) return false;
  if (r.status !== ResourceStatus.Draft) return true;
  return (
    r.ownerId === reach.userId ||
    reach.manageEverywhere ||
    (r.shareScope !== ShareScope.Network && !!r.trustId && reach.manageTrustIds.includes(r.trustId)) ||
    (r.shareScope === ShareScope.School && !!r.schoolId && reach.manageSchoolIds.includes(r.schoolId))
  );
}

/** The next review date: `months` after `from` (same day of month, clamped to the month's end). */
export function nextReviewDue(from: Date, months: number = LIBRARY_LIMITS.reviewIntervalMonths): Date {
  const d = new Date(from.getTime());
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return d;
}

// ---------------------------------------------------------------------------------------------
// Comparing two versions: a line diff (Myers) grouped into hunks with context.

export type DiffLineKind = 'CONTEXT' | 'ADDED' | 'REMOVED';

export interface DiffLine {
  kind: DiffLineKind;
  text: string;
  /** 1-based line number in the older text (null for added lines). */
  oldNumber: number | null;
  /** 1-based line number in the newer text (null for removed lines). */
  newNumber: number | null;
}

export interface DiffHunk {
  oldStart: number;
  oldLines: number;
  newStart: number;
  newLines: number;
  lines: DiffLine[];
}

export function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** Edit distance beyond which a comparison shows "everything replaced" (bounds time and memory). */
const MAX_EDITS = 2_000;

/** Every line of `b` against `a` in order, each kept, added or removed (shortest edit script, Myers). */
export function diffLines(a: readonly string[], b: readonly string[]): DiffLine[] {
  const n = a.length;
  const m = b.length;
  const max = Math.min(n + m, MAX_EDITS);
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  // trace[d] holds the frontier before step d, for diagonals -d-1 .. d+1 (index k + d + 1).
  const trace: Int32Array[] = [];
  let found = false;
  for (let d = 0; d <= max && !found; d++) {
    trace.push(v.slice(offset - d - 1, offset + d + 2));
    for (let k = -d; k <= d; k += 2) {
      let x =
        k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!)
          ? v[offset + k + 1]!
          : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        found = true;
        break;
      }
    }
  }
  if (!found) {
    return [
      ...a.map((text, i): DiffLine => ({ kind: 'REMOVED', text, oldNumber: i + 1, newNumber: null })),
      ...b.map((text, i): DiffLine => ({ kind: 'ADDED', text, oldNumber: null, newNumber: i + 1 })),
    ];
  }
  const out: DiffLine[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0; d--) {
    const vd = trace[d]!;
    const at = (k: number) => vd[k + d + 1]!;
    const k = x - y;
    const prevK = k === -d || (k !== d && at(k - 1) < at(k + 1)) ? k + 1 : k - 1;
    const prevX = d === 0 ? 0 : at(prevK);
    const prevY = d === 0 ? 0 : prevX - prevK;
    while (x > prevX && y > prevY) {
      out.push({ kind: 'CONTEXT', text: a[x - 1]!, oldNumber: x, newNumber: y });
      x--;
      y--;
    }
    if (d > 0) {
      if (x === prevX) out.push({ kind: 'ADDED', text: b[y - 1]!, oldNumber: null, newNumber: y });
      else out.push({ kind: 'REMOVED', text: a[x - 1]!, oldNumber: x, newNumber: null });
    }
    x = prevX;
    y = prevY;
  }
  return out.reverse();
}

/** Changes grouped into hunks with `context` unchanged lines around them (none when equal). */
export function diffHunks(older: string, newer: string, context = 3): DiffHunk[] {
  const lines = diffLines(splitLines(older), splitLines(newer));
  const changed = lines.map((l, i) => (l.kind === 'CONTEXT' ? -1 : i)).filter((i) => i >= 0);
  if (!changed.length) return [];
  const ranges: Array<[number, number]> = [];
  for (const i of changed) {
    const start = Math.max(0, i - context);
    const end = Math.min(lines.length - 1, i + context);
    const last = ranges[ranges.length - 1];
    if (last && start <= last[1] + 1) last[1] = Math.max(last[1], end);
    else ranges.push([start, end]);
  }
  return ranges.map(([s, e]) => {
    const slice = lines.slice(s, e + 1);
    const olds = slice.filter((l) => l.oldNumber !== null);
    const news = slice.filter((l) => l.newNumber !== null);
    const before = lines.slice(0, s);
    const oldBefore = before.filter((l) => l.oldNumber !== null).length;
    const newBefore = before.filter((l) => l.newNumber !== null).length;
    return {
      oldStart: olds[0]?.oldNumber ?? oldBefore,
      oldLines: olds.length,
      newStart: news[0]?.newNumber ?? newBefore,
      newLines: news.length,
      lines: slice,
    };
  });
}
