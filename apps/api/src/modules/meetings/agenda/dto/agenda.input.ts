import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { AgendaPurpose, MEETING_LIMITS } from '@lantern/shared-domain';
import { PersonalDataOverrideInput } from '../../../../common/personal-data/personal-data-override.input';
import { AgendaPurposeEnum } from '../agenda.model';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
export const PAPERS_MAX = 10;

@InputType({ isAbstract: true })
class AgendaItemFieldsInput {
  @Field(() => ID, { nullable: true, description: 'Who presents it (default: nobody named).' })
  @IsOptional()
  @IsUUID('all', { message: 'Choose the presenter from the list.' })
  presenterId?: string | null;
  @Field(() => ID, { nullable: true, description: 'A library resource the proposer may see.' })
  @IsOptional()
  @IsUUID('all', { message: 'Choose a resource from the library.' })
  resourceId?: string | null;
  @Field(() => ID, { nullable: true, description: 'A forum thread the proposer may read.' })
  @IsOptional()
  @IsUUID('all', { message: 'Choose a thread from the forum.' })
  threadId?: string | null;
  @Field(() => PersonalDataOverrideInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => PersonalDataOverrideInput)
  personalDataOverride?: PersonalDataOverrideInput | null;
}

@InputType('ProposeAgendaItemInput')
export class ProposeAgendaItemInput extends AgendaItemFieldsInput {
  @Field(() => ID) @IsUUID('all', { message: 'That meeting does not exist.' }) seriesId!: string;
  @Field(() => String, { description: 'The occurrence (YYYY-MM-DD, its pattern date).' })
  @Matches(DATE, { message: 'That meeting does not exist.' })
  key!: string;
  @Field(() => String)
  @IsString()
  @MaxLength(MEETING_LIMITS.itemTitleMax, {
    message: `Keep the title to ${MEETING_LIMITS.itemTitleMax} characters.`,
  })
  title!: string;
  @Field(() => AgendaPurposeEnum)
  @IsIn(Object.values(AgendaPurpose), { message: 'Choose inform, discuss or decide.' })
  purpose!: AgendaPurpose;
  @Field(() => Int)
  @IsInt({ message: 'Give the time it needs in minutes.' })
  @Min(1, { message: 'Give it at least a minute.' })
  @Max(MEETING_LIMITS.itemMinutesMax, {
    message: `Give it at most ${MEETING_LIMITS.itemMinutesMax} minutes.`,
  })
  minutes!: number;
  @Field(() => [ID], { defaultValue: [], description: 'Papers: your own uploads (POST /files).' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(PAPERS_MAX, { message: `Attach at most ${PAPERS_MAX} papers.` })
  @IsUUID('all', { each: true, message: 'One of the papers was not found. Upload it again.' })
  fileIds?: string[] | null;
}

@InputType('UpdateAgendaItemInput')
export class UpdateAgendaItemInput extends AgendaItemFieldsInput {
  @Field(() => ID) @IsUUID('all', { message: 'That agenda item does not exist.' }) id!: string;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(MEETING_LIMITS.itemTitleMax, {
    message: `Keep the title to ${MEETING_LIMITS.itemTitleMax} characters.`,
  })
  title?: string | null;
  @Field(() => AgendaPurposeEnum, { nullable: true })
  @IsOptional()
  @IsIn(Object.values(AgendaPurpose), { message: 'Choose inform, discuss or decide.' })
  purpose?: AgendaPurpose | null;
  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt({ message: 'Give the time it needs in minutes.' })
  @Min(1, { message: 'Give it at least a minute.' })
  @Max(MEETING_LIMITS.itemMinutesMax, {
    message: `Give it at most ${MEETING_LIMITS.itemMinutesMax} minutes.`,
  })
  minutes?: number | null;
  @Field(() => [ID], { nullable: true, description: 'Replaces the papers (null: unchanged).' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(PAPERS_MAX, { message: `Attach at most ${PAPERS_MAX} papers.` })
  @IsUUID('all', { each: true, message: 'One of the papers was not found. Upload it again.' })
  fileIds?: string[] | null;
}
