CREATE TABLE "task_statuses" (
	"task_id" integer PRIMARY KEY NOT NULL,
	"campaign_id" integer NOT NULL,
	"branch_id" integer NOT NULL,
	"period_key" text NOT NULL,
	"action_kind_id" integer NOT NULL,
	"due_date" date NOT NULL,
	"status" text NOT NULL,
	"best" smallint
);
--> statement-breakpoint
ALTER TABLE "task_statuses" ADD CONSTRAINT "task_statuses_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "task_statuses_campaign_branch" ON "task_statuses" USING btree ("campaign_id","branch_id","period_key");--> statement-breakpoint
CREATE INDEX "records_cell_extras" ON "records" USING btree ("campaign_id","branch_id","period_key") WHERE status = 'approved' and (kind = 'optional' or highlight);--> statement-breakpoint
-- Writes the kept statuses of the given tasks (all tasks when `ids` is null) from their records.
-- The rule is deriveTaskStatus (src/server/modules/tasks/task-status.ts) without its one step that
-- moves with time (overdue, which readers apply against their `today`); the property test
-- task-statuses.test.ts holds the two to the same answers. A submission is on time when its first
-- submission's calendar day in China is not after the due date.
CREATE FUNCTION task_statuses_write(ids integer[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF ids IS NOT NULL THEN
    IF cardinality(ids) = 0 THEN
      RETURN;
    END IF;
    -- Lock the rows first, then read the records in a new statement: a concurrent change to the
    -- same task has committed by then, so whoever writes last has seen every record.
    PERFORM 1 FROM task_statuses WHERE task_id = ANY (ids) ORDER BY task_id FOR UPDATE;
  END IF;
  INSERT INTO task_statuses (task_id, campaign_id, branch_id, period_key, action_kind_id, due_date, status, best)
  SELECT t.id, t.campaign_id, t.branch_id, t.period_key, t.action_kind_id, t.due_date,
         CASE WHEN coalesce(c.approved, 0) >= t.required_count THEN
                CASE WHEN coalesce(c.on_time, 0) >= t.required_count THEN 'done' ELSE 'done_late' END
              WHEN c.submitted > 0 THEN 'submitted'
              WHEN c.returned > 0 THEN 'returned'
              WHEN c.draft > 0 OR c.approved > 0 THEN 'in_progress'
              ELSE 'not_started' END,
         c.best
  FROM tasks t
  LEFT JOIN (
    SELECT r.task_id,
           count(*) FILTER (WHERE r.status = 'approved') AS approved,
           count(*) FILTER (WHERE r.status = 'approved'
             AND ((r.first_submitted_at AT TIME ZONE 'UTC') + interval '8 hours')::date <= rt.due_date) AS on_time,
           count(*) FILTER (WHERE r.status = 'submitted') AS submitted,
           count(*) FILTER (WHERE r.status = 'returned') AS returned,
           count(*) FILTER (WHERE r.status = 'draft') AS draft,
           max(CASE r.quality WHEN 'excellent' THEN 3 WHEN 'good' THEN 2 WHEN 'fair' THEN 1 WHEN 'poor' THEN 0 END)
             FILTER (WHERE r.status = 'approved') AS best
    FROM records r JOIN tasks rt ON rt.id = r.task_id
    WHERE r.task_id IS NOT NULL AND (ids IS NULL OR r.task_id = ANY (ids))
    GROUP BY r.task_id
  ) c ON c.task_id = t.id
  WHERE ids IS NULL OR t.id = ANY (ids)
  ON CONFLICT (task_id) DO UPDATE SET
    campaign_id = excluded.campaign_id, branch_id = excluded.branch_id, period_key = excluded.period_key,
    action_kind_id = excluded.action_kind_id, due_date = excluded.due_date, status = excluded.status,
    best = excluded.best;
END $$;
--> statement-breakpoint
-- After every statement that changes records: the tasks of the rows whose status-bearing columns
-- changed, before and after (a record may move to another task).
CREATE FUNCTION task_statuses_on_records() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM task_statuses_write(ARRAY(SELECT DISTINCT task_id FROM new_rows WHERE task_id IS NOT NULL));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM task_statuses_write(ARRAY(SELECT DISTINCT task_id FROM old_rows WHERE task_id IS NOT NULL));
  ELSE
    PERFORM task_statuses_write(ARRAY(
      SELECT DISTINCT x.task_id
      FROM new_rows n JOIN old_rows o ON o.id = n.id,
           LATERAL (VALUES (n.task_id), (o.task_id)) x(task_id)
      WHERE x.task_id IS NOT NULL
        AND (n.task_id, n.status, n.first_submitted_at, n.quality)
            IS DISTINCT FROM (o.task_id, o.status, o.first_submitted_at, o.quality)));
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION task_statuses_on_tasks() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM task_statuses_write(ARRAY(SELECT id FROM new_rows));
  ELSE
    PERFORM task_statuses_write(ARRAY(
      SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
      WHERE (n.campaign_id, n.branch_id, n.period_key, n.action_kind_id, n.due_date, n.required_count)
            IS DISTINCT FROM (o.campaign_id, o.branch_id, o.period_key, o.action_kind_id, o.due_date, o.required_count)));
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER records_task_statuses_insert AFTER INSERT ON records REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION task_statuses_on_records();
--> statement-breakpoint
CREATE TRIGGER records_task_statuses_update AFTER UPDATE ON records
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION task_statuses_on_records();
--> statement-breakpoint
CREATE TRIGGER records_task_statuses_delete AFTER DELETE ON records REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION task_statuses_on_records();
--> statement-breakpoint
CREATE TRIGGER tasks_task_statuses_insert AFTER INSERT ON tasks REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION task_statuses_on_tasks();
--> statement-breakpoint
CREATE TRIGGER tasks_task_statuses_update AFTER UPDATE ON tasks
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION task_statuses_on_tasks();
--> statement-breakpoint
-- Fill it for the tasks that exist (tasks deleted later take their row with them: ON DELETE CASCADE).
SELECT task_statuses_write(NULL);
--> statement-breakpoint
ANALYZE task_statuses;
