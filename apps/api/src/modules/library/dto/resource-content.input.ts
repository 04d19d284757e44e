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
  MinLength,
  ValidateNested,
} from 'class-validator';
import { LIBRARY_EHCP_KEYS, LIBRARY_LIMITS as L, NeedArea, Phase } from '@lantern/shared-domain';
import { PhaseEnum } from '../../../common/graphql/enums';
import { PersonalDataOverrideInput } from '../../../common/personal-data/personal-data-override.input';
import { NeedAreaEnum } from '../library.model';

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
