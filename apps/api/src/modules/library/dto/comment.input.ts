import { Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsOptional, IsString, IsUUID, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { LIBRARY_LIMITS as L } from '@lantern/shared-domain';
import { PersonalDataOverrideInput } from '../../../common/personal-data/personal-data-override.input';

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
