import { registerEnumType } from '@nestjs/graphql';
import { AveragePhase, FundingUnit, Phase, Role } from '@lantern/shared-domain';

export enum InvitationStatus {
  PENDING = 'PENDING',
  ACCEPTED = 'ACCEPTED',
  EXPIRED = 'EXPIRED',
  REVOKED = 'REVOKED',
}

/**
 * GraphQL enums take their names from an object's keys. The shared enums have readable keys
 * (Role.Senco = 'SENCO'), so each is registered as a mirror whose keys are its values: the
 * schema then says SENCO, exactly the value both sides use.
 */
function mirror<E extends Record<string, string>>(e: E): { [K in E[keyof E]]: K } {
  return Object.fromEntries(Object.values(e).map((v) => [v, v])) as { [K in E[keyof E]]: K };
}

export const RoleEnum = mirror(Role);
export const PhaseEnum = mirror(Phase);
export const AveragePhaseEnum = mirror(AveragePhase);
export const FundingUnitEnum = mirror(FundingUnit);

registerEnumType(RoleEnum, { name: 'Role' });
registerEnumType(PhaseEnum, { name: 'Phase' });
registerEnumType(AveragePhaseEnum, { name: 'AveragePhase' });
registerEnumType(FundingUnitEnum, { name: 'FundingUnit' });
registerEnumType(InvitationStatus, { name: 'InvitationStatus' });
