CREATE TABLE "doctor_offices" (
	"office_code" text NOT NULL,
	"doctor_id" uuid NOT NULL,
	"name" text NOT NULL,
	CONSTRAINT "doctor_offices_office_code_doctor_id_pk" PRIMARY KEY("office_code","doctor_id")
);
--> statement-breakpoint
CREATE TABLE "supervisor_offices" (
	"office_code" text NOT NULL,
	"supervisor_id" uuid NOT NULL,
	"name" text NOT NULL,
	CONSTRAINT "supervisor_offices_office_code_supervisor_id_pk" PRIMARY KEY("office_code","supervisor_id")
);
--> statement-breakpoint
ALTER TABLE "doctor_offices" ADD CONSTRAINT "doctor_offices_office_code_offices_code_fk" FOREIGN KEY ("office_code") REFERENCES "public"."offices"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "doctor_offices" ADD CONSTRAINT "doctor_offices_doctor_id_doctors_id_fk" FOREIGN KEY ("doctor_id") REFERENCES "public"."doctors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervisor_offices" ADD CONSTRAINT "supervisor_offices_office_code_offices_code_fk" FOREIGN KEY ("office_code") REFERENCES "public"."offices"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervisor_offices" ADD CONSTRAINT "supervisor_offices_supervisor_id_supervisors_id_fk" FOREIGN KEY ("supervisor_id") REFERENCES "public"."supervisors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "doctor_offices_page_idx" ON "doctor_offices" USING btree ("office_code","name","doctor_id");--> statement-breakpoint
CREATE INDEX "doctor_offices_doctor_idx" ON "doctor_offices" USING btree ("doctor_id");--> statement-breakpoint
CREATE INDEX "supervisor_offices_page_idx" ON "supervisor_offices" USING btree ("office_code","name","supervisor_id");--> statement-breakpoint
CREATE INDEX "supervisor_offices_supervisor_idx" ON "supervisor_offices" USING btree ("supervisor_id");--> statement-breakpoint
-- Which offices see a doctor: an agreement (any status) in one of its municipalities, registered by one
-- of its users, or registered through the client of one of its municipalities (doctors.repo.ts visibleTo).
CREATE OR REPLACE FUNCTION "refresh_doctor_offices"(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "doctor_offices" WHERE "doctor_id" = ANY(ids);
  INSERT INTO "doctor_offices" ("office_code", "doctor_id", "name")
  SELECT DISTINCT v.office_code, d.id, d.name FROM "doctors" d CROSS JOIN LATERAL (
    SELECT m.office_code FROM "agreements" a JOIN "municipalities" m ON m.kommunenummer = a.kommunenummer WHERE a.doctor_id = d.id
    UNION ALL SELECT d.created_by_office_code
    UNION ALL SELECT m.office_code FROM "municipalities" m WHERE m.kommunenummer = d.created_by_kommunenummer
  ) v WHERE d.id = ANY(ids) AND v.office_code IS NOT NULL;
END
$$;
--> statement-breakpoint
-- Which offices see a supervisor: workplace in one of its municipalities, a supervision (any period) of an
-- agreement in one of them, or registered by one of its users (supervisors.repo.ts visibleTo).
CREATE OR REPLACE FUNCTION "refresh_supervisor_offices"(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "supervisor_offices" WHERE "supervisor_id" = ANY(ids);
  INSERT INTO "supervisor_offices" ("office_code", "supervisor_id", "name")
  SELECT DISTINCT v.office_code, s.id, s.name FROM "supervisors" s CROSS JOIN LATERAL (
    SELECT m.office_code FROM "supervisions" sn JOIN "agreements" a ON a.id = sn.agreement_id
      JOIN "municipalities" m ON m.kommunenummer = a.kommunenummer WHERE sn.supervisor_id = s.id
    UNION ALL SELECT s.created_by_office_code
    UNION ALL SELECT m.office_code FROM "municipalities" m WHERE m.kommunenummer = s.workplace_kommunenummer
  ) v WHERE s.id = ANY(ids) AND v.office_code IS NOT NULL;
END
$$;
--> statement-breakpoint
-- Statement triggers with transition tables: an import of 10 000 rows refreshes once, not 10 000 times.
CREATE OR REPLACE FUNCTION "doctors_office_visibility"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    -- A new doctor has no agreements yet: only who registered it.
    INSERT INTO "doctor_offices" ("office_code", "doctor_id", "name")
    SELECT DISTINCT v.office_code, n.id, n.name FROM new_rows n CROSS JOIN LATERAL (
      SELECT n.created_by_office_code UNION ALL SELECT m.office_code FROM "municipalities" m WHERE m.kommunenummer = n.created_by_kommunenummer
    ) v(office_code) WHERE v.office_code IS NOT NULL
    ON CONFLICT DO NOTHING;
  ELSE
    PERFORM "refresh_doctor_offices"(ARRAY(SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
      WHERE (n.name, n.created_by_office_code, n.created_by_kommunenummer) IS DISTINCT FROM (o.name, o.created_by_office_code, o.created_by_kommunenummer)));
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "doctors_office_visibility_inserted" AFTER INSERT ON "doctors" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "doctors_office_visibility"();
--> statement-breakpoint
CREATE TRIGGER "doctors_office_visibility_updated" AFTER UPDATE ON "doctors" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "doctors_office_visibility"();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION "supervisors_office_visibility"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    -- A new supervisor supervises nobody yet: only its workplace and who registered it.
    INSERT INTO "supervisor_offices" ("office_code", "supervisor_id", "name")
    SELECT DISTINCT v.office_code, n.id, n.name FROM new_rows n CROSS JOIN LATERAL (
      SELECT n.created_by_office_code UNION ALL SELECT m.office_code FROM "municipalities" m WHERE m.kommunenummer = n.workplace_kommunenummer
    ) v(office_code) WHERE v.office_code IS NOT NULL
    ON CONFLICT DO NOTHING;
  ELSE
    PERFORM "refresh_supervisor_offices"(ARRAY(SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
      WHERE (n.name, n.created_by_office_code, n.workplace_kommunenummer) IS DISTINCT FROM (o.name, o.created_by_office_code, o.workplace_kommunenummer)));
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "supervisors_office_visibility_inserted" AFTER INSERT ON "supervisors" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "supervisors_office_visibility"();
--> statement-breakpoint
CREATE TRIGGER "supervisors_office_visibility_updated" AFTER UPDATE ON "supervisors" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "supervisors_office_visibility"();
--> statement-breakpoint
-- A new agreement only adds its municipality's office; a moved or deleted one is recomputed, for the
-- doctor and for the supervisors of its supervisions.
CREATE OR REPLACE FUNCTION "agreements_office_visibility"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO "doctor_offices" ("office_code", "doctor_id", "name")
    SELECT DISTINCT m.office_code, d.id, d.name FROM new_rows a
      JOIN "municipalities" m ON m.kommunenummer = a.kommunenummer JOIN "doctors" d ON d.id = a.doctor_id
    ON CONFLICT DO NOTHING;
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM "refresh_doctor_offices"(ARRAY(
      SELECT n.doctor_id FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE (n.kommunenummer, n.doctor_id) IS DISTINCT FROM (o.kommunenummer, o.doctor_id)
      UNION SELECT o.doctor_id FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE (n.kommunenummer, n.doctor_id) IS DISTINCT FROM (o.kommunenummer, o.doctor_id)));
    PERFORM "refresh_supervisor_offices"(ARRAY(
      SELECT DISTINCT sn.supervisor_id FROM new_rows n JOIN old_rows o ON o.id = n.id JOIN "supervisions" sn ON sn.agreement_id = n.id
      WHERE n.kommunenummer IS DISTINCT FROM o.kommunenummer));
  ELSE
    PERFORM "refresh_doctor_offices"(ARRAY(SELECT DISTINCT doctor_id FROM old_rows));
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "agreements_office_visibility_inserted" AFTER INSERT ON "agreements" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "agreements_office_visibility"();
--> statement-breakpoint
CREATE TRIGGER "agreements_office_visibility_updated" AFTER UPDATE ON "agreements" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "agreements_office_visibility"();
--> statement-breakpoint
CREATE TRIGGER "agreements_office_visibility_deleted" AFTER DELETE ON "agreements" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "agreements_office_visibility"();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION "supervisions_office_visibility"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO "supervisor_offices" ("office_code", "supervisor_id", "name")
    SELECT DISTINCT m.office_code, s.id, s.name FROM new_rows sn JOIN "agreements" a ON a.id = sn.agreement_id
      JOIN "municipalities" m ON m.kommunenummer = a.kommunenummer JOIN "supervisors" s ON s.id = sn.supervisor_id
    ON CONFLICT DO NOTHING;
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM "refresh_supervisor_offices"(ARRAY(
      SELECT n.supervisor_id FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE (n.agreement_id, n.supervisor_id) IS DISTINCT FROM (o.agreement_id, o.supervisor_id)
      UNION SELECT o.supervisor_id FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE (n.agreement_id, n.supervisor_id) IS DISTINCT FROM (o.agreement_id, o.supervisor_id)));
  ELSE
    PERFORM "refresh_supervisor_offices"(ARRAY(SELECT DISTINCT supervisor_id FROM old_rows));
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "supervisions_office_visibility_inserted" AFTER INSERT ON "supervisions" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "supervisions_office_visibility"();
--> statement-breakpoint
CREATE TRIGGER "supervisions_office_visibility_updated" AFTER UPDATE ON "supervisions" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "supervisions_office_visibility"();
--> statement-breakpoint
CREATE TRIGGER "supervisions_office_visibility_deleted" AFTER DELETE ON "supervisions" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "supervisions_office_visibility"();
--> statement-breakpoint
-- A municipality moved to another office: everyone it makes visible is recomputed (rare: reference data).
CREATE OR REPLACE FUNCTION "municipalities_office_visibility"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  moved text[] := ARRAY(SELECT n.kommunenummer FROM new_rows n JOIN old_rows o ON o.kommunenummer = n.kommunenummer
    WHERE n.office_code IS DISTINCT FROM o.office_code);
BEGIN
  IF cardinality(moved) = 0 THEN RETURN NULL; END IF;
  PERFORM "refresh_doctor_offices"(ARRAY(
    SELECT a.doctor_id FROM "agreements" a WHERE a.kommunenummer = ANY(moved)
    UNION SELECT d.id FROM "doctors" d WHERE d.created_by_kommunenummer = ANY(moved)));
  PERFORM "refresh_supervisor_offices"(ARRAY(
    SELECT sn.supervisor_id FROM "supervisions" sn JOIN "agreements" a ON a.id = sn.agreement_id WHERE a.kommunenummer = ANY(moved)
    UNION SELECT s.id FROM "supervisors" s WHERE s.workplace_kommunenummer = ANY(moved)));
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "municipalities_office_visibility_updated" AFTER UPDATE ON "municipalities" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "municipalities_office_visibility"();
--> statement-breakpoint
-- What is there already.
SELECT "refresh_doctor_offices"(ARRAY(SELECT id FROM "doctors"));
--> statement-breakpoint
SELECT "refresh_supervisor_offices"(ARRAY(SELECT id FROM "supervisors"));
