CREATE TABLE "branch_post_terms" (
	"id" serial PRIMARY KEY NOT NULL,
	"person_id" integer NOT NULL,
	"branch_id" integer NOT NULL,
	"post" text NOT NULL,
	"started_on" date NOT NULL,
	"ended_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "branch_post_terms_dates" CHECK ("branch_post_terms"."ended_on" IS NULL OR "branch_post_terms"."ended_on" >= "branch_post_terms"."started_on")
);
--> statement-breakpoint
ALTER TABLE "attendance" ADD COLUMN "member_status" text;--> statement-breakpoint
ALTER TABLE "attendance" ADD COLUMN "post" text;--> statement-breakpoint
ALTER TABLE "branch_post_terms" ADD CONSTRAINT "branch_post_terms_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "branch_post_terms" ADD CONSTRAINT "branch_post_terms_branch_id_branches_id_fk" FOREIGN KEY ("branch_id") REFERENCES "public"."branches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "branch_post_terms_person" ON "branch_post_terms" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "branch_post_terms_branch" ON "branch_post_terms" USING btree ("branch_id","started_on");--> statement-breakpoint
-- Posts held before terms were recorded: open terms from the earliest day known of the person
-- (joining the Party, else entering the roster), so meetings already held keep their committee;
-- the history screen corrects the dates.
INSERT INTO "branch_post_terms" ("person_id", "branch_id", "post", "started_on")
SELECT "id", "branch_id", "branch_post", COALESCE("joined_party_on", "created_at"::date)
FROM "people"
WHERE "branch_post" IS NOT NULL AND "branch_id" IS NOT NULL AND "active";
--> statement-breakpoint
UPDATE "people" SET "branch_post" = NULL WHERE "branch_post" IS NOT NULL AND ("branch_id" IS NULL OR NOT "active");
--> statement-breakpoint
UPDATE "attendance" SET "member_status" = "people"."member_status" FROM "people" WHERE "people"."id" = "attendance"."person_id";
