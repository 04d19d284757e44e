import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Role } from '@lantern/shared-domain';
import { RoleEnum } from '../../common/graphql/enums';
import { ConnectionType, PageInfo } from '../../common/pagination/connection';
import { TrustModel } from '../directory/directory.model';
import { UserModel } from '../users/user.model';

export enum ThreadKindEnum {
  DISCUSSION = 'DISCUSSION',
  QUESTION = 'QUESTION',
}
export enum ReplySort {
  OLDEST = 'OLDEST',
  NEWEST = 'NEWEST',
  HELPFUL = 'HELPFUL',
}
registerEnumType(ThreadKindEnum, { name: 'ThreadKind' });
registerEnumType(ReplySort, { name: 'ReplySort' });

@ObjectType('ForumCategory')
export class ForumCategoryModel {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => String) description!: string;
  @Field(() => TrustModel, { nullable: true, description: 'Set when only this trust can see the category.' })
  trust!: TrustModel | null;
  @Field(() => [RoleEnum], { nullable: true, description: 'Set when only these roles can see the category.' })
  roles!: Role[] | null;
  @Field(() => Int) threadCount!: number;
  @Field(() => Boolean, { description: 'Whether the viewer moderates this category.' }) canModerate!: boolean;
  @Field(() => Int) position!: number;
  trustId!: string | null;
}

/** Who wrote a post, as the viewer may see it. */
@ObjectType('ForumAuthor')
export class ForumAuthorModel {
  @Field(() => String, { description: 'A name, or "Anonymous" when the author asked anonymously.' })
  label!: string;
  @Field(() => UserModel, {
    nullable: true,
    description: 'Null for anonymous posts (except to moderators) and deleted ones.',
  })
  user!: UserModel | null;
  @Field(() => Boolean) anonymous!: boolean;
  @Field(() => Boolean, { description: 'The viewer wrote it.' }) isViewer!: boolean;
}

@ObjectType('ForumReply')
export class ForumReplyModel {
  @Field(() => ID) id!: string;
  @Field(() => ID) threadId!: string;
  @Field(() => ID, { nullable: true }) parentId!: string | null;
  @Field(() => Int) depth!: number;
  @Field(() => String, { description: 'Markdown source (empty once deleted).' }) body!: string;
  @Field(() => String, { description: 'Sanitised HTML (empty once deleted).' }) bodyHtml!: string;
  @Field(() => ForumAuthorModel) author!: ForumAuthorModel;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date, { nullable: true }) editedAt!: Date | null;
  @Field(() => Boolean) deleted!: boolean;
  @Field(() => Boolean) accepted!: boolean;
  @Field(() => Int) helpfulCount!: number;
  @Field(() => Boolean, {
    description: 'Has replies deeper than this page shows: offer "continue this thread".',
  })
  continues!: boolean;
}

@ObjectType('ForumReplyPage')
export class ForumReplyPageModel {
  @Field(() => [ForumReplyModel], {
    description: 'Top-level replies of this page with their replies, in tree order.',
  })
  nodes!: ForumReplyModel[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
  @Field(() => Int, { description: 'Top-level replies in the thread.' }) totalCount!: number;
}

@ObjectType('ForumThread')
export class ForumThreadModel {
  @Field(() => ID) id!: string;
  @Field(() => ForumCategoryModel) category!: ForumCategoryModel;
  @Field(() => ThreadKindEnum) kind!: ThreadKindEnum;
  @Field(() => String) title!: string;
  @Field(() => String) body!: string;
  @Field(() => String) bodyHtml!: string;
  @Field(() => [String]) tags!: string[];
  @Field(() => ForumAuthorModel) author!: ForumAuthorModel;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date) lastActivityAt!: Date;
  @Field(() => Date, { nullable: true }) editedAt!: Date | null;
  @Field(() => Boolean) deleted!: boolean;
  @Field(() => Boolean) locked!: boolean;
  @Field(() => Boolean) pinned!: boolean;
  @Field(() => Int) replyCount!: number;
  @Field(() => ID, { nullable: true }) acceptedReplyId!: string | null;
  @Field(() => Boolean, {
    description: 'The viewer may accept an answer (asker or moderator, questions only).',
  })
  canAccept!: boolean;
  @Field(() => Boolean, { description: 'The viewer may edit or delete the opening post.' }) canEdit!: boolean;
}

export const ForumThreadConnection = ConnectionType(ForumThreadModel, 'ForumThreadConnection');

@ObjectType('ForumSearchHit')
export class ForumSearchHitModel {
  @Field(() => ID) threadId!: string;
  @Field(() => ID, { nullable: true }) replyId!: string | null;
  @Field(() => String) title!: string;
  @Field(() => String, { description: 'HTML-escaped text with matches in <mark>.' }) snippetHtml!: string;
  @Field(() => ForumAuthorModel) author!: ForumAuthorModel;
  @Field(() => ForumCategoryModel) category!: ForumCategoryModel;
  @Field(() => Date) createdAt!: Date;
}

@ObjectType('ForumSearchResults')
export class ForumSearchResultsModel {
  @Field(() => [ForumSearchHitModel]) nodes!: ForumSearchHitModel[];
  @Field(() => Int, { description: 'Matches, counted up to 1,000.' }) totalCount!: number;
  @Field(() => Boolean, { description: 'More than totalCount matched (show "1,000+").' })
  totalIsLowerBound!: boolean;
  @Field(() => Boolean) hasNextPage!: boolean;
  @Field(() => Boolean, {
    description: 'So many posts matched (over 1,000) that they come newest first, not best match first.',
  })
  sortedByDate!: boolean;
}

@ObjectType('ForumMentionCandidate')
export class MentionCandidateModel {
  @Field(() => ID) id!: string;
  @Field(() => String) displayName!: string;
}
