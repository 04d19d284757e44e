import { Field, InputType } from '@nestjs/graphql';
import { IsBoolean, IsOptional, IsString, MaxLength } from 'class-validator';

@InputType({ description: 'A code from the authenticator app, or a recovery code.' })
export class ElevateSessionInput {
  @Field(() => String, { nullable: true, description: 'The 6-digit code from the authenticator app.' })
  @IsOptional()
  @IsString()
  @MaxLength(20, { message: 'Enter the 6-digit code from your authenticator app.' })
  code?: string | null;
  @Field(() => String, { nullable: true, description: 'One of the recovery codes (single use).' })
  @IsOptional()
  @IsString()
  @MaxLength(40, { message: 'Enter one of your recovery codes, like abcde-fghjk.' })
  recoveryCode?: string | null;
  @Field(() => Boolean, {
    defaultValue: false,
    description: 'Remember this device for 30 days: it is not asked for a code when it elevates again.',
  })
  @IsOptional()
  @IsBoolean()
  rememberDevice?: boolean;
}
