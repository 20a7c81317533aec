CREATE TABLE "feedback_prompt_sets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_id" uuid NOT NULL,
	"title" text NOT NULL,
	"prompts" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "video_chapters" (
	"video_id" uuid PRIMARY KEY NOT NULL,
	"chapters" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "video_feedback" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"video_id" uuid NOT NULL,
	"author_id" uuid,
	"parent_id" uuid,
	"at_seconds" real,
	"kind" text,
	"focus_area_key" uuid,
	"body" text NOT NULL,
	"discussed_at" timestamp with time zone,
	"discussed_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "video_feedback_kind_check" CHECK (kind in ('strength', 'question', 'suggestion')),
	CONSTRAINT "video_feedback_shape_check" CHECK ((parent_id is null and at_seconds is not null and at_seconds >= 0 and kind is not null)
        or (parent_id is not null and at_seconds is null and kind is null and focus_area_key is null))
);
--> statement-breakpoint
CREATE TABLE "video_grants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"video_id" uuid NOT NULL,
	"grantee_id" uuid NOT NULL,
	"granted_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "video_captions" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "video_captions" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "videos" ADD COLUMN "download_allowed" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "videos" ADD COLUMN "clip_of" uuid;--> statement-breakpoint
ALTER TABLE "videos" ADD COLUMN "clip_start" real;--> statement-breakpoint
ALTER TABLE "videos" ADD COLUMN "clip_end" real;--> statement-breakpoint
ALTER TABLE "feedback_prompt_sets" ADD CONSTRAINT "feedback_prompt_sets_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "video_chapters" ADD CONSTRAINT "video_chapters_video_id_videos_id_fk" FOREIGN KEY ("video_id") REFERENCES "public"."videos"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "video_chapters" ADD CONSTRAINT "video_chapters_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "video_feedback" ADD CONSTRAINT "video_feedback_video_id_videos_id_fk" FOREIGN KEY ("video_id") REFERENCES "public"."videos"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "video_feedback" ADD CONSTRAINT "video_feedback_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "video_feedback" ADD CONSTRAINT "video_feedback_parent_id_video_feedback_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."video_feedback"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "video_feedback" ADD CONSTRAINT "video_feedback_discussed_by_users_id_fk" FOREIGN KEY ("discussed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "video_grants" ADD CONSTRAINT "video_grants_video_id_videos_id_fk" FOREIGN KEY ("video_id") REFERENCES "public"."videos"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "video_grants" ADD CONSTRAINT "video_grants_grantee_id_users_id_fk" FOREIGN KEY ("grantee_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "video_grants" ADD CONSTRAINT "video_grants_granted_by_users_id_fk" FOREIGN KEY ("granted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "feedback_prompt_sets_owner_idx" ON "feedback_prompt_sets" USING btree ("owner_id");--> statement-breakpoint
CREATE INDEX "video_chapters_updated_by_idx" ON "video_chapters" USING btree ("updated_by");--> statement-breakpoint
CREATE INDEX "video_feedback_video_idx" ON "video_feedback" USING btree ("video_id","at_seconds");--> statement-breakpoint
CREATE INDEX "video_feedback_author_idx" ON "video_feedback" USING btree ("author_id");--> statement-breakpoint
CREATE INDEX "video_feedback_parent_idx" ON "video_feedback" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "video_feedback_discussed_by_idx" ON "video_feedback" USING btree ("discussed_by");--> statement-breakpoint
CREATE UNIQUE INDEX "video_grants_video_grantee_key" ON "video_grants" USING btree ("video_id","grantee_id");--> statement-breakpoint
CREATE INDEX "video_grants_grantee_idx" ON "video_grants" USING btree ("grantee_id","expires_at");--> statement-breakpoint
CREATE INDEX "video_grants_granted_by_idx" ON "video_grants" USING btree ("granted_by");--> statement-breakpoint
ALTER TABLE "videos" ADD CONSTRAINT "videos_clip_of_videos_id_fk" FOREIGN KEY ("clip_of") REFERENCES "public"."videos"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "videos_clip_of_idx" ON "videos" USING btree ("clip_of");