import { Field, InputType, Int, ObjectType } from '@nestjs/graphql';
import { IsBoolean, IsOptional, IsString, MaxLength } from 'class-validator';

@ObjectType('SecondFactorState', {
  description: "Where the viewer's second factor stands (libs/shared/domain SecondFactorState).",
})
export class SecondFactorStateModel {
  @Field(() => Boolean, { description: "The viewer's roles reach case data, so case data needs a code." })
  required!: boolean;
  @Field(() => Boolean, { description: 'An authenticator app is set up and confirmed.' })
  enrolled!: boolean;
  @Field(() => Date, {
    nullable: true,
    description: "When this session's elevation ends; null when it is not elevated.",
  })
  elevatedUntil!: Date | null;
  @Field(() => Int, { description: 'Unused recovery codes.' })
  recoveryCodesLeft!: number;
}

@ObjectType('SecondFactorEnrolment', {
  description: 'A new authenticator secret, not active until a code from it is confirmed.',
})
export class SecondFactorEnrolmentModel {
  @Field(() => String, { description: 'The key (base32) for typing into an authenticator app.' })
  secret!: string;
  @Field(() => String, { description: 'The otpauth:// URL the QR code holds.' })
  otpauthUrl!: string;
  @Field(() => String, { description: 'The QR code as an SVG document.' })
  qrSvg!: string;
}

@ObjectType('SecondFactorConfirmation')
export class SecondFactorConfirmationModel {
  @Field(() => [String], { description: 'Ten single-use recovery codes, shown this once.' })
  recoveryCodes!: string[];
  @Field(() => SecondFactorStateModel)
  secondFactor!: SecondFactorStateModel;
}

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
