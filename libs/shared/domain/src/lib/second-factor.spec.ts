import { describe, expect, it } from 'vitest';
import { ErrorCode } from './errors';
import { Permission } from './policy';
import { Role } from './roles';
import {
  canResetSecondFactor,
  elevationEnds,
  isElevated,
  needsSecondFactor,
  permissionNeedsSecondFactor,
  ruleNeedsSecondFactor,
  secondFactorRefusal,
} from './second-factor';

const now = new Date('2026-03-02T10:00:00Z');
const senco = { userId: 's', grants: [{ role: Role.Senco, trustId: 't', schoolId: 'x' }] };
const admin = { userId: 'a', grants: [{ role: Role.NetworkAdmin, trustId: null, schoolId: null }] };

describe('the second factor', () => {
  it('is needed by those whose roles read case data, for case data only', () => {
    expect(needsSecondFactor(senco)).toBe(true);
    expect(needsSecondFactor(admin)).toBe(false);
    expect(permissionNeedsSecondFactor(Permission.CaseDataUse)).toBe(true);
    expect(permissionNeedsSecondFactor(Permission.LibraryUse)).toBe(false);
    expect(ruleNeedsSecondFactor('canAccessCaseData')).toBe(true);
    expect(ruleNeedsSecondFactor('isSelf')).toBe(false);
  });

  it('refuses until enrolled, then until elevated, and again once the elevation is over', () => {
    expect(secondFactorRefusal({ enrolled: false, elevatedUntil: null }, now)).toBe(
      ErrorCode.SecondFactorEnrolmentRequired,
    );
    expect(secondFactorRefusal({ enrolled: true, elevatedUntil: null }, now)).toBe(
      ErrorCode.SecondFactorRequired,
    );
    expect(secondFactorRefusal({ enrolled: true, elevatedUntil: '2026-03-02T10:00:01Z' }, now)).toBeNull();
    expect(secondFactorRefusal({ enrolled: true, elevatedUntil: '2026-03-02T10:00:00Z' }, now)).toBe(
      ErrorCode.SecondFactorRequired,
    );
    expect(isElevated({ enrolled: true, elevatedUntil: new Date('2026-03-02T22:00:00Z') }, now)).toBe(true);
  });

  it('elevates for 12 hours, or until the session ends if sooner', () => {
    expect(elevationEnds(now, new Date('2026-03-10T00:00:00Z')).toISOString()).toBe(
      '2026-03-02T22:00:00.000Z',
    );
    expect(elevationEnds(now, new Date('2026-03-02T11:00:00Z')).toISOString()).toBe(
      '2026-03-02T11:00:00.000Z',
    );
  });

  it('lets network admins reset someone else’s, never their own', () => {
    expect(canResetSecondFactor(admin, 's')).toBe(true);
    expect(canResetSecondFactor(admin, 'a')).toBe(false);
    expect(canResetSecondFactor(senco, 'x')).toBe(false);
    expect(canResetSecondFactor(null, 's')).toBe(false);
  });
});
