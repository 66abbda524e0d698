CREATE TABLE "registration_periods" (
	"registration_id" uuid NOT NULL,
	"kommunenummer" text NOT NULL,
	"specialty" text NOT NULL,
	"status" text NOT NULL,
	"from_date" date NOT NULL,
	"to_date" date,
	CONSTRAINT "registration_periods_registration_id_from_date_pk" PRIMARY KEY("registration_id","from_date"),
	CONSTRAINT "registration_periods_period_check" CHECK ("registration_periods"."to_date" is null or "registration_periods"."from_date" <= "registration_periods"."to_date")
);
--> statement-breakpoint
DROP INDEX "agreements_doctor_idx";--> statement-breakpoint
DROP INDEX "agreements_ends_idx";--> statement-breakpoint
DROP INDEX "doctors_name_idx";--> statement-breakpoint
ALTER TABLE "registration_periods" ADD CONSTRAINT "registration_periods_registration_id_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."registrations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "registration_periods_municipality_idx" ON "registration_periods" USING btree ("kommunenummer","specialty","from_date");--> statement-breakpoint
CREATE INDEX "agreements_start_idx" ON "agreements" USING btree ("start_date","id");--> statement-breakpoint
CREATE INDEX "agreements_municipality_start_idx" ON "agreements" USING btree ("kommunenummer","start_date","id");--> statement-breakpoint
CREATE INDEX "agreements_municipality_id_idx" ON "agreements" USING btree ("kommunenummer","id");--> statement-breakpoint
CREATE INDEX "municipalities_name_idx" ON "municipalities" USING btree ("short_name","kommunenummer");--> statement-breakpoint
CREATE INDEX "supervisions_veileder_load_idx" ON "supervisions" USING btree ("supervisor_id","from_date","to_date") WHERE "supervisions"."role" = 'veileder';--> statement-breakpoint
CREATE INDEX "supervisors_name_idx" ON "supervisors" USING btree ("name","id");--> statement-breakpoint
CREATE INDEX "agreements_doctor_idx" ON "agreements" USING btree ("doctor_id","id");--> statement-breakpoint
CREATE INDEX "agreements_ends_idx" ON "agreements" USING btree ("planned_end_date","id");--> statement-breakpoint
CREATE INDEX "doctors_name_idx" ON "doctors" USING btree ("name","id");