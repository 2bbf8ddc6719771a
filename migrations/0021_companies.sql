CREATE TABLE "companies" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"short_name" text,
	"committee_name" text DEFAULT '机关党委' NOT NULL,
	"committee_full_name" text,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "companies_name_unique" UNIQUE("name")
);
--> statement-breakpoint
-- An installation already set up (or holding branches) is one company: the organisation itself.
INSERT INTO "companies" ("id", "name", "committee_name", "committee_full_name")
SELECT 1, coalesce(o."name", '本单位'), coalesce(o."committee_name", '机关党委'), o."committee_full_name"
FROM (SELECT 1) AS one
LEFT JOIN "organisation" o ON o."id" = 1
WHERE EXISTS (SELECT 1 FROM "organisation") OR EXISTS (SELECT 1 FROM "branches");--> statement-breakpoint
SELECT setval(pg_get_serial_sequence('companies', 'id'), coalesce(max("id"), 0) + 1, false) FROM "companies";--> statement-breakpoint
ALTER TABLE "branches" ADD COLUMN "company_id" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "branches" ADD CONSTRAINT "branches_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;