-- The approved optional actions and highlights of a campaign's cells, read from the index alone:
-- with the kind and the highlight flag included, the indicators count each cell's bonus and match
-- it to the cell's tasks in index order (a merge with task_statuses_campaign_branch) instead of
-- reading 130,000 approved records at group scale. Hand-written: the schema builder has no INCLUDE.
DROP INDEX IF EXISTS "records_cell_extras";
--> statement-breakpoint
CREATE INDEX "records_cell_extras" ON "records" USING btree ("campaign_id", "branch_id", "period_key")
  INCLUDE ("kind", "highlight") WHERE status = 'approved' and (kind = 'optional' or highlight);
