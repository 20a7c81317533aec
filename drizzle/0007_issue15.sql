-- Issue 15, one migration for the session's work: what a person works with (person_interests; term ids kept as
-- arrays without foreign keys, so a merged or deleted term simply matches nothing), community posts and events
-- (a comment now belongs to a video or a post, exactly one), the upload walk-through's state on a video, and a
-- kommune's own names for the PLF pillars.
CREATE TABLE "person_interests" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"age_bands" text[] DEFAULT '{}' NOT NULL,
	"subject_ids" uuid[] DEFAULT '{}' NOT NULL,
	"method_ids" uuid[] DEFAULT '{}' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "community_events" (
	"post_id" uuid PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"place" text DEFAULT '' NOT NULL,
	"online_url" text,
	CONSTRAINT "community_events_order_check" CHECK ("community_events"."ends_at" >= "community_events"."starts_at")
);
--> statement-breakpoint
CREATE TABLE "community_posts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"community_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"url" text,
	"file_key" text,
	"file_name" text,
	"file_type" text,
	"file_size" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"edited_at" timestamp with time zone,
	CONSTRAINT "community_posts_kind_check" CHECK (kind in ('question', 'tip', 'link', 'file', 'event'))
);
--> statement-breakpoint
ALTER TABLE "comments" ALTER COLUMN "video_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "kommuner" ADD COLUMN "pillar_labels" jsonb;--> statement-breakpoint
ALTER TABLE "videos" ADD COLUMN "setup_state" text;--> statement-breakpoint
ALTER TABLE "comments" ADD COLUMN "post_id" uuid;--> statement-breakpoint
ALTER TABLE "person_interests" ADD CONSTRAINT "person_interests_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_events" ADD CONSTRAINT "community_events_post_id_community_posts_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."community_posts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_posts" ADD CONSTRAINT "community_posts_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_posts" ADD CONSTRAINT "community_posts_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "community_events_starts_idx" ON "community_events" USING btree ("starts_at");--> statement-breakpoint
CREATE INDEX "community_posts_feed_idx" ON "community_posts" USING btree ("community_id","created_at");--> statement-breakpoint
CREATE INDEX "community_posts_author_idx" ON "community_posts" USING btree ("author_id");--> statement-breakpoint
ALTER TABLE "comments" ADD CONSTRAINT "comments_post_id_community_posts_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."community_posts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "comments_post_idx" ON "comments" USING btree ("post_id","created_at");--> statement-breakpoint
ALTER TABLE "videos" ADD CONSTRAINT "videos_setup_state_check" CHECK (setup_state in ('open', 'finished', 'dismissed'));--> statement-breakpoint
ALTER TABLE "comments" ADD CONSTRAINT "comments_subject_check" CHECK (("comments"."video_id" is null) <> ("comments"."post_id" is null));