import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Role } from '@lantern/shared-domain';

export type ThreadKind = 'DISCUSSION' | 'QUESTION';

@Entity('forum_categories')
export class ForumCategoryEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('text') name!: string;
  @Column('text') description!: string;
  @Column('int') position!: number;
  /** Limited to one trust, or null for the whole network. */
  @Column('uuid', { name: 'trust_id', nullable: true }) trustId!: string | null;
  /** Limited to these roles, or null for everyone in scope. */
  @Column('text', { array: true, nullable: true }) roles!: Role[] | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

@Entity('forum_threads')
export class ForumThreadEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'category_id' }) categoryId!: string;
  @Column('uuid', { name: 'author_id' }) authorId!: string;
  @Column('boolean') anonymous!: boolean;
  @Column('text') kind!: ThreadKind;
  @Column('text') title!: string;
  @Column('text') body!: string;
  @Column('text', { name: 'body_html' }) bodyHtml!: string;
  @Column('text', { array: true }) tags!: string[];
  @Column('uuid', { name: 'accepted_reply_id', nullable: true }) acceptedReplyId!: string | null;
  @Column('boolean') pinned!: boolean;
  @Column('boolean') locked!: boolean;
  @Column('boolean') hidden!: boolean;
  @Column('int', { name: 'reply_count' }) replyCount!: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column('timestamptz', { name: 'last_activity_at' }) lastActivityAt!: Date;
  @Column('timestamptz', { name: 'edited_at', nullable: true }) editedAt!: Date | null;
  @Column('timestamptz', { name: 'deleted_at', nullable: true }) deletedAt!: Date | null;
}

@Entity('forum_replies')
export class ForumReplyEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'thread_id' }) threadId!: string;
  @Column('uuid', { name: 'parent_id', nullable: true }) parentId!: string | null;
  @Column('uuid', { name: 'author_id' }) authorId!: string;
  @Column('boolean') anonymous!: boolean;
  @Column('text') body!: string;
  @Column('text', { name: 'body_html' }) bodyHtml!: string;
  @Column('text') path!: string;
  @Column('int') depth!: number;
  @Column('int', { name: 'helpful_count' }) helpfulCount!: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column('timestamptz', { name: 'edited_at', nullable: true }) editedAt!: Date | null;
  @Column('timestamptz', { name: 'deleted_at', nullable: true }) deletedAt!: Date | null;
  @Column('boolean') hidden!: boolean;
}
