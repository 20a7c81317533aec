CREATE TABLE "survey_answer_texts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"group_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"text" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "survey_answer_values" (
	"answer_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"value" smallint,
	CONSTRAINT "survey_answer_values_answer_id_item_id_pk" PRIMARY KEY("answer_id","item_id"),
	CONSTRAINT "survey_answer_values_scale_check" CHECK (value is null or value between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "survey_answers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"group_id" uuid NOT NULL,
	"answered_on" date NOT NULL,
	"tillid" real,
	"kerneopgave" real,
	"ledelse" real,
	"involvering" real,
	"social_capital" real,
	"plf" real
);
--> statement-breakpoint
CREATE TABLE "survey_groups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"institution_id" uuid NOT NULL,
	"team_id" uuid,
	"department_name" text NOT NULL,
	"role_group" text NOT NULL,
	"invited" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "survey_groups_role_group_check" CHECK (role_group in ('medarbejder', 'leder'))
);
--> statement-breakpoint
CREATE TABLE "survey_invitations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"group_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"code_hash" text NOT NULL,
	"used" boolean DEFAULT false NOT NULL,
	"emailed_at" timestamp with time zone,
	"reminded_at" timestamp with time zone,
	"printed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "survey_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"questionnaire_id" uuid NOT NULL,
	"key" text NOT NULL,
	"position" integer NOT NULL,
	"kind" text NOT NULL,
	"dimension" text,
	"text_da" text NOT NULL,
	"text_en" text DEFAULT '' NOT NULL,
	CONSTRAINT "survey_items_kind_check" CHECK (kind in ('scale', 'text')),
	CONSTRAINT "survey_items_dimension_check" CHECK (dimension is null or dimension in ('tillid', 'kerneopgave', 'ledelse', 'involvering', 'plf')),
	CONSTRAINT "survey_items_text_dimension_check" CHECK ("survey_items"."kind" = 'scale' or "survey_items"."dimension" is null)
);
--> statement-breakpoint
CREATE TABLE "survey_questionnaires" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"family" uuid NOT NULL,
	"version" integer NOT NULL,
	"kommune_id" uuid,
	"name_da" text NOT NULL,
	"name_en" text DEFAULT '' NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"built_in" boolean DEFAULT false NOT NULL,
	"published_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "survey_questionnaires_state_check" CHECK (state in ('draft', 'published')),
	CONSTRAINT "survey_questionnaires_published_check" CHECK (("survey_questionnaires"."state" = 'published') = ("survey_questionnaires"."published_at" is not null))
);
--> statement-breakpoint
CREATE TABLE "survey_round_institutions" (
	"round_id" uuid NOT NULL,
	"institution_id" uuid NOT NULL,
	CONSTRAINT "survey_round_institutions_round_id_institution_id_pk" PRIMARY KEY("round_id","institution_id")
);
--> statement-breakpoint
CREATE TABLE "survey_rounds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kommune_id" uuid NOT NULL,
	"questionnaire_id" uuid NOT NULL,
	"name" text NOT NULL,
	"opens_on" date NOT NULL,
	"closes_on" date NOT NULL,
	"closed_on" date,
	"min_group" integer DEFAULT 5 NOT NULL,
	"opened_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "survey_rounds_dates_check" CHECK ("survey_rounds"."opens_on" <= "survey_rounds"."closes_on"),
	CONSTRAINT "survey_rounds_min_group_check" CHECK (min_group between 3 and 50)
);
--> statement-breakpoint
ALTER TABLE "survey_answer_texts" ADD CONSTRAINT "survey_answer_texts_round_id_survey_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."survey_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_answer_texts" ADD CONSTRAINT "survey_answer_texts_group_id_survey_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."survey_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_answer_texts" ADD CONSTRAINT "survey_answer_texts_item_id_survey_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."survey_items"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_answer_values" ADD CONSTRAINT "survey_answer_values_answer_id_survey_answers_id_fk" FOREIGN KEY ("answer_id") REFERENCES "public"."survey_answers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_answer_values" ADD CONSTRAINT "survey_answer_values_item_id_survey_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."survey_items"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_answers" ADD CONSTRAINT "survey_answers_round_id_survey_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."survey_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_answers" ADD CONSTRAINT "survey_answers_group_id_survey_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."survey_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_groups" ADD CONSTRAINT "survey_groups_round_id_survey_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."survey_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_groups" ADD CONSTRAINT "survey_groups_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_groups" ADD CONSTRAINT "survey_groups_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_invitations" ADD CONSTRAINT "survey_invitations_round_id_survey_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."survey_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_invitations" ADD CONSTRAINT "survey_invitations_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_invitations" ADD CONSTRAINT "survey_invitations_group_id_survey_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."survey_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_items" ADD CONSTRAINT "survey_items_questionnaire_id_survey_questionnaires_id_fk" FOREIGN KEY ("questionnaire_id") REFERENCES "public"."survey_questionnaires"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_questionnaires" ADD CONSTRAINT "survey_questionnaires_kommune_id_kommuner_id_fk" FOREIGN KEY ("kommune_id") REFERENCES "public"."kommuner"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_questionnaires" ADD CONSTRAINT "survey_questionnaires_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_round_institutions" ADD CONSTRAINT "survey_round_institutions_round_id_survey_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."survey_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_round_institutions" ADD CONSTRAINT "survey_round_institutions_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_rounds" ADD CONSTRAINT "survey_rounds_kommune_id_kommuner_id_fk" FOREIGN KEY ("kommune_id") REFERENCES "public"."kommuner"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_rounds" ADD CONSTRAINT "survey_rounds_questionnaire_id_survey_questionnaires_id_fk" FOREIGN KEY ("questionnaire_id") REFERENCES "public"."survey_questionnaires"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_rounds" ADD CONSTRAINT "survey_rounds_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "survey_answer_texts_round_group_idx" ON "survey_answer_texts" USING btree ("round_id","group_id");--> statement-breakpoint
CREATE INDEX "survey_answer_texts_group_idx" ON "survey_answer_texts" USING btree ("group_id");--> statement-breakpoint
CREATE INDEX "survey_answer_texts_item_idx" ON "survey_answer_texts" USING btree ("item_id");--> statement-breakpoint
CREATE INDEX "survey_answer_values_item_idx" ON "survey_answer_values" USING btree ("item_id");--> statement-breakpoint
CREATE INDEX "survey_answers_round_group_idx" ON "survey_answers" USING btree ("round_id","group_id");--> statement-breakpoint
CREATE INDEX "survey_answers_group_idx" ON "survey_answers" USING btree ("group_id");--> statement-breakpoint
CREATE UNIQUE INDEX "survey_groups_round_key" ON "survey_groups" USING btree ("round_id","institution_id","department_name","role_group");--> statement-breakpoint
CREATE INDEX "survey_groups_institution_idx" ON "survey_groups" USING btree ("institution_id");--> statement-breakpoint
CREATE INDEX "survey_groups_team_idx" ON "survey_groups" USING btree ("team_id");--> statement-breakpoint
CREATE UNIQUE INDEX "survey_invitations_round_user_key" ON "survey_invitations" USING btree ("round_id","user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "survey_invitations_token_key" ON "survey_invitations" USING btree ("token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "survey_invitations_code_key" ON "survey_invitations" USING btree ("code_hash");--> statement-breakpoint
CREATE INDEX "survey_invitations_user_idx" ON "survey_invitations" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "survey_invitations_group_idx" ON "survey_invitations" USING btree ("group_id");--> statement-breakpoint
CREATE UNIQUE INDEX "survey_items_questionnaire_key" ON "survey_items" USING btree ("questionnaire_id","key");--> statement-breakpoint
CREATE INDEX "survey_items_questionnaire_position_idx" ON "survey_items" USING btree ("questionnaire_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "survey_questionnaires_family_version_key" ON "survey_questionnaires" USING btree ("family","version");--> statement-breakpoint
CREATE INDEX "survey_questionnaires_kommune_idx" ON "survey_questionnaires" USING btree ("kommune_id");--> statement-breakpoint
CREATE INDEX "survey_questionnaires_created_by_idx" ON "survey_questionnaires" USING btree ("created_by");--> statement-breakpoint
CREATE INDEX "survey_round_institutions_institution_idx" ON "survey_round_institutions" USING btree ("institution_id");--> statement-breakpoint
CREATE INDEX "survey_rounds_kommune_idx" ON "survey_rounds" USING btree ("kommune_id","opens_on");--> statement-breakpoint
CREATE INDEX "survey_rounds_questionnaire_idx" ON "survey_rounds" USING btree ("questionnaire_id");--> statement-breakpoint
CREATE INDEX "survey_rounds_created_by_idx" ON "survey_rounds" USING btree ("created_by");