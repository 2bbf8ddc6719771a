CREATE TABLE "attendance_tallies" (
	"record_id" integer PRIMARY KEY NOT NULL,
	"expected" integer NOT NULL,
	"present" integer NOT NULL,
	"leave" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "attendance_tallies" ADD CONSTRAINT "attendance_tallies_record_id_records_id_fk" FOREIGN KEY ("record_id") REFERENCES "public"."records"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Adds what a statement on `attendance` changed to its meetings' tallies: +1 for each row it put
-- on a list, -1 for each it took off (an update does both). Increments commute, so two members
-- signing in to one meeting at the same moment both count; rows in record order, so two
-- statements touching several meetings lock them in the same order.
CREATE FUNCTION attendance_tallies_on_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- One statement per operation: a transition table exists only for the operations that have it.
  IF TG_OP = 'INSERT' THEN
    INSERT INTO attendance_tallies AS t (record_id, expected, present, leave)
    SELECT record_id, count(*), count(*) FILTER (WHERE status = 'present'), count(*) FILTER (WHERE status = 'leave')
    FROM new_rows GROUP BY record_id ORDER BY record_id
    ON CONFLICT (record_id) DO UPDATE SET
      expected = t.expected + excluded.expected,
      present = t.present + excluded.present,
      leave = t.leave + excluded.leave;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO attendance_tallies AS t (record_id, expected, present, leave)
    SELECT record_id, -count(*), -count(*) FILTER (WHERE status = 'present'), -count(*) FILTER (WHERE status = 'leave')
    FROM old_rows GROUP BY record_id ORDER BY record_id
    ON CONFLICT (record_id) DO UPDATE SET
      expected = t.expected + excluded.expected,
      present = t.present + excluded.present,
      leave = t.leave + excluded.leave;
  ELSE
    INSERT INTO attendance_tallies AS t (record_id, expected, present, leave)
    SELECT record_id, sum(n), sum(p), sum(l)
    FROM (SELECT record_id, 1 AS n, (status = 'present')::int AS p, (status = 'leave')::int AS l FROM new_rows
          UNION ALL
          SELECT record_id, -1, -(status = 'present')::int, -(status = 'leave')::int FROM old_rows) d
    GROUP BY record_id ORDER BY record_id
    ON CONFLICT (record_id) DO UPDATE SET
      expected = t.expected + excluded.expected,
      present = t.present + excluded.present,
      leave = t.leave + excluded.leave;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER attendance_tallies_insert AFTER INSERT ON attendance REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION attendance_tallies_on_change();
--> statement-breakpoint
CREATE TRIGGER attendance_tallies_update AFTER UPDATE ON attendance
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION attendance_tallies_on_change();
--> statement-breakpoint
CREATE TRIGGER attendance_tallies_delete AFTER DELETE ON attendance REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION attendance_tallies_on_change();
--> statement-breakpoint
-- Recounts the tallies from the lists (all meetings when `ids` is null): the rebuild command's.
CREATE FUNCTION attendance_tallies_recount(ids integer[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM attendance_tallies WHERE ids IS NULL OR record_id = ANY (ids);
  INSERT INTO attendance_tallies (record_id, expected, present, leave)
  SELECT record_id, count(*), count(*) FILTER (WHERE status = 'present'), count(*) FILTER (WHERE status = 'leave')
  FROM attendance WHERE ids IS NULL OR record_id = ANY (ids)
  GROUP BY record_id;
END $$;
--> statement-breakpoint
SELECT attendance_tallies_recount(NULL);
--> statement-breakpoint
ANALYZE attendance_tallies;
--> statement-breakpoint
-- The indicators' counts of a campaign's approved records (by kind, exemplary, highlights, the
-- meetings whose tallies they add) read this index alone instead of the wide records rows.
-- Hand-written: the schema builder has no INCLUDE.
CREATE INDEX "records_campaign_approved" ON "records" USING btree ("campaign_id", "kind", "branch_id", "period_key")
  INCLUDE ("id", "highlight", "exemplary") WHERE status = 'approved';
