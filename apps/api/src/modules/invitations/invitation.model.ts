import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Role } from '@lantern/shared-domain';
import { InvitationStatus, RoleEnum } from '../../common/graphql/enums';
import { ConnectionType } from '../../common/pagination/connection';

@ObjectType('Invitation')
export class InvitationModel {
  @Field(() => ID) id!: string;
  @Field(() => String) email!: string;
  @Field(() => RoleEnum) role!: Role;
  @Field(() => InvitationStatus) status!: InvitationStatus;
  @Field(() => Date) expiresAt!: Date;
  @Field(() => Date) createdAt!: Date;
  trustId!: string | null;
  schoolId!: string | null;
  invitedById!: string | null;
}

export const InvitationConnection = ConnectionType(InvitationModel, 'InvitationConnection');

@ObjectType('InvitationPreview', { description: 'What an invitation link offers, shown before accepting.' })
export class InvitationPreviewModel {
  @Field(() => String) email!: string;
  @Field(() => RoleEnum) role!: Role;
  @Field(() => String, { nullable: true }) trustName!: string | null;
  @Field(() => String, { nullable: true }) schoolName!: string | null;
  @Field(() => Date) expiresAt!: Date;
}
