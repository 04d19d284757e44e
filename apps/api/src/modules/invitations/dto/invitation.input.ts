import { RoleEnum } from '../../../common/graphql/enums';
import { Field, ID, InputType } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { EMAIL_MAX_LENGTH, NAME_MAX_LENGTH, PASSWORD_MAX_LENGTH, Role } from '@lantern/shared-domain';

@InputType()
export class InviteInput {
  @Field(() => String)
  @IsString()
  @MaxLength(EMAIL_MAX_LENGTH, { message: 'That email is too long.' })
  email!: string;
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

@InputType()
export class AcceptInvitationInput {
  @Field(() => String)
  @IsString()
  @MaxLength(100, { message: 'That invitation link is not valid.' })
  token!: string;
  @Field(() => String)
  @IsString()
  @MaxLength(NAME_MAX_LENGTH, { message: `Use at most ${NAME_MAX_LENGTH} characters.` })
  displayName!: string;
  @Field(() => String)
  @IsString()
  @MaxLength(PASSWORD_MAX_LENGTH, { message: 'Use at most 256 characters.' })
  password!: string;
}
