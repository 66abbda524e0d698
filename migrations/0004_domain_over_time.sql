CREATE TABLE "agreement_shares" (
	"agreement_id" uuid NOT NULL,
	"from_date" date NOT NULL,
	"percent" smallint NOT NULL,
	CONSTRAINT "agreement_shares_agreement_id_from_date_pk" PRIMARY KEY("agreement_id","from_date"),
	CONSTRAINT "agreement_shares_percent_check" CHECK ("agreement_shares"."percent" between 1 and 100)
);
--> statement-breakpoint
ALTER TABLE "agreements" DROP CONSTRAINT "agreements_status_check";--> statement-breakpoint
ALTER TABLE "agreements" ADD COLUMN "cancellation_reason" text;--> statement-breakpoint
ALTER TABLE "supervisors" ADD COLUMN "exemption_from" date;--> statement-breakpoint
ALTER TABLE "agreement_shares" ADD CONSTRAINT "agreement_shares_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_cancelled_check" CHECK (("agreements"."status" = 'cancelled') = ("agreements"."cancellation_reason" is not null));--> statement-breakpoint
-- Agreements closed before this rule keep their reason; from now on `completed` means `completed_training`.
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_end_reason_check" CHECK ("agreements"."status" <> 'completed' or "agreements"."end_reason" = 'completed_training') NOT VALID;--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_status_check" CHECK ("agreements"."status" in ('draft', 'active', 'completed', 'terminated', 'cancelled'));--> statement-breakpoint
ALTER TABLE "supervisors" ADD CONSTRAINT "supervisors_exemption_check" CHECK ("supervisors"."exemption_from" is null or "supervisors"."exemption_until" is null or "supervisors"."exemption_from" <= "supervisors"."exemption_until");--> statement-breakpoint
-- Every agreement so far had one share, from its start.
INSERT INTO "agreement_shares" ("agreement_id", "from_date", "percent") SELECT "id", "start_date", "position_percent" FROM "agreements";