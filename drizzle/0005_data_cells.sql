CREATE TABLE "observation_data_cells" (
	"institution_id" uuid NOT NULL,
	"dims" smallint NOT NULL,
	"term" text NOT NULL,
	"subject" text NOT NULL,
	"grade" text NOT NULL,
	"item_key" uuid,
	"area_key" uuid,
	"teachers" integer NOT NULL,
	"visits" integer NOT NULL,
	"answers" integer NOT NULL,
	"value_sum" double precision,
	"value_count" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "observation_data_teachers" (
	"institution_id" uuid NOT NULL,
	"teacher_id" uuid NOT NULL,
	CONSTRAINT "observation_data_teachers_institution_id_teacher_id_pk" PRIMARY KEY("institution_id","teacher_id")
);
--> statement-breakpoint
ALTER TABLE "observation_data_cells" ADD CONSTRAINT "observation_data_cells_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observation_data_teachers" ADD CONSTRAINT "observation_data_teachers_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observation_data_teachers" ADD CONSTRAINT "observation_data_teachers_teacher_id_users_id_fk" FOREIGN KEY ("teacher_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "observation_data_cells_scope_idx" ON "observation_data_cells" USING btree ("institution_id","dims");
--> statement-breakpoint
-- Recomputes the data cells (and data teachers) of the given institutions from their counted visits (policy/sql-observation.ts
-- countsTowardData: completed classroom visits, not flagged, never self-observations). One advisory lock per
-- institution, taken in order, so two transactions never interleave their delete and insert.
CREATE FUNCTION observation_refresh_cells(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  inst uuid;
BEGIN
  IF coalesce(cardinality(ids), 0) = 0 THEN
    RETURN;
  END IF;
  FOR inst IN SELECT DISTINCT u FROM unnest(ids) u WHERE u IS NOT NULL ORDER BY 1 LOOP
    PERFORM pg_advisory_xact_lock(hashtextextended('observation_data_cells:' || inst::text, 0));
  END LOOP;
  DELETE FROM observation_data_teachers WHERE institution_id = ANY (ids);
  INSERT INTO observation_data_teachers
  SELECT DISTINCT v.institution_id, v.teacher_id FROM observation_visits v
  WHERE v.institution_id = ANY (ids) AND v.kind = 'visit' AND v.status = 'completed' AND v.flag IS NULL;
  DELETE FROM observation_data_cells WHERE institution_id = ANY (ids);
  INSERT INTO observation_data_cells
  WITH c AS (
    SELECT v.id, v.institution_id, v.teacher_id, v.term, v.subject, coalesce(v.grade::text, '') AS grade
    FROM observation_visits v
    WHERE v.institution_id = ANY (ids) AND v.kind = 'visit' AND v.status = 'completed' AND v.flag IS NULL
  ), a AS (
    SELECT c.*, a.item_key, a.focus_area_key, a.value_num FROM c
    JOIN observation_answers a ON a.visit_id = c.id AND (a.value_num IS NOT NULL OR a.value_text IS NOT NULL)
  ), cells AS (
    SELECT institution_id, (7 - grouping(term, subject, grade))::smallint AS dims,
      CASE WHEN grouping(term) = 0 THEN term ELSE '' END AS term,
      CASE WHEN grouping(subject) = 0 THEN subject ELSE '' END AS subject,
      CASE WHEN grouping(grade) = 0 THEN grade ELSE '' END AS grade,
      item_key, focus_area_key AS area_key, count(DISTINCT teacher_id)::int AS teachers,
      count(DISTINCT id)::int AS visits, count(*)::int AS answers, sum(value_num) AS value_sum,
      count(value_num)::int AS value_count
    FROM a GROUP BY institution_id, item_key, focus_area_key, cube(term, subject, grade)
    UNION ALL
    SELECT institution_id, (7 - grouping(term, subject, grade))::smallint,
      CASE WHEN grouping(term) = 0 THEN term ELSE '' END, CASE WHEN grouping(subject) = 0 THEN subject ELSE '' END,
      CASE WHEN grouping(grade) = 0 THEN grade ELSE '' END, NULL, focus_area_key,
      count(DISTINCT teacher_id)::int, count(DISTINCT id)::int, count(*)::int, NULL, 0
    FROM a GROUP BY institution_id, focus_area_key, cube(term, subject, grade)
    UNION ALL
    SELECT c.institution_id, (7 - grouping(term, subject, grade))::smallint,
      CASE WHEN grouping(term) = 0 THEN term ELSE '' END, CASE WHEN grouping(subject) = 0 THEN subject ELSE '' END,
      CASE WHEN grouping(grade) = 0 THEN grade ELSE '' END, NULL, NULL,
      count(DISTINCT CASE WHEN n.answers > 0 THEN teacher_id END)::int, count(*)::int,
      coalesce(sum(n.answers), 0)::int, NULL, 0
    FROM c CROSS JOIN LATERAL (
      SELECT count(*) AS answers FROM observation_answers a
      WHERE a.visit_id = c.id AND (a.value_num IS NOT NULL OR a.value_text IS NOT NULL)
    ) n
    GROUP BY c.institution_id, cube(term, subject, grade)
  )
  SELECT * FROM cells ORDER BY institution_id, dims, term, subject, grade;
END $$;
--> statement-breakpoint
CREATE FUNCTION observation_cells_on_visits() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF tg_op = 'INSERT' THEN
    PERFORM observation_refresh_cells(array(SELECT DISTINCT institution_id FROM new_rows
      WHERE kind = 'visit' AND status = 'completed' AND flag IS NULL));
  ELSIF tg_op = 'DELETE' THEN
    PERFORM observation_refresh_cells(array(SELECT DISTINCT institution_id FROM old_rows
      WHERE kind = 'visit' AND status = 'completed' AND flag IS NULL));
  ELSE
    -- Only a change that moves a counted visit in or out, or changes where it counts.
    PERFORM observation_refresh_cells(array(
      SELECT DISTINCT x.institution_id FROM old_rows o JOIN new_rows n ON n.id = o.id
      CROSS JOIN LATERAL (VALUES (o.institution_id), (n.institution_id)) x (institution_id)
      WHERE ((o.kind = 'visit' AND o.status = 'completed' AND o.flag IS NULL)
          OR (n.kind = 'visit' AND n.status = 'completed' AND n.flag IS NULL))
        AND (o.institution_id, o.teacher_id, o.kind, o.status, o.flag, o.term, o.subject, o.grade)
          IS DISTINCT FROM (n.institution_id, n.teacher_id, n.kind, n.status, n.flag, n.term, n.subject, n.grade)));
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION observation_cells_on_answers() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF tg_op = 'DELETE' THEN
    PERFORM observation_refresh_cells(array(SELECT DISTINCT v.institution_id FROM observation_visits v
      WHERE v.id IN (SELECT visit_id FROM old_rows)
        AND v.kind = 'visit' AND v.status = 'completed' AND v.flag IS NULL));
  ELSE
    PERFORM observation_refresh_cells(array(SELECT DISTINCT v.institution_id FROM observation_visits v
      WHERE v.id IN (SELECT visit_id FROM new_rows)
        AND v.kind = 'visit' AND v.status = 'completed' AND v.flag IS NULL));
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER observation_visits_cells_insert AFTER INSERT ON observation_visits
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION observation_cells_on_visits();
--> statement-breakpoint
CREATE TRIGGER observation_visits_cells_update AFTER UPDATE ON observation_visits
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION observation_cells_on_visits();
--> statement-breakpoint
CREATE TRIGGER observation_visits_cells_delete AFTER DELETE ON observation_visits
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION observation_cells_on_visits();
--> statement-breakpoint
CREATE TRIGGER observation_answers_cells_insert AFTER INSERT ON observation_answers
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION observation_cells_on_answers();
--> statement-breakpoint
CREATE TRIGGER observation_answers_cells_update AFTER UPDATE ON observation_answers
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION observation_cells_on_answers();
--> statement-breakpoint
CREATE TRIGGER observation_answers_cells_delete AFTER DELETE ON observation_answers
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION observation_cells_on_answers();
--> statement-breakpoint
SELECT observation_refresh_cells(array(SELECT id FROM institutions));
