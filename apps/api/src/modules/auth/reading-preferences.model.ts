import { Field, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsBoolean, IsEnum } from 'class-validator';
import { ReadingTextSize, ReadingTint, type ReadingPreferences } from '@lantern/shared-domain';
import type { UserEntity } from '../users/user.entity';

/** GraphQL names the values after the keys; these mirrors make the keys the shared values. */
const ReadingTextSizeEnum = { STANDARD: 'STANDARD', LARGE: 'LARGE', LARGER: 'LARGER' } as const;
const ReadingTintEnum = { NONE: 'NONE', CREAM: 'CREAM', BLUE: 'BLUE', GREEN: 'GREEN' } as const;
registerEnumType(ReadingTextSizeEnum, { name: 'ReadingTextSize' });
registerEnumType(ReadingTintEnum, { name: 'ReadingTint' });

@ObjectType('ReadingPreferences', {
  description: 'Reading mode: how the signed-in person likes to read. Only they see or change it.',
})
export class ReadingPreferencesModel implements ReadingPreferences {
  @Field(() => Boolean, { description: 'A font designed for legibility (Atkinson Hyperlegible).' })
  readableFont!: boolean;
  @Field(() => ReadingTextSizeEnum)
  textSize!: ReadingTextSize;
  @Field(() => Boolean, { description: 'Wider line, letter and word spacing.' })
  wideSpacing!: boolean;
  @Field(() => ReadingTintEnum, { description: 'A tinted page background.' })
  tint!: ReadingTint;
  @Field(() => Boolean, { description: 'No animations or transitions.' })
  reduceMotion!: boolean;
}

@InputType()
export class ReadingPreferencesInput implements ReadingPreferences {
  @Field(() => Boolean) @IsBoolean() readableFont!: boolean;
  @Field(() => ReadingTextSizeEnum)
  @IsEnum(ReadingTextSize, { message: 'Choose a text size from the list.' })
  textSize!: ReadingTextSize;
  @Field(() => Boolean) @IsBoolean() wideSpacing!: boolean;
  @Field(() => ReadingTintEnum)
  @IsEnum(ReadingTint, { message: 'Choose a tint from the list.' })
  tint!: ReadingTint;
  @Field(() => Boolean) @IsBoolean() reduceMotion!: boolean;
}

export function readingPreferencesOf(user: UserEntity): ReadingPreferencesModel {
  return {
    readableFont: user.readingFont,
    textSize: user.readingTextSize as ReadingTextSize,
    wideSpacing: user.readingWideSpacing,
    tint: user.readingTint as ReadingTint,
    reduceMotion: user.reduceMotion,
  };
}
