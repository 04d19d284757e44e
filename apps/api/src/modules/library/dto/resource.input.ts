import { Field, ID, InputType, Int, IntersectionType } from '@nestjs/graphql';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { LIBRARY_LIMITS as L, ResourceKind, ResourceStatus } from '@lantern/shared-domain';
import { ResourceKindEnum, ResourceStatusEnum } from '../library.model';
import { ResourceFacetsInput } from './resource-content.input';
import { ResourceSharingInput } from './resource-sharing.input';

/** A new resource: its content and facets, who it is shared with, and its kind. */
@InputType()
export class CreateResourceInput extends IntersectionType(ResourceFacetsInput, ResourceSharingInput) {
  @Field(() => ResourceKindEnum)
  @IsIn(Object.values(ResourceKind), { message: 'Choose a kind of resource.' })
  kind!: ResourceKind;
  @Field(() => ResourceStatusEnum, { nullable: true, description: 'DRAFT (default) or PUBLISHED.' })
  @IsOptional()
  @IsIn([ResourceStatus.Draft, ResourceStatus.Published], { message: 'Save as a draft or publish.' })
  status?: ResourceStatus | null;
  @Field(() => ID, {
    nullable: true,
    description: 'A local-authority variant derives from this base resource.',
  })
  @IsOptional()
  @IsUUID('all', { message: 'That base resource does not exist.' })
  baseResourceId?: string | null;
  @Field(() => String, { nullable: true, description: 'Defaults to "First version".' })
  @IsOptional()
  @IsString()
  @MaxLength(L.changeNoteMax)
  changeNote?: string | null;
}

@InputType()
export class UpdateResourceInput extends ResourceFacetsInput {
  @Field(() => ID) @IsUUID('all', { message: 'That resource does not exist.' }) resourceId!: string;
  @Field(() => String, { description: 'What changed, for the history.' })
  @IsString()
  @MinLength(3, { message: 'Say briefly what changed (at least 3 characters).' })
  @MaxLength(L.changeNoteMax, { message: `Keep the change note under ${L.changeNoteMax} characters.` })
  changeNote!: string;
  @Field(() => Int, {
    nullable: true,
    description: 'The version the edit started from; CONFLICT when someone saved a newer one since.',
  })
  @IsOptional()
  @IsInt()
  basedOnVersion?: number | null;
}
