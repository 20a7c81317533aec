ALTER TABLE "users" ADD COLUMN "disabled_at" timestamp with time zone;--> statement-breakpoint
-- Accounts disabled before this column existed count as disabled from now (retention counts from it).
UPDATE "users" SET "disabled_at" = now() WHERE "status" = 'disabled';
