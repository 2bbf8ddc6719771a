ALTER TABLE "revision_followups" ADD COLUMN "measured_value" double precision;--> statement-breakpoint
ALTER TABLE "revision_followups" ADD COLUMN "evidence" text;--> statement-breakpoint
ALTER TABLE "revision_followups" ADD COLUMN "verdict" text;--> statement-breakpoint
ALTER TABLE "revision_followups" ADD COLUMN "next_step" text;