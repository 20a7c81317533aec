CREATE TABLE "observation_answers" (
	"visit_id" uuid NOT NULL,
	"item_key" uuid NOT NULL,
	"pupil" smallint DEFAULT 0 NOT NULL,
	"focus_area_key" uuid NOT NULL,
	"value_num" real,
	"value_text" text,
	"answered_at" timestamp with time zone NOT NULL,
	CONSTRAINT "observation_answers_visit_id_item_key_pupil_pk" PRIMARY KEY("visit_id","item_key","pupil")
);
--> statement-breakpoint
CREATE TABLE "observation_guide_reads" (
	"institution_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"read_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "observation_guide_reads_institution_id_user_id_pk" PRIMARY KEY("institution_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "observation_guides" (
	"institution_id" uuid PRIMARY KEY NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"published_at" timestamp with time zone,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "observation_observers" (
	"institution_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"granted_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "observation_observers_institution_id_user_id_pk" PRIMARY KEY("institution_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "observation_schemas" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"institution_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"definition" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "observation_settings" (
	"institution_id" uuid PRIMARY KEY NOT NULL,
	"min_group_size" integer DEFAULT 5 NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "observation_settings_min_group_check" CHECK (min_group_size >= 3)
);
--> statement-breakpoint
CREATE TABLE "observation_syncs" (
	"visit_id" uuid NOT NULL,
	"sync_key" uuid NOT NULL,
	"user_id" uuid,
	"result" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "observation_syncs_visit_id_sync_key_pk" PRIMARY KEY("visit_id","sync_key")
);
--> statement-breakpoint
CREATE TABLE "observation_visit_guests" (
	"visit_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	CONSTRAINT "observation_visit_guests_visit_id_user_id_pk" PRIMARY KEY("visit_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "observation_visits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"institution_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"schema_id" uuid NOT NULL,
	"teacher_id" uuid NOT NULL,
	"observer_id" uuid,
	"planned_by" uuid,
	"planned_for" date NOT NULL,
	"term" text NOT NULL,
	"class_label" text DEFAULT '' NOT NULL,
	"subject" text DEFAULT '' NOT NULL,
	"grade" smallint,
	"focus_area_keys" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"started_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"duration_seconds" integer,
	"notes" text DEFAULT '' NOT NULL,
	"class_size" smallint,
	"pupil_numbers" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"reflection" text DEFAULT '' NOT NULL,
	"conversation_notes" text DEFAULT '' NOT NULL,
	"next_step" text DEFAULT '' NOT NULL,
	"next_step_teacher_agreed_at" timestamp with time zone,
	"next_step_observer_agreed_at" timestamp with time zone,
	"flag" text,
	"flagged_at" timestamp with time zone,
	"last_synced_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "observation_visits_kind_check" CHECK (kind in ('visit', 'self')),
	CONSTRAINT "observation_visits_status_check" CHECK (status in ('planned', 'in_progress', 'completed', 'cancelled')),
	CONSTRAINT "observation_visits_flag_check" CHECK (flag is null or flag in ('observer_lost_role')),
	CONSTRAINT "observation_visits_grade_check" CHECK ("observation_visits"."grade" is null or "observation_visits"."grade" between 0 and 10)
);
--> statement-breakpoint
ALTER TABLE "observation_answers" ADD CONSTRAINT "observation_answers_visit_id_observation_visits_id_fk" FOREIGN KEY ("visit_id") REFERENCES "public"."observation_visits"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observation_guide_reads" ADD CONSTRAINT "observation_guide_reads_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observation_guide_reads" ADD CONSTRAINT "observation_guide_reads_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observation_guides" ADD CONSTRAINT "observation_guides_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observation_guides" ADD CONSTRAINT "observation_guides_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observation_observers" ADD CONSTRAINT "observation_observers_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observation_observers" ADD CONSTRAINT "observation_observers_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observation_observers" ADD CONSTRAINT "observation_observers_granted_by_users_id_fk" FOREIGN KEY ("granted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observation_schemas" ADD CONSTRAINT "observation_schemas_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observation_schemas" ADD CONSTRAINT "observation_schemas_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observation_settings" ADD CONSTRAINT "observation_settings_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observation_settings" ADD CONSTRAINT "observation_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observation_syncs" ADD CONSTRAINT "observation_syncs_visit_id_observation_visits_id_fk" FOREIGN KEY ("visit_id") REFERENCES "public"."observation_visits"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observation_syncs" ADD CONSTRAINT "observation_syncs_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observation_visit_guests" ADD CONSTRAINT "observation_visit_guests_visit_id_observation_visits_id_fk" FOREIGN KEY ("visit_id") REFERENCES "public"."observation_visits"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observation_visit_guests" ADD CONSTRAINT "observation_visit_guests_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observation_visits" ADD CONSTRAINT "observation_visits_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observation_visits" ADD CONSTRAINT "observation_visits_schema_id_observation_schemas_id_fk" FOREIGN KEY ("schema_id") REFERENCES "public"."observation_schemas"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observation_visits" ADD CONSTRAINT "observation_visits_teacher_id_users_id_fk" FOREIGN KEY ("teacher_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observation_visits" ADD CONSTRAINT "observation_visits_observer_id_users_id_fk" FOREIGN KEY ("observer_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observation_visits" ADD CONSTRAINT "observation_visits_planned_by_users_id_fk" FOREIGN KEY ("planned_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "observation_guide_reads_user_idx" ON "observation_guide_reads" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "observation_guides_updated_by_idx" ON "observation_guides" USING btree ("updated_by");--> statement-breakpoint
CREATE INDEX "observation_observers_user_idx" ON "observation_observers" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "observation_observers_granted_by_idx" ON "observation_observers" USING btree ("granted_by");--> statement-breakpoint
CREATE UNIQUE INDEX "observation_schemas_institution_version_key" ON "observation_schemas" USING btree ("institution_id","version");--> statement-breakpoint
CREATE INDEX "observation_schemas_created_by_idx" ON "observation_schemas" USING btree ("created_by");--> statement-breakpoint
CREATE INDEX "observation_settings_updated_by_idx" ON "observation_settings" USING btree ("updated_by");--> statement-breakpoint
CREATE INDEX "observation_syncs_user_idx" ON "observation_syncs" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "observation_visit_guests_user_idx" ON "observation_visit_guests" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "observation_visits_institution_date_idx" ON "observation_visits" USING btree ("institution_id","planned_for");--> statement-breakpoint
CREATE INDEX "observation_visits_teacher_idx" ON "observation_visits" USING btree ("teacher_id","planned_for");--> statement-breakpoint
CREATE INDEX "observation_visits_observer_idx" ON "observation_visits" USING btree ("observer_id","planned_for");--> statement-breakpoint
CREATE INDEX "observation_visits_schema_idx" ON "observation_visits" USING btree ("schema_id");--> statement-breakpoint
CREATE INDEX "observation_visits_planned_by_idx" ON "observation_visits" USING btree ("planned_by");--> statement-breakpoint
CREATE INDEX "observation_visits_data_idx" ON "observation_visits" USING btree ("institution_id","term") WHERE kind = 'visit' and status = 'completed' and flag is null;