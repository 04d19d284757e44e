import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Uploaded files. The bytes live in FileStorage by SHA-256 (identical uploads share them); each
 * upload is its own row with its own name and uploader.
 */
export class Files1764300000000 implements MigrationInterface {
  name = 'Files1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE files (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        sha256 char(64) NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        size_bytes bigint NOT NULL CHECK (size_bytes > 0),
        media_type text NOT NULL CHECK (length(media_type) BETWEEN 3 AND 200),
        original_name text NOT NULL CHECK (length(original_name) BETWEEN 1 AND 200),
        uploaded_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz(3) NOT NULL DEFAULT now()
      );
      CREATE INDEX files_sha256_idx ON files (sha256);
      CREATE INDEX files_uploaded_by_idx ON files (uploaded_by, created_at DESC);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE files');
  }
}
