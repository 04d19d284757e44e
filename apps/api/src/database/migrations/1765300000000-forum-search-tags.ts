import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Forum search finds a thread by its tags and its category's name too ("EHCP" finds the threads
 * tagged ehcp and those in the EHCP category). A generated column cannot read another table, so the
 * stored tsvector is now kept by triggers: on the thread (title, body, tags, category) and on a
 * category's rename. Weights: title and tags A, body B, category name C. The GIN index is rebuilt.
 */
export class ForumSearchTags1765300000000 implements MigrationInterface {
  name = 'ForumSearchTags1765300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE forum_threads DROP COLUMN search;
      ALTER TABLE forum_threads ADD COLUMN search tsvector NOT NULL DEFAULT ''::tsvector;

      CREATE FUNCTION forum_thread_search(title text, body text, tags text[], category uuid) RETURNS tsvector
        LANGUAGE sql STABLE AS $$
          SELECT setweight(to_tsvector('english', title), 'A')
              || setweight(to_tsvector('english', array_to_string(tags, ' ')), 'A')
              || setweight(to_tsvector('english', body), 'B')
              || setweight(to_tsvector('english', COALESCE((SELECT c.name FROM forum_categories c WHERE c.id = category), '')), 'C')
        $$;

      CREATE FUNCTION forum_threads_search_refresh() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          NEW.search := forum_thread_search(NEW.title, NEW.body, NEW.tags, NEW.category_id);
          RETURN NEW;
        END $$;
      CREATE TRIGGER forum_threads_search BEFORE INSERT OR UPDATE OF title, body, tags, category_id ON forum_threads
        FOR EACH ROW EXECUTE FUNCTION forum_threads_search_refresh();

      CREATE FUNCTION forum_categories_search_refresh() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          UPDATE forum_threads SET search = forum_thread_search(title, body, tags, category_id)
           WHERE category_id = NEW.id;
          RETURN NULL;
        END $$;
      CREATE TRIGGER forum_categories_search AFTER UPDATE OF name ON forum_categories
        FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name) EXECUTE FUNCTION forum_categories_search_refresh();

      UPDATE forum_threads SET search = forum_thread_search(title, body, tags, category_id);
      CREATE INDEX forum_threads_search_idx ON forum_threads USING GIN (search);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TRIGGER forum_categories_search ON forum_categories;
      DROP TRIGGER forum_threads_search ON forum_threads;
      DROP FUNCTION forum_categories_search_refresh();
      DROP FUNCTION forum_threads_search_refresh();
      DROP FUNCTION forum_thread_search(text, text, text[], uuid);
      ALTER TABLE forum_threads DROP COLUMN search;
      ALTER TABLE forum_threads ADD COLUMN search tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', body), 'B')
      ) STORED;
      CREATE INDEX forum_threads_search_idx ON forum_threads USING GIN (search);
    `);
  }
}
