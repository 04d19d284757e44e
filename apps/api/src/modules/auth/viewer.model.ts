import { Field, ObjectType } from '@nestjs/graphql';
import { UserModel } from '../users/user.model';
import { ReadingPreferencesModel } from './reading-preferences.model';

@ObjectType('Viewer', { description: 'The signed-in person, with what the policy lets them do.' })
export class ViewerModel {
  @Field(() => UserModel) user!: UserModel;
  @Field(() => [String], { description: 'Permission keys (libs/shared/domain Permission) held somewhere.' })
  permissions!: string[];
  @Field(() => Boolean, { description: 'Whether others may see when the viewer is online.' })
  showPresence!: boolean;
  @Field(() => ReadingPreferencesModel, { description: 'Reading mode, applied on every page.' })
  readingPreferences!: ReadingPreferencesModel;
}
