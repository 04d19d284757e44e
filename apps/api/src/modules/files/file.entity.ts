import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One upload: its bytes live in the FileStorage under `sha256` (shared by identical uploads). */
@Entity('files')
export class FileEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('char', { length: 64 }) sha256!: string;
  /** bigint comes back from pg as a string; the transformer makes it a number (files are far below 2^53). */
  @Column('bigint', {
    name: 'size_bytes',
    transformer: { to: (v: number) => v, from: (v: string | number) => Number(v) },
  })
  sizeBytes!: number;
  @Column('text', { name: 'media_type' }) mediaType!: string;
  @Column('text', { name: 'original_name' }) originalName!: string;
  @Column('uuid', { name: 'uploaded_by' }) uploadedBy!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
