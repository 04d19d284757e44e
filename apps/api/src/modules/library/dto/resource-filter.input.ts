import { Field, ID, InputType } from '@nestjs/graphql';
import { IsArray, IsBoolean, IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import {
  LIBRARY_LIMITS as L,
  NeedArea,
  Phase,
  ResourceKind,
  ResourceStatus,
  ShareScope,
} from '@lantern/shared-domain';
import { PhaseEnum } from '../../../common/graphql/enums';
import { NeedAreaEnum, ResourceKindEnum, ResourceStatusEnum, ShareScopeEnum } from '../library.model';

@InputType()
export class LibraryResourceFilter {
  @Field(() => String, {
    nullable: true,
    description: 'Full-text search (web search syntax: "quotes", -not, or).',
  })
  @IsOptional()
  @IsString()
  @MaxLength(L.searchMax, { message: `Search for at most ${L.searchMax} characters.` })
  query?: string | null;
  @Field(() => [ResourceKindEnum], { nullable: true })
  @IsOptional()
  @IsArray()
  @IsIn(Object.values(ResourceKind), { each: true })
  kinds?: ResourceKind[] | null;
  @Field(() => NeedAreaEnum, { nullable: true })
  @IsOptional()
  @IsIn(Object.values(NeedArea))
  needArea?: NeedArea | null;
  @Field(() => PhaseEnum, { nullable: true })
  @IsOptional()
  @IsIn(Object.values(Phase))
  phase?: Phase | null;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('all') localAuthorityId?: string | null;
  @Field(() => ShareScopeEnum, { nullable: true })
  @IsOptional()
  @IsIn(Object.values(ShareScope))
  shareScope?: ShareScope | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(L.tagMax) tag?: string | null;
  @Field(() => ResourceStatusEnum, { nullable: true, description: 'Defaults to PUBLISHED.' })
  @IsOptional()
  @IsIn(Object.values(ResourceStatus))
  status?: ResourceStatus | null;
  @Field(() => Boolean, { nullable: true, description: 'Only what the viewer bookmarked.' })
  @IsOptional()
  @IsBoolean()
  bookmarked?: boolean | null;
  @Field(() => Boolean, { nullable: true, description: 'Only what the viewer owns.' })
  @IsOptional()
  @IsBoolean()
  mine?: boolean | null;
  @Field(() => ID, { nullable: true, description: 'Local-authority variants of this resource.' })
  @IsOptional()
  @IsUUID('all')
  baseResourceId?: string | null;
}
