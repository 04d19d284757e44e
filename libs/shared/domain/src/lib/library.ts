import { Phase } from './organisation';

/**
 * The resource library: shared kinds, labels and limits. Who sees and manages a resource is in
 * library-audience.ts (single records) and library-reach.ts (the same rules for SQL filters); review
 * dates are in library-review.ts; version comparisons use text-diff.ts.
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
