-- Team mode's live refresh: every batch written is announced to the other PMO Desks on the database
-- (LISTEN pmo_batches, core/pg-live.ts) with its seq, when its transaction commits (NOTIFY is delivered at
-- commit only, so a batch rolled back is never announced). They then read what it touched (history.since)
-- instead of asking every half second.
CREATE FUNCTION pmo_notify_batch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('pmo_batches', NEW.rowid::text);
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER batches_notify AFTER INSERT ON batches FOR EACH ROW EXECUTE FUNCTION pmo_notify_batch();
