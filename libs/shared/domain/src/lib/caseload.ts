import { pupilReferenceProblem } from './ehcp';
import { NeedArea } from './library';

/**
 * A school's caseload: pseudonymous cases (PRODUCT.md, data protection rules 1–5). Case data: only
 * the one case-data rule (canAccessCaseData) decides who reads it, and every read is logged.
 */

export enum SenStatus {
  SenSupport = 'SEN_SUPPORT',
  Ehcp = 'EHCP',
  AssessmentRequested = 'ASSESSMENT_REQUESTED',
}

export const SEN_STATUS_LABEL: Readonly<Record<SenStatus, string>> = {
  [SenStatus.SenSupport]: 'SEN support',
  [SenStatus.Ehcp]: 'EHC plan',
  [SenStatus.AssessmentRequested]: 'Assessment requested',
};

/** Primary and secondary need as the DfE SEN census codes them. */
export enum SenNeed {
  SpLD = 'SPLD',
  MLD = 'MLD',
  SLD = 'SLD',
  PMLD = 'PMLD',
  SEMH = 'SEMH',
  SLCN = 'SLCN',
  ASD = 'ASD',
  HI = 'HI',
  VI = 'VI',
  MSI = 'MSI',
  PD = 'PD',
  OTH = 'OTH',
  NSA = 'NSA',
}

/** The census codes by the four broad areas of need (NeedArea); OTH and NSA lie outside them (area null). */
export const SEN_NEEDS: ReadonlyArray<{ code: SenNeed; area: NeedArea | null; label: string }> = [
  { code: SenNeed.SpLD, area: NeedArea.CognitionLearning, label: 'Specific learning difficulty' },
  { code: SenNeed.MLD, area: NeedArea.CognitionLearning, label: 'Moderate learning difficulty' },
  { code: SenNeed.SLD, area: NeedArea.CognitionLearning, label: 'Severe learning difficulty' },
  {
    code: SenNeed.PMLD,
    area: NeedArea.CognitionLearning,
    label: 'Profound and multiple learning difficulty',
  },
  { code: SenNeed.SEMH, area: NeedArea.Semh, label: 'Social, emotional and mental health' },
  {
    code: SenNeed.SLCN,
    area: NeedArea.CommunicationInteraction,
    label: 'Speech, language and communication needs',
  },
  { code: SenNeed.ASD, area: NeedArea.CommunicationInteraction, label: 'Autistic spectrum disorder' },
  { code: SenNeed.HI, area: NeedArea.SensoryPhysical, label: 'Hearing impairment' },
  { code: SenNeed.VI, area: NeedArea.SensoryPhysical, label: 'Visual impairment' },
  { code: SenNeed.MSI, area: NeedArea.SensoryPhysical, label: 'Multi-sensory impairment' },
  { code: SenNeed.PD, area: NeedArea.SensoryPhysical, label: 'Physical disability' },
  { code: SenNeed.OTH, area: null, label: 'Other difficulty or disability' },
  { code: SenNeed.NSA, area: null, label: 'SEN support but no specialist assessment of type of need' },
];

export const SEN_NEED_LABEL: Readonly<Record<SenNeed, string>> = Object.fromEntries(
  SEN_NEEDS.map((n) => [n.code, n.label]),
) as Record<SenNeed, string>;

export enum CaseConcern {
  EhcpRequest = 'EHCP_REQUEST',
  AnnualReview = 'ANNUAL_REVIEW',
  AppealTribunal = 'APPEAL_TRIBUNAL',
  Complaint = 'COMPLAINT',
  SuspensionRisk = 'SUSPENSION_RISK',
  PlacementChange = 'PLACEMENT_CHANGE',
  FundingShortfall = 'FUNDING_SHORTFALL',
}

export const CASE_CONCERN_LABEL: Readonly<Record<CaseConcern, string>> = {
  [CaseConcern.EhcpRequest]: 'EHCP request',
  [CaseConcern.AnnualReview]: 'Annual review',
  [CaseConcern.AppealTribunal]: 'Appeal or tribunal',
  [CaseConcern.Complaint]: 'Complaint',
  [CaseConcern.SuspensionRisk]: 'Suspension risk',
  [CaseConcern.PlacementChange]: 'Placement change',
  [CaseConcern.FundingShortfall]: 'Funding shortfall',
};

export enum CaseStatus {
  Open = 'OPEN',
  Monitoring = 'MONITORING',
  Closed = 'CLOSED',
}

export const CASE_STATUS_LABEL: Readonly<Record<CaseStatus, string>> = {
  [CaseStatus.Open]: 'Open',
  [CaseStatus.Monitoring]: 'Monitoring',
  [CaseStatus.Closed]: 'Closed',
};

export const CASELOAD_LIMITS = {
  /** One page holds a whole school's caseload (a large secondary has ~150 open cases). */
  pageSize: 200,
  noteMax: 20_000,
  concernNoteMax: 300,
  /** Nursery (-1), Reception (0), Years 1–14. */
  yearGroupMin: -1,
  yearGroupMax: 14,
  /** A concern's date within this many days counts towards "needs attention". */
  attentionDays: 14,
} as const;

export function yearGroupLabel(year: number): string {
  if (year < CASELOAD_LIMITS.yearGroupMin) return 'Before nursery';
  if (year === -1) return 'Nursery';
  if (year === 0) return 'Reception';
  if (year > CASELOAD_LIMITS.yearGroupMax) return 'Left school age';
  return `Year ${year}`;
}

/** The academic year a date falls in, named by the calendar year it starts (1 September). */
export function academicYearOf(date: Date): number {
  return date.getUTCMonth() >= 8 ? date.getUTCFullYear() : date.getUTCFullYear() - 1;
}

/** A year group recorded on `asAt` moves up each 1 September: the year group on `today`. */
export function currentYearGroup(recorded: number, asAt: Date, today: Date = new Date()): number {
  return recorded + Math.max(0, academicYearOf(today) - academicYearOf(asAt));
}

export interface CaseFields {
  reference: string;
  yearGroup: number;
  senStatus: SenStatus;
  primaryNeed: SenNeed;
  secondaryNeed: SenNeed | null;
}

/** Why a case cannot be saved as given (plain English), or null. */
export function caseProblem(c: CaseFields): string | null {
  const ref = pupilReferenceProblem(c.reference);
  if (ref) return ref;
  if (
    !Number.isInteger(c.yearGroup) ||
    c.yearGroup < CASELOAD_LIMITS.yearGroupMin ||
    c.yearGroup > CASELOAD_LIMITS.yearGroupMax
  )
    return 'Choose a year group from Nursery to Year 14.';
  if (c.primaryNeed === SenNeed.NSA && c.senStatus !== SenStatus.SenSupport)
    return 'NSA (no specialist assessment) can only be the need of a pupil on SEN support.';
  if (c.secondaryNeed === SenNeed.NSA) return 'NSA cannot be a secondary need.';
  if (c.secondaryNeed && c.secondaryNeed === c.primaryNeed)
    return 'The secondary need must differ from the primary need.';
  return null;
}

/** A concern on a case, optionally with the date it matters (a tribunal hearing, an annual review). */
export interface DatedConcern {
  kind: CaseConcern;
  /** YYYY-MM-DD, or null. */
  dueOn: string | null;
  note: string | null;
}

/** What the caseload list says about urgency (the "needs attention" sort puts these first). */
export enum CaseAttention {
  Overdue = 'OVERDUE',
  Soon = 'SOON',
  None = 'NONE',
}

/** How the caseload list can be sorted; NEEDS_ATTENTION puts overdue actions, then the nearest dates, first. */
export enum CaseSort {
  NeedsAttention = 'NEEDS_ATTENTION',
  Reference = 'REFERENCE',
  YearGroup = 'YEAR_GROUP',
  RecentlyChanged = 'RECENTLY_CHANGED',
}

/** Overdue actions first; then a concern or action due within CASELOAD_LIMITS.attentionDays. */
export function caseAttention(overdueActions: number, nextDue: string | null, today: string): CaseAttention {
  if (overdueActions > 0) return CaseAttention.Overdue;
  if (nextDue && daysBetween(today, nextDue) <= CASELOAD_LIMITS.attentionDays) return CaseAttention.Soon;
  return CaseAttention.None;
}

/** Whole days from one YYYY-MM-DD to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export function isIsoDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/**
 * The case-access log: every read and change of a case or an EHCP draft, shown to the school's
 * SENCOs and headteacher (and its trust's SEND lead) under the case-data rule. Separate from the
 * network audit trail, which never shows case content.
 */
export enum CaseAccessKind {
  CaseloadListed = 'CASELOAD_LISTED',
  CaseRead = 'CASE_READ',
  CaseCreated = 'CASE_CREATED',
  CaseChanged = 'CASE_CHANGED',
  NoteAdded = 'NOTE_ADDED',
  NoteEdited = 'NOTE_EDITED',
  ActionAdded = 'ACTION_ADDED',
  ActionChanged = 'ACTION_CHANGED',
  DraftRead = 'DRAFT_READ',
  DraftChanged = 'DRAFT_CHANGED',
  DraftExported = 'DRAFT_EXPORTED',
  SupervisionRead = 'SUPERVISION_READ',
  SupervisionChanged = 'SUPERVISION_CHANGED',
  SupervisionRecordSigned = 'SUPERVISION_RECORD_SIGNED',
  SupervisionRecordExported = 'SUPERVISION_RECORD_EXPORTED',
}

export const CASE_ACCESS_LABEL: Readonly<Record<CaseAccessKind, string>> = {
  [CaseAccessKind.CaseloadListed]: 'Listed the caseload',
  [CaseAccessKind.CaseRead]: 'Opened the case',
  [CaseAccessKind.CaseCreated]: 'Recorded the case',
  [CaseAccessKind.CaseChanged]: 'Changed the case details',
  [CaseAccessKind.NoteAdded]: 'Added a log note',
  [CaseAccessKind.NoteEdited]: 'Edited a log note',
  [CaseAccessKind.ActionAdded]: 'Added an action',
  [CaseAccessKind.ActionChanged]: 'Changed an action',
  [CaseAccessKind.DraftRead]: 'Opened an EHCP draft',
  [CaseAccessKind.DraftChanged]: 'Changed an EHCP draft',
  [CaseAccessKind.DraftExported]: 'Exported an EHCP draft',
  [CaseAccessKind.SupervisionRead]: 'Opened it in a supervision session',
  [CaseAccessKind.SupervisionChanged]: 'Changed its supervision agenda item or outcome',
  [CaseAccessKind.SupervisionRecordSigned]: 'Signed a supervision record about it',
  [CaseAccessKind.SupervisionRecordExported]: 'Exported a supervision record about it',
};
