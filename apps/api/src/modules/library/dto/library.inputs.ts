import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import {
  LIBRARY_EHCP_KEYS,
  LIBRARY_LIMITS as L,
  NeedArea,
  Phase,
  ResourceKind,
  ResourceStatus,
  ShareScope,
} from '@lantern/shared-domain';
import { PhaseEnum } from '../../../common/graphql/enums';
import { PersonalDataOverrideInput } from '../../../common/personal-data/personal-data-override.input';
import { NeedAreaEnum, ResourceKindEnum, ResourceStatusEnum, ShareScopeEnum } from '../library.models';

@InputType()
export class LibraryEhcpSectionInput {
  @Field(() => String)
  @IsIn(LIBRARY_EHCP_KEYS as unknown as string[], { message: 'Use a section letter from A to K.' })
  key!: string;
  @Field(() => String)
  @IsString()
  @MinLength(1, { message: 'Give each section a title.' })
  @MaxLength(200, { message: 'Keep section titles under 200 characters.' })
  title!: string;
  @Field(() => String, { description: 'Markdown.' })
  @IsString()
  @MaxLength(L.ehcpGuidanceMax, { message: `Keep guidance under ${L.ehcpGuidanceMax} characters.` })
  guidance!: string;
  @Field(() => [String])
  @IsArray()
  @ArrayMaxSize(L.ehcpPromptsMax, { message: `Use at most ${L.ehcpPromptsMax} prompts per section.` })
  @IsString({ each: true })
  @MaxLength(L.ehcpPromptMax, { each: true, message: `Keep prompts under ${L.ehcpPromptMax} characters.` })
  prompts!: string[];
}

/** What every version carries: the content. */
@InputType({ isAbstract: true })
export class ResourceContentInput {
  @Field(() => String)
  @IsString()
  @MinLength(L.titleMin, { message: `Give the resource a title of at least ${L.titleMin} characters.` })
  @MaxLength(L.titleMax, { message: `Keep the title under ${L.titleMax} characters.` })
  title!: string;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(L.summaryMax, { message: `Keep the summary under ${L.summaryMax} characters.` })
  summary?: string | null;
  @Field(() => String, { nullable: true, description: 'Markdown.' })
  @IsOptional()
  @IsString()
  @MaxLength(L.bodyMax, { message: `Keep the text under ${L.bodyMax.toLocaleString('en-GB')} characters.` })
  bodyMd?: string | null;
  @Field(() => [LibraryEhcpSectionInput], {
    nullable: true,
    description: 'EHCP template structure: sections A to K, each at most once.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(LIBRARY_EHCP_KEYS.length)
  @ValidateNested({ each: true })
  @Type(() => LibraryEhcpSectionInput)
  ehcpSections?: LibraryEhcpSectionInput[] | null;
  @Field(() => [ID], {
    nullable: true,
    description: 'Files uploaded with POST /files (or kept from the last version).',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(L.filesPerVersion, { message: `Attach at most ${L.filesPerVersion} files.` })
  @IsUUID('all', { each: true, message: 'That file does not exist.' })
  fileIds?: string[] | null;
  @Field(() => PersonalDataOverrideInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => PersonalDataOverrideInput)
  personalDataOverride?: PersonalDataOverrideInput | null;
}

/** Descriptive fields that can change without a new version. */
@InputType({ isAbstract: true })
export class ResourceFacetsInput extends ResourceContentInput {
  @Field(() => [NeedAreaEnum], { nullable: true })
  @IsOptional()
  @IsArray()
  @IsIn(Object.values(NeedArea), { each: true, message: 'Choose need areas from the list.' })
  needAreas?: NeedArea[] | null;
  @Field(() => [PhaseEnum], { nullable: true })
  @IsOptional()
  @IsArray()
  @IsIn(Object.values(Phase), { each: true, message: 'Choose phases from the list.' })
  phases?: Phase[] | null;
  @Field(() => ID, { nullable: true, description: 'One local authority, or null for any.' })
  @IsOptional()
  @IsUUID('all', { message: 'Choose a local authority from the list.' })
  localAuthorityId?: string | null;
  @Field(() => [String], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(L.tagsMax, { message: `Use at most ${L.tagsMax} tags.` })
  @IsString({ each: true })
  @MaxLength(L.tagMax, { each: true, message: `Keep each tag under ${L.tagMax} characters.` })
  tags?: string[] | null;
}

@InputType()
export class CreateResourceInput extends ResourceFacetsInput {
  @Field(() => ResourceKindEnum)
  @IsIn(Object.values(ResourceKind), { message: 'Choose a kind of resource.' })
  kind!: ResourceKind;
  @Field(() => ShareScopeEnum)
  @IsIn(Object.values(ShareScope), { message: 'Choose who to share it with.' })
  shareScope!: ShareScope;
  @Field(() => ID, { nullable: true, description: 'For TRUST scope.' })
  @IsOptional()
  @IsUUID('all', { message: 'Choose a trust from the list.' })
  trustId?: string | null;
  @Field(() => ID, { nullable: true, description: 'For SCHOOL scope.' })
  @IsOptional()
  @IsUUID('all', { message: 'Choose a school from the list.' })
  schoolId?: string | null;
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

@InputType()
export class CommentOnResourceInput {
  @Field(() => ID) @IsUUID('all', { message: 'That resource does not exist.' }) resourceId!: string;
  @Field(() => String, { description: 'Markdown.' })
  @IsString()
  @MinLength(1, { message: 'Write something.' })
  @MaxLength(L.commentMax, {
    message: `Keep comments under ${L.commentMax.toLocaleString('en-GB')} characters.`,
  })
  body!: string;
  @Field(() => PersonalDataOverrideInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => PersonalDataOverrideInput)
  personalDataOverride?: PersonalDataOverrideInput | null;
}

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

@InputType()
export class AdoptTemplateInput {
  @Field(() => ID) @IsUUID('all', { message: 'That resource does not exist.' }) resourceId!: string;
  @Field(() => String, { nullable: true, description: 'Local notes (markdown).' })
  @IsOptional()
  @IsString()
  @MaxLength(L.adoptionNotesMax, { message: `Keep notes under ${L.adoptionNotesMax} characters.` })
  notes?: string | null;
  @Field(() => ID, {
    nullable: true,
    description: 'The trust adopting it; needed when the viewer is SEND lead of several trusts.',
  })
  @IsOptional()
  @IsUUID('all', { message: 'Choose a trust from the list.' })
  trustId?: string | null;
}
