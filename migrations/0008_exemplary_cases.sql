ALTER TABLE "records" ADD COLUMN "exemplary" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "records" ADD COLUMN "exemplary_note" text;