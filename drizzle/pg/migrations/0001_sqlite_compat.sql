-- SQLite's functions that the seam's statements use, given the same name and answer on PostgreSQL, so a
-- statement runs unchanged on both engines (team mode, issue 17). Each is plain SQL, IMMUTABLE and
-- STRICT (NULL in, NULL out, as SQLite's), so the planner inlines it; none reads a table.
--
-- julianday(text): the Julian day number of an ISO date or timestamp (UTC), as a double. The schedule
-- reads day numbers as CAST(julianday(d) - 2440587.5 AS INTEGER). Unlike SQLite, text that is not a date
-- is an error (22007/22008), not NULL: the app stores only yyyy-mm-dd and ISO timestamps.
CREATE FUNCTION julianday(text) RETURNS double precision
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  AS $$ SELECT extract(epoch FROM $1::timestamp) / 86400.0 + 2440587.5 $$;
--> statement-breakpoint
-- unixepoch(text): seconds since 1970-01-01 UTC as an integer; progress reads days as unixepoch(d) / 86400.
CREATE FUNCTION unixepoch(text) RETURNS bigint
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  AS $$ SELECT extract(epoch FROM $1::timestamp)::bigint $$;
--> statement-breakpoint
-- json_each(text) over a JSON array of integers: the seam passes a list of ids as one parameter and reads
-- it as `IN (SELECT value FROM json_each(?))`. PostgreSQL's own json_each(json) takes an object and
-- answers json values; for a parameter of unknown type this text overload is the one chosen (the string
-- category wins), and its integer `value` compares with integer columns. A list of text is refused
-- (22P02), not silently mismatched.
CREATE FUNCTION json_each(text) RETURNS TABLE (key integer, value bigint)
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  AS $$ SELECT (e.n - 1)::integer, e.v::bigint FROM jsonb_array_elements_text($1::jsonb) WITH ORDINALITY AS e(v, n) $$;
--> statement-breakpoint
-- text ->> text: a field of JSON kept as text (audit before/after, extra), as SQLite's ->> reads it, with a
-- label ('parentId') or a one-level path ('$.parentId'). The answer is text: cast it where a number is meant
-- (CAST(after ->> 'parentId' AS INTEGER)), which SQLite answers the same.
CREATE FUNCTION pmo_json_field(text, text) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  AS $$ SELECT $1::jsonb ->> (CASE WHEN left($2, 2) = '$.' THEN substr($2, 3) ELSE $2 END) $$;
--> statement-breakpoint
CREATE OPERATOR ->> (LEFTARG = text, RIGHTARG = text, FUNCTION = pmo_json_field);
