ALTER TABLE "reviews" ADD COLUMN "quality" text;--> statement-breakpoint
ALTER TABLE "reviews" ADD COLUMN "grade_basis" jsonb;