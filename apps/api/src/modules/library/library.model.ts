import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import {
  NeedArea,
  Phase,
  ResourceKind,
  ResourceSort,
  ResourceStatus,
  ShareScope,
} from '@lantern/shared-domain';
import { PhaseEnum } from '../../common/graphql/enums';
import { Connection, ConnectionType, PageInfo } from '../../common/pagination/connection';
import { TrustModel } from '../directory/directory.model';
import { UserModel } from '../users/user.model';
import type { EhcpSectionJson } from './library.entity';

/** GraphQL enum names come from the keys: mirror each shared enum so the schema says its values. */
function mirror<E extends Record<string, string>>(e: E): { [K in E[keyof E]]: K } {
  return Object.fromEntries(Object.values(e).map((v) => [v, v])) as { [K in E[keyof E]]: K };
}
export const ResourceKindEnum = mirror(ResourceKind);
export const NeedAreaEnum = mirror(NeedArea);
export const ResourceStatusEnum = mirror(ResourceStatus);
export const ShareScopeEnum = mirror(ShareScope);
export const ResourceSortEnum = mirror(ResourceSort);
export enum DiffLineKindEnum {
  CONTEXT = 'CONTEXT',
  ADDED = 'ADDED',
  REMOVED = 'REMOVED',
}
registerEnumType(ResourceKindEnum, { name: 'ResourceKind' });
registerEnumType(NeedAreaEnum, { name: 'NeedArea', description: 'The four broad areas of need.' });
registerEnumType(ResourceStatusEnum, { name: 'ResourceStatus' });
registerEnumType(ShareScopeEnum, { name: 'ShareScope' });
registerEnumType(ResourceSortEnum, {
  name: 'ResourceSort',
  description:
    'RECENT: newest change first; MOST_USED: downloads plus endorsements; RECENTLY_REVIEWED; RELEVANCE (needs a search query).',
});
registerEnumType(DiffLineKindEnum, { name: 'LibraryDiffLineKind' });

@ObjectType('LibraryFile', { description: 'A file attached to a version; download at downloadUrl.' })
export class LibraryFileModel {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => Float) sizeBytes!: number;
  @Field(() => String) mediaType!: string;
  @Field(() => String, { description: 'GET this path (permission-checked, served as an attachment).' })
  downloadUrl!: string;
}

@ObjectType('LibraryEhcpSection', { description: 'One section (A to K) of an EHCP template.' })
export class LibraryEhcpSectionModel {
  @Field(() => String) key!: string;
  @Field(() => String) title!: string;
  @Field(() => String, { description: 'Markdown.' }) guidance!: string;
  @Field(() => String, { description: 'Sanitised HTML of the guidance.' }) guidanceHtml!: string;
  @Field(() => [String]) prompts!: string[];
}

@ObjectType('LibraryResourceVersion', { description: 'An immutable version of a resource.' })
export class LibraryVersionModel {
  @Field(() => ID) id!: string;
  @Field(() => ID) resourceId!: string;
  @Field(() => Int) number!: number;
  @Field(() => String) title!: string;
  @Field(() => String) summary!: string;
  @Field(() => String) bodyMd!: string;
  @Field(() => String, { description: 'Sanitised HTML rendered from bodyMd.' }) bodyHtml!: string;
  @Field(() => String) changeNote!: string;
  /** Resolved: author, files, ehcpSections (LibraryVersionFieldsResolver). */
  author!: UserModel | null;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Int, { nullable: true, description: 'Set when this version restored an older one.' })
  restoredFrom!: number | null;
  ehcpSections!: LibraryEhcpSectionModel[] | null;
  files!: LibraryFileModel[];
  @Field(() => Boolean, { description: 'This is the newest version.' }) isCurrent!: boolean;
  authorId!: string;
  fileIds!: string[];
  ehcpJson!: EhcpSectionJson[] | null;
}

export const LibraryVersionConnection = ConnectionType(
  LibraryVersionModel,
  'LibraryResourceVersionConnection',
);

@ObjectType('LibraryAdoption', { description: 'A trust uses this resource, with its local notes.' })
export class LibraryAdoptionModel {
  @Field(() => TrustModel) trust!: TrustModel;
  @Field(() => String) notes!: string;
  @Field(() => String, { description: 'Sanitised HTML of the notes (markdown).' }) notesHtml!: string;
  @Field(() => UserModel, { nullable: true }) adoptedBy!: UserModel | null;
  @Field(() => Date) adoptedAt!: Date;
}

@ObjectType('LibraryResource')
export class LibraryResourceModel {
  @Field(() => ID) id!: string;
  @Field(() => ResourceKindEnum) kind!: ResourceKind;
  @Field(() => String) title!: string;
  @Field(() => String) summary!: string;
  @Field(() => [NeedAreaEnum]) needAreas!: NeedArea[];
  @Field(() => [PhaseEnum]) phases!: Phase[];
  @Field(() => [String]) tags!: string[];
  @Field(() => ShareScopeEnum) shareScope!: ShareScope;
  @Field(() => ResourceStatusEnum) status!: ResourceStatus;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date, { description: 'When the newest version or status changed.' }) updatedAt!: Date;
  @Field(() => Date, { nullable: true }) lastReviewedAt!: Date | null;
  @Field(() => Date, { nullable: true }) reviewDueAt!: Date | null;
  @Field(() => Boolean, { description: 'The review date has passed.' }) reviewOverdue!: boolean;
  @Field(() => Int) versionCount!: number;
  @Field(() => Int) downloadCount!: number;
  @Field(() => Int, { description: '"Useful" endorsements.' }) endorsementCount!: number;
  @Field(() => Int) commentCount!: number;
  @Field(() => Int, { description: 'Trusts that adopted it.' }) adoptionCount!: number;
  @Field(() => String, {
    nullable: true,
    description: 'In search results: HTML-escaped text with matches in <mark>.',
  })
  snippetHtml!: string | null;
  @Field(() => Boolean, { description: 'The viewer may add versions, change status and mark it reviewed.' })
  canManage!: boolean;
  // Resolved by field resolvers (loaders):
  localAuthorityId!: string | null;
  trustId!: string | null;
  schoolId!: string | null;
  ownerId!: string;
  lastReviewedBy!: string | null;
  baseResourceId!: string | null;
  currentVersionId!: string | null;
}

@ObjectType('LibraryResourceConnection')
export class LibraryResourceConnection implements Connection<LibraryResourceModel> {
  @Field(() => [LibraryResourceModel]) nodes!: LibraryResourceModel[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
  @Field(() => Int, { description: 'Matches, counted up to 1,000.' }) totalCount!: number;
  @Field(() => Boolean, { description: 'More than totalCount matched (show "1,000+").' })
  totalCountIsLowerBound!: boolean;
}

@ObjectType('LibraryDiffLine')
export class LibraryDiffLineModel {
  @Field(() => DiffLineKindEnum) kind!: DiffLineKindEnum;
  @Field(() => String) text!: string;
  @Field(() => Int, { nullable: true }) oldNumber!: number | null;
  @Field(() => Int, { nullable: true }) newNumber!: number | null;
}

@ObjectType('LibraryDiffHunk')
export class LibraryDiffHunkModel {
  @Field(() => Int) oldStart!: number;
  @Field(() => Int) oldLines!: number;
  @Field(() => Int) newStart!: number;
  @Field(() => Int) newLines!: number;
  @Field(() => [LibraryDiffLineModel]) lines!: LibraryDiffLineModel[];
}

@ObjectType('LibraryVersionComparison', { description: 'What changed in the markdown between two versions.' })
export class LibraryComparisonModel {
  @Field(() => LibraryVersionModel) from!: LibraryVersionModel;
  @Field(() => LibraryVersionModel) to!: LibraryVersionModel;
  @Field(() => [LibraryDiffHunkModel], { description: 'Empty when the bodies are the same.' })
  hunks!: LibraryDiffHunkModel[];
  @Field(() => Int) addedLines!: number;
  @Field(() => Int) removedLines!: number;
  @Field(() => Boolean) titleChanged!: boolean;
  @Field(() => Boolean) summaryChanged!: boolean;
  @Field(() => [LibraryFileModel], { description: 'Files in `to` that were not in `from`.' })
  filesAdded!: LibraryFileModel[];
  @Field(() => [LibraryFileModel], { description: 'Files in `from` that are not in `to`.' })
  filesRemoved!: LibraryFileModel[];
}

@ObjectType('LibraryComment')
export class LibraryCommentModel {
  @Field(() => ID) id!: string;
  @Field(() => ID) resourceId!: string;
  @Field(() => String) body!: string;
  @Field(() => String, { description: 'Sanitised HTML.' }) bodyHtml!: string;
  /** Resolved by LibraryCommentFieldsResolver. */
  author!: UserModel | null;
  @Field(() => Boolean, { description: 'The viewer wrote it.' }) isViewer!: boolean;
  @Field(() => Date) createdAt!: Date;
}

export const LibraryCommentConnection = ConnectionType(LibraryCommentModel, 'LibraryCommentConnection');

@ObjectType('ToolkitItem')
export class ToolkitItemModel {
  @Field(() => Int, { description: '0-based place in the toolkit.' }) position!: number;
  @Field(() => String) note!: string;
  @Field(() => LibraryResourceModel) resource!: LibraryResourceModel;
}

@ObjectType('Toolkit', {
  description: 'An ordered collection of resources; itself a resource of kind TOOLKIT.',
})
export class ToolkitModel {
  @Field(() => ID, { description: 'The same id as its resource.' }) id!: string;
  @Field(() => LibraryResourceModel) resource!: LibraryResourceModel;
  /** Resolved by ToolkitFieldsResolver (one statement per page of toolkits). */
  items!: ToolkitItemModel[];
  hiddenItemCount!: number;
}

export const ToolkitConnection = ConnectionType(ToolkitModel, 'ToolkitConnection');
