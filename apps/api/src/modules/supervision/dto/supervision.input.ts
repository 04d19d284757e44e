import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { SUPERVISION_LIMITS as L } from '@lantern/shared-domain';
import { NewActionFields } from '../../actions/dto/action.input';

@InputType('SupervisionAgendaItemInput', { description: 'A case to bring, with the question to bring.' })
export class SupervisionAgendaItemInput {
  @Field(() => ID) @IsUUID('all', { message: 'Choose a case from the list.' }) caseId!: string;
  @Field(() => String)
  @IsString()
  @MaxLength(L.questionMax, { message: `Keep a question to ${L.questionMax} characters.` })
  question!: string;
}

const agenda = () => (target: object, key: string) => {
  Field(() => [SupervisionAgendaItemInput])(target, key);
  IsArray()(target, key);
  ArrayMaxSize(L.agendaMax, { message: `Bring at most ${L.agendaMax} cases to one session.` })(target, key);
  ValidateNested({ each: true })(target, key);
  Type(() => SupervisionAgendaItemInput)(target, key);
};

@InputType({ isAbstract: true })
class SupervisionDetailsInput {
  @Field(() => Int)
  @IsInt({ message: 'Enter how long it lasts in minutes.' })
  @Min(L.minutesMin, { message: `A session lasts at least ${L.minutesMin} minutes.` })
  @Max(L.minutesMax, { message: `A session lasts at most ${L.minutesMax} minutes.` })
  minutes!: number;
  @Field(() => String, { nullable: true, description: 'Where it happens (a room).' })
  @IsOptional()
  @IsString()
  @MaxLength(L.locationMax, { message: `Keep the place to ${L.locationMax} characters.` })
  location?: string | null;
  @Field(() => String, { nullable: true, description: 'The link to join online (https).' })
  @IsOptional()
  @IsString()
  @MaxLength(L.linkMax, { message: `Keep the link to ${L.linkMax} characters.` })
  onlineLink?: string | null;
}

@InputType('ScheduleSupervisionInput')
export class ScheduleSupervisionInput extends SupervisionDetailsInput {
  @Field(() => ID) @IsUUID('all', { message: 'Choose a school.' }) schoolId!: string;
  @Field(() => String, { nullable: true, description: 'Default: "Caseload supervision".' })
  @IsOptional()
  @IsString()
  @MaxLength(L.titleMax, { message: `Keep the title to ${L.titleMax} characters.` })
  title?: string | null;
  @Field(() => Date, { nullable: true, description: 'When it starts (not needed with startNow).' })
  @IsOptional()
  startsAt?: Date | null;
  @Field(() => Boolean, { description: 'Start it at once (live now) instead of scheduling it.' })
  @IsBoolean()
  startNow!: boolean;
  @Field(() => Boolean, { description: "Invite the school's headteacher(s) too." })
  @IsBoolean()
  inviteHeadteacher!: boolean;
  @agenda() agenda!: SupervisionAgendaItemInput[];
  @Field(() => Boolean, {
    nullable: true,
    description: 'Keep text the personal-data check flagged as a name (never an identifier).',
  })
  @IsOptional()
  @IsBoolean()
  override?: boolean | null;
}

@InputType('UpdateSupervisionInput')
export class UpdateSupervisionInput extends SupervisionDetailsInput {
  @Field(() => ID) @IsUUID('all', { message: 'That session does not exist.' }) id!: string;
  @Field(() => Int, { description: 'The revision you changed (from SupervisionSession.revision).' })
  @IsInt()
  @Min(1)
  revision!: number;
  @Field(() => String)
  @IsString()
  @MaxLength(L.titleMax, { message: `Keep the title to ${L.titleMax} characters.` })
  title!: string;
  @Field(() => Date)
  startsAt!: Date;
  @Field(() => Boolean, {
    nullable: true,
    description: 'Keep text the personal-data check flagged as a name (never an identifier).',
  })
  @IsOptional()
  @IsBoolean()
  override?: boolean | null;
}

@InputType('SupervisionOutcomeInput', { description: "A case's outcome: the summary and decisions." })
export class SupervisionOutcomeInput {
  @Field(() => ID) @IsUUID('all', { message: 'That session does not exist.' }) sessionId!: string;
  @Field(() => ID) @IsUUID('all', { message: 'That case is not on the agenda.' }) caseId!: string;
  @Field(() => String)
  @IsString()
  @MaxLength(L.summaryMax, { message: `Keep the summary to ${L.summaryMax} characters.` })
  summary!: string;
  @Field(() => String)
  @IsString()
  @MaxLength(L.decisionsMax, { message: `Keep the decisions to ${L.decisionsMax} characters.` })
  decisions!: string;
  @Field(() => Boolean, {
    nullable: true,
    description: 'Keep text the personal-data check flagged as a name (never an identifier).',
  })
  @IsOptional()
  @IsBoolean()
  override?: boolean | null;
}

@InputType('SupervisionActionInput', { description: 'An action on an agenda case, raised in the session.' })
export class SupervisionActionInput extends NewActionFields {
  @Field(() => ID) @IsUUID('all', { message: 'That session does not exist.' }) sessionId!: string;
  @Field(() => ID) @IsUUID('all', { message: 'That case is not on the agenda.' }) caseId!: string;
  @Field(() => Int, { nullable: true, description: 'The message it was made from (its seq in the room).' })
  @IsOptional()
  @IsInt()
  @Min(1)
  fromSeq?: number | null;
}
