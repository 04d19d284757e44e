import { Field, Int, ObjectType } from '@nestjs/graphql';

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
