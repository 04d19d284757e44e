import { RoleEnum } from '../../common/graphql/enums';
import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Role } from '@lantern/shared-domain';
import '../../common/graphql/enums';

@ObjectType('Membership', { description: 'A role a person holds in the network, a trust or a school.' })
export class MembershipModel {
  @Field(() => ID) id!: string;
  @Field(() => RoleEnum) role!: Role;
  @Field(() => Date) createdAt!: Date;
  userId!: string;
  trustId!: string | null;
  schoolId!: string | null;
}
