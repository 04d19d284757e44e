import { Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsOptional, IsString, IsUUID, Matches, MaxLength, ValidateNested } from 'class-validator';
import { MEETING_LIMITS } from '@lantern/shared-domain';
import { PersonalDataOverrideInput } from '../../../../common/personal-data/personal-data-override.input';
import { NewActionFields } from '../../../actions/dto/action.input';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

@InputType('SaveItemMinutesInput')
export class SaveItemMinutesInput {
  @Field(() => ID) @IsUUID('all', { message: 'That agenda item does not exist.' }) itemId!: string;
  @Field(() => String, { description: 'What was said (markdown).' })
  @IsString()
  @MaxLength(MEETING_LIMITS.minutesTextMax, {
    message: `Keep the notes to ${MEETING_LIMITS.minutesTextMax} characters.`,
  })
  notes!: string;
  @Field(() => String, { description: 'What was decided (markdown).' })
  @IsString()
  @MaxLength(MEETING_LIMITS.minutesTextMax, {
    message: `Keep the decisions to ${MEETING_LIMITS.minutesTextMax} characters.`,
  })
  decisions!: string;
  @Field(() => PersonalDataOverrideInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => PersonalDataOverrideInput)
  personalDataOverride?: PersonalDataOverrideInput | null;
}

@InputType('AddMeetingActionInput')
export class AddMeetingActionInput extends NewActionFields {
  @Field(() => ID) @IsUUID('all', { message: 'That meeting does not exist.' }) seriesId!: string;
  @Field(() => String) @Matches(DATE, { message: 'That meeting does not exist.' }) key!: string;
  @Field(() => PersonalDataOverrideInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => PersonalDataOverrideInput)
  personalDataOverride?: PersonalDataOverrideInput | null;
}
