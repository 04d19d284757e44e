import { Field, InputType } from '@nestjs/graphql';
import { IsString, MaxLength, MinLength } from 'class-validator';

/** "Keep it anyway": why flagged text must stay. Every feature that shares text takes this. */
@InputType()
export class PersonalDataOverrideInput {
  @Field(() => String, { description: 'Why the flagged text must stay (audited).' })
  @IsString()
  @MinLength(10, { message: 'Say in a sentence why this text needs to stay.' })
  @MaxLength(500)
  reason!: string;
}
