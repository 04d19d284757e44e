import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import {
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
  ValidateNested,
  ArrayMaxSize,
} from 'class-validator';
import { Type } from 'class-transformer';
import { Role } from '@lantern/shared-domain';
import { RoleEnum } from '../../common/graphql/enums';
import { ConnectionType, PageInfo } from '../../common/pagination/connection';
import { PersonalDataOverrideInput } from '../../common/personal-data/personal-data-override.input';
import { TrustModel } from '../directory/directory.models';
import { UserModel } from '../users/user.model';

export { PersonalDataOverrideInput };

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

@InputType()
export class CreateThreadInput {
  @Field(() => ID) @IsUUID('all', { message: 'Choose a category.' }) categoryId!: string;
  @Field(() => ThreadKindEnum) @IsIn(Object.values(ThreadKindEnum)) kind!: ThreadKindEnum;
  @Field(() => String)
  @IsString()
  @MinLength(3, { message: 'Give the thread a title of at least 3 characters.' })
  @MaxLength(200, { message: 'Keep the title under 200 characters.' })
  title!: string;
  @Field(() => String)
  @IsString()
  @MinLength(1, { message: 'Write something.' })
  @MaxLength(20000, { message: 'Keep posts under 20,000 characters.' })
  body!: string;
  @Field(() => [String], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(5, { message: 'Use at most 5 tags.' })
  @IsString({ each: true })
  @MaxLength(30, { each: true, message: 'Keep each tag under 30 characters.' })
  tags?: string[] | null;
  @Field(() => Boolean, { nullable: true, description: 'Hide the author from everyone but moderators.' })
  @IsOptional()
  @IsBoolean()
  anonymous?: boolean | null;
  @Field(() => [ID], {
    nullable: true,
    description: 'People mentioned (chosen from forumMentionCandidates); each is notified.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10, { message: 'Mention at most 10 people.' })
  @IsUUID('all', { each: true })
  mentions?: string[] | null;
  @Field(() => PersonalDataOverrideInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => PersonalDataOverrideInput)
  personalDataOverride?: PersonalDataOverrideInput | null;
}

@InputType()
export class ReplyInput {
  @Field(() => ID) @IsUUID('all', { message: 'That thread does not exist.' }) threadId!: string;
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'That reply does not exist.' })
  parentId?: string | null;
  @Field(() => String)
  @IsString()
  @MinLength(1, { message: 'Write something.' })
  @MaxLength(20000, { message: 'Keep posts under 20,000 characters.' })
  body!: string;
  @Field(() => Boolean, { nullable: true }) @IsOptional() @IsBoolean() anonymous?: boolean | null;
  @Field(() => [ID], {
    nullable: true,
    description: 'People mentioned (chosen from forumMentionCandidates); each is notified.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10, { message: 'Mention at most 10 people.' })
  @IsUUID('all', { each: true })
  mentions?: string[] | null;
  @Field(() => PersonalDataOverrideInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => PersonalDataOverrideInput)
  personalDataOverride?: PersonalDataOverrideInput | null;
}

@ObjectType('ForumMentionCandidate')
export class MentionCandidateModel {
  @Field(() => ID) id!: string;
  @Field(() => String) displayName!: string;
}

@InputType()
export class ForumSearchFilter {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('all') categoryId?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(30) tag?: string | null;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('all') authorId?: string | null;
  @Field(() => Date, { nullable: true }) @IsOptional() from?: Date | null;
  @Field(() => Date, { nullable: true }) @IsOptional() to?: Date | null;
}

@InputType()
export class CategoryInput {
  @Field(() => String)
  @IsString()
  @MinLength(1, { message: 'Give the category a name.' })
  @MaxLength(80, { message: 'Keep the name under 80 characters.' })
  name!: string;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(500, { message: 'Keep the description under 500 characters.' })
  description?: string | null;
  @Field(() => ID, { nullable: true, description: 'Limit to one trust.' })
  @IsOptional()
  @IsUUID('all', { message: 'Choose a trust from the list.' })
  trustId?: string | null;
  @Field(() => [RoleEnum], { nullable: true, description: 'Limit to these roles.' })
  @IsOptional()
  @IsArray()
  @IsIn(Object.values(Role), { each: true, message: 'Choose roles from the list.' })
  roles?: Role[] | null;
}
