ALTER TABLE "audit_log" ADD COLUMN "supplier" text;--> statement-breakpoint
CREATE UNIQUE INDEX "municipalities_organisation_number_key" ON "municipalities" USING btree ("organisation_number");