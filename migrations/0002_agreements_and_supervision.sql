CREATE TABLE "absences" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agreement_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"from_date" date NOT NULL,
	"to_date" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "absences_period_check" CHECK ("absences"."from_date" <= "absences"."to_date"),
	CONSTRAINT "absences_kind_check" CHECK ("absences"."kind" in ('leave', 'institution_service', 'other'))
);
--> statement-breakpoint
CREATE TABLE "agreements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kommunenummer" text NOT NULL,
	"doctor_id" uuid NOT NULL,
	"employment_form" text NOT NULL,
	"position" text NOT NULL,
	"position_percent" smallint NOT NULL,
	"signed_on" date,
	"start_date" date NOT NULL,
	"via_staffing_agency" boolean DEFAULT false NOT NULL,
	"notes" text,
	"status" text DEFAULT 'draft' NOT NULL,
	"end_date" date,
	"end_reason" text,
	"planned_end_date" date NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agreements_percent_check" CHECK ("agreements"."position_percent" between 1 and 100),
	CONSTRAINT "agreements_status_check" CHECK ("agreements"."status" in ('draft', 'active', 'completed', 'terminated')),
	CONSTRAINT "agreements_employment_form_check" CHECK ("agreements"."employment_form" in ('salaried', 'self_employed')),
	CONSTRAINT "agreements_position_check" CHECK ("agreements"."position" in ('gp', 'gp_locum', 'introduction', 'other')),
	CONSTRAINT "agreements_end_check" CHECK (("agreements"."status" in ('completed', 'terminated')) = ("agreements"."end_date" is not null and "agreements"."end_reason" is not null))
);
--> statement-breakpoint
CREATE TABLE "doctors" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"hpr_number" text NOT NULL,
	"name" text NOT NULL,
	"email" text,
	"phone" text,
	"lis1_completed_on" date,
	"scheme" text DEFAULT 'new' NOT NULL,
	"specialist_approved_on" date,
	"created_by_office_code" text,
	"created_by_kommunenummer" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "doctors_hpr_number_check" CHECK ("doctors"."hpr_number" ~ '^[1-9][0-9]{6,8}$'),
	CONSTRAINT "doctors_scheme_check" CHECK ("doctors"."scheme" in ('new', 'old'))
);
--> statement-breakpoint
CREATE TABLE "registration_transitions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"registration_id" uuid NOT NULL,
	"from_status" text NOT NULL,
	"to_status" text NOT NULL,
	"date" date NOT NULL,
	"note" text,
	"actor_type" text NOT NULL,
	"actor_id" text,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "registrations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kommunenummer" text NOT NULL,
	"specialty" text DEFAULT 'ALM' NOT NULL,
	"status" text DEFAULT 'not_registered' NOT NULL,
	"responsible_name" text,
	"responsible_email" text,
	"education_plan_url" text,
	"supervision_arrangement" text,
	"learning_arenas" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"application_date" date,
	"decision_date" date,
	"registered_from" date,
	"decision_reference" text,
	"notes" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "registrations_specialty_check" CHECK ("registrations"."specialty" in ('ALM', 'SAM')),
	CONSTRAINT "registrations_status_check" CHECK ("registrations"."status" in ('not_registered', 'preparing', 'applied', 'registered', 'rejected', 'deregistered'))
);
--> statement-breakpoint
CREATE TABLE "supervisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agreement_id" uuid NOT NULL,
	"supervisor_id" uuid NOT NULL,
	"role" text NOT NULL,
	"from_date" date NOT NULL,
	"to_date" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "supervisions_period_check" CHECK ("supervisions"."to_date" is null or "supervisions"."from_date" <= "supervisions"."to_date"),
	CONSTRAINT "supervisions_role_check" CHECK ("supervisions"."role" in ('veileder', 'supervisor', 'group_leader'))
);
--> statement-breakpoint
CREATE TABLE "supervisors" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"hpr_number" text NOT NULL,
	"name" text NOT NULL,
	"email" text,
	"phone" text,
	"workplace_kommunenummer" text,
	"specialist_in_general_practice" boolean DEFAULT false NOT NULL,
	"specialist_approved_on" date,
	"exemption_until" date,
	"course_completed_on" date,
	"capacity" smallint NOT NULL,
	"created_by_office_code" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "supervisors_hpr_number_check" CHECK ("supervisors"."hpr_number" ~ '^[1-9][0-9]{6,8}$'),
	CONSTRAINT "supervisors_capacity_check" CHECK ("supervisors"."capacity" between 1 and 50)
);
--> statement-breakpoint
ALTER TABLE "absences" ADD CONSTRAINT "absences_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_kommunenummer_municipalities_kommunenummer_fk" FOREIGN KEY ("kommunenummer") REFERENCES "public"."municipalities"("kommunenummer") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_doctor_id_doctors_id_fk" FOREIGN KEY ("doctor_id") REFERENCES "public"."doctors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "doctors" ADD CONSTRAINT "doctors_created_by_office_code_offices_code_fk" FOREIGN KEY ("created_by_office_code") REFERENCES "public"."offices"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "doctors" ADD CONSTRAINT "doctors_created_by_kommunenummer_municipalities_kommunenummer_fk" FOREIGN KEY ("created_by_kommunenummer") REFERENCES "public"."municipalities"("kommunenummer") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registration_transitions" ADD CONSTRAINT "registration_transitions_registration_id_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."registrations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registrations" ADD CONSTRAINT "registrations_kommunenummer_municipalities_kommunenummer_fk" FOREIGN KEY ("kommunenummer") REFERENCES "public"."municipalities"("kommunenummer") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervisions" ADD CONSTRAINT "supervisions_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervisions" ADD CONSTRAINT "supervisions_supervisor_id_supervisors_id_fk" FOREIGN KEY ("supervisor_id") REFERENCES "public"."supervisors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervisors" ADD CONSTRAINT "supervisors_workplace_kommunenummer_municipalities_kommunenummer_fk" FOREIGN KEY ("workplace_kommunenummer") REFERENCES "public"."municipalities"("kommunenummer") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervisors" ADD CONSTRAINT "supervisors_created_by_office_code_offices_code_fk" FOREIGN KEY ("created_by_office_code") REFERENCES "public"."offices"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "absences_agreement_idx" ON "absences" USING btree ("agreement_id","from_date");--> statement-breakpoint
CREATE UNIQUE INDEX "agreements_one_open_key" ON "agreements" USING btree ("doctor_id","kommunenummer") WHERE "agreements"."status" in ('draft', 'active');--> statement-breakpoint
CREATE INDEX "agreements_municipality_idx" ON "agreements" USING btree ("kommunenummer","status");--> statement-breakpoint
CREATE INDEX "agreements_doctor_idx" ON "agreements" USING btree ("doctor_id");--> statement-breakpoint
CREATE INDEX "agreements_ends_idx" ON "agreements" USING btree ("planned_end_date");--> statement-breakpoint
CREATE UNIQUE INDEX "doctors_hpr_number_key" ON "doctors" USING btree ("hpr_number");--> statement-breakpoint
CREATE INDEX "doctors_name_idx" ON "doctors" USING btree ("name");--> statement-breakpoint
CREATE INDEX "registration_transitions_registration_idx" ON "registration_transitions" USING btree ("registration_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "registrations_municipality_specialty_key" ON "registrations" USING btree ("kommunenummer","specialty");--> statement-breakpoint
CREATE INDEX "registrations_status_idx" ON "registrations" USING btree ("status");--> statement-breakpoint
CREATE UNIQUE INDEX "supervisions_one_open_veileder_key" ON "supervisions" USING btree ("agreement_id") WHERE "supervisions"."role" = 'veileder' and "supervisions"."to_date" is null;--> statement-breakpoint
CREATE INDEX "supervisions_agreement_idx" ON "supervisions" USING btree ("agreement_id");--> statement-breakpoint
CREATE INDEX "supervisions_supervisor_idx" ON "supervisions" USING btree ("supervisor_id","role");--> statement-breakpoint
CREATE UNIQUE INDEX "supervisors_hpr_number_key" ON "supervisors" USING btree ("hpr_number");--> statement-breakpoint
CREATE INDEX "supervisors_workplace_idx" ON "supervisors" USING btree ("workplace_kommunenummer");