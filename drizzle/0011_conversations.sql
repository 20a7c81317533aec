CREATE TABLE "conversation_packages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"institution_id" uuid NOT NULL,
	"title" text NOT NULL,
	"planned_on" date,
	"state" text DEFAULT 'draft' NOT NULL,
	"themes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"snapshot" jsonb,
	"shared_at" timestamp with time zone,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "conversation_packages_state_check" CHECK (state in ('draft', 'shared')),
	CONSTRAINT "conversation_packages_snapshot_check" CHECK (("conversation_packages"."state" = 'draft') = ("conversation_packages"."snapshot" is null and "conversation_packages"."shared_at" is null))
);
--> statement-breakpoint
CREATE TABLE "conversation_records" (
	"package_id" uuid PRIMARY KEY NOT NULL,
	"held_on" date,
	"participants" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"guests" text DEFAULT '' NOT NULL,
	"follow_up" text DEFAULT '' NOT NULL,
	"reflections" text DEFAULT '' NOT NULL,
	"focus" text DEFAULT '' NOT NULL,
	"goals" text DEFAULT '' NOT NULL,
	"efforts" text DEFAULT '' NOT NULL,
	"next_step" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "conversation_packages" ADD CONSTRAINT "conversation_packages_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversation_packages" ADD CONSTRAINT "conversation_packages_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversation_records" ADD CONSTRAINT "conversation_records_package_id_conversation_packages_id_fk" FOREIGN KEY ("package_id") REFERENCES "public"."conversation_packages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversation_records" ADD CONSTRAINT "conversation_records_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "conversation_packages_institution_idx" ON "conversation_packages" USING btree ("institution_id","planned_on");--> statement-breakpoint
CREATE INDEX "conversation_packages_created_by_idx" ON "conversation_packages" USING btree ("created_by");--> statement-breakpoint
CREATE INDEX "conversation_records_updated_by_idx" ON "conversation_records" USING btree ("updated_by");