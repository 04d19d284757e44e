import { Field, ID, ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '../../common/pagination/connection';

@ObjectType('User')
export class UserModel {
  @Field(() => ID) id!: string;
  @Field(() => String) email!: string;
  @Field(() => String) displayName!: string;
  @Field(() => Date, { nullable: true }) deactivatedAt!: Date | null;
  @Field(() => Date) createdAt!: Date;
}

export const UserConnection = ConnectionType(UserModel, 'UserConnection');
