import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { ActionStatus, SupervisionRole } from '@lantern/shared-domain';
import { ActionStatusEnum } from '../actions/action.model';
import { SupervisionRoleEnum } from './supervision.model';

@ObjectType('SupervisionRecordAction', {
  description: 'An action raised in the session, as it stood when the record was drafted.',
})
export class SupervisionRecordActionModel {
  @Field(() => String) title!: string;
  @Field(() => String) ownerName!: string;
  @Field(() => String, { description: 'YYYY-MM-DD (a date in England).' }) dueOn!: string;
  @Field(() => ActionStatusEnum) status!: ActionStatus;
}

@ObjectType('SupervisionRecordCase', { description: 'A case discussed, with its outcome, as recorded.' })
export class SupervisionRecordCaseModel {
  @Field(() => ID) caseId!: string;
  @Field(() => String) caseReference!: string;
  @Field(() => String) question!: string;
  @Field(() => String, { description: 'Markdown.' }) summary!: string;
  @Field(() => String, { description: 'The summary as safe HTML.' }) summaryHtml!: string;
  @Field(() => String, { description: 'Markdown.' }) decisions!: string;
  @Field(() => String, { description: 'The decisions as safe HTML.' }) decisionsHtml!: string;
  @Field(() => [SupervisionRecordActionModel]) actions!: SupervisionRecordActionModel[];
}

@ObjectType('SupervisionRecordAttendee')
export class SupervisionRecordAttendeeModel {
  @Field(() => String) displayName!: string;
  @Field(() => SupervisionRoleEnum) role!: SupervisionRole;
}

@ObjectType('SupervisionAddendum', {
  description: 'A dated correction to a signed record; final once both sides have signed it.',
})
export class SupervisionAddendumModel {
  @Field(() => ID) id!: string;
  @Field(() => String, { description: 'Markdown.' }) body!: string;
  @Field(() => String, { description: 'The body as safe HTML.' }) bodyHtml!: string;
  @Field(() => String) writtenByName!: string;
  @Field(() => Date) writtenAt!: Date;
  @Field(() => String, { nullable: true }) sencoSignedByName!: string | null;
  @Field(() => Date, { nullable: true }) sencoSignedAt!: Date | null;
  @Field(() => String, { nullable: true }) leadSignedByName!: string | null;
  @Field(() => Date, { nullable: true }) leadSignedAt!: Date | null;
  @Field(() => Date, { nullable: true, description: 'Both sides have signed: it is final.' })
  signedAt!: Date | null;
  @Field(() => SupervisionRoleEnum, {
    nullable: true,
    description: 'The side the viewer may sign this addendum for now (null: none).',
  })
  canSignAs!: SupervisionRole | null;
}

@ObjectType('SupervisionRecord', {
  description:
    'The record of a session: a snapshot both sides sign (the same revision). Final once both have; corrections are addenda.',
})
export class SupervisionRecordModel {
  @Field(() => ID) id!: string;
  @Field(() => ID) sessionId!: string;
  @Field(() => Int, { description: 'Signatures are given to a revision; a redraft clears them.' })
  revision!: number;
  @Field(() => String) title!: string;
  @Field(() => String) schoolName!: string;
  @Field(() => Date, { nullable: true }) startedAt!: Date | null;
  @Field(() => Date, { nullable: true }) endedAt!: Date | null;
  @Field(() => [SupervisionRecordAttendeeModel]) attendees!: SupervisionRecordAttendeeModel[];
  @Field(() => [SupervisionRecordCaseModel]) cases!: SupervisionRecordCaseModel[];
  @Field(() => String) draftedByName!: string;
  @Field(() => Date) draftedAt!: Date;
  @Field(() => String, { nullable: true }) sencoSignedByName!: string | null;
  @Field(() => Date, { nullable: true }) sencoSignedAt!: Date | null;
  @Field(() => String, { nullable: true }) leadSignedByName!: string | null;
  @Field(() => Date, { nullable: true }) leadSignedAt!: Date | null;
  @Field(() => Date, { nullable: true, description: 'Both sides have signed: it is final.' })
  signedAt!: Date | null;
  @Field(() => [SupervisionAddendumModel], { description: 'Oldest first.' })
  addenda!: SupervisionAddendumModel[];
  @Field(() => SupervisionRoleEnum, {
    nullable: true,
    description: 'The side the viewer may sign the record for now (null: none).',
  })
  canSignAs!: SupervisionRole | null;
  @Field(() => String, {
    description: 'The record as a Word document (/api/supervision/<sessionId>/record.docx).',
  })
  docxUrl!: string;
  @Field(() => String, { description: 'The record as a PDF (/api/supervision/<sessionId>/record.pdf).' })
  pdfUrl!: string;
}
