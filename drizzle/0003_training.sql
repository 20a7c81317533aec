CREATE TABLE "notification_preferences" (
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"delivery" text NOT NULL,
	CONSTRAINT "notification_preferences_user_id_kind_pk" PRIMARY KEY("user_id","kind"),
	CONSTRAINT "notification_preferences_delivery_check" CHECK (delivery in ('off', 'in_app', 'email', 'digest'))
);
--> statement-breakpoint
CREATE TABLE "training_course_institutions" (
	"course_id" uuid NOT NULL,
	"institution_id" uuid NOT NULL,
	CONSTRAINT "training_course_institutions_course_id_institution_id_pk" PRIMARY KEY("course_id","institution_id")
);
--> statement-breakpoint
CREATE TABLE "training_course_trainers" (
	"course_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	CONSTRAINT "training_course_trainers_course_id_user_id_pk" PRIMARY KEY("course_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "training_course_videos" (
	"course_id" uuid NOT NULL,
	"video_id" uuid NOT NULL,
	CONSTRAINT "training_course_videos_course_id_video_id_pk" PRIMARY KEY("course_id","video_id")
);
--> statement-breakpoint
CREATE TABLE "training_courses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"method_id" uuid NOT NULL,
	"state" text DEFAULT 'proposed' NOT NULL,
	"title" text DEFAULT '' NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"capacity" integer,
	"planner_id" uuid,
	"documentation_video_id" uuid,
	"calendar_token" text NOT NULL,
	"proposed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"planned_at" timestamp with time zone,
	"opened_at" timestamp with time zone,
	"started_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"documented_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_courses_state_check" CHECK (state in ('proposed', 'planned', 'open', 'running', 'completed', 'documented')),
	CONSTRAINT "training_courses_capacity_check" CHECK ("training_courses"."capacity" is null or "training_courses"."capacity" > 0)
);
--> statement-breakpoint
CREATE TABLE "training_coverage" (
	"user_id" uuid NOT NULL,
	"method_id" uuid NOT NULL,
	CONSTRAINT "training_coverage_user_id_method_id_pk" PRIMARY KEY("user_id","method_id")
);
--> statement-breakpoint
CREATE TABLE "training_enrolments" (
	"course_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"status" text NOT NULL,
	"queued_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_enrolments_course_id_user_id_pk" PRIMARY KEY("course_id","user_id"),
	CONSTRAINT "training_enrolments_status_check" CHECK (status in ('invited', 'enrolled', 'waiting', 'cancelled'))
);
--> statement-breakpoint
CREATE TABLE "training_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"method_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"video_id" uuid,
	"team_id" uuid,
	"requested_by" uuid,
	"institution_id" uuid,
	"course_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"course_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"place" text DEFAULT '' NOT NULL,
	"online_url" text,
	"reminded_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_sessions_order_check" CHECK ("training_sessions"."ends_at" > "training_sessions"."starts_at")
);
--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "email_state" text;--> statement-breakpoint
ALTER TABLE "notification_preferences" ADD CONSTRAINT "notification_preferences_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_course_institutions" ADD CONSTRAINT "training_course_institutions_course_id_training_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."training_courses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_course_institutions" ADD CONSTRAINT "training_course_institutions_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_course_trainers" ADD CONSTRAINT "training_course_trainers_course_id_training_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."training_courses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_course_trainers" ADD CONSTRAINT "training_course_trainers_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_course_videos" ADD CONSTRAINT "training_course_videos_course_id_training_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."training_courses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_course_videos" ADD CONSTRAINT "training_course_videos_video_id_videos_id_fk" FOREIGN KEY ("video_id") REFERENCES "public"."videos"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_courses" ADD CONSTRAINT "training_courses_method_id_taxonomy_terms_id_fk" FOREIGN KEY ("method_id") REFERENCES "public"."taxonomy_terms"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_courses" ADD CONSTRAINT "training_courses_planner_id_users_id_fk" FOREIGN KEY ("planner_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_courses" ADD CONSTRAINT "training_courses_documentation_video_id_videos_id_fk" FOREIGN KEY ("documentation_video_id") REFERENCES "public"."videos"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_coverage" ADD CONSTRAINT "training_coverage_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_coverage" ADD CONSTRAINT "training_coverage_method_id_taxonomy_terms_id_fk" FOREIGN KEY ("method_id") REFERENCES "public"."taxonomy_terms"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_enrolments" ADD CONSTRAINT "training_enrolments_course_id_training_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."training_courses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_enrolments" ADD CONSTRAINT "training_enrolments_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_requests" ADD CONSTRAINT "training_requests_method_id_taxonomy_terms_id_fk" FOREIGN KEY ("method_id") REFERENCES "public"."taxonomy_terms"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_requests" ADD CONSTRAINT "training_requests_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_requests" ADD CONSTRAINT "training_requests_video_id_videos_id_fk" FOREIGN KEY ("video_id") REFERENCES "public"."videos"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_requests" ADD CONSTRAINT "training_requests_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_requests" ADD CONSTRAINT "training_requests_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_requests" ADD CONSTRAINT "training_requests_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_requests" ADD CONSTRAINT "training_requests_course_id_training_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."training_courses"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_sessions" ADD CONSTRAINT "training_sessions_course_id_training_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."training_courses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "training_course_institutions_institution_idx" ON "training_course_institutions" USING btree ("institution_id");--> statement-breakpoint
CREATE INDEX "training_course_trainers_user_idx" ON "training_course_trainers" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "training_course_videos_video_idx" ON "training_course_videos" USING btree ("video_id");--> statement-breakpoint
CREATE INDEX "training_courses_method_idx" ON "training_courses" USING btree ("method_id");--> statement-breakpoint
CREATE INDEX "training_courses_planner_idx" ON "training_courses" USING btree ("planner_id");--> statement-breakpoint
CREATE INDEX "training_courses_documentation_idx" ON "training_courses" USING btree ("documentation_video_id");--> statement-breakpoint
CREATE UNIQUE INDEX "training_courses_calendar_token_key" ON "training_courses" USING btree ("calendar_token");--> statement-breakpoint
CREATE UNIQUE INDEX "training_courses_one_active_per_method" ON "training_courses" USING btree ("method_id") WHERE state in ('proposed', 'planned', 'open', 'running');--> statement-breakpoint
CREATE INDEX "training_coverage_method_idx" ON "training_coverage" USING btree ("method_id");--> statement-breakpoint
CREATE INDEX "training_enrolments_user_idx" ON "training_enrolments" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "training_enrolments_queue_idx" ON "training_enrolments" USING btree ("course_id","status","queued_at");--> statement-breakpoint
CREATE UNIQUE INDEX "training_requests_method_user_key" ON "training_requests" USING btree ("method_id","user_id");--> statement-breakpoint
CREATE INDEX "training_requests_user_idx" ON "training_requests" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "training_requests_video_idx" ON "training_requests" USING btree ("video_id");--> statement-breakpoint
CREATE INDEX "training_requests_team_idx" ON "training_requests" USING btree ("team_id");--> statement-breakpoint
CREATE INDEX "training_requests_requested_by_idx" ON "training_requests" USING btree ("requested_by");--> statement-breakpoint
CREATE INDEX "training_requests_course_idx" ON "training_requests" USING btree ("course_id");--> statement-breakpoint
CREATE INDEX "training_requests_institution_idx" ON "training_requests" USING btree ("institution_id");--> statement-breakpoint
CREATE INDEX "training_sessions_course_idx" ON "training_sessions" USING btree ("course_id","starts_at");--> statement-breakpoint
CREATE INDEX "training_sessions_due_idx" ON "training_sessions" USING btree ("starts_at") WHERE "training_sessions"."reminded_at" is null;--> statement-breakpoint
CREATE INDEX "notifications_email_due_idx" ON "notifications" USING btree ("email_state","created_at") WHERE "notifications"."email_state" in ('email', 'digest');--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_email_state_check" CHECK (email_state in ('email', 'digest', 'done'));