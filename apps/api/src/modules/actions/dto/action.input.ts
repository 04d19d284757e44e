import { Field, ID, InputType } from '@nestjs/graphql';
import { IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { ACTION_LIMITS, ActionStatus } from '@lantern/shared-domain';
import { ActionStatusEnum } from '../action.model';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

@InputType({
  description: 'Change an action: mark it done or cancelled, reopen it, move its date, hand it over.',
})
export class UpdateActionInput {
  @Field(() => ID) @IsUUID('all', { message: 'That action does not exist.' }) id!: string;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(ACTION_LIMITS.titleMax, {
    message: `Keep the action to ${ACTION_LIMITS.titleMax} characters or fewer.`,
  })
  title?: string | null;
  @Field(() => ActionStatusEnum, { nullable: true })
  @IsOptional()
  @IsIn(Object.values(ActionStatus), { message: 'Choose open, done or cancelled.' })
  status?: ActionStatus | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD.' })
  @IsOptional()
  @Matches(DATE, { message: 'Enter the due date as a date.' })
  dueOn?: string | null;
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'Choose someone from the list.' })
  ownerId?: string | null;
}

/** The fields every feature asks for when it adds an action to one of its records. */
@InputType({ isAbstract: true })
export class NewActionFields {
  @Field(() => String)
  @IsString()
  @MaxLength(ACTION_LIMITS.titleMax, {
    message: `Keep the action to ${ACTION_LIMITS.titleMax} characters or fewer.`,
  })
  title!: string;
  @Field(() => ID) @IsUUID('all', { message: 'Choose who will do it.' }) ownerId!: string;
  @Field(() => String, { description: 'YYYY-MM-DD.' })
  @Matches(DATE, { message: 'Enter the due date as a date.' })
  dueOn!: string;
}
