import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ForumAuthorModel } from './forum.model';

export enum ReactionKindEnum {
  HELPFUL = 'HELPFUL',
  THANKS = 'THANKS',
}
export enum ModerationActionEnum {
  HIDE = 'HIDE',
  UNHIDE = 'UNHIDE',
  LOCK = 'LOCK',
  UNLOCK = 'UNLOCK',
  PIN = 'PIN',
  UNPIN = 'UNPIN',
  MOVE = 'MOVE',
}
registerEnumType(ReactionKindEnum, { name: 'ReactionKind' });
registerEnumType(ModerationActionEnum, { name: 'ModerationAction' });

@ObjectType('ForumThreadViewerState', { description: 'The viewer’s own relationship with a thread.' })
export class ThreadViewerStateModel {
  @Field(() => Boolean) bookmarked!: boolean;
  @Field(() => Boolean) watching!: boolean;
  @Field(() => Date, {
    nullable: true,
    description: 'When the viewer last opened it: replies after this are new.',
  })
  lastReadAt!: Date | null;
}

@ObjectType('ForumReactions')
export class ReplyReactionsModel {
  @Field(() => Int) helpful!: number;
  @Field(() => Int) thanks!: number;
  @Field(() => [ReactionKindEnum], { description: 'The viewer’s own reactions.' }) mine!: ReactionKindEnum[];
}

@ObjectType('ForumReport')
export class ForumReportModel {
  @Field(() => ID) id!: string;
  @Field(() => ID) threadId!: string;
  @Field(() => ID, { nullable: true }) replyId!: string | null;
  @Field(() => String) threadTitle!: string;
  @Field(() => String, { description: 'The start of the reported text (markdown source).' }) excerpt!: string;
  @Field(() => String) reason!: string;
  @Field(() => String) categoryName!: string;
  @Field(() => Date) createdAt!: Date;
}

@ObjectType('ForumRevision', { description: 'A post as it was before an edit or a deletion.' })
export class ForumRevisionModel {
  @Field(() => ID) id!: string;
  @Field(() => String, { nullable: true }) title!: string | null;
  @Field(() => String) body!: string;
  @Field(() => Date) createdAt!: Date;
  @Field(() => ForumAuthorModel, { description: 'Who made the change.' }) editor!: ForumAuthorModel;
}
