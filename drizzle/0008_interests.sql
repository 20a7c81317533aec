-- What a person works with (issue 15): age bands, subjects/themes and methods; the front page narrows to them.
-- No row: never saved (the front page uses what their institution type and teams suggest). Term ids are kept
-- as arrays without foreign keys: a deleted or merged term simply matches nothing any more.
CREATE TABLE "person_interests" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"age_bands" text[] DEFAULT '{}' NOT NULL,
	"subject_ids" uuid[] DEFAULT '{}' NOT NULL,
	"method_ids" uuid[] DEFAULT '{}' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "person_interests" ADD CONSTRAINT "person_interests_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
