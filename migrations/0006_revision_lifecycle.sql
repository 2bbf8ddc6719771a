CREATE TABLE "leader_reviews" (
	"id" serial PRIMARY KEY NOT NULL,
	"record_id" integer NOT NULL,
	"decision" text NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"leader_id" integer NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "revision_followups" (
	"id" serial PRIMARY KEY NOT NULL,
	"record_id" integer NOT NULL,
	"due_on" date NOT NULL,
	"note" text,
	"noted_on" date,
	"noted_by" integer
);
--> statement-breakpoint
ALTER TABLE "records" ADD COLUMN "leader_status" text DEFAULT 'none' NOT NULL;--> statement-breakpoint
ALTER TABLE "leader_reviews" ADD CONSTRAINT "leader_reviews_record_id_records_id_fk" FOREIGN KEY ("record_id") REFERENCES "public"."records"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leader_reviews" ADD CONSTRAINT "leader_reviews_leader_id_users_id_fk" FOREIGN KEY ("leader_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "revision_followups" ADD CONSTRAINT "revision_followups_record_id_records_id_fk" FOREIGN KEY ("record_id") REFERENCES "public"."records"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "revision_followups" ADD CONSTRAINT "revision_followups_noted_by_users_id_fk" FOREIGN KEY ("noted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "leader_reviews_record" ON "leader_reviews" USING btree ("record_id");--> statement-breakpoint
CREATE UNIQUE INDEX "revision_followups_due" ON "revision_followups" USING btree ("record_id","due_on");