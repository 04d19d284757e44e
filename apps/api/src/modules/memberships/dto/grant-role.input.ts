import { RoleEnum } from '../../../common/graphql/enums';
import { Field, ID, InputType } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsUUID } from 'class-validator';
import { Role } from '@lantern/shared-domain';

@InputType()
export class GrantRoleInput {
  @Field(() => ID) @IsUUID('all', { message: 'Choose a person from the list.' }) userId!: string;
  @Field(() => RoleEnum) @IsEnum(Role, { message: 'Choose a role from the list.' }) role!: Role;
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'Choose a trust from the list.' })
  trustId?: string | null;
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'Choose a school from the list.' })
  schoolId?: string | null;
}
