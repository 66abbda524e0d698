-- The worklist is cached like the reports, by the same data version: the office's own work it reads (follow-ups,
-- courses and their participants) bumps it too, at the commit (see 0013_reports.sql).
CREATE CONSTRAINT TRIGGER "follow_ups_report_data_changed" AFTER INSERT OR UPDATE OR DELETE ON "follow_ups" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_report_data_version"();
--> statement-breakpoint
CREATE TRIGGER "follow_ups_report_data_truncated" AFTER TRUNCATE ON "follow_ups" FOR EACH STATEMENT EXECUTE FUNCTION "bump_report_data_version"();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "courses_report_data_changed" AFTER INSERT OR UPDATE OR DELETE ON "courses" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_report_data_version"();
--> statement-breakpoint
CREATE TRIGGER "courses_report_data_truncated" AFTER TRUNCATE ON "courses" FOR EACH STATEMENT EXECUTE FUNCTION "bump_report_data_version"();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "course_participants_report_data_changed" AFTER INSERT OR UPDATE OR DELETE ON "course_participants" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_report_data_version"();
--> statement-breakpoint
CREATE TRIGGER "course_participants_report_data_truncated" AFTER TRUNCATE ON "course_participants" FOR EACH STATEMENT EXECUTE FUNCTION "bump_report_data_version"();
