import { Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { PersonalDataOverrideInput } from '../../../common/personal-data/personal-data-override.input';
import { ThreadKindEnum } from '../forum.model';

@InputType()
export class CreateThreadInput {
  @Field(() => ID) @IsUUID('all', { message: 'Choose a category.' }) categoryId!: string;
  @Field(() => ThreadKindEnum) @IsIn(Object.values(ThreadKindEnum)) kind!: ThreadKindEnum;
  @Field(() => String)
  @IsString()
  @MinLength(3, { message: 'Give the thread a title of at least 3 characters.' })
  @MaxLength(200, { message: 'Keep the title under 200 characters.' })
  title!: string;
  @Field(() => String)
  @IsString()
  @MinLength(1, { message: 'Write something.' })
  @MaxLength(20000, { message: 'Keep posts under 20,000 characters.' })
  body!: string;
  @Field(() => [String], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(5, { message: 'Use at most 5 tags.' })
  @IsString({ each: true })
  @MaxLength(30, { each: true, message: 'Keep each tag under 30 characters.' })
  tags?: string[] | null;
  @Field(() => Boolean, { nullable: true, description: 'Hide the author from everyone but moderators.' })
  @IsOptional()
  @IsBoolean()
  anonymous?: boolean | null;
  @Field(() => [ID], {
    nullable: true,
    description: 'People mentioned (chosen from forumMentionCandidates); each is notified.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10, { message: 'Mention at most 10 people.' })
  @IsUUID('all', { each: true })
  mentions?: string[] | null;
  @Field(() => PersonalDataOverrideInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => PersonalDataOverrideInput)
  personalDataOverride?: PersonalDataOverrideInput | null;
}

@InputType()
export class ReplyInput {
  @Field(() => ID) @IsUUID('all', { message: 'That thread does not exist.' }) threadId!: string;
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'That reply does not exist.' })
  parentId?: string | null;
  @Field(() => String)
  @IsString()
  @MinLength(1, { message: 'Write something.' })
  @MaxLength(20000, { message: 'Keep posts under 20,000 characters.' })
  body!: string;
  @Field(() => Boolean, { nullable: true }) @IsOptional() @IsBoolean() anonymous?: boolean | null;
  @Field(() => [ID], {
    nullable: true,
    description: 'People mentioned (chosen from forumMentionCandidates); each is notified.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10, { message: 'Mention at most 10 people.' })
  @IsUUID('all', { each: true })
  mentions?: string[] | null;
  @Field(() => PersonalDataOverrideInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => PersonalDataOverrideInput)
  personalDataOverride?: PersonalDataOverrideInput | null;
}
