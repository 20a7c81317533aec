ALTER TYPE "public"."team_type" ADD VALUE 'stue';--> statement-breakpoint
ALTER TYPE "public"."team_type" ADD VALUE 'gruppe';--> statement-breakpoint
CREATE TABLE "inquiry_cycles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"team_id" uuid NOT NULL,
	"template_id" uuid,
	"template_name" text NOT NULL,
	"phases" jsonb NOT NULL,
	"series_id" uuid NOT NULL,
	"loop" integer DEFAULT 1 NOT NULL,
	"title" text NOT NULL,
	"question" text DEFAULT '' NOT NULL,
	"state" text DEFAULT 'foer' NOT NULL,
	"content" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"shared_with_leaders" boolean DEFAULT false NOT NULL,
	"origin_story_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "inquiry_cycles_state_check" CHECK (state in ('foer', 'under', 'efter', 'afsluttet'))
);
--> statement-breakpoint
CREATE TABLE "inquiry_evidence" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cycle_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text DEFAULT '' NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"visit_id" uuid,
	"video_id" uuid,
	"file_key" text,
	"file_name" text,
	"file_type" text,
	"file_size" integer,
	"data" jsonb,
	"added_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inquiry_evidence_kind_check" CHECK (kind in ('visit', 'video', 'file', 'table', 'quote', 'note'))
);
--> statement-breakpoint
CREATE TABLE "inquiry_reflections" (
	"cycle_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"body" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inquiry_reflections_cycle_id_user_id_pk" PRIMARY KEY("cycle_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "inquiry_tasks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"team_id" uuid NOT NULL,
	"cycle_id" uuid,
	"meeting_id" uuid,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"owner_id" uuid,
	"due_on" date,
	"analyse_on" date,
	"remind_days" integer DEFAULT 2 NOT NULL,
	"reminded_at" timestamp with time zone,
	"done_at" timestamp with time zone,
	"position" integer DEFAULT 0 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inquiry_tasks_kind_check" CHECK (kind in ('data', 'action')),
	CONSTRAINT "inquiry_tasks_remind_check" CHECK ("inquiry_tasks"."remind_days" between 0 and 30)
);
--> statement-breakpoint
CREATE TABLE "inquiry_templates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"key" text,
	"kommune_id" uuid,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"kinds" text[] NOT NULL,
	"phases" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"archived_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "meeting_contributions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"body" text NOT NULL,
	"client_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meeting_decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"body" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meeting_rounds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"prompt" text NOT NULL,
	"speaker_ids" uuid[] NOT NULL,
	"turn" integer DEFAULT 0 NOT NULL,
	"turn_seconds" integer DEFAULT 120 NOT NULL,
	"turn_started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ended_at" timestamp with time zone,
	CONSTRAINT "meeting_rounds_turn_seconds_check" CHECK ("meeting_rounds"."turn_seconds" between 10 and 1800)
);
--> statement-breakpoint
CREATE TABLE "team_meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"team_id" uuid NOT NULL,
	"cycle_id" uuid,
	"title" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"purpose" text DEFAULT '' NOT NULL,
	"agenda" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"facilitator_id" uuid,
	"timekeeper_id" uuid,
	"dataholder_id" uuid,
	"state" text DEFAULT 'planned' NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	CONSTRAINT "team_meetings_state_check" CHECK (state in ('planned', 'running', 'ended'))
);
--> statement-breakpoint
CREATE TABLE "team_spaces" (
	"team_id" uuid PRIMARY KEY NOT NULL,
	"agreement" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "inquiry_cycles" ADD CONSTRAINT "inquiry_cycles_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inquiry_cycles" ADD CONSTRAINT "inquiry_cycles_template_id_inquiry_templates_id_fk" FOREIGN KEY ("template_id") REFERENCES "public"."inquiry_templates"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inquiry_cycles" ADD CONSTRAINT "inquiry_cycles_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inquiry_evidence" ADD CONSTRAINT "inquiry_evidence_cycle_id_inquiry_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."inquiry_cycles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inquiry_evidence" ADD CONSTRAINT "inquiry_evidence_visit_id_observation_visits_id_fk" FOREIGN KEY ("visit_id") REFERENCES "public"."observation_visits"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inquiry_evidence" ADD CONSTRAINT "inquiry_evidence_video_id_videos_id_fk" FOREIGN KEY ("video_id") REFERENCES "public"."videos"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inquiry_evidence" ADD CONSTRAINT "inquiry_evidence_added_by_users_id_fk" FOREIGN KEY ("added_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inquiry_reflections" ADD CONSTRAINT "inquiry_reflections_cycle_id_inquiry_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."inquiry_cycles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inquiry_reflections" ADD CONSTRAINT "inquiry_reflections_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inquiry_tasks" ADD CONSTRAINT "inquiry_tasks_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inquiry_tasks" ADD CONSTRAINT "inquiry_tasks_cycle_id_inquiry_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."inquiry_cycles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inquiry_tasks" ADD CONSTRAINT "inquiry_tasks_meeting_id_team_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."team_meetings"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inquiry_tasks" ADD CONSTRAINT "inquiry_tasks_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inquiry_tasks" ADD CONSTRAINT "inquiry_tasks_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inquiry_templates" ADD CONSTRAINT "inquiry_templates_kommune_id_kommuner_id_fk" FOREIGN KEY ("kommune_id") REFERENCES "public"."kommuner"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inquiry_templates" ADD CONSTRAINT "inquiry_templates_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_contributions" ADD CONSTRAINT "meeting_contributions_round_id_meeting_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."meeting_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_contributions" ADD CONSTRAINT "meeting_contributions_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_decisions" ADD CONSTRAINT "meeting_decisions_meeting_id_team_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."team_meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_decisions" ADD CONSTRAINT "meeting_decisions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_rounds" ADD CONSTRAINT "meeting_rounds_meeting_id_team_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."team_meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_meetings" ADD CONSTRAINT "team_meetings_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_meetings" ADD CONSTRAINT "team_meetings_cycle_id_inquiry_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."inquiry_cycles"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_meetings" ADD CONSTRAINT "team_meetings_facilitator_id_users_id_fk" FOREIGN KEY ("facilitator_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_meetings" ADD CONSTRAINT "team_meetings_timekeeper_id_users_id_fk" FOREIGN KEY ("timekeeper_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_meetings" ADD CONSTRAINT "team_meetings_dataholder_id_users_id_fk" FOREIGN KEY ("dataholder_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_meetings" ADD CONSTRAINT "team_meetings_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_spaces" ADD CONSTRAINT "team_spaces_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_spaces" ADD CONSTRAINT "team_spaces_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "inquiry_cycles_team_idx" ON "inquiry_cycles" USING btree ("team_id","created_at");--> statement-breakpoint
CREATE INDEX "inquiry_cycles_series_idx" ON "inquiry_cycles" USING btree ("series_id","loop");--> statement-breakpoint
CREATE INDEX "inquiry_cycles_template_idx" ON "inquiry_cycles" USING btree ("template_id");--> statement-breakpoint
CREATE INDEX "inquiry_cycles_origin_idx" ON "inquiry_cycles" USING btree ("origin_story_id");--> statement-breakpoint
CREATE INDEX "inquiry_cycles_created_by_idx" ON "inquiry_cycles" USING btree ("created_by");--> statement-breakpoint
CREATE INDEX "inquiry_evidence_cycle_idx" ON "inquiry_evidence" USING btree ("cycle_id","created_at");--> statement-breakpoint
CREATE INDEX "inquiry_evidence_visit_idx" ON "inquiry_evidence" USING btree ("visit_id");--> statement-breakpoint
CREATE INDEX "inquiry_evidence_video_idx" ON "inquiry_evidence" USING btree ("video_id");--> statement-breakpoint
CREATE INDEX "inquiry_evidence_added_by_idx" ON "inquiry_evidence" USING btree ("added_by");--> statement-breakpoint
CREATE INDEX "inquiry_reflections_user_idx" ON "inquiry_reflections" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "inquiry_tasks_team_idx" ON "inquiry_tasks" USING btree ("team_id");--> statement-breakpoint
CREATE INDEX "inquiry_tasks_cycle_idx" ON "inquiry_tasks" USING btree ("cycle_id","position");--> statement-breakpoint
CREATE INDEX "inquiry_tasks_meeting_idx" ON "inquiry_tasks" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "inquiry_tasks_owner_open_idx" ON "inquiry_tasks" USING btree ("owner_id","due_on") WHERE "inquiry_tasks"."done_at" is null;--> statement-breakpoint
CREATE INDEX "inquiry_tasks_created_by_idx" ON "inquiry_tasks" USING btree ("created_by");--> statement-breakpoint
CREATE UNIQUE INDEX "inquiry_templates_key_key" ON "inquiry_templates" USING btree ("key");--> statement-breakpoint
CREATE INDEX "inquiry_templates_kommune_idx" ON "inquiry_templates" USING btree ("kommune_id");--> statement-breakpoint
CREATE INDEX "inquiry_templates_created_by_idx" ON "inquiry_templates" USING btree ("created_by");--> statement-breakpoint
CREATE UNIQUE INDEX "meeting_contributions_once_key" ON "meeting_contributions" USING btree ("round_id","author_id","client_key");--> statement-breakpoint
CREATE INDEX "meeting_contributions_author_idx" ON "meeting_contributions" USING btree ("author_id");--> statement-breakpoint
CREATE INDEX "meeting_decisions_meeting_idx" ON "meeting_decisions" USING btree ("meeting_id","created_at");--> statement-breakpoint
CREATE INDEX "meeting_decisions_created_by_idx" ON "meeting_decisions" USING btree ("created_by");--> statement-breakpoint
CREATE INDEX "meeting_rounds_meeting_idx" ON "meeting_rounds" USING btree ("meeting_id","started_at");--> statement-breakpoint
CREATE INDEX "team_meetings_team_idx" ON "team_meetings" USING btree ("team_id","starts_at");--> statement-breakpoint
CREATE INDEX "team_meetings_cycle_idx" ON "team_meetings" USING btree ("cycle_id");--> statement-breakpoint
CREATE INDEX "team_meetings_facilitator_idx" ON "team_meetings" USING btree ("facilitator_id");--> statement-breakpoint
CREATE INDEX "team_meetings_timekeeper_idx" ON "team_meetings" USING btree ("timekeeper_id");--> statement-breakpoint
CREATE INDEX "team_meetings_dataholder_idx" ON "team_meetings" USING btree ("dataholder_id");--> statement-breakpoint
CREATE INDEX "team_meetings_created_by_idx" ON "team_meetings" USING btree ("created_by");--> statement-breakpoint
CREATE INDEX "team_spaces_updated_by_idx" ON "team_spaces" USING btree ("updated_by");