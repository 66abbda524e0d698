CREATE TABLE "report_data_version" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"version" bigint DEFAULT 1 NOT NULL,
	CONSTRAINT "report_data_version_one_row_check" CHECK ("report_data_version"."id" = 1)
);
--> statement-breakpoint
INSERT INTO "report_data_version" ("id", "version") VALUES (1, 1) ON CONFLICT DO NOTHING;
--> statement-breakpoint
-- Bumps the reports' data version once per transaction that changed what reports read. The triggers
-- that call it are deferred to the commit, so the row lock on the version is taken last and held for
-- the instant of the commit (after the change feed's lock: no two locks are taken in another order).
CREATE OR REPLACE FUNCTION "bump_report_data_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('alis.report_data_bumped', true) IS DISTINCT FROM txid_current()::text THEN
    PERFORM set_config('alis.report_data_bumped', txid_current()::text, true);
    UPDATE "report_data_version" SET "version" = "version" + 1 WHERE "id" = 1;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "offices_report_data_changed" AFTER INSERT OR UPDATE OR DELETE ON "offices" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_report_data_version"();
--> statement-breakpoint
CREATE TRIGGER "offices_report_data_truncated" AFTER TRUNCATE ON "offices" FOR EACH STATEMENT EXECUTE FUNCTION "bump_report_data_version"();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "counties_report_data_changed" AFTER INSERT OR UPDATE OR DELETE ON "counties" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_report_data_version"();
--> statement-breakpoint
CREATE TRIGGER "counties_report_data_truncated" AFTER TRUNCATE ON "counties" FOR EACH STATEMENT EXECUTE FUNCTION "bump_report_data_version"();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "municipalities_report_data_changed" AFTER INSERT OR UPDATE OR DELETE ON "municipalities" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_report_data_version"();
--> statement-breakpoint
CREATE TRIGGER "municipalities_report_data_truncated" AFTER TRUNCATE ON "municipalities" FOR EACH STATEMENT EXECUTE FUNCTION "bump_report_data_version"();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "registrations_report_data_changed" AFTER INSERT OR UPDATE OR DELETE ON "registrations" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_report_data_version"();
--> statement-breakpoint
CREATE TRIGGER "registrations_report_data_truncated" AFTER TRUNCATE ON "registrations" FOR EACH STATEMENT EXECUTE FUNCTION "bump_report_data_version"();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "registration_transitions_report_data_changed" AFTER INSERT OR UPDATE OR DELETE ON "registration_transitions" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_report_data_version"();
--> statement-breakpoint
CREATE TRIGGER "registration_transitions_report_data_truncated" AFTER TRUNCATE ON "registration_transitions" FOR EACH STATEMENT EXECUTE FUNCTION "bump_report_data_version"();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "registration_periods_report_data_changed" AFTER INSERT OR UPDATE OR DELETE ON "registration_periods" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_report_data_version"();
--> statement-breakpoint
CREATE TRIGGER "registration_periods_report_data_truncated" AFTER TRUNCATE ON "registration_periods" FOR EACH STATEMENT EXECUTE FUNCTION "bump_report_data_version"();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "doctors_report_data_changed" AFTER INSERT OR UPDATE OR DELETE ON "doctors" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_report_data_version"();
--> statement-breakpoint
CREATE TRIGGER "doctors_report_data_truncated" AFTER TRUNCATE ON "doctors" FOR EACH STATEMENT EXECUTE FUNCTION "bump_report_data_version"();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "agreements_report_data_changed" AFTER INSERT OR UPDATE OR DELETE ON "agreements" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_report_data_version"();
--> statement-breakpoint
CREATE TRIGGER "agreements_report_data_truncated" AFTER TRUNCATE ON "agreements" FOR EACH STATEMENT EXECUTE FUNCTION "bump_report_data_version"();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "agreement_shares_report_data_changed" AFTER INSERT OR UPDATE OR DELETE ON "agreement_shares" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_report_data_version"();
--> statement-breakpoint
CREATE TRIGGER "agreement_shares_report_data_truncated" AFTER TRUNCATE ON "agreement_shares" FOR EACH STATEMENT EXECUTE FUNCTION "bump_report_data_version"();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "absences_report_data_changed" AFTER INSERT OR UPDATE OR DELETE ON "absences" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_report_data_version"();
--> statement-breakpoint
CREATE TRIGGER "absences_report_data_truncated" AFTER TRUNCATE ON "absences" FOR EACH STATEMENT EXECUTE FUNCTION "bump_report_data_version"();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "supervisors_report_data_changed" AFTER INSERT OR UPDATE OR DELETE ON "supervisors" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_report_data_version"();
--> statement-breakpoint
CREATE TRIGGER "supervisors_report_data_truncated" AFTER TRUNCATE ON "supervisors" FOR EACH STATEMENT EXECUTE FUNCTION "bump_report_data_version"();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "supervisions_report_data_changed" AFTER INSERT OR UPDATE OR DELETE ON "supervisions" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_report_data_version"();
--> statement-breakpoint
CREATE TRIGGER "supervisions_report_data_truncated" AFTER TRUNCATE ON "supervisions" FOR EACH STATEMENT EXECUTE FUNCTION "bump_report_data_version"();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "grant_schemes_report_data_changed" AFTER INSERT OR UPDATE OR DELETE ON "grant_schemes" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_report_data_version"();
--> statement-breakpoint
CREATE TRIGGER "grant_schemes_report_data_truncated" AFTER TRUNCATE ON "grant_schemes" FOR EACH STATEMENT EXECUTE FUNCTION "bump_report_data_version"();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "grant_rate_versions_report_data_changed" AFTER INSERT OR UPDATE OR DELETE ON "grant_rate_versions" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_report_data_version"();
--> statement-breakpoint
CREATE TRIGGER "grant_rate_versions_report_data_truncated" AFTER TRUNCATE ON "grant_rate_versions" FOR EACH STATEMENT EXECUTE FUNCTION "bump_report_data_version"();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "grant_applications_report_data_changed" AFTER INSERT OR UPDATE OR DELETE ON "grant_applications" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_report_data_version"();
--> statement-breakpoint
CREATE TRIGGER "grant_applications_report_data_truncated" AFTER TRUNCATE ON "grant_applications" FOR EACH STATEMENT EXECUTE FUNCTION "bump_report_data_version"();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "grant_application_lines_report_data_changed" AFTER INSERT OR UPDATE OR DELETE ON "grant_application_lines" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_report_data_version"();
--> statement-breakpoint
CREATE TRIGGER "grant_application_lines_report_data_truncated" AFTER TRUNCATE ON "grant_application_lines" FOR EACH STATEMENT EXECUTE FUNCTION "bump_report_data_version"();
