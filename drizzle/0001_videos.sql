CREATE TABLE "video_captions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"video_id" uuid NOT NULL,
	"language" text NOT NULL,
	"label" text NOT NULL,
	"text" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "video_consents" (
	"video_id" uuid PRIMARY KEY NOT NULL,
	"pupils_appear" boolean NOT NULL,
	"consent_level" text,
	"collected_by" text,
	"collected_on" text,
	"withdrawn_at" timestamp with time zone,
	"recorded_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "video_shares" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"video_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "videos" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_id" uuid NOT NULL,
	"institution_id" uuid NOT NULL,
	"kommune_id" uuid NOT NULL,
	"team_id" uuid,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'uploading' NOT NULL,
	"visibility" text DEFAULT 'private' NOT NULL,
	"stage" text,
	"progress" real,
	"failure_code" text,
	"lease_owner" text,
	"lease_until" timestamp with time zone,
	"original_filename" text NOT NULL,
	"original_size" bigint NOT NULL,
	"duration_seconds" real,
	"width" integer,
	"height" integer,
	"media" jsonb,
	"access_version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ready_at" timestamp with time zone,
	CONSTRAINT "videos_status_check" CHECK (status in ('uploading', 'processing', 'ready', 'failed')),
	CONSTRAINT "videos_visibility_check" CHECK (visibility in ('private', 'team', 'institution', 'kommune', 'public'))
);
--> statement-breakpoint
ALTER TABLE "video_captions" ADD CONSTRAINT "video_captions_video_id_videos_id_fk" FOREIGN KEY ("video_id") REFERENCES "public"."videos"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "video_consents" ADD CONSTRAINT "video_consents_video_id_videos_id_fk" FOREIGN KEY ("video_id") REFERENCES "public"."videos"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "video_consents" ADD CONSTRAINT "video_consents_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "video_shares" ADD CONSTRAINT "video_shares_video_id_videos_id_fk" FOREIGN KEY ("video_id") REFERENCES "public"."videos"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "video_shares" ADD CONSTRAINT "video_shares_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "videos" ADD CONSTRAINT "videos_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "videos" ADD CONSTRAINT "videos_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "videos" ADD CONSTRAINT "videos_kommune_id_kommuner_id_fk" FOREIGN KEY ("kommune_id") REFERENCES "public"."kommuner"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "videos" ADD CONSTRAINT "videos_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "video_captions_language_key" ON "video_captions" USING btree ("video_id","language");--> statement-breakpoint
CREATE INDEX "video_consents_recorded_by_idx" ON "video_consents" USING btree ("recorded_by");--> statement-breakpoint
CREATE UNIQUE INDEX "video_shares_token_key" ON "video_shares" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "video_shares_video_idx" ON "video_shares" USING btree ("video_id");--> statement-breakpoint
CREATE INDEX "video_shares_created_by_idx" ON "video_shares" USING btree ("created_by");--> statement-breakpoint
CREATE INDEX "videos_owner_idx" ON "videos" USING btree ("owner_id","created_at");--> statement-breakpoint
CREATE INDEX "videos_institution_idx" ON "videos" USING btree ("institution_id");--> statement-breakpoint
CREATE INDEX "videos_kommune_idx" ON "videos" USING btree ("kommune_id");--> statement-breakpoint
CREATE INDEX "videos_team_idx" ON "videos" USING btree ("team_id");--> statement-breakpoint
CREATE INDEX "videos_status_idx" ON "videos" USING btree ("status","stage");