CREATE TABLE "progression_import_bands" (
	"area_id" uuid PRIMARY KEY NOT NULL,
	"bands" jsonb NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "progression_import_bands" ADD CONSTRAINT "progression_import_bands_area_id_progression_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."progression_areas"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progression_import_bands" ADD CONSTRAINT "progression_import_bands_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;