import {
  LIBRARY_LIMITS,
  NEED_AREA_LABEL,
  NeedArea,
  PHASE_LABEL,
  Phase,
  RESOURCE_KIND_LABEL,
  ResourceKind,
  ResourceSort,
  SHARE_SCOPE_LABEL,
  ShareScope,
} from '@lantern/shared-domain';

/** What the library home's URL says: /library?q=&kind=&need=&phase=&la=&scope=&tag=&sort= */
export interface LibraryFilters {
  q: string;
  kind: ResourceKind | null;
  need: NeedArea | null;
  phase: Phase | null;
  la: string | null;
  scope: ShareScope | null;
  tag: string;
  sort: ResourceSort;
}

export const FILTER_PARAMS = ['q', 'kind', 'need', 'phase', 'la', 'scope', 'tag', 'sort'] as const;
export type FilterParam = (typeof FILTER_PARAMS)[number];

export const SORT_LABEL: Readonly<Record<ResourceSort, string>> = {
  [ResourceSort.Relevance]: 'Best match',
  [ResourceSort.Recent]: 'Recently changed',
  [ResourceSort.MostUsed]: 'Most used',
  [ResourceSort.RecentlyReviewed]: 'Recently reviewed',
};

export const KIND_OPTIONS = Object.values(ResourceKind).map((value) => ({
  value,
  label: RESOURCE_KIND_LABEL[value],
}));
export const NEED_OPTIONS = Object.values(NeedArea).map((value) => ({
  value,
  label: NEED_AREA_LABEL[value],
}));
export const PHASE_OPTIONS = Object.values(Phase).map((value) => ({ value, label: PHASE_LABEL[value] }));
export const SCOPE_OPTIONS = Object.values(ShareScope).map((value) => ({
  value,
  label: SHARE_SCOPE_LABEL[value],
}));

function oneOf<T extends string>(values: readonly T[], raw: string | null | undefined): T | null {
  return raw && (values as readonly string[]).includes(raw) ? (raw as T) : null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Read the filters from query parameters; anything unknown is ignored rather than sent. */
export function filtersFromParams(
  params: Readonly<Partial<Record<FilterParam, string | null>>>,
): LibraryFilters {
  const q = (params.q ?? '').trim().slice(0, LIBRARY_LIMITS.searchMax);
  const requested = oneOf(Object.values(ResourceSort), params.sort);
  // Relevance needs words to rank by; with words, it is the natural default.
  const sort = q
    ? (requested ?? ResourceSort.Relevance)
    : requested && requested !== ResourceSort.Relevance
      ? requested
      : ResourceSort.Recent;
  return {
    q,
    kind: oneOf(Object.values(ResourceKind), params.kind),
    need: oneOf(Object.values(NeedArea), params.need),
    phase: oneOf(Object.values(Phase), params.phase),
    la: params.la && UUID.test(params.la) ? params.la : null,
    scope: oneOf(Object.values(ShareScope), params.scope),
    tag: (params.tag ?? '').trim().slice(0, LIBRARY_LIMITS.tagMax),
    sort,
  };
}

/** The URL's query parameters for these filters (defaults left out, so links stay short). */
export function paramsOf(f: LibraryFilters): Record<FilterParam, string | null> {
  const defaultSort = f.q ? ResourceSort.Relevance : ResourceSort.Recent;
  return {
    q: f.q || null,
    kind: f.kind,
    need: f.need,
    phase: f.phase,
    la: f.la,
    scope: f.scope,
    tag: f.tag || null,
    sort: f.sort === defaultSort ? null : f.sort,
  };
}

/** The filter the API takes (libraryResources(filter:)). */
export function filterInput(f: LibraryFilters) {
  return {
    query: f.q || null,
    kinds: f.kind ? [f.kind] : null,
    needArea: f.need,
    phase: f.phase,
    localAuthorityId: f.la,
    shareScope: f.scope,
    tag: f.tag || null,
  };
}

/** How many filters (besides the words and the sort) are on. */
export function activeFilterCount(f: LibraryFilters): number {
  return [f.kind, f.need, f.phase, f.la, f.scope, f.tag || null].filter((v) => v !== null).length;
}

/** Words too short to search for (the API refuses them): null when fine. */
export function queryProblem(q: string): string | null {
  return q && q.length < LIBRARY_LIMITS.searchMin
    ? `Search for at least ${LIBRARY_LIMITS.searchMin} characters.`
    : null;
}
