import { Field, ID, ObjectType } from '@nestjs/graphql';

/** Someone who may be named as a meeting's chair, note-taker or guest, or asked in a poll: a name and, where the viewer may see it, a role line. */
@ObjectType('MeetingPersonCandidate')
export class MeetingPersonCandidateModel {
  @Field(() => ID) id!: string;
  @Field() displayName!: string;
  @Field(() => String, {
    nullable: true,
    description:
      'A short role line, e.g. "SENCO, Holy Family Primary"; null where the viewer may see only the name (canSeePersonDetails). Never an email address.',
  })
  roleLine!: string | null;
}
