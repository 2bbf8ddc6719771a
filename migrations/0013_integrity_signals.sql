CREATE TABLE "integrity_signals" (
	"id" serial PRIMARY KEY NOT NULL,
	"record_id" integer NOT NULL,
	"kind" text NOT NULL,
	"key" text NOT NULL,
	"other_record_id" integer,
	"evidence" jsonb NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"note" text,
	"marked_by" integer,
	"marked_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "blobs" ADD COLUMN "image_hash" bigint;--> statement-breakpoint
ALTER TABLE "integrity_signals" ADD CONSTRAINT "integrity_signals_record_id_records_id_fk" FOREIGN KEY ("record_id") REFERENCES "public"."records"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "integrity_signals" ADD CONSTRAINT "integrity_signals_other_record_id_records_id_fk" FOREIGN KEY ("other_record_id") REFERENCES "public"."records"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "integrity_signals" ADD CONSTRAINT "integrity_signals_marked_by_users_id_fk" FOREIGN KEY ("marked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "integrity_signals_record_key" ON "integrity_signals" USING btree ("record_id","kind","key");--> statement-breakpoint
CREATE INDEX "integrity_signals_other" ON "integrity_signals" USING btree ("other_record_id");