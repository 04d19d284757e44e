import { Field, ID, ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '../../common/pagination/connection';

@ObjectType('AuditEntry')
export class AuditEntryModel {
  @Field(() => ID) id!: string;
  @Field(() => String) action!: string;
  @Field(() => String, { description: 'Who did it, as they were named at the time.' }) actorLabel!: string;
  @Field(() => String, { nullable: true }) targetType!: string | null;
  @Field(() => String, { nullable: true }) targetId!: string | null;
  @Field(() => String) summary!: string;
  @Field(() => String, { nullable: true }) ip!: string | null;
  @Field(() => Date) createdAt!: Date;
}

export const AuditEntryConnection = ConnectionType(AuditEntryModel, 'AuditEntryConnection');
