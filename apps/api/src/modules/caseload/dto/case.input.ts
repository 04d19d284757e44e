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
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  CASELOAD_LIMITS,
  CaseConcern,
  CaseSort,
  CaseStatus,
  SenNeed,
  SenStatus,
} from '@lantern/shared-domain';
import { PersonalDataOverrideInput } from '../../../common/personal-data/personal-data-override.input';
import { NewActionFields } from '../../actions/dto/action.input';
import { CaseConcernEnum, CaseSortEnum, CaseStatusEnum, SenNeedEnum, SenStatusEnum } from '../case.model';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const CONCERNS = Object.values(CaseConcern).length;

@InputType('CaseConcernInput')
export class CaseConcernInput {
  @Field(() => CaseConcernEnum)
  @IsIn(Object.values(CaseConcern), { message: 'Choose a concern from the list.' })
  kind!: CaseConcern;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD.' })
  @IsOptional()
  @Matches(DATE, { message: 'Enter the date of the concern as a date.' })
  dueOn?: string | null;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(CASELOAD_LIMITS.concernNoteMax, {
    message: `Keep a concern's note to ${CASELOAD_LIMITS.concernNoteMax} characters.`,
  })
  note?: string | null;
}

@InputType({ isAbstract: true })
class CaseFieldsInput {
  @Field(() => String, {
    description: 'Initials and year group, e.g. "JS Y4"; never a name, date of birth, UPN or NHS number.',
  })
  @IsString()
  @MaxLength(60)
  reference!: string;
  @Field(() => Int, { description: 'Today’s year group: -1 nursery, 0 reception, 1–14.' })
  @IsInt({ message: 'Choose a year group.' })
  yearGroup!: number;
  @Field(() => SenStatusEnum)
  @IsIn(Object.values(SenStatus), { message: 'Choose the SEN status.' })
  senStatus!: SenStatus;
  @Field(() => SenNeedEnum)
  @IsIn(Object.values(SenNeed), { message: 'Choose the primary need.' })
  primaryNeed!: SenNeed;
  @Field(() => SenNeedEnum, { nullable: true })
  @IsOptional()
  @IsIn(Object.values(SenNeed), { message: 'Choose the secondary need from the list.' })
  secondaryNeed?: SenNeed | null;
  @Field(() => [CaseConcernInput], { defaultValue: [] })
  @IsArray()
  @ArrayMaxSize(CONCERNS)
  @ValidateNested({ each: true })
  @Type(() => CaseConcernInput)
  concerns!: CaseConcernInput[];
  @Field(() => PersonalDataOverrideInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => PersonalDataOverrideInput)
  personalDataOverride?: PersonalDataOverrideInput | null;
}

@InputType('CreateCaseInput')
export class CreateCaseInput extends CaseFieldsInput {
  @Field(() => ID) @IsUUID('all', { message: 'Choose a school.' }) schoolId!: string;
}

@InputType('UpdateCaseInput')
export class UpdateCaseInput extends CaseFieldsInput {
  @Field(() => ID) @IsUUID('all', { message: 'That case does not exist.' }) id!: string;
  @Field(() => Int, { description: 'The revision you changed (from Case.revision).' })
  @IsInt()
  @Min(1)
  revision!: number;
  @Field(() => CaseStatusEnum)
  @IsIn(Object.values(CaseStatus), { message: 'Choose open, monitoring or closed.' })
  status!: CaseStatus;
}

@InputType('CaseFilterInput')
export class CaseFilterInput {
  @Field(() => [CaseStatusEnum], { nullable: true, description: 'Default: open and monitoring.' })
  @IsOptional()
  @IsArray()
  @IsIn(Object.values(CaseStatus), { each: true })
  statuses?: CaseStatus[] | null;
  @Field(() => SenNeedEnum, { nullable: true, description: 'Primary or secondary need.' })
  @IsOptional()
  @IsIn(Object.values(SenNeed))
  need?: SenNeed | null;
  @Field(() => CaseConcernEnum, { nullable: true })
  @IsOptional()
  @IsIn(Object.values(CaseConcern))
  concern?: CaseConcern | null;
  @Field(() => Int, { nullable: true, description: 'The current year group.' })
  @IsOptional()
  @IsInt()
  yearGroup?: number | null;
  @Field(() => CaseSortEnum, { nullable: true, defaultValue: CaseSort.NeedsAttention })
  @IsOptional()
  @IsIn(Object.values(CaseSort))
  sort?: CaseSort | null;
}

@InputType('AddCaseNoteInput')
export class AddCaseNoteInput {
  @Field(() => ID) @IsUUID('all', { message: 'That case does not exist.' }) caseId!: string;
  @Field(() => String, { description: 'YYYY-MM-DD: when it happened.' })
  @Matches(DATE, { message: 'Enter the date as a date.' })
  happenedOn!: string;
  @Field(() => String, { description: 'Markdown.' })
  @IsString()
  @MaxLength(CASELOAD_LIMITS.noteMax, { message: `Keep a note to ${CASELOAD_LIMITS.noteMax} characters.` })
  body!: string;
  @Field(() => PersonalDataOverrideInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => PersonalDataOverrideInput)
  personalDataOverride?: PersonalDataOverrideInput | null;
}

@InputType('EditCaseNoteInput')
export class EditCaseNoteInput {
  @Field(() => ID) @IsUUID('all', { message: 'That note does not exist.' }) noteId!: string;
  @Field(() => Int, { description: 'The version you edited (refused if someone edited it since).' })
  @IsInt()
  @Min(1)
  version!: number;
  @Field(() => String)
  @IsString()
  @MaxLength(CASELOAD_LIMITS.noteMax, { message: `Keep a note to ${CASELOAD_LIMITS.noteMax} characters.` })
  body!: string;
  @Field(() => PersonalDataOverrideInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => PersonalDataOverrideInput)
  personalDataOverride?: PersonalDataOverrideInput | null;
}

@InputType('AddCaseActionInput')
export class AddCaseActionInput extends NewActionFields {
  @Field(() => ID) @IsUUID('all', { message: 'That case does not exist.' }) caseId!: string;
}
