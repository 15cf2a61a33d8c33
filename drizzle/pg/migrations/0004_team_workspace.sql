-- What a workspace on PostgreSQL needs beyond the tables both engines share (team mode, issue 17).
--
-- batches.rowid: the undo and redo stacks are ordered by when each batch was written, which SQLite reads
-- from its implicit rowid (queries/history.ts, queries/progress.ts). PostgreSQL has none, so the table
-- gets a numbered column of that name, filled by the server (GENERATED ALWAYS: nothing can write it), and
-- the stack's index ends with it as SQLite's does. The drift test allows this column and index alone.
ALTER TABLE batches ADD COLUMN rowid bigint GENERATED ALWAYS AS IDENTITY;
--> statement-breakpoint
CREATE INDEX batches_stack_rowid ON batches (project_id, kind, undone, rowid);
--> statement-breakpoint
-- json_type(text, path): SQLite's answer for a one-level path ('$.parentId'): the JSON type of the field
-- ('null' for a JSON null), or NULL when the object has no such field. A batch's audit rows say whether
-- a field was written by whether it is there (queries/wbs.ts renumberedSuccessors).
CREATE FUNCTION json_type(text, text) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  AS $$ SELECT CASE jsonb_typeof($1::jsonb -> substr($2, 3)) WHEN 'number' THEN CASE WHEN ($1::jsonb ->> substr($2, 3)) ~ '^-?\d+$' THEN 'integer' ELSE 'real' END WHEN 'string' THEN 'text' WHEN 'boolean' THEN ($1::jsonb ->> substr($2, 3)) ELSE jsonb_typeof($1::jsonb -> substr($2, 3)) END $$;
--> statement-breakpoint
-- Global search (Ctrl+K) on PostgreSQL: the same search_text rows as on SQLite (written by the batch that
-- writes the rows, services/search-index.ts), searched through a pg_trgm index instead of FTS5. One GIN
-- index over the row's whole text (ID, title, text) answers ILIKE '%word%' for words of 3 characters or
-- more; shorter words are checked on the rows it finds, or read from the table. pg_trgm is a trusted
-- extension (PostgreSQL 13+): the database's owner may create it. It makes trigrams of the characters
-- the database's LC_CTYPE calls letters: create the database with LC_CTYPE 'C.UTF-8' (or a UTF-8 locale)
-- so Japanese text is indexed; under LC_CTYPE 'C' searches still answer right, reading every row.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE TABLE search_text (
  id bigint PRIMARY KEY,
  kind text NOT NULL,
  project_id integer NOT NULL,
  row_id integer NOT NULL,
  ref text NOT NULL,
  title text NOT NULL,
  body text NOT NULL
);
--> statement-breakpoint
CREATE INDEX search_text_project ON search_text (project_id, kind);
--> statement-breakpoint
CREATE INDEX search_text_trgm ON search_text USING gin ((ref || ' ' || title || ' ' || body) gin_trgm_ops);
