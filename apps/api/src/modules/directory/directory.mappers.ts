import { AveragePhase } from '@lantern/shared-domain';
import { FundingBandEntity, LocalAuthorityEntity, NationalAverageEntity } from './local-authority.entity';
import { SchoolEntity } from './school.entity';
import { TrustEntity } from './trust.entity';
import {
  FundingBandModel,
  LocalAuthorityModel,
  NationalAverageModel,
  SchoolModel,
  TrustModel,
} from './directory.model';

export const toTrust = (e: TrustEntity): TrustModel => ({ id: e.id, name: e.name, shortName: e.shortName });

export const toSchool = (e: SchoolEntity): SchoolModel => ({
  id: e.id,
  name: e.name,
  phase: e.phase,
  numberOnRoll: e.numberOnRoll,
  ehcpCount: e.ehcpCount,
  senSupportCount: e.senSupportCount,
  censusDate: e.censusDate,
  trustId: e.trustId,
  localAuthorityId: e.localAuthorityId,
});

export const toLocalAuthority = (e: LocalAuthorityEntity): LocalAuthorityModel => ({
  id: e.id,
  name: e.name,
  fundingUnit: e.fundingUnit,
});

export const toFundingBand = (e: FundingBandEntity): FundingBandModel => ({
  id: e.id,
  label: e.label,
  annualValue: e.annualValuePence / 100,
});

export const toNationalAverage = (e: NationalAverageEntity): NationalAverageModel => ({
  phase: e.phase as AveragePhase,
  ehcpPercent: e.ehcpPerMille / 10,
  senSupportPercent: e.senSupportPerMille / 10,
  totalSendPercent: (e.ehcpPerMille + e.senSupportPerMille) / 10,
  source: e.source,
});
