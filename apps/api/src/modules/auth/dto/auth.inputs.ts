import { Field, InputType } from '@nestjs/graphql';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { EMAIL_MAX_LENGTH, NAME_MAX_LENGTH, PASSWORD_MAX_LENGTH } from '@lantern/shared-domain';

@InputType()
export class LoginInput {
  @Field(() => String)
  @IsString()
  @MaxLength(EMAIL_MAX_LENGTH, { message: 'That email is too long.' })
  email!: string;
  @Field(() => String)
  @IsString()
  @MaxLength(PASSWORD_MAX_LENGTH, { message: 'That password is too long.' })
  password!: string;
}

@InputType()
export class ChangePasswordInput {
  @Field(() => String) @IsString() @MaxLength(PASSWORD_MAX_LENGTH) currentPassword!: string;
  @Field(() => String)
  @IsString()
  @MaxLength(PASSWORD_MAX_LENGTH, { message: 'Use at most 256 characters.' })
  newPassword!: string;
}

@InputType()
export class UpdateProfileInput {
  @Field(() => String)
  @IsString()
  @MinLength(1, { message: 'Enter your name.' })
  @MaxLength(NAME_MAX_LENGTH, { message: `Use at most ${NAME_MAX_LENGTH} characters.` })
  displayName!: string;
}
