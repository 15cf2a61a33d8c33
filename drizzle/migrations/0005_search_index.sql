-- Global search (Ctrl+K): one row of searchable text per register row, WBS task and meeting, and an
-- FTS5 index over it with the trigram tokenizer, so Japanese words are found inside text without spaces
-- (課題 in 未解決課題). Queries of 1-2 characters, which trigrams cannot answer, scan search_text itself.
-- Triggers keep both in step inside the very transaction that writes a row, whoever writes it (edits,
-- paste, import, undo/redo, project restore, cascades). search_text.id = row id * 8 + the kind's number
-- (wbs_task 1, risk 2, issue 3, change 4, meeting 5), so a row's entry is found by its key alone.
-- A new register table needs its three triggers here too (a later custom migration).
CREATE TABLE search_text (
  id integer PRIMARY KEY,
  kind text NOT NULL,
  project_id integer NOT NULL,
  row_id integer NOT NULL,
  ref text NOT NULL,
  title text NOT NULL,
  body text NOT NULL
);
--> statement-breakpoint
CREATE VIRTUAL TABLE search_fts USING fts5(ref, title, body, content='search_text', content_rowid='id', tokenize='trigram');
--> statement-breakpoint
CREATE TRIGGER search_text_ai AFTER INSERT ON search_text BEGIN
  INSERT INTO search_fts(rowid, ref, title, body) VALUES (new.id, new.ref, new.title, new.body);
END;
--> statement-breakpoint
CREATE TRIGGER search_text_ad AFTER DELETE ON search_text BEGIN
  INSERT INTO search_fts(search_fts, rowid, ref, title, body) VALUES ('delete', old.id, old.ref, old.title, old.body);
END;
--> statement-breakpoint
CREATE TRIGGER search_text_au AFTER UPDATE ON search_text
WHEN old.ref IS NOT new.ref OR old.title IS NOT new.title OR old.body IS NOT new.body BEGIN
  INSERT INTO search_fts(search_fts, rowid, ref, title, body) VALUES ('delete', old.id, old.ref, old.title, old.body);
  INSERT INTO search_fts(rowid, ref, title, body) VALUES (new.id, new.ref, new.title, new.body);
END;
--> statement-breakpoint
CREATE TRIGGER wbs_tasks_search_ai AFTER INSERT ON wbs_tasks BEGIN
  INSERT INTO search_text (id, kind, project_id, row_id, ref, title, body) VALUES (new.id * 8 + 1, 'wbs_task', new.project_id, new.id, '', new.name,
    concat_ws(char(10), nullif(new.assignee, ''),
      nullif(new.deliverable, ''),
      nullif(new.notes, ''),
      (SELECT group_concat(value, char(10)) FROM json_each(CASE WHEN json_valid(new.extra) THEN new.extra ELSE '{}' END) WHERE type IN ('text', 'integer', 'real'))))
  ON CONFLICT (id) DO UPDATE SET project_id = excluded.project_id, ref = excluded.ref, title = excluded.title, body = excluded.body;
END;
--> statement-breakpoint
CREATE TRIGGER wbs_tasks_search_au AFTER UPDATE OF project_id, name, assignee, deliverable, notes, extra ON wbs_tasks BEGIN
  INSERT INTO search_text (id, kind, project_id, row_id, ref, title, body) VALUES (new.id * 8 + 1, 'wbs_task', new.project_id, new.id, '', new.name,
    concat_ws(char(10), nullif(new.assignee, ''),
      nullif(new.deliverable, ''),
      nullif(new.notes, ''),
      (SELECT group_concat(value, char(10)) FROM json_each(CASE WHEN json_valid(new.extra) THEN new.extra ELSE '{}' END) WHERE type IN ('text', 'integer', 'real'))))
  ON CONFLICT (id) DO UPDATE SET project_id = excluded.project_id, ref = excluded.ref, title = excluded.title, body = excluded.body;
END;
--> statement-breakpoint
CREATE TRIGGER wbs_tasks_search_ad AFTER DELETE ON wbs_tasks BEGIN
  DELETE FROM search_text WHERE id = old.id * 8 + 1;
END;
--> statement-breakpoint
INSERT INTO search_text (id, kind, project_id, row_id, ref, title, body)
  SELECT new.id * 8 + 1, 'wbs_task', new.project_id, new.id, '', new.name,
    concat_ws(char(10), nullif(new.assignee, ''),
      nullif(new.deliverable, ''),
      nullif(new.notes, ''),
      (SELECT group_concat(value, char(10)) FROM json_each(CASE WHEN json_valid(new.extra) THEN new.extra ELSE '{}' END) WHERE type IN ('text', 'integer', 'real'))) FROM wbs_tasks AS new;
--> statement-breakpoint
CREATE TRIGGER risks_search_ai AFTER INSERT ON risks BEGIN
  INSERT INTO search_text (id, kind, project_id, row_id, ref, title, body) VALUES (new.id * 8 + 2, 'risk', new.project_id, new.id, new.ref, new.title,
    concat_ws(char(10), nullif(new.description, ''),
      nullif(new.owner, ''),
      nullif(new."trigger", ''),
      nullif(new.response_plan, ''),
      nullif(new.contingency, ''),
      nullif(new.raised_by, ''),
      (SELECT group_concat(value, char(10)) FROM json_each(CASE WHEN json_valid(new.extra) THEN new.extra ELSE '{}' END) WHERE type IN ('text', 'integer', 'real'))))
  ON CONFLICT (id) DO UPDATE SET project_id = excluded.project_id, ref = excluded.ref, title = excluded.title, body = excluded.body;
END;
--> statement-breakpoint
CREATE TRIGGER risks_search_au AFTER UPDATE OF project_id, ref, title, description, owner, "trigger", response_plan, contingency, raised_by, extra ON risks BEGIN
  INSERT INTO search_text (id, kind, project_id, row_id, ref, title, body) VALUES (new.id * 8 + 2, 'risk', new.project_id, new.id, new.ref, new.title,
    concat_ws(char(10), nullif(new.description, ''),
      nullif(new.owner, ''),
      nullif(new."trigger", ''),
      nullif(new.response_plan, ''),
      nullif(new.contingency, ''),
      nullif(new.raised_by, ''),
      (SELECT group_concat(value, char(10)) FROM json_each(CASE WHEN json_valid(new.extra) THEN new.extra ELSE '{}' END) WHERE type IN ('text', 'integer', 'real'))))
  ON CONFLICT (id) DO UPDATE SET project_id = excluded.project_id, ref = excluded.ref, title = excluded.title, body = excluded.body;
END;
--> statement-breakpoint
CREATE TRIGGER risks_search_ad AFTER DELETE ON risks BEGIN
  DELETE FROM search_text WHERE id = old.id * 8 + 2;
END;
--> statement-breakpoint
INSERT INTO search_text (id, kind, project_id, row_id, ref, title, body)
  SELECT new.id * 8 + 2, 'risk', new.project_id, new.id, new.ref, new.title,
    concat_ws(char(10), nullif(new.description, ''),
      nullif(new.owner, ''),
      nullif(new."trigger", ''),
      nullif(new.response_plan, ''),
      nullif(new.contingency, ''),
      nullif(new.raised_by, ''),
      (SELECT group_concat(value, char(10)) FROM json_each(CASE WHEN json_valid(new.extra) THEN new.extra ELSE '{}' END) WHERE type IN ('text', 'integer', 'real'))) FROM risks AS new;
--> statement-breakpoint
CREATE TRIGGER issues_search_ai AFTER INSERT ON issues BEGIN
  INSERT INTO search_text (id, kind, project_id, row_id, ref, title, body) VALUES (new.id * 8 + 3, 'issue', new.project_id, new.id, new.ref, new.title,
    concat_ws(char(10), nullif(new.detail, ''),
      nullif(new.owner, ''),
      nullif(new.raised_by, ''),
      nullif(new.resolution, ''),
      (SELECT group_concat(value, char(10)) FROM json_each(CASE WHEN json_valid(new.extra) THEN new.extra ELSE '{}' END) WHERE type IN ('text', 'integer', 'real'))))
  ON CONFLICT (id) DO UPDATE SET project_id = excluded.project_id, ref = excluded.ref, title = excluded.title, body = excluded.body;
END;
--> statement-breakpoint
CREATE TRIGGER issues_search_au AFTER UPDATE OF project_id, ref, title, detail, owner, raised_by, resolution, extra ON issues BEGIN
  INSERT INTO search_text (id, kind, project_id, row_id, ref, title, body) VALUES (new.id * 8 + 3, 'issue', new.project_id, new.id, new.ref, new.title,
    concat_ws(char(10), nullif(new.detail, ''),
      nullif(new.owner, ''),
      nullif(new.raised_by, ''),
      nullif(new.resolution, ''),
      (SELECT group_concat(value, char(10)) FROM json_each(CASE WHEN json_valid(new.extra) THEN new.extra ELSE '{}' END) WHERE type IN ('text', 'integer', 'real'))))
  ON CONFLICT (id) DO UPDATE SET project_id = excluded.project_id, ref = excluded.ref, title = excluded.title, body = excluded.body;
END;
--> statement-breakpoint
CREATE TRIGGER issues_search_ad AFTER DELETE ON issues BEGIN
  DELETE FROM search_text WHERE id = old.id * 8 + 3;
END;
--> statement-breakpoint
INSERT INTO search_text (id, kind, project_id, row_id, ref, title, body)
  SELECT new.id * 8 + 3, 'issue', new.project_id, new.id, new.ref, new.title,
    concat_ws(char(10), nullif(new.detail, ''),
      nullif(new.owner, ''),
      nullif(new.raised_by, ''),
      nullif(new.resolution, ''),
      (SELECT group_concat(value, char(10)) FROM json_each(CASE WHEN json_valid(new.extra) THEN new.extra ELSE '{}' END) WHERE type IN ('text', 'integer', 'real'))) FROM issues AS new;
--> statement-breakpoint
CREATE TRIGGER changes_search_ai AFTER INSERT ON changes BEGIN
  INSERT INTO search_text (id, kind, project_id, row_id, ref, title, body) VALUES (new.id * 8 + 4, 'change', new.project_id, new.id, new.ref, new.title,
    concat_ws(char(10), nullif(new.description, ''),
      nullif(new.reason, ''),
      nullif(new.impact_scope, ''),
      nullif(new.impact_schedule, ''),
      nullif(new.impact_cost, ''),
      nullif(new.requested_by, ''),
      nullif(new.decided_by, ''),
      (SELECT group_concat(value, char(10)) FROM json_each(CASE WHEN json_valid(new.extra) THEN new.extra ELSE '{}' END) WHERE type IN ('text', 'integer', 'real'))))
  ON CONFLICT (id) DO UPDATE SET project_id = excluded.project_id, ref = excluded.ref, title = excluded.title, body = excluded.body;
END;
--> statement-breakpoint
CREATE TRIGGER changes_search_au AFTER UPDATE OF project_id, ref, title, description, reason, impact_scope, impact_schedule, impact_cost, requested_by, decided_by, extra ON changes BEGIN
  INSERT INTO search_text (id, kind, project_id, row_id, ref, title, body) VALUES (new.id * 8 + 4, 'change', new.project_id, new.id, new.ref, new.title,
    concat_ws(char(10), nullif(new.description, ''),
      nullif(new.reason, ''),
      nullif(new.impact_scope, ''),
      nullif(new.impact_schedule, ''),
      nullif(new.impact_cost, ''),
      nullif(new.requested_by, ''),
      nullif(new.decided_by, ''),
      (SELECT group_concat(value, char(10)) FROM json_each(CASE WHEN json_valid(new.extra) THEN new.extra ELSE '{}' END) WHERE type IN ('text', 'integer', 'real'))))
  ON CONFLICT (id) DO UPDATE SET project_id = excluded.project_id, ref = excluded.ref, title = excluded.title, body = excluded.body;
END;
--> statement-breakpoint
CREATE TRIGGER changes_search_ad AFTER DELETE ON changes BEGIN
  DELETE FROM search_text WHERE id = old.id * 8 + 4;
END;
--> statement-breakpoint
INSERT INTO search_text (id, kind, project_id, row_id, ref, title, body)
  SELECT new.id * 8 + 4, 'change', new.project_id, new.id, new.ref, new.title,
    concat_ws(char(10), nullif(new.description, ''),
      nullif(new.reason, ''),
      nullif(new.impact_scope, ''),
      nullif(new.impact_schedule, ''),
      nullif(new.impact_cost, ''),
      nullif(new.requested_by, ''),
      nullif(new.decided_by, ''),
      (SELECT group_concat(value, char(10)) FROM json_each(CASE WHEN json_valid(new.extra) THEN new.extra ELSE '{}' END) WHERE type IN ('text', 'integer', 'real'))) FROM changes AS new;
--> statement-breakpoint
CREATE TRIGGER meetings_search_ai AFTER INSERT ON meetings BEGIN
  INSERT INTO search_text (id, kind, project_id, row_id, ref, title, body) VALUES (new.id * 8 + 5, 'meeting', new.project_id, new.id, '', new.title,
    concat_ws(char(10), nullif(new.series, ''),
      nullif(new.place, ''),
      nullif(new.facilitator, ''),
      nullif(new.recorder, ''),
      nullif(new.purpose, ''),
      (SELECT group_concat(value, char(10)) FROM json_each(CASE WHEN json_valid(new.extra) THEN new.extra ELSE '{}' END) WHERE type IN ('text', 'integer', 'real')),
      (SELECT group_concat(value, char(10)) FROM json_tree(CASE WHEN json_valid(new.body) THEN new.body ELSE '{}' END) WHERE type = 'text')))
  ON CONFLICT (id) DO UPDATE SET project_id = excluded.project_id, ref = excluded.ref, title = excluded.title, body = excluded.body;
END;
--> statement-breakpoint
CREATE TRIGGER meetings_search_au AFTER UPDATE OF project_id, title, series, place, facilitator, recorder, purpose, extra, body ON meetings BEGIN
  INSERT INTO search_text (id, kind, project_id, row_id, ref, title, body) VALUES (new.id * 8 + 5, 'meeting', new.project_id, new.id, '', new.title,
    concat_ws(char(10), nullif(new.series, ''),
      nullif(new.place, ''),
      nullif(new.facilitator, ''),
      nullif(new.recorder, ''),
      nullif(new.purpose, ''),
      (SELECT group_concat(value, char(10)) FROM json_each(CASE WHEN json_valid(new.extra) THEN new.extra ELSE '{}' END) WHERE type IN ('text', 'integer', 'real')),
      (SELECT group_concat(value, char(10)) FROM json_tree(CASE WHEN json_valid(new.body) THEN new.body ELSE '{}' END) WHERE type = 'text')))
  ON CONFLICT (id) DO UPDATE SET project_id = excluded.project_id, ref = excluded.ref, title = excluded.title, body = excluded.body;
END;
--> statement-breakpoint
CREATE TRIGGER meetings_search_ad AFTER DELETE ON meetings BEGIN
  DELETE FROM search_text WHERE id = old.id * 8 + 5;
END;
--> statement-breakpoint
INSERT INTO search_text (id, kind, project_id, row_id, ref, title, body)
  SELECT new.id * 8 + 5, 'meeting', new.project_id, new.id, '', new.title,
    concat_ws(char(10), nullif(new.series, ''),
      nullif(new.place, ''),
      nullif(new.facilitator, ''),
      nullif(new.recorder, ''),
      nullif(new.purpose, ''),
      (SELECT group_concat(value, char(10)) FROM json_each(CASE WHEN json_valid(new.extra) THEN new.extra ELSE '{}' END) WHERE type IN ('text', 'integer', 'real')),
      (SELECT group_concat(value, char(10)) FROM json_tree(CASE WHEN json_valid(new.body) THEN new.body ELSE '{}' END) WHERE type = 'text')) FROM meetings AS new;
