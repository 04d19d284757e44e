import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { NeedArea, Phase, ResourceKind, ResourceStatus, ShareScope } from '@lantern/shared-domain';

/** One section of an EHCP template's structure, stored with a version. */
export interface EhcpSectionJson {
  key: string;
  title: string;
  guidance: string;
  prompts: string[];
}

@Entity('library_resources')
export class LibraryResourceEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('text') kind!: ResourceKind;
  @Column('text') title!: string;
  @Column('text') summary!: string;
  @Column('text', { name: 'need_areas', array: true }) needAreas!: NeedArea[];
  @Column('text', { array: true }) phases!: Phase[];
  @Column('uuid', { name: 'local_authority_id', nullable: true }) localAuthorityId!: string | null;
  @Column('text', { array: true }) tags!: string[];
  @Column('text', { name: 'share_scope' }) shareScope!: ShareScope;
  @Column('uuid', { name: 'trust_id', nullable: true }) trustId!: string | null;
  @Column('uuid', { name: 'school_id', nullable: true }) schoolId!: string | null;
  @Column('text') status!: ResourceStatus;
  @Column('uuid', { name: 'owner_id' }) ownerId!: string;
  @Column('uuid', { name: 'base_resource_id', nullable: true }) baseResourceId!: string | null;
  @Column('uuid', { name: 'current_version_id', nullable: true }) currentVersionId!: string | null;
  @Column('int', { name: 'version_count' }) versionCount!: number;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
  @Column('timestamptz', { name: 'last_reviewed_at', nullable: true }) lastReviewedAt!: Date | null;
  @Column('uuid', { name: 'last_reviewed_by', nullable: true }) lastReviewedBy!: string | null;
  @Column('timestamptz', { name: 'review_due_at', nullable: true }) reviewDueAt!: Date | null;
  @Column('int', { name: 'download_count' }) downloadCount!: number;
  @Column('int', { name: 'endorsement_count' }) endorsementCount!: number;
  @Column('int', { name: 'comment_count' }) commentCount!: number;
  @Column('int', { name: 'adoption_count' }) adoptionCount!: number;
}

/** Immutable: a database trigger refuses UPDATE and DELETE. */
@Entity('library_resource_versions')
export class LibraryVersionEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'resource_id' }) resourceId!: string;
  @Column('int') number!: number;
  @Column('text') title!: string;
  @Column('text') summary!: string;
  @Column('text', { name: 'body_md' }) bodyMd!: string;
  @Column('text', { name: 'body_html' }) bodyHtml!: string;
  @Column('text', { name: 'change_note' }) changeNote!: string;
  @Column('uuid', { name: 'author_id' }) authorId!: string;
  @Column('int', { name: 'restored_from', nullable: true }) restoredFrom!: number | null;
  @Column('jsonb', { name: 'ehcp_sections', nullable: true }) ehcpSections!: EhcpSectionJson[] | null;
  @Column('uuid', { name: 'file_ids', array: true }) fileIds!: string[];
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
}

@Entity('library_comments')
export class LibraryCommentEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'resource_id' }) resourceId!: string;
  @Column('uuid', { name: 'author_id' }) authorId!: string;
  @Column('text') body!: string;
  @Column('text', { name: 'body_html' }) bodyHtml!: string;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
}

@Entity('library_endorsements')
export class LibraryEndorsementEntity {
  @PrimaryColumn('uuid', { name: 'resource_id' }) resourceId!: string;
  @PrimaryColumn('uuid', { name: 'user_id' }) userId!: string;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
}

@Entity('library_bookmarks')
export class LibraryBookmarkEntity {
  @PrimaryColumn('uuid', { name: 'user_id' }) userId!: string;
  @PrimaryColumn('uuid', { name: 'resource_id' }) resourceId!: string;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
}

@Entity('library_toolkit_items')
export class LibraryToolkitItemEntity {
  @PrimaryColumn('uuid', { name: 'toolkit_id' }) toolkitId!: string;
  @PrimaryColumn('uuid', { name: 'resource_id' }) resourceId!: string;
  @Column('int') position!: number;
  @Column('text') note!: string;
}

@Entity('library_adoptions')
export class LibraryAdoptionEntity {
  @PrimaryColumn('uuid', { name: 'resource_id' }) resourceId!: string;
  @PrimaryColumn('uuid', { name: 'trust_id' }) trustId!: string;
  @Column('text') notes!: string;
  @Column('uuid', { name: 'adopted_by' }) adoptedBy!: string;
  @Column('timestamptz', { name: 'adopted_at' }) adoptedAt!: Date;
}

export const LIBRARY_ENTITIES = [
  LibraryResourceEntity,
  LibraryVersionEntity,
  LibraryCommentEntity,
  LibraryEndorsementEntity,
  LibraryBookmarkEntity,
  LibraryToolkitItemEntity,
  LibraryAdoptionEntity,
];
