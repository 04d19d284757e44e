import { SetMetadata } from '@nestjs/common';
import type * as domain from '@lantern/shared-domain';
import type { Actor } from '@lantern/shared-domain';

export const FIELD_ACCESS_KEY = 'lantern:field-access';

type Domain = typeof domain;
/** The name of a function of the shared policy that decides about the person asking (checked by the compiler). */
export type PolicyCheck = {
  [K in keyof Domain]: Domain[K] extends (...args: infer A) => boolean
    ? A extends [infer First, ...unknown[]]
      ? Actor extends First
        ? K
        : never
      : never
    : never;
}[keyof Domain];

/**
 * How a field resolver that reaches other records keeps to the policy. Field resolvers run after
 * their parent passed its own checks, without PolicyGuard, so each says what it may return (the
 * access-rules test refuses one without a rule).
 */
export type FieldAccessRule =
  /** Only records this function of the shared policy allows the viewer: the resolver applies it. */
  | { kind: 'policy'; check: PolicyCheck }
  /**
   * Directory data any signed-in person may read: trusts, schools, local authorities and their
   * figures, and people's names (a person's email and roles are guarded by User.email and
   * User.memberships).
   */
  | { kind: 'directory' }
  /** Part of its parent (its versions, files, sections, counts): whoever may see the parent sees it. */
  | { kind: 'parent' }
  /** The viewer's own state about the parent (their reactions, watches, bookmarks). */
  | { kind: 'viewer' };

const rule = (r: FieldAccessRule) => SetMetadata(FIELD_ACCESS_KEY, r);

/** Declare a field resolver's rule: `@FieldAccess.policy('canSeeResource')`, `@FieldAccess.directory()`. */
export const FieldAccess = {
  policy: (check: PolicyCheck) => rule({ kind: 'policy', check }),
  directory: () => rule({ kind: 'directory' }),
  parent: () => rule({ kind: 'parent' }),
  viewer: () => rule({ kind: 'viewer' }),
};
