import { Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { LIBRARY_LIMITS as L, ResourceStatus, ShareScope } from '@lantern/shared-domain';
import { ResourceStatusEnum, ShareScopeEnum } from '../library.model';
import { ResourceFacetsInput } from './resource-content.input';

@InputType()
export class ToolkitItemInput {
  @Field(() => ID) @IsUUID('all', { message: 'That resource does not exist.' }) resourceId!: string;
  @Field(() => String, { nullable: true, description: 'Why it is in the toolkit (plain text).' })
  @IsOptional()
  @IsString()
  @MaxLength(L.toolkitNoteMax, { message: `Keep notes under ${L.toolkitNoteMax} characters.` })
  note?: string | null;
}

@InputType()
export class CreateToolkitInput extends ResourceFacetsInput {
  @Field(() => ShareScopeEnum) @IsIn(Object.values(ShareScope)) shareScope!: ShareScope;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('all') trustId?: string | null;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('all') schoolId?: string | null;
  @Field(() => ResourceStatusEnum, { nullable: true })
  @IsOptional()
  @IsIn([ResourceStatus.Draft, ResourceStatus.Published])
  status?: ResourceStatus | null;
  @Field(() => [ToolkitItemInput], { description: 'In order.' })
  @IsArray()
  @ArrayMaxSize(L.toolkitItemsMax, { message: `A toolkit holds at most ${L.toolkitItemsMax} resources.` })
  @ValidateNested({ each: true })
  @Type(() => ToolkitItemInput)
  items!: ToolkitItemInput[];
}

@InputType()
export class UpdateToolkitItemsInput {
  @Field(() => ID) @IsUUID('all', { message: 'That toolkit does not exist.' }) toolkitId!: string;
  @Field(() => [ToolkitItemInput], { description: 'Every item, in the new order.' })
  @IsArray()
  @ArrayMaxSize(L.toolkitItemsMax, { message: `A toolkit holds at most ${L.toolkitItemsMax} resources.` })
  @ValidateNested({ each: true })
  @Type(() => ToolkitItemInput)
  items!: ToolkitItemInput[];
}
