DROP INDEX "records_task";--> statement-breakpoint
CREATE INDEX "records_task" ON "records" USING btree ("task_id","status","first_submitted_at","quality");