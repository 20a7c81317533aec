CREATE TABLE "evaluation_feed_tokens" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evaluation_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"title" text NOT NULL,
	"kind" text NOT NULL,
	"groups" text DEFAULT '' NOT NULL,
	"responsible_id" uuid,
	"responsible_text" text DEFAULT '' NOT NULL,
	"collect_from" date NOT NULL,
	"collect_to" date NOT NULL,
	"analyse_on" date,
	"meeting_kind" text,
	"meeting_team_id" uuid,
	"note" text DEFAULT '' NOT NULL,
	"remind_collect_days" integer,
	"remind_analysis_days" integer,
	"collect_reminded_at" timestamp with time zone,
	"analysis_reminded_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "evaluation_items_kind_check" CHECK (kind in ('nationale_test', 'laeseproeve', 'trivselsmaaling', 'sprogvurdering', 'boernemiljoevurdering', 'trivselsvurdering', 'ungeundersoegelse', 'fremmoede', 'observationsrunde', 'medarbejderundersoegelse', 'andet')),
	CONSTRAINT "evaluation_items_meeting_kind_check" CHECK ("evaluation_items"."meeting_kind" is null or meeting_kind in ('laeringssamtale', 'teammoede', 'paedagogisk_raad', 'ledelsesmoede', 'andet')),
	CONSTRAINT "evaluation_items_window_check" CHECK ("evaluation_items"."collect_to" >= "evaluation_items"."collect_from"),
	CONSTRAINT "evaluation_items_analysis_check" CHECK ("evaluation_items"."analyse_on" is null or "evaluation_items"."analyse_on" >= "evaluation_items"."collect_from"),
	CONSTRAINT "evaluation_items_remind_check" CHECK (coalesce("evaluation_items"."remind_collect_days", 0) between 0 and 60 and coalesce("evaluation_items"."remind_analysis_days", 0) between 0 and 60)
);
--> statement-breakpoint
CREATE TABLE "evaluation_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"scope" text NOT NULL,
	"kommune_id" uuid,
	"institution_id" uuid,
	"team_id" uuid,
	"school_year" integer NOT NULL,
	"published_at" timestamp with time zone,
	"published_by" uuid,
	"copied_from_year" integer,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "evaluation_plans_scope_check" CHECK (scope in ('kommune', 'institution', 'team')),
	CONSTRAINT "evaluation_plans_owner_check" CHECK (("evaluation_plans"."scope" = 'kommune' and "evaluation_plans"."kommune_id" is not null and "evaluation_plans"."institution_id" is null and "evaluation_plans"."team_id" is null)
        or ("evaluation_plans"."scope" = 'institution' and "evaluation_plans"."institution_id" is not null and "evaluation_plans"."kommune_id" is null and "evaluation_plans"."team_id" is null)
        or ("evaluation_plans"."scope" = 'team' and "evaluation_plans"."team_id" is not null and "evaluation_plans"."kommune_id" is null and "evaluation_plans"."institution_id" is null)),
	CONSTRAINT "evaluation_plans_year_check" CHECK ("evaluation_plans"."school_year" between 2000 and 2099),
	CONSTRAINT "evaluation_plans_publish_check" CHECK ("evaluation_plans"."published_at" is null or "evaluation_plans"."scope" = 'kommune')
);
--> statement-breakpoint
CREATE TABLE "progression_areas" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"institution_id" uuid NOT NULL,
	"name" text NOT NULL,
	"position" smallint DEFAULT 0 NOT NULL,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "progression_children" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"institution_id" uuid NOT NULL,
	"code" text NOT NULL,
	"full_name" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "progression_conferences" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"group_id" uuid NOT NULL,
	"held_on" date NOT NULL,
	"focus" text DEFAULT '' NOT NULL,
	"why" text DEFAULT '' NOT NULL,
	"resource_person_id" uuid,
	"participants" text DEFAULT '' NOT NULL,
	"decisions" text DEFAULT '' NOT NULL,
	"follow_up" text DEFAULT '' NOT NULL,
	"previous_outcome" text DEFAULT '' NOT NULL,
	"snapshot" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "progression_delegations" (
	"group_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"granted_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "progression_delegations_group_id_user_id_pk" PRIMARY KEY("group_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "progression_groups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"institution_id" uuid NOT NULL,
	"team_id" uuid,
	"name" text NOT NULL,
	"school_year" smallint NOT NULL,
	"grade" smallint,
	"age_band" text,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "progression_groups_grade_check" CHECK ("progression_groups"."grade" is null or "progression_groups"."grade" between 0 and 10),
	CONSTRAINT "progression_groups_age_band_check" CHECK ("progression_groups"."age_band" is null or age_band in ('0-2', '3-5', 'kl0-3', 'kl4-6', 'kl7-10', 'klub'))
);
--> statement-breakpoint
CREATE TABLE "progression_periods" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"institution_id" uuid NOT NULL,
	"name" text NOT NULL,
	"school_year" smallint NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "progression_periods_dates_check" CHECK ("progression_periods"."ends_on" >= "progression_periods"."starts_on")
);
--> statement-breakpoint
CREATE TABLE "progression_placements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"child_id" uuid NOT NULL,
	"group_id" uuid NOT NULL,
	"from_on" date NOT NULL,
	"to_on" date,
	CONSTRAINT "progression_placements_dates_check" CHECK ("progression_placements"."to_on" is null or "progression_placements"."to_on" >= "progression_placements"."from_on")
);
--> statement-breakpoint
CREATE TABLE "progression_settings" (
	"institution_id" uuid PRIMARY KEY NOT NULL,
	"show_full_names" boolean DEFAULT false NOT NULL,
	"retention_months" smallint DEFAULT 12 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "progression_settings_retention_check" CHECK (retention_months between 1 and 120)
);
--> statement-breakpoint
CREATE TABLE "progression_statuses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"child_id" uuid NOT NULL,
	"area_id" uuid NOT NULL,
	"period_id" uuid NOT NULL,
	"group_id" uuid NOT NULL,
	"status" text NOT NULL,
	"score" numeric(10, 2),
	"note" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "progression_statuses_status_check" CHECK (status in ('groen', 'gul', 'roed'))
);
--> statement-breakpoint
CREATE TABLE "progression_totals" (
	"group_id" uuid NOT NULL,
	"area_id" uuid NOT NULL,
	"period_id" uuid NOT NULL,
	"groen" integer DEFAULT 0 NOT NULL,
	"gul" integer DEFAULT 0 NOT NULL,
	"roed" integer DEFAULT 0 NOT NULL,
	"moved_up" integer DEFAULT 0 NOT NULL,
	"moved_down" integer DEFAULT 0 NOT NULL,
	"purged_at" timestamp with time zone,
	CONSTRAINT "progression_totals_group_id_area_id_period_id_pk" PRIMARY KEY("group_id","area_id","period_id")
);
--> statement-breakpoint
ALTER TABLE "evaluation_feed_tokens" ADD CONSTRAINT "evaluation_feed_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_items" ADD CONSTRAINT "evaluation_items_plan_id_evaluation_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."evaluation_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_items" ADD CONSTRAINT "evaluation_items_responsible_id_users_id_fk" FOREIGN KEY ("responsible_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_items" ADD CONSTRAINT "evaluation_items_meeting_team_id_teams_id_fk" FOREIGN KEY ("meeting_team_id") REFERENCES "public"."teams"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_items" ADD CONSTRAINT "evaluation_items_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_items" ADD CONSTRAINT "evaluation_items_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_plans" ADD CONSTRAINT "evaluation_plans_kommune_id_kommuner_id_fk" FOREIGN KEY ("kommune_id") REFERENCES "public"."kommuner"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_plans" ADD CONSTRAINT "evaluation_plans_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_plans" ADD CONSTRAINT "evaluation_plans_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_plans" ADD CONSTRAINT "evaluation_plans_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_plans" ADD CONSTRAINT "evaluation_plans_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progression_areas" ADD CONSTRAINT "progression_areas_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progression_children" ADD CONSTRAINT "progression_children_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progression_conferences" ADD CONSTRAINT "progression_conferences_group_id_progression_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."progression_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progression_conferences" ADD CONSTRAINT "progression_conferences_resource_person_id_users_id_fk" FOREIGN KEY ("resource_person_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progression_conferences" ADD CONSTRAINT "progression_conferences_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progression_delegations" ADD CONSTRAINT "progression_delegations_group_id_progression_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."progression_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progression_delegations" ADD CONSTRAINT "progression_delegations_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progression_delegations" ADD CONSTRAINT "progression_delegations_granted_by_users_id_fk" FOREIGN KEY ("granted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progression_groups" ADD CONSTRAINT "progression_groups_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progression_groups" ADD CONSTRAINT "progression_groups_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progression_periods" ADD CONSTRAINT "progression_periods_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progression_placements" ADD CONSTRAINT "progression_placements_child_id_progression_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."progression_children"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progression_placements" ADD CONSTRAINT "progression_placements_group_id_progression_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."progression_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progression_settings" ADD CONSTRAINT "progression_settings_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progression_statuses" ADD CONSTRAINT "progression_statuses_child_id_progression_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."progression_children"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progression_statuses" ADD CONSTRAINT "progression_statuses_area_id_progression_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."progression_areas"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progression_statuses" ADD CONSTRAINT "progression_statuses_period_id_progression_periods_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."progression_periods"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progression_statuses" ADD CONSTRAINT "progression_statuses_group_id_progression_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."progression_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progression_statuses" ADD CONSTRAINT "progression_statuses_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progression_totals" ADD CONSTRAINT "progression_totals_group_id_progression_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."progression_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progression_totals" ADD CONSTRAINT "progression_totals_area_id_progression_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."progression_areas"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progression_totals" ADD CONSTRAINT "progression_totals_period_id_progression_periods_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."progression_periods"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "evaluation_feed_tokens_hash_key" ON "evaluation_feed_tokens" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "evaluation_items_plan_idx" ON "evaluation_items" USING btree ("plan_id","collect_from");--> statement-breakpoint
CREATE INDEX "evaluation_items_responsible_idx" ON "evaluation_items" USING btree ("responsible_id");--> statement-breakpoint
CREATE INDEX "evaluation_items_meeting_team_idx" ON "evaluation_items" USING btree ("meeting_team_id");--> statement-breakpoint
CREATE INDEX "evaluation_items_created_by_idx" ON "evaluation_items" USING btree ("created_by");--> statement-breakpoint
CREATE INDEX "evaluation_items_updated_by_idx" ON "evaluation_items" USING btree ("updated_by");--> statement-breakpoint
CREATE INDEX "evaluation_items_collect_due_idx" ON "evaluation_items" USING btree ("collect_from") WHERE "evaluation_items"."collect_reminded_at" is null and "evaluation_items"."remind_collect_days" is not null;--> statement-breakpoint
CREATE INDEX "evaluation_items_analysis_due_idx" ON "evaluation_items" USING btree ("analyse_on") WHERE "evaluation_items"."analysis_reminded_at" is null and "evaluation_items"."remind_analysis_days" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "evaluation_plans_kommune_year_key" ON "evaluation_plans" USING btree ("kommune_id","school_year");--> statement-breakpoint
CREATE UNIQUE INDEX "evaluation_plans_institution_year_key" ON "evaluation_plans" USING btree ("institution_id","school_year");--> statement-breakpoint
CREATE UNIQUE INDEX "evaluation_plans_team_year_key" ON "evaluation_plans" USING btree ("team_id","school_year");--> statement-breakpoint
CREATE INDEX "evaluation_plans_created_by_idx" ON "evaluation_plans" USING btree ("created_by");--> statement-breakpoint
CREATE INDEX "evaluation_plans_published_by_idx" ON "evaluation_plans" USING btree ("published_by");--> statement-breakpoint
CREATE UNIQUE INDEX "progression_areas_name_key" ON "progression_areas" USING btree ("institution_id",lower("name"));--> statement-breakpoint
CREATE UNIQUE INDEX "progression_children_code_key" ON "progression_children" USING btree ("institution_id",lower("code"));--> statement-breakpoint
CREATE INDEX "progression_conferences_group_idx" ON "progression_conferences" USING btree ("group_id","held_on");--> statement-breakpoint
CREATE INDEX "progression_conferences_resource_idx" ON "progression_conferences" USING btree ("resource_person_id");--> statement-breakpoint
CREATE INDEX "progression_conferences_created_by_idx" ON "progression_conferences" USING btree ("created_by");--> statement-breakpoint
CREATE INDEX "progression_delegations_user_idx" ON "progression_delegations" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "progression_delegations_granted_by_idx" ON "progression_delegations" USING btree ("granted_by");--> statement-breakpoint
CREATE INDEX "progression_groups_institution_idx" ON "progression_groups" USING btree ("institution_id","school_year");--> statement-breakpoint
CREATE INDEX "progression_groups_team_idx" ON "progression_groups" USING btree ("team_id");--> statement-breakpoint
CREATE UNIQUE INDEX "progression_groups_name_key" ON "progression_groups" USING btree ("institution_id","school_year",lower("name"));--> statement-breakpoint
CREATE UNIQUE INDEX "progression_periods_name_key" ON "progression_periods" USING btree ("institution_id",lower("name"));--> statement-breakpoint
CREATE INDEX "progression_periods_order_idx" ON "progression_periods" USING btree ("institution_id","starts_on");--> statement-breakpoint
CREATE INDEX "progression_placements_child_idx" ON "progression_placements" USING btree ("child_id");--> statement-breakpoint
CREATE INDEX "progression_placements_group_idx" ON "progression_placements" USING btree ("group_id");--> statement-breakpoint
CREATE UNIQUE INDEX "progression_placements_current_key" ON "progression_placements" USING btree ("child_id") WHERE "progression_placements"."to_on" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "progression_statuses_cell_key" ON "progression_statuses" USING btree ("child_id","area_id","period_id");--> statement-breakpoint
CREATE INDEX "progression_statuses_group_idx" ON "progression_statuses" USING btree ("group_id","period_id","area_id");--> statement-breakpoint
CREATE INDEX "progression_statuses_area_idx" ON "progression_statuses" USING btree ("area_id");--> statement-breakpoint
CREATE INDEX "progression_statuses_period_idx" ON "progression_statuses" USING btree ("period_id");--> statement-breakpoint
CREATE INDEX "progression_statuses_updated_by_idx" ON "progression_statuses" USING btree ("updated_by");--> statement-breakpoint
CREATE INDEX "progression_totals_area_idx" ON "progression_totals" USING btree ("area_id");--> statement-breakpoint
CREATE INDEX "progression_totals_period_idx" ON "progression_totals" USING btree ("period_id");