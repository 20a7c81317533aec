CREATE TABLE "taxonomy_terms" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"label" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "taxonomy_terms_kind_check" CHECK (kind in ('subject', 'method'))
);
--> statement-breakpoint
CREATE TABLE "collection_videos" (
	"collection_id" uuid NOT NULL,
	"video_id" uuid NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "collection_videos_collection_id_video_id_pk" PRIMARY KEY("collection_id","video_id")
);
--> statement-breakpoint
CREATE TABLE "collections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "comment_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"comment_id" uuid NOT NULL,
	"reporter_id" uuid NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"resolved_at" timestamp with time zone,
	"resolved_by" uuid
);
--> statement-breakpoint
CREATE TABLE "comments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"video_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"parent_id" uuid,
	"depth" smallint DEFAULT 0 NOT NULL,
	"body" text NOT NULL,
	"anchor_seconds" real,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"edited_at" timestamp with time zone,
	"deleted_at" timestamp with time zone,
	"hidden_at" timestamp with time zone,
	"hidden_by" uuid
);
--> statement-breakpoint
CREATE TABLE "communities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"access" text DEFAULT 'open' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "communities_access_check" CHECK (access in ('open', 'invite'))
);
--> statement-breakpoint
CREATE TABLE "community_members" (
	"community_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"role" text DEFAULT 'member' NOT NULL,
	"joined_at" timestamp with time zone,
	"invited_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "community_members_community_id_user_id_pk" PRIMARY KEY("community_id","user_id"),
	CONSTRAINT "community_members_role_check" CHECK (role in ('member', 'moderator'))
);
--> statement-breakpoint
CREATE TABLE "community_videos" (
	"community_id" uuid NOT NULL,
	"video_id" uuid NOT NULL,
	"added_by" uuid,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "community_videos_community_id_video_id_pk" PRIMARY KEY("community_id","video_id")
);
--> statement-breakpoint
CREATE TABLE "learning_packages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"facilitation_guide" text DEFAULT '' NOT NULL,
	"owner_id" uuid NOT NULL,
	"institution_id" uuid,
	"kommune_id" uuid,
	"visibility" text DEFAULT 'private' NOT NULL,
	"copied_from_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "learning_packages_visibility_check" CHECK (visibility in ('private', 'institution', 'kommune', 'public'))
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"payload" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "package_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"package_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"kind" text NOT NULL,
	"video_id" uuid,
	"title" text DEFAULT '' NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	CONSTRAINT "package_items_kind_check" CHECK (kind in ('video', 'text', 'question'))
);
--> statement-breakpoint
CREATE TABLE "video_methods" (
	"video_id" uuid NOT NULL,
	"term_id" uuid NOT NULL,
	CONSTRAINT "video_methods_video_id_term_id_pk" PRIMARY KEY("video_id","term_id")
);
--> statement-breakpoint
CREATE TABLE "video_notes" (
	"video_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"body" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "video_notes_video_id_user_id_pk" PRIMARY KEY("video_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "video_signals" (
	"video_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"tried_at" timestamp with time zone DEFAULT now() NOT NULL,
	"worked" boolean DEFAULT false NOT NULL,
	"reflection" text,
	"reflection_shared" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "video_signals_video_id_user_id_pk" PRIMARY KEY("video_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "video_views" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"video_id" uuid NOT NULL,
	"user_id" uuid,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"watched_seconds" real DEFAULT 0 NOT NULL,
	"completed" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
ALTER TABLE "videos" ADD COLUMN "subject_id" uuid;--> statement-breakpoint
ALTER TABLE "videos" ADD COLUMN "age_band" text;--> statement-breakpoint
ALTER TABLE "videos" ADD COLUMN "pillars" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "videos" ADD COLUMN "editorial_state" text DEFAULT 'none' NOT NULL;--> statement-breakpoint
ALTER TABLE "videos" ADD COLUMN "editorial_comment" text;--> statement-breakpoint
ALTER TABLE "videos" ADD COLUMN "reviewed_by" uuid;--> statement-breakpoint
ALTER TABLE "videos" ADD COLUMN "published_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "videos" ADD COLUMN "search_document" "tsvector";--> statement-breakpoint
ALTER TABLE "videos" ADD COLUMN "view_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "videos" ADD COLUMN "tried_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "videos" ADD COLUMN "worked_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "collection_videos" ADD CONSTRAINT "collection_videos_collection_id_collections_id_fk" FOREIGN KEY ("collection_id") REFERENCES "public"."collections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collection_videos" ADD CONSTRAINT "collection_videos_video_id_videos_id_fk" FOREIGN KEY ("video_id") REFERENCES "public"."videos"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collections" ADD CONSTRAINT "collections_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comment_reports" ADD CONSTRAINT "comment_reports_comment_id_comments_id_fk" FOREIGN KEY ("comment_id") REFERENCES "public"."comments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comment_reports" ADD CONSTRAINT "comment_reports_reporter_id_users_id_fk" FOREIGN KEY ("reporter_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comment_reports" ADD CONSTRAINT "comment_reports_resolved_by_users_id_fk" FOREIGN KEY ("resolved_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comments" ADD CONSTRAINT "comments_video_id_videos_id_fk" FOREIGN KEY ("video_id") REFERENCES "public"."videos"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comments" ADD CONSTRAINT "comments_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comments" ADD CONSTRAINT "comments_parent_id_comments_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."comments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comments" ADD CONSTRAINT "comments_hidden_by_users_id_fk" FOREIGN KEY ("hidden_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "communities" ADD CONSTRAINT "communities_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_members" ADD CONSTRAINT "community_members_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_members" ADD CONSTRAINT "community_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_members" ADD CONSTRAINT "community_members_invited_by_users_id_fk" FOREIGN KEY ("invited_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_videos" ADD CONSTRAINT "community_videos_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_videos" ADD CONSTRAINT "community_videos_video_id_videos_id_fk" FOREIGN KEY ("video_id") REFERENCES "public"."videos"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_videos" ADD CONSTRAINT "community_videos_added_by_users_id_fk" FOREIGN KEY ("added_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_packages" ADD CONSTRAINT "learning_packages_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_packages" ADD CONSTRAINT "learning_packages_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_packages" ADD CONSTRAINT "learning_packages_kommune_id_kommuner_id_fk" FOREIGN KEY ("kommune_id") REFERENCES "public"."kommuner"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_packages" ADD CONSTRAINT "learning_packages_copied_from_id_learning_packages_id_fk" FOREIGN KEY ("copied_from_id") REFERENCES "public"."learning_packages"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "package_items" ADD CONSTRAINT "package_items_package_id_learning_packages_id_fk" FOREIGN KEY ("package_id") REFERENCES "public"."learning_packages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "package_items" ADD CONSTRAINT "package_items_video_id_videos_id_fk" FOREIGN KEY ("video_id") REFERENCES "public"."videos"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "video_methods" ADD CONSTRAINT "video_methods_video_id_videos_id_fk" FOREIGN KEY ("video_id") REFERENCES "public"."videos"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "video_methods" ADD CONSTRAINT "video_methods_term_id_taxonomy_terms_id_fk" FOREIGN KEY ("term_id") REFERENCES "public"."taxonomy_terms"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "video_notes" ADD CONSTRAINT "video_notes_video_id_videos_id_fk" FOREIGN KEY ("video_id") REFERENCES "public"."videos"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "video_notes" ADD CONSTRAINT "video_notes_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "video_signals" ADD CONSTRAINT "video_signals_video_id_videos_id_fk" FOREIGN KEY ("video_id") REFERENCES "public"."videos"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "video_signals" ADD CONSTRAINT "video_signals_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "video_views" ADD CONSTRAINT "video_views_video_id_videos_id_fk" FOREIGN KEY ("video_id") REFERENCES "public"."videos"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "video_views" ADD CONSTRAINT "video_views_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "taxonomy_terms_kind_label_key" ON "taxonomy_terms" USING btree ("kind",lower("label"));--> statement-breakpoint
CREATE INDEX "collection_videos_video_idx" ON "collection_videos" USING btree ("video_id");--> statement-breakpoint
CREATE INDEX "collections_created_by_idx" ON "collections" USING btree ("created_by");--> statement-breakpoint
CREATE UNIQUE INDEX "comment_reports_once_key" ON "comment_reports" USING btree ("comment_id","reporter_id");--> statement-breakpoint
CREATE INDEX "comment_reports_reporter_idx" ON "comment_reports" USING btree ("reporter_id");--> statement-breakpoint
CREATE INDEX "comment_reports_resolved_by_idx" ON "comment_reports" USING btree ("resolved_by");--> statement-breakpoint
CREATE INDEX "comments_video_idx" ON "comments" USING btree ("video_id","created_at");--> statement-breakpoint
CREATE INDEX "comments_author_idx" ON "comments" USING btree ("author_id");--> statement-breakpoint
CREATE INDEX "comments_parent_idx" ON "comments" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "comments_hidden_by_idx" ON "comments" USING btree ("hidden_by");--> statement-breakpoint
CREATE INDEX "comments_created_idx" ON "comments" USING btree ("created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "communities_name_key" ON "communities" USING btree (lower("name"));--> statement-breakpoint
CREATE INDEX "communities_created_by_idx" ON "communities" USING btree ("created_by");--> statement-breakpoint
CREATE INDEX "community_members_user_idx" ON "community_members" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "community_members_invited_by_idx" ON "community_members" USING btree ("invited_by");--> statement-breakpoint
CREATE INDEX "community_videos_video_idx" ON "community_videos" USING btree ("video_id");--> statement-breakpoint
CREATE INDEX "community_videos_added_by_idx" ON "community_videos" USING btree ("added_by");--> statement-breakpoint
CREATE INDEX "community_videos_feed_idx" ON "community_videos" USING btree ("community_id","added_at");--> statement-breakpoint
CREATE INDEX "learning_packages_owner_idx" ON "learning_packages" USING btree ("owner_id");--> statement-breakpoint
CREATE INDEX "learning_packages_institution_idx" ON "learning_packages" USING btree ("institution_id");--> statement-breakpoint
CREATE INDEX "learning_packages_kommune_idx" ON "learning_packages" USING btree ("kommune_id");--> statement-breakpoint
CREATE INDEX "learning_packages_copied_from_idx" ON "learning_packages" USING btree ("copied_from_id");--> statement-breakpoint
CREATE INDEX "notifications_user_idx" ON "notifications" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "package_items_package_idx" ON "package_items" USING btree ("package_id","position");--> statement-breakpoint
CREATE INDEX "package_items_video_idx" ON "package_items" USING btree ("video_id");--> statement-breakpoint
CREATE INDEX "video_methods_term_idx" ON "video_methods" USING btree ("term_id");--> statement-breakpoint
CREATE INDEX "video_notes_user_idx" ON "video_notes" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "video_signals_user_idx" ON "video_signals" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "video_signals_tried_idx" ON "video_signals" USING btree ("tried_at");--> statement-breakpoint
CREATE INDEX "video_views_video_idx" ON "video_views" USING btree ("video_id","started_at");--> statement-breakpoint
CREATE INDEX "video_views_user_idx" ON "video_views" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "video_views_started_idx" ON "video_views" USING btree ("started_at");--> statement-breakpoint
ALTER TABLE "videos" ADD CONSTRAINT "videos_subject_id_taxonomy_terms_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."taxonomy_terms"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "videos" ADD CONSTRAINT "videos_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "videos_subject_idx" ON "videos" USING btree ("subject_id");--> statement-breakpoint
CREATE INDEX "videos_reviewed_by_idx" ON "videos" USING btree ("reviewed_by");--> statement-breakpoint
CREATE INDEX "videos_ready_idx" ON "videos" USING btree ("ready_at");--> statement-breakpoint
CREATE INDEX "videos_editorial_idx" ON "videos" USING btree ("editorial_state","published_at");--> statement-breakpoint
CREATE INDEX "videos_search_idx" ON "videos" USING gin ("search_document");--> statement-breakpoint
ALTER TABLE "videos" ADD CONSTRAINT "videos_age_band_check" CHECK (age_band in ('0-2', '3-5', 'kl0-3', 'kl4-6', 'kl7-10', 'klub'));--> statement-breakpoint
ALTER TABLE "videos" ADD CONSTRAINT "videos_editorial_check" CHECK (editorial_state in ('none', 'draft', 'in_review', 'returned', 'published'));--> statement-breakpoint
-- The starting taxonomy (subjects from Fælles Mål and the pedagogical curriculum themes, and common methods); editors rename, add and merge from here.
INSERT INTO "taxonomy_terms" ("kind", "label") VALUES ('subject', 'Dansk'), ('subject', 'Matematik'), ('subject', 'Engelsk'), ('subject', 'Tysk'), ('subject', 'Fransk'), ('subject', 'Natur/teknologi'), ('subject', 'Biologi'), ('subject', 'Fysik/kemi'), ('subject', 'Geografi'), ('subject', 'Historie'), ('subject', 'Kristendomskundskab'), ('subject', 'Samfundsfag'), ('subject', 'Idræt'), ('subject', 'Musik'), ('subject', 'Billedkunst'), ('subject', 'Håndværk og design'), ('subject', 'Madkundskab'), ('subject', 'Understøttende undervisning'), ('subject', 'Alsidig personlig udvikling'), ('subject', 'Social udvikling'), ('subject', 'Kommunikation og sprog'), ('subject', 'Krop, sanser og bevægelse'), ('subject', 'Natur, udeliv og science'), ('subject', 'Kultur, æstetik og fællesskab'), ('subject', 'Fritid og fællesskab'), ('method', 'Cooperative learning'), ('method', 'Aktionslæring'), ('method', 'Synlig læring'), ('method', 'Inklusion'), ('method', 'Innovation'), ('method', 'Åben skole'), ('method', 'Feedback'), ('method', 'Klasseledelse'), ('method', 'Relationskompetence'), ('method', 'Psykologisk tryghed'), ('method', 'Datainformeret praksis');
