import { Float, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { FieldAccess } from '../../common/graphql/field-access';
import { Permission, sendPercentages, sumFigures } from '@lantern/shared-domain';
import { InputArg } from '../../common/validation';
import { Allow, Ctx } from '../../common/auth/decorators';
import type { RequestContext } from '../../common/context/request-context';
import { Errors } from '../../common/errors/app-error';
import {
  FundingBandModel,
  LocalAuthorityModel,
  NationalAverageModel,
  SchoolModel,
  SendTotalsModel,
  TrustModel,
} from './directory.model';
import {
  FundingBandsByAuthorityLoader,
  LocalAuthorityByIdLoader,
  SchoolsByTrustLoader,
  TrustByIdLoader,
} from './directory.loader';
import { toFundingBand, toLocalAuthority, toNationalAverage, toSchool, toTrust } from './directory.mappers';
import { DirectoryService } from './directory.service';
import { SchoolFilter } from './dto/school-filter.input';

@Resolver(() => TrustModel)
export class TrustResolver {
  constructor(private readonly directory: DirectoryService) {}

  @Query(() => [TrustModel], { description: 'Every trust in the network, by name.' })
  @Allow(Permission.DirectoryRead)
  async trusts(): Promise<TrustModel[]> {
    return (await this.directory.trusts()).map(toTrust);
  }

  @FieldAccess.directory()
  @ResolveField(() => [SchoolModel])
  async schools(@Parent() trust: TrustModel, @Ctx() ctx: RequestContext): Promise<SchoolModel[]> {
    return (await ctx.loaders.get(SchoolsByTrustLoader).load(trust.id)).map(toSchool);
  }

  @FieldAccess.directory()
  @ResolveField(() => SendTotalsModel)
  async totals(@Parent() trust: TrustModel, @Ctx() ctx: RequestContext): Promise<SendTotalsModel> {
    const figures = sumFigures(await ctx.loaders.get(SchoolsByTrustLoader).load(trust.id));
    return { ...figures, ...sendPercentages(figures) };
  }
}

@Resolver(() => SchoolModel)
export class SchoolResolver {
  constructor(private readonly directory: DirectoryService) {}

  @Query(() => [SchoolModel], {
    description: 'Schools, optionally filtered by trust, local authority and phase.',
  })
  @Allow(Permission.DirectoryRead)
  async schools(
    @InputArg('filter', SchoolFilter, { nullable: true }) filter: SchoolFilter | null,
  ): Promise<SchoolModel[]> {
    return (await this.directory.schools(filter)).map(toSchool);
  }

  @ResolveField(() => String, { description: 'The name with its trust, so two schools never look alike.' })
  async displayName(@Parent() school: SchoolModel, @Ctx() ctx: RequestContext): Promise<string> {
    const trust = await ctx.loaders.get(TrustByIdLoader).load(school.trustId);
    return trust ? `${school.name} (${trust.name})` : school.name;
  }

  @ResolveField(() => Float, { nullable: true })
  ehcpPercent(@Parent() s: SchoolModel): number | null {
    return sendPercentages(s).ehcpPercent;
  }

  @ResolveField(() => Float, { nullable: true })
  senSupportPercent(@Parent() s: SchoolModel): number | null {
    return sendPercentages(s).senSupportPercent;
  }

  @ResolveField(() => Float, { nullable: true })
  totalSendPercent(@Parent() s: SchoolModel): number | null {
    return sendPercentages(s).totalSendPercent;
  }

  @FieldAccess.directory()
  @ResolveField(() => TrustModel)
  async trust(@Parent() school: SchoolModel, @Ctx() ctx: RequestContext): Promise<TrustModel> {
    const trust = await ctx.loaders.get(TrustByIdLoader).load(school.trustId);
    if (!trust) throw Errors.notFound('The school’s trust');
    return toTrust(trust);
  }

  @FieldAccess.directory()
  @ResolveField(() => LocalAuthorityModel)
  async localAuthority(
    @Parent() school: SchoolModel,
    @Ctx() ctx: RequestContext,
  ): Promise<LocalAuthorityModel> {
    const la = await ctx.loaders.get(LocalAuthorityByIdLoader).load(school.localAuthorityId);
    if (!la) throw Errors.notFound('The school’s local authority');
    return toLocalAuthority(la);
  }
}

@Resolver(() => LocalAuthorityModel)
export class LocalAuthorityResolver {
  constructor(private readonly directory: DirectoryService) {}

  @Query(() => [LocalAuthorityModel], { description: 'Local authorities with their funding banding tables.' })
  @Allow(Permission.DirectoryRead)
  async localAuthorities(): Promise<LocalAuthorityModel[]> {
    return (await this.directory.localAuthorities()).map(toLocalAuthority);
  }

  @Query(() => [NationalAverageModel], { description: 'National SEND averages by phase.' })
  @Allow(Permission.DirectoryRead)
  async nationalAverages(): Promise<NationalAverageModel[]> {
    return (await this.directory.nationalAverages()).map(toNationalAverage);
  }

  @FieldAccess.directory()
  @ResolveField(() => [FundingBandModel])
  async fundingBands(
    @Parent() la: LocalAuthorityModel,
    @Ctx() ctx: RequestContext,
  ): Promise<FundingBandModel[]> {
    return (await ctx.loaders.get(FundingBandsByAuthorityLoader).load(la.id)).map(toFundingBand);
  }
}
