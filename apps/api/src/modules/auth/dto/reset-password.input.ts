import { Field, InputType } from '@nestjs/graphql';
import { IsString, MaxLength } from 'class-validator';
import { PASSWORD_MAX_LENGTH } from '@lantern/shared-domain';

@InputType()
export class ResetPasswordInput {
  @Field(() => String, { description: 'The token from the reset link.' })
  @IsString()
  @MaxLength(200, { message: 'That reset link is not right.' })
  token!: string;
  @Field(() => String)
  @IsString()
  @MaxLength(PASSWORD_MAX_LENGTH, { message: `Use at most ${PASSWORD_MAX_LENGTH} characters.` })
  newPassword!: string;
}
