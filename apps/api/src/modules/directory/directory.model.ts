import { PhaseEnum, AveragePhaseEnum, FundingUnitEnum } from '../../common/graphql/enums';
import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { AveragePhase, FundingUnit, Phase } from '@lantern/shared-domain';
import '../../common/graphql/enums';

@ObjectType('SendTotals', { description: 'Roll and SEND counts with percentages derived from them.' })
export class SendTotalsModel {
  @Field(() => Int) numberOnRoll!: number;
  @Field(() => Int) ehcpCount!: number;
  @Field(() => Int) senSupportCount!: number;
  @Field(() => Float, { nullable: true }) ehcpPercent!: number | null;
  @Field(() => Float, { nullable: true }) senSupportPercent!: number | null;
  @Field(() => Float, { nullable: true }) totalSendPercent!: number | null;
}

@ObjectType('Trust')
export class TrustModel {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => String) shortName!: string;
}

@ObjectType('School')
export class SchoolModel {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => PhaseEnum) phase!: Phase;
  @Field(() => Int) numberOnRoll!: number;
  @Field(() => Int) ehcpCount!: number;
  @Field(() => Int) senSupportCount!: number;
  @Field(() => String, { description: 'ISO date of the census the figures come from.' }) censusDate!: string;
  trustId!: string;
  localAuthorityId!: string;
}

@ObjectType('FundingBand')
export class FundingBandModel {
  @Field(() => ID) id!: string;
  @Field(() => String) label!: string;
  @Field(() => Float, { description: 'Pounds per year.' }) annualValue!: number;
}

@ObjectType('LocalAuthority')
export class LocalAuthorityModel {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => FundingUnitEnum) fundingUnit!: FundingUnit;
}

@ObjectType('NationalAverage')
export class NationalAverageModel {
  @Field(() => AveragePhaseEnum) phase!: AveragePhase;
  @Field(() => Float) ehcpPercent!: number;
  @Field(() => Float) senSupportPercent!: number;
  @Field(() => Float) totalSendPercent!: number;
  @Field(() => String) source!: string;
}
