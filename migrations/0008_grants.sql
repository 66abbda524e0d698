CREATE TABLE "grant_application_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"position" smallint NOT NULL,
	"agreement_id" uuid,
	"doctor_id" uuid NOT NULL,
	"line_type" text NOT NULL,
	"position_percent" smallint NOT NULL,
	"months" smallint NOT NULL,
	"annual_rate_nok" integer,
	"amount_nok" integer,
	CONSTRAINT "grant_application_lines_type_check" CHECK ("grant_application_lines"."line_type" in ('gp', 'gp_locum', 'introduction', 'other', 'guidance_only')),
	CONSTRAINT "grant_application_lines_values_check" CHECK ("grant_application_lines"."position_percent" between 0 and 999 and "grant_application_lines"."months" between 0 and 999),
	CONSTRAINT "grant_application_lines_fixed_check" CHECK (("grant_application_lines"."annual_rate_nok" is null) = ("grant_application_lines"."amount_nok" is null))
);
--> statement-breakpoint
CREATE TABLE "grant_application_transitions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"application_id" uuid NOT NULL,
	"from_status" text NOT NULL,
	"to_status" text NOT NULL,
	"date" date NOT NULL,
	"reason" text,
	"actor_type" text NOT NULL,
	"actor_id" text,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "grant_applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kommunenummer" text NOT NULL,
	"scheme_code" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"notes" text,
	"rate_version" integer,
	"centrality_class" smallint,
	"organisation_number" text,
	"total_nok" integer,
	"submitted_on" date,
	"late_submission_reason" text,
	"decision_date" date,
	"decision_reference" text,
	"granted_nok" integer,
	"paid_on" date,
	"paid_nok" integer,
	"withdrawn_on" date,
	"auditor_certificate_received_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "grant_applications_status_check" CHECK ("grant_applications"."status" in ('draft', 'submitted', 'granted', 'partially_granted', 'rejected', 'paid', 'withdrawn')),
	CONSTRAINT "grant_applications_fixed_check" CHECK (("grant_applications"."submitted_on" is null) = ("grant_applications"."rate_version" is null) and ("grant_applications"."submitted_on" is null) = ("grant_applications"."centrality_class" is null) and ("grant_applications"."submitted_on" is null) = ("grant_applications"."total_nok" is null)),
	CONSTRAINT "grant_applications_submitted_check" CHECK (("grant_applications"."status" in ('draft', 'withdrawn')) or "grant_applications"."submitted_on" is not null),
	CONSTRAINT "grant_applications_decision_check" CHECK (("grant_applications"."status" in ('granted', 'partially_granted', 'rejected', 'paid')) = ("grant_applications"."decision_date" is not null)),
	CONSTRAINT "grant_applications_granted_check" CHECK (("grant_applications"."status" in ('granted', 'partially_granted', 'paid')) = ("grant_applications"."granted_nok" is not null)),
	CONSTRAINT "grant_applications_granted_amount_check" CHECK ("grant_applications"."granted_nok" is null or ("grant_applications"."granted_nok" >= 1 and "grant_applications"."granted_nok" <= "grant_applications"."total_nok")),
	CONSTRAINT "grant_applications_paid_check" CHECK (("grant_applications"."status" = 'paid') = ("grant_applications"."paid_on" is not null and "grant_applications"."paid_nok" is not null)),
	CONSTRAINT "grant_applications_paid_amount_check" CHECK ("grant_applications"."paid_nok" is null or ("grant_applications"."paid_nok" >= 1 and "grant_applications"."paid_nok" <= "grant_applications"."granted_nok")),
	CONSTRAINT "grant_applications_withdrawn_check" CHECK (("grant_applications"."status" = 'withdrawn') = ("grant_applications"."withdrawn_on" is not null)),
	CONSTRAINT "grant_applications_centrality_class_check" CHECK ("grant_applications"."centrality_class" between 1 and 6)
);
--> statement-breakpoint
CREATE TABLE "grant_rate_versions" (
	"scheme_code" text NOT NULL,
	"version" integer NOT NULL,
	"annual_rates_nok" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "grant_rate_versions_scheme_code_version_pk" PRIMARY KEY("scheme_code","version"),
	CONSTRAINT "grant_rate_versions_version_check" CHECK ("grant_rate_versions"."version" >= 1)
);
--> statement-breakpoint
CREATE TABLE "grant_schemes" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"application_deadline" date NOT NULL,
	"expected_decision_date" date NOT NULL,
	"auditor_certificate_due_date" date NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "grant_schemes_code_check" CHECK ("grant_schemes"."code" ~ '^[a-z0-9][a-z0-9-]{1,39}$'),
	CONSTRAINT "grant_schemes_period_check" CHECK ("grant_schemes"."period_from" <= "grant_schemes"."period_to")
);
--> statement-breakpoint
ALTER TABLE "grant_application_lines" ADD CONSTRAINT "grant_application_lines_application_id_grant_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."grant_applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_application_lines" ADD CONSTRAINT "grant_application_lines_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_application_lines" ADD CONSTRAINT "grant_application_lines_doctor_id_doctors_id_fk" FOREIGN KEY ("doctor_id") REFERENCES "public"."doctors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_application_transitions" ADD CONSTRAINT "grant_application_transitions_application_id_grant_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."grant_applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_applications" ADD CONSTRAINT "grant_applications_kommunenummer_municipalities_kommunenummer_fk" FOREIGN KEY ("kommunenummer") REFERENCES "public"."municipalities"("kommunenummer") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_applications" ADD CONSTRAINT "grant_applications_scheme_code_grant_schemes_code_fk" FOREIGN KEY ("scheme_code") REFERENCES "public"."grant_schemes"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_applications" ADD CONSTRAINT "grant_applications_rate_version_fk" FOREIGN KEY ("scheme_code","rate_version") REFERENCES "public"."grant_rate_versions"("scheme_code","version") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_rate_versions" ADD CONSTRAINT "grant_rate_versions_scheme_code_grant_schemes_code_fk" FOREIGN KEY ("scheme_code") REFERENCES "public"."grant_schemes"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "grant_application_lines_position_key" ON "grant_application_lines" USING btree ("application_id","position");--> statement-breakpoint
CREATE INDEX "grant_application_lines_doctor_idx" ON "grant_application_lines" USING btree ("doctor_id");--> statement-breakpoint
CREATE INDEX "grant_application_lines_agreement_idx" ON "grant_application_lines" USING btree ("agreement_id");--> statement-breakpoint
CREATE INDEX "grant_application_transitions_application_idx" ON "grant_application_transitions" USING btree ("application_id","id");--> statement-breakpoint
CREATE INDEX "grant_applications_municipality_idx" ON "grant_applications" USING btree ("kommunenummer","scheme_code");--> statement-breakpoint
CREATE INDEX "grant_applications_scheme_idx" ON "grant_applications" USING btree ("scheme_code","status");--> statement-breakpoint
CREATE INDEX "grant_applications_created_idx" ON "grant_applications" USING btree ("created_at","id");--> statement-breakpoint
-- The national scheme, seeded with a sample rate table (EKSEMPELSATSER): an admin replaces it.
INSERT INTO "grant_schemes" ("code", "name", "description", "period_from", "period_to", "application_deadline", "expected_decision_date", "auditor_certificate_due_date")
VALUES ('nasjonal-alis-2026', 'Nasjonal ALIS og veiledning 2026', 'Tilskuddsordningen Nasjonal ALIS og veiledning for 2026. EKSEMPELSATSER: satstabellen er et eksempel, ikke Helsedirektoratets satser, og må erstattes av en administrator.', '2026-01-01', '2026-12-31', '2027-03-01', '2027-06-01', '2028-04-01')
ON CONFLICT ("code") DO NOTHING;
--> statement-breakpoint
INSERT INTO "grant_rate_versions" ("scheme_code", "version", "annual_rates_nok")
VALUES ('nasjonal-alis-2026', 1, '{"gp":{"1":300000,"2":320000,"3":350000,"4":380000,"5":412000,"6":450000},"gp_locum":{"1":250000,"2":270000,"3":300000,"4":330000,"5":360000,"6":400000},"introduction":{"1":200000,"2":220000,"3":250000,"4":280000,"5":310000,"6":350000},"other":{"1":150000,"2":170000,"3":190000,"4":210000,"5":230000,"6":250000},"guidance_only":{"1":40000,"2":45000,"3":50000,"4":55000,"5":60000,"6":70000}}'::jsonb)
ON CONFLICT DO NOTHING;
