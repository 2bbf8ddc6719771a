ALTER TABLE "campaigns" ADD COLUMN "scoring" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "records" ADD COLUMN "quality" text;--> statement-breakpoint
ALTER TABLE "records" ADD COLUMN "highlight" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "records" ADD COLUMN "highlight_note" text;