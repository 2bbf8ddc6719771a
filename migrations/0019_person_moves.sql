CREATE TABLE "person_moves" (
	"id" serial PRIMARY KEY NOT NULL,
	"person_id" integer NOT NULL,
	"on_date" date NOT NULL,
	"kind" text NOT NULL,
	"from_branch_id" integer,
	"to_branch_id" integer,
	"from_department_id" integer,
	"to_department_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "person_moves" ADD CONSTRAINT "person_moves_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_moves" ADD CONSTRAINT "person_moves_from_branch_id_branches_id_fk" FOREIGN KEY ("from_branch_id") REFERENCES "public"."branches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_moves" ADD CONSTRAINT "person_moves_to_branch_id_branches_id_fk" FOREIGN KEY ("to_branch_id") REFERENCES "public"."branches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_moves" ADD CONSTRAINT "person_moves_from_department_id_departments_id_fk" FOREIGN KEY ("from_department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_moves" ADD CONSTRAINT "person_moves_to_department_id_departments_id_fk" FOREIGN KEY ("to_department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "person_moves_person" ON "person_moves" USING btree ("person_id","id");