import {
  NEED_AREA_LABEL,
  type NeedArea,
  PHASE_LABEL,
  type Phase,
  RESOURCE_KIND_LABEL,
  RESOURCE_STATUS_LABEL,
  type ResourceKind,
  type ResourceStatus,
  ShareScope,
} from '@lantern/shared-domain';

export const kindLabel = (k: ResourceKind): string => RESOURCE_KIND_LABEL[k] ?? k;
export const statusLabel = (s: ResourceStatus): string => RESOURCE_STATUS_LABEL[s] ?? s;
export const needLabels = (areas: readonly NeedArea[]): string =>
  areas.map((a) => NEED_AREA_LABEL[a] ?? a).join(', ');
export const phaseLabels = (phases: readonly Phase[]): string =>
  phases.map((p) => PHASE_LABEL[p] ?? p).join(', ');

/** Who a resource is shared with, in words. */
export function scopeText(scope: ShareScope, place?: string | null): string {
  switch (scope) {
    case ShareScope.Network:
      return 'Shared with the whole network';
    case ShareScope.Trust:
      return place ? `Shared with ${place}` : 'Shared with one trust';
    case ShareScope.School:
      return place ? `Shared with ${place} only` : 'Shared with one school';
  }
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;
}
