import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The resource library: resources with immutable versions, endorsements, comments, bookmarks,
 * toolkit items and trust adoptions. Search is a stored tsvector (title A, summary and tags B, the
 * newest version's body C) kept by a trigger, with a GIN index; every filter and sort has an index.
 */
export class Library1764400000000 implements MigrationInterface {
  name = 'Library1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE library_resources (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('TEMPLATE', 'TOOLKIT', 'GUIDE', 'POLICY', 'TRAINING', 'FORM')),
        title text NOT NULL CHECK (length(title) BETWEEN 3 AND 200),
        summary text NOT NULL DEFAULT '' CHECK (length(summary) <= 1000),
        need_areas text[] NOT NULL DEFAULT '{}'
          CHECK (need_areas <@ ARRAY['COMMUNICATION_INTERACTION', 'COGNITION_LEARNING', 'SEMH', 'SENSORY_PHYSICAL']),
        phases text[] NOT NULL DEFAULT '{}'
          CHECK (phases <@ ARRAY['INFANT', 'PRIMARY', 'SECONDARY', 'ALL_THROUGH', 'SPECIAL']),
        local_authority_id uuid REFERENCES local_authorities(id),
        tags text[] NOT NULL DEFAULT '{}' CHECK (cardinality(tags) <= 10),
        share_scope text NOT NULL CHECK (share_scope IN ('SCHOOL', 'TRUST', 'NETWORK')),
        trust_id uuid REFERENCES trusts(id),
        school_id uuid REFERENCES schools(id),
        status text NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT', 'PUBLISHED', 'ARCHIVED')),
        owner_id uuid NOT NULL REFERENCES users(id),
        base_resource_id uuid REFERENCES library_resources(id),
        current_version_id uuid,
        version_count integer NOT NULL DEFAULT 0,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        -- Millisecond precision: these appear in pagination cursors.
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        last_reviewed_at timestamptz(3),
        last_reviewed_by uuid REFERENCES users(id),
        review_due_at timestamptz(3),
        review_notified_at timestamptz,
        download_count integer NOT NULL DEFAULT 0 CHECK (download_count >= 0),
        endorsement_count integer NOT NULL DEFAULT 0 CHECK (endorsement_count >= 0),
        comment_count integer NOT NULL DEFAULT 0 CHECK (comment_count >= 0),
        adoption_count integer NOT NULL DEFAULT 0 CHECK (adoption_count >= 0),
        usage_count integer GENERATED ALWAYS AS (download_count + endorsement_count) STORED,
        search tsvector NOT NULL DEFAULT ''::tsvector,
        CONSTRAINT library_resources_scope_shape CHECK (
          (share_scope = 'NETWORK' AND trust_id IS NULL AND school_id IS NULL) OR
          (share_scope = 'TRUST' AND trust_id IS NOT NULL AND school_id IS NULL) OR
          (share_scope = 'SCHOOL' AND trust_id IS NOT NULL AND school_id IS NOT NULL)),
        CONSTRAINT library_resources_not_own_base CHECK (base_resource_id <> id)
      );
      CREATE INDEX library_resources_search_idx ON library_resources USING GIN (search);
      CREATE INDEX library_resources_need_areas_idx ON library_resources USING GIN (need_areas);
      CREATE INDEX library_resources_phases_idx ON library_resources USING GIN (phases);
      CREATE INDEX library_resources_tags_idx ON library_resources USING GIN (tags);
      CREATE INDEX library_resources_kind_idx ON library_resources (kind, updated_at DESC, id DESC);
      CREATE INDEX library_resources_la_idx ON library_resources (local_authority_id);
      CREATE INDEX library_resources_scope_idx ON library_resources (share_scope, trust_id, school_id);
      CREATE INDEX library_resources_school_idx ON library_resources (school_id) WHERE school_id IS NOT NULL;
      CREATE INDEX library_resources_trust_idx ON library_resources (trust_id) WHERE trust_id IS NOT NULL;
      CREATE INDEX library_resources_status_idx ON library_resources (status);
      CREATE INDEX library_resources_owner_idx ON library_resources (owner_id);
      CREATE INDEX library_resources_base_idx ON library_resources (base_resource_id) WHERE base_resource_id IS NOT NULL;
      CREATE INDEX library_resources_recent_idx ON library_resources (updated_at DESC, id DESC);
      CREATE INDEX library_resources_used_idx ON library_resources (usage_count DESC, id DESC);
      CREATE INDEX library_resources_reviewed_idx ON library_resources ((COALESCE(last_reviewed_at, '-infinity'::timestamptz)) DESC, id DESC);
      CREATE INDEX library_resources_review_due_idx ON library_resources (review_due_at) WHERE status <> 'ARCHIVED';

      CREATE TABLE library_resource_versions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        resource_id uuid NOT NULL REFERENCES library_resources(id),
        number integer NOT NULL CHECK (number >= 1),
        title text NOT NULL,
        summary text NOT NULL,
        body_md text NOT NULL CHECK (length(body_md) <= 100000),
        body_html text NOT NULL,
        change_note text NOT NULL CHECK (length(change_note) BETWEEN 1 AND 500),
        author_id uuid NOT NULL REFERENCES users(id),
        restored_from integer,
        ehcp_sections jsonb CHECK (ehcp_sections IS NULL OR jsonb_typeof(ehcp_sections) = 'array'),
        file_ids uuid[] NOT NULL DEFAULT '{}',
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        UNIQUE (resource_id, number)
      );
      CREATE INDEX library_versions_author_idx ON library_resource_versions (author_id);
      CREATE INDEX library_versions_files_idx ON library_resource_versions USING GIN (file_ids);
      ALTER TABLE library_resources ADD CONSTRAINT library_resources_current_version_fk
        FOREIGN KEY (current_version_id) REFERENCES library_resource_versions(id);

      -- A version is never changed or removed: an edit or a restore is a new version.
      CREATE FUNCTION library_versions_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'library_resource_versions rows are immutable' USING ERRCODE = 'restrict_violation';
      END $$;
      CREATE TRIGGER library_versions_no_update BEFORE UPDATE OR DELETE ON library_resource_versions
        FOR EACH ROW EXECUTE FUNCTION library_versions_immutable();

      CREATE FUNCTION library_resources_search() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.search :=
          setweight(to_tsvector('english', NEW.title), 'A') ||
          setweight(to_tsvector('english', NEW.summary), 'B') ||
          setweight(to_tsvector('english', array_to_string(NEW.tags, ' ')), 'B') ||
          setweight(to_tsvector('english', COALESCE(
            (SELECT body_md FROM library_resource_versions WHERE id = NEW.current_version_id), '')), 'C');
        RETURN NEW;
      END $$;
      CREATE TRIGGER library_resources_search_refresh
        BEFORE INSERT OR UPDATE OF title, summary, tags, current_version_id ON library_resources
        FOR EACH ROW EXECUTE FUNCTION library_resources_search();

      CREATE TABLE library_endorsements (
        resource_id uuid NOT NULL REFERENCES library_resources(id),
        user_id uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (resource_id, user_id)
      );
      CREATE INDEX library_endorsements_user_idx ON library_endorsements (user_id);

      CREATE TABLE library_comments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        resource_id uuid NOT NULL REFERENCES library_resources(id),
        author_id uuid NOT NULL REFERENCES users(id),
        body text NOT NULL CHECK (length(body) BETWEEN 1 AND 5000),
        body_html text NOT NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now()
      );
      CREATE INDEX library_comments_resource_idx ON library_comments (resource_id, created_at, id);
      CREATE INDEX library_comments_author_idx ON library_comments (author_id);

      CREATE TABLE library_bookmarks (
        user_id uuid NOT NULL REFERENCES users(id),
        resource_id uuid NOT NULL REFERENCES library_resources(id),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, resource_id)
      );
      CREATE INDEX library_bookmarks_resource_idx ON library_bookmarks (resource_id);
      CREATE INDEX library_bookmarks_list_idx ON library_bookmarks (user_id, created_at DESC, resource_id DESC);

      -- A toolkit is a resource of kind TOOLKIT; its items are other resources, in order.
      CREATE TABLE library_toolkit_items (
        toolkit_id uuid NOT NULL REFERENCES library_resources(id),
        resource_id uuid NOT NULL REFERENCES library_resources(id),
        position integer NOT NULL CHECK (position >= 0),
        note text NOT NULL DEFAULT '' CHECK (length(note) <= 500),
        PRIMARY KEY (toolkit_id, resource_id),
        UNIQUE (toolkit_id, position) DEFERRABLE INITIALLY DEFERRED,
        CHECK (toolkit_id <> resource_id)
      );
      CREATE INDEX library_toolkit_items_resource_idx ON library_toolkit_items (resource_id);

      CREATE TABLE library_adoptions (
        resource_id uuid NOT NULL REFERENCES library_resources(id),
        trust_id uuid NOT NULL REFERENCES trusts(id),
        notes text NOT NULL DEFAULT '' CHECK (length(notes) <= 2000),
        adopted_by uuid NOT NULL REFERENCES users(id),
        adopted_at timestamptz(3) NOT NULL DEFAULT now(),
        PRIMARY KEY (resource_id, trust_id)
      );
      CREATE INDEX library_adoptions_trust_idx ON library_adoptions (trust_id);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE library_adoptions, library_toolkit_items, library_bookmarks, library_comments, library_endorsements;
      ALTER TABLE library_resources DROP CONSTRAINT library_resources_current_version_fk;
      DROP TABLE library_resource_versions;
      DROP TABLE library_resources;
      DROP FUNCTION library_versions_immutable();
      DROP FUNCTION library_resources_search();
    `);
  }
}
