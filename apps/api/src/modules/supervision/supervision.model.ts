import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { SupervisionRole, SupervisionStatus } from '@lantern/shared-domain';
import { ActionModel } from '../actions/action.model';

const mirror = <E extends Record<string, string>>(e: E) =>
  Object.fromEntries(Object.values(e).map((v) => [v, v])) as { [K in E[keyof E]]: K };

/** Which sessions a list shows: coming up (scheduled or live) or past (ended or cancelled). */
export enum SupervisionWhen {
  Upcoming = 'UPCOMING',
  Past = 'PAST',
}

export const SupervisionStatusEnum = mirror(SupervisionStatus);
export const SupervisionRoleEnum = mirror(SupervisionRole);
export const SupervisionWhenEnum = mirror(SupervisionWhen);
registerEnumType(SupervisionStatusEnum, { name: 'SupervisionStatus' });
registerEnumType(SupervisionRoleEnum, {
  name: 'SupervisionRole',
  description: 'How a person takes part: the side of the record they sign (a headteacher signs nothing).',
});
registerEnumType(SupervisionWhenEnum, {
  name: 'SupervisionWhen',
  description: 'UPCOMING: scheduled or live, soonest first; PAST: ended or cancelled, newest first.',
});

@ObjectType('SupervisionParticipant')
export class SupervisionParticipantModel {
  @Field(() => ID) userId!: string;
  @Field(() => String) displayName!: string;
  @Field(() => SupervisionRoleEnum) role!: SupervisionRole;
  @Field(() => Int, { description: "How far they have read the room's stream (read receipts)." })
  lastReadSeq!: number;
}

@ObjectType('SupervisionAgendaItem', {
  description: 'A case on the agenda: the question brought, then the outcome.',
})
export class SupervisionAgendaItemModel {
  @Field(() => ID) id!: string;
  @Field(() => ID) caseId!: string;
  @Field(() => String) caseReference!: string;
  @Field(() => Int) position!: number;
  @Field(() => String) question!: string;
  @Field(() => String) summary!: string;
  @Field(() => String) decisions!: string;
  /** Resolved per request in one batch (SupervisionFieldsResolver); not stored on the item. */
  openActions?: ActionModel[];
  actionsRaisedHere?: ActionModel[];
  /** Where the case belongs, for the actions' records (not exposed). */
  sessionId!: string;
  schoolId!: string;
  trustId!: string;
}

@ObjectType('SupervisionSession', { description: "A school's caseload supervision session (case data)." })
export class SupervisionSessionModel {
  @Field(() => ID) id!: string;
  @Field(() => ID) schoolId!: string;
  @Field(() => String) schoolName!: string;
  @Field(() => ID) trustId!: string;
  @Field(() => String) title!: string;
  @Field(() => SupervisionStatusEnum) status!: SupervisionStatus;
  @Field(() => Date) startsAt!: Date;
  @Field(() => Int) minutes!: number;
  @Field(() => String, { nullable: true }) location!: string | null;
  @Field(() => String, { nullable: true }) onlineLink!: string | null;
  @Field(() => ID) chairId!: string;
  @Field(() => ID, { nullable: true, description: 'The agenda case everyone is on (the chair moves it).' })
  currentCaseId!: string | null;
  @Field(() => Date, { nullable: true }) startedAt!: Date | null;
  @Field(() => Date, { nullable: true }) endedAt!: Date | null;
  @Field(() => Int, {
    description: 'Send it back when changing the session (refused if someone changed it since).',
  })
  revision!: number;
  @Field(() => String, { description: 'The live room: the stream "supervision:<id>".' }) stream!: string;
  @Field(() => SupervisionRoleEnum, {
    nullable: true,
    description: 'How the viewer takes part (null: they see it but do not take part).',
  })
  myRole!: SupervisionRole | null;
}

@ObjectType('SupervisionSessionPage')
export class SupervisionSessionPageModel {
  @Field(() => [SupervisionSessionModel]) nodes!: SupervisionSessionModel[];
  @Field(() => Int) totalCount!: number;
  @Field(() => Boolean) hasMore!: boolean;
}
