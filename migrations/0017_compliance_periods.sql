CREATE TABLE "compliance_periods" (
	"ord" smallint NOT NULL,
	"kommunenummer" text NOT NULL,
	"agreement_id" uuid NOT NULL,
	"doctor_id" uuid,
	"supervisor_id" uuid,
	"from_date" date NOT NULL,
	"to_date" date NOT NULL,
	"date" date,
	"count" integer
);
--> statement-breakpoint
CREATE TABLE "compliance_periods_version" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"version" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "compliance_periods_version_one_row_check" CHECK ("compliance_periods_version"."id" = 1)
);
--> statement-breakpoint
CREATE INDEX "compliance_periods_day_idx" ON "compliance_periods" USING btree ("kommunenummer","from_date","to_date");--> statement-breakpoint
-- Version 0 is older than any data version, so the first compliance report builds the periods.
INSERT INTO "compliance_periods_version" ("id", "version") VALUES (1, 0) ON CONFLICT DO NOTHING;
