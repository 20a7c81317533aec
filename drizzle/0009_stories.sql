CREATE TABLE "practice_stories" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cycle_id" uuid,
	"team_id" uuid,
	"institution_id" uuid NOT NULL,
	"kommune_id" uuid NOT NULL,
	"template_name" text NOT NULL,
	"title" text NOT NULL,
	"context" text DEFAULT '' NOT NULL,
	"question" text DEFAULT '' NOT NULL,
	"tried" text DEFAULT '' NOT NULL,
	"learned" text DEFAULT '' NOT NULL,
	"materials" text DEFAULT '' NOT NULL,
	"subject_id" uuid,
	"age_bands" text[] DEFAULT '{}'::text[] NOT NULL,
	"pillars" text[] DEFAULT '{}'::text[] NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"visibility" text DEFAULT 'institution' NOT NULL,
	"data_split_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"review_note" text,
	"reviewed_by" uuid,
	"submitted_at" timestamp with time zone,
	"published_at" timestamp with time zone,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"search_document" "tsvector",
	CONSTRAINT "practice_stories_state_check" CHECK (state in ('draft', 'in_review', 'returned', 'published')),
	CONSTRAINT "practice_stories_visibility_check" CHECK (visibility in ('institution', 'kommune', 'all', 'public')),
	CONSTRAINT "practice_stories_age_bands_check" CHECK (age_bands <@ array['0-2', '3-5', 'kl0-3', 'kl4-6', 'kl7-10', 'klub']::text[])
);
--> statement-breakpoint
CREATE TABLE "story_methods" (
	"story_id" uuid NOT NULL,
	"term_id" uuid NOT NULL,
	CONSTRAINT "story_methods_story_id_term_id_pk" PRIMARY KEY("story_id","term_id")
);
--> statement-breakpoint
CREATE TABLE "story_videos" (
	"story_id" uuid NOT NULL,
	"video_id" uuid NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "story_videos_story_id_video_id_pk" PRIMARY KEY("story_id","video_id")
);
--> statement-breakpoint
ALTER TABLE "practice_stories" ADD CONSTRAINT "practice_stories_cycle_id_inquiry_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."inquiry_cycles"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_stories" ADD CONSTRAINT "practice_stories_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_stories" ADD CONSTRAINT "practice_stories_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_stories" ADD CONSTRAINT "practice_stories_kommune_id_kommuner_id_fk" FOREIGN KEY ("kommune_id") REFERENCES "public"."kommuner"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_stories" ADD CONSTRAINT "practice_stories_subject_id_taxonomy_terms_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."taxonomy_terms"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_stories" ADD CONSTRAINT "practice_stories_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_stories" ADD CONSTRAINT "practice_stories_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "story_methods" ADD CONSTRAINT "story_methods_story_id_practice_stories_id_fk" FOREIGN KEY ("story_id") REFERENCES "public"."practice_stories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "story_methods" ADD CONSTRAINT "story_methods_term_id_taxonomy_terms_id_fk" FOREIGN KEY ("term_id") REFERENCES "public"."taxonomy_terms"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "story_videos" ADD CONSTRAINT "story_videos_story_id_practice_stories_id_fk" FOREIGN KEY ("story_id") REFERENCES "public"."practice_stories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "story_videos" ADD CONSTRAINT "story_videos_video_id_videos_id_fk" FOREIGN KEY ("video_id") REFERENCES "public"."videos"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "practice_stories_cycle_key" ON "practice_stories" USING btree ("cycle_id");--> statement-breakpoint
CREATE INDEX "practice_stories_team_idx" ON "practice_stories" USING btree ("team_id");--> statement-breakpoint
CREATE INDEX "practice_stories_institution_idx" ON "practice_stories" USING btree ("institution_id");--> statement-breakpoint
CREATE INDEX "practice_stories_kommune_idx" ON "practice_stories" USING btree ("kommune_id");--> statement-breakpoint
CREATE INDEX "practice_stories_subject_idx" ON "practice_stories" USING btree ("subject_id");--> statement-breakpoint
CREATE INDEX "practice_stories_reviewed_by_idx" ON "practice_stories" USING btree ("reviewed_by");--> statement-breakpoint
CREATE INDEX "practice_stories_updated_by_idx" ON "practice_stories" USING btree ("updated_by");--> statement-breakpoint
CREATE INDEX "practice_stories_state_idx" ON "practice_stories" USING btree ("state","published_at");--> statement-breakpoint
CREATE INDEX "practice_stories_search_idx" ON "practice_stories" USING gin ("search_document");--> statement-breakpoint
CREATE INDEX "story_methods_term_idx" ON "story_methods" USING btree ("term_id");--> statement-breakpoint
CREATE INDEX "story_videos_video_idx" ON "story_videos" USING btree ("video_id");--> statement-breakpoint
ALTER TABLE "inquiry_cycles" ADD CONSTRAINT "inquiry_cycles_origin_story_id_practice_stories_id_fk" FOREIGN KEY ("origin_story_id") REFERENCES "public"."practice_stories"("id") ON DELETE set null ON UPDATE no action;