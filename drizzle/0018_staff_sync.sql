CREATE TABLE "staff_sync_people" (
	"source_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"external_id" text,
	"deactivated_by_source" boolean DEFAULT false NOT NULL,
	"seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "staff_sync_people_source_id_user_id_pk" PRIMARY KEY("source_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "staff_sync_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"source_id" uuid NOT NULL,
	"trigger" text NOT NULL,
	"status" text NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"created" integer DEFAULT 0 NOT NULL,
	"updated" integer DEFAULT 0 NOT NULL,
	"deactivated" integer DEFAULT 0 NOT NULL,
	"reactivated" integer DEFAULT 0 NOT NULL,
	"unchanged" integer DEFAULT 0 NOT NULL,
	"error_count" integer DEFAULT 0 NOT NULL,
	"errors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"code" text,
	CONSTRAINT "staff_sync_runs_status_check" CHECK (status in ('running', 'succeeded', 'failed', 'needs_confirmation')),
	CONSTRAINT "staff_sync_runs_trigger_check" CHECK (trigger in ('schedule', 'manual', 'confirmed'))
);
--> statement-breakpoint
CREATE TABLE "staff_sync_scope" (
	"source_id" uuid NOT NULL,
	"institution_id" uuid NOT NULL,
	CONSTRAINT "staff_sync_scope_source_id_institution_id_pk" PRIMARY KEY("source_id","institution_id")
);
--> statement-breakpoint
CREATE TABLE "staff_sync_sources" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"location" text,
	"interval_minutes" integer,
	"kommune_id" uuid,
	"default_institution_id" uuid,
	"send_invitations" boolean DEFAULT false NOT NULL,
	"max_deactivate_percent" integer DEFAULT 20 NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"token_hash" text,
	"token_created_at" timestamp with time zone,
	"lease_owner" text,
	"lease_until" timestamp with time zone,
	"next_run_at" timestamp with time zone,
	"force_next_run" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "staff_sync_sources_kind_check" CHECK (kind in ('csv_path', 'csv_url', 'scim')),
	CONSTRAINT "staff_sync_sources_percent_check" CHECK (max_deactivate_percent between 0 and 100)
);
--> statement-breakpoint
ALTER TABLE "staff_sync_people" ADD CONSTRAINT "staff_sync_people_source_id_staff_sync_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."staff_sync_sources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_sync_people" ADD CONSTRAINT "staff_sync_people_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_sync_runs" ADD CONSTRAINT "staff_sync_runs_source_id_staff_sync_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."staff_sync_sources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_sync_scope" ADD CONSTRAINT "staff_sync_scope_source_id_staff_sync_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."staff_sync_sources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_sync_scope" ADD CONSTRAINT "staff_sync_scope_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_sync_sources" ADD CONSTRAINT "staff_sync_sources_kommune_id_kommuner_id_fk" FOREIGN KEY ("kommune_id") REFERENCES "public"."kommuner"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_sync_sources" ADD CONSTRAINT "staff_sync_sources_default_institution_id_institutions_id_fk" FOREIGN KEY ("default_institution_id") REFERENCES "public"."institutions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "staff_sync_people_user_idx" ON "staff_sync_people" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "staff_sync_people_external_key" ON "staff_sync_people" USING btree ("source_id","external_id") WHERE external_id is not null;--> statement-breakpoint
CREATE INDEX "staff_sync_runs_source_idx" ON "staff_sync_runs" USING btree ("source_id","started_at");--> statement-breakpoint
CREATE INDEX "staff_sync_scope_institution_idx" ON "staff_sync_scope" USING btree ("institution_id");--> statement-breakpoint
CREATE INDEX "staff_sync_sources_kommune_idx" ON "staff_sync_sources" USING btree ("kommune_id");--> statement-breakpoint
CREATE INDEX "staff_sync_sources_default_institution_idx" ON "staff_sync_sources" USING btree ("default_institution_id");--> statement-breakpoint
CREATE UNIQUE INDEX "staff_sync_sources_token_key" ON "staff_sync_sources" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "staff_sync_sources_due_idx" ON "staff_sync_sources" USING btree ("next_run_at");