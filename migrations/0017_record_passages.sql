CREATE TABLE "record_passages" (
	"record_id" integer NOT NULL,
	"kind" text NOT NULL,
	"passage" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "record_passages" ADD CONSTRAINT "record_passages_record_id_records_id_fk" FOREIGN KEY ("record_id") REFERENCES "public"."records"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "record_passages_record" ON "record_passages" USING btree ("record_id");--> statement-breakpoint
CREATE INDEX "record_passages_trgm" ON "record_passages" USING gin ("passage" gin_trgm_ops);--> statement-breakpoint
INSERT INTO "record_passages" ("record_id", "kind", "passage")
SELECT DISTINCT r.id, r.kind, v #>> '{}'
FROM "records" r, jsonb_path_query(r.data, 'strict $.** ? (@.type() == "string")') v
WHERE r.first_submitted_at IS NOT NULL AND length(v #>> '{}') >= 20;
