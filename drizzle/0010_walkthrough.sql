ALTER TABLE "videos" ADD COLUMN "setup_state" text;--> statement-breakpoint
ALTER TABLE "videos" ADD CONSTRAINT "videos_setup_state_check" CHECK (setup_state in ('open', 'finished', 'dismissed'));
