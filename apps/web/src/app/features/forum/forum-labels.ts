import { ROLE_LABEL, Role } from '@lantern/shared-domain';
import type { ThreadKind } from '@lantern/web-graphql';

export const KIND_LABEL: Readonly<Record<ThreadKind, string>> = {
  QUESTION: 'Question',
  DISCUSSION: 'Discussion',
};

/** "Assisi Catholic Trust only", "Trust SEND leads only", both, or null for the whole network. */
export function limitLabel(category: {
  trust?: { name: string } | null;
  roles?: readonly Role[] | null;
}): string | null {
  const roles = category.roles?.length
    ? category.roles.map((r) => (r === Role.Staff ? 'Staff' : `${ROLE_LABEL[r]}s`)).join(' and ')
    : null;
  const trust = category.trust?.name ?? null;
  if (trust && roles) return `${roles} in ${trust} only`;
  if (trust) return `${trust} only`;
  if (roles) return `${roles} only`;
  return null;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
