-- json_each(text) (0001_sqlite_compat) is how the seam passes a list of ids as one parameter. Being STRICT,
-- it is not inlined, and the planner took a set-returning function's default guess of 1,000 rows: every
-- `IN (SELECT value FROM json_each(?))` and join on it (17 statements: the search index's writes, tasksIn,
-- the audit rows of a delete…) was planned as a hash over the whole table, 1.5–7 ms on 10,000 tasks where
-- the list held one id. Ten rows is the guess PostgreSQL makes for unnest() of an array it cannot see:
-- the lists are then looked up by index, as on SQLite (a 5,000-id list: 11 ms against 53 ms).
ALTER FUNCTION json_each(text) ROWS 10;
