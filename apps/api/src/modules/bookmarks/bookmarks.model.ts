import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ConnectionType } from '../../common/pagination/connection';

export enum BookmarkKindEnum {
  FORUM_THREAD = 'FORUM_THREAD',
  LIBRARY_RESOURCE = 'LIBRARY_RESOURCE',
}
registerEnumType(BookmarkKindEnum, { name: 'BookmarkKind' });

@ObjectType('Bookmark', { description: 'A forum thread or library resource the viewer bookmarked.' })
export class BookmarkModel {
  @Field(() => ID, { description: 'The thread’s or resource’s id.' }) id!: string;
  @Field(() => BookmarkKindEnum) kind!: BookmarkKindEnum;
  @Field(() => String) title!: string;
  @Field(() => String, { description: 'Where it lives: the forum category, or the kind of resource.' })
  context!: string;
  @Field(() => String, { description: 'A path inside Lantern.' }) link!: string;
  @Field(() => Date) bookmarkedAt!: Date;
}

export const BookmarkConnection = ConnectionType(BookmarkModel, 'BookmarkConnection');
