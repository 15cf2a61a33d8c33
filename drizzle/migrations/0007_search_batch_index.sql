-- Global search is written by the batch that writes the rows (electron/core/services/search-index.ts),
-- no longer by per-row triggers on the register tables: their FTS work, one statement per row, made a
-- 10,000-row insert cost 2,010 ms against 130 ms without them (npm run bench -- --only search). search_text
-- and its trigram index search_fts stay, with their own triggers (written a batch at a time, in one
-- statement). search_grams indexes every 2-character piece of the same text (computed by the app), so a
-- 2-character word is one lookup instead of a scan; it stores no copy of the text (contentless). The app
-- fills search_grams (and writes search_text anew) when it first opens the file after this migration
-- (settings key search.indexVersion). WBS codes are not stored: a WBS task's ref is '', and search.ts finds
-- a task by its code through the tree. (This sentence was corrected after the migration shipped, in its
-- comment only: drizzle applies a migration by its journal time and never compares the stored hash.)
DROP TRIGGER wbs_tasks_search_ai;
--> statement-breakpoint
DROP TRIGGER wbs_tasks_search_au;
--> statement-breakpoint
DROP TRIGGER wbs_tasks_search_ad;
--> statement-breakpoint
DROP TRIGGER risks_search_ai;
--> statement-breakpoint
DROP TRIGGER risks_search_au;
--> statement-breakpoint
DROP TRIGGER risks_search_ad;
--> statement-breakpoint
DROP TRIGGER issues_search_ai;
--> statement-breakpoint
DROP TRIGGER issues_search_au;
--> statement-breakpoint
DROP TRIGGER issues_search_ad;
--> statement-breakpoint
DROP TRIGGER changes_search_ai;
--> statement-breakpoint
DROP TRIGGER changes_search_au;
--> statement-breakpoint
DROP TRIGGER changes_search_ad;
--> statement-breakpoint
DROP TRIGGER meetings_search_ai;
--> statement-breakpoint
DROP TRIGGER meetings_search_au;
--> statement-breakpoint
DROP TRIGGER meetings_search_ad;
--> statement-breakpoint
CREATE INDEX search_text_project ON search_text (project_id, kind);
--> statement-breakpoint
CREATE VIRTUAL TABLE search_grams USING fts5(named, body, content='', contentless_delete=1, detail='column', tokenize='ascii');
