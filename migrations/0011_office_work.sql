CREATE TABLE "course_participants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" bigserial NOT NULL,
	"course_id" uuid NOT NULL,
	"supervisor_id" uuid,
	"doctor_id" uuid,
	"name" text NOT NULL,
	"email" text,
	"hpr_number" text,
	"kommunenummer" text,
	"attended" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"signed_up_by_kommunenummer" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "course_participants_person_check" CHECK (num_nonnulls("course_participants"."supervisor_id", "course_participants"."doctor_id") <= 1)
);
--> statement-breakpoint
CREATE TABLE "courses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"office_code" text NOT NULL,
	"title" text NOT NULL,
	"kind" text NOT NULL,
	"days" jsonb NOT NULL,
	"first_day" date NOT NULL,
	"last_day" date NOT NULL,
	"place" text,
	"online" boolean DEFAULT false NOT NULL,
	"capacity" smallint NOT NULL,
	"registration_deadline" date NOT NULL,
	"description" text,
	"status" text DEFAULT 'planned' NOT NULL,
	"cancellation_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "courses_kind_check" CHECK ("courses"."kind" in ('veilederkurs', 'other')),
	CONSTRAINT "courses_status_check" CHECK ("courses"."status" in ('planned', 'open', 'closed', 'held', 'cancelled')),
	CONSTRAINT "courses_capacity_check" CHECK ("courses"."capacity" between 1 and 1000),
	CONSTRAINT "courses_days_check" CHECK ("courses"."first_day" <= "courses"."last_day"),
	CONSTRAINT "courses_cancelled_check" CHECK (("courses"."status" = 'cancelled') = ("courses"."cancellation_reason" is not null))
);
--> statement-breakpoint
CREATE TABLE "follow_ups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kommunenummer" text NOT NULL,
	"date" date NOT NULL,
	"kind" text NOT NULL,
	"participants" text,
	"summary" text NOT NULL,
	"agreed_actions" text,
	"next_follow_up_on" date,
	"done" boolean DEFAULT false NOT NULL,
	"created_by_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "follow_ups_kind_check" CHECK ("follow_ups"."kind" in ('meeting', 'phone', 'email', 'visit', 'course', 'other'))
);
--> statement-breakpoint
ALTER TABLE "agreements" ADD COLUMN "education_plan_status" text DEFAULT 'missing' NOT NULL;--> statement-breakpoint
ALTER TABLE "agreements" ADD COLUMN "education_plan_approved_on" date;--> statement-breakpoint
ALTER TABLE "agreements" ADD COLUMN "education_plan_reviewed_on" date;--> statement-breakpoint
ALTER TABLE "agreements" ADD COLUMN "education_plan_link" text;--> statement-breakpoint
ALTER TABLE "course_participants" ADD CONSTRAINT "course_participants_course_id_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."courses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_participants" ADD CONSTRAINT "course_participants_supervisor_id_supervisors_id_fk" FOREIGN KEY ("supervisor_id") REFERENCES "public"."supervisors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_participants" ADD CONSTRAINT "course_participants_doctor_id_doctors_id_fk" FOREIGN KEY ("doctor_id") REFERENCES "public"."doctors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_participants" ADD CONSTRAINT "course_participants_kommunenummer_municipalities_kommunenummer_fk" FOREIGN KEY ("kommunenummer") REFERENCES "public"."municipalities"("kommunenummer") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "courses" ADD CONSTRAINT "courses_office_code_offices_code_fk" FOREIGN KEY ("office_code") REFERENCES "public"."offices"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_ups" ADD CONSTRAINT "follow_ups_kommunenummer_municipalities_kommunenummer_fk" FOREIGN KEY ("kommunenummer") REFERENCES "public"."municipalities"("kommunenummer") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_ups" ADD CONSTRAINT "follow_ups_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "course_participants_course_idx" ON "course_participants" USING btree ("course_id","seq");--> statement-breakpoint
CREATE INDEX "course_participants_supervisor_idx" ON "course_participants" USING btree ("supervisor_id");--> statement-breakpoint
CREATE INDEX "course_participants_hpr_idx" ON "course_participants" USING btree ("hpr_number");--> statement-breakpoint
CREATE UNIQUE INDEX "course_participants_supervisor_key" ON "course_participants" USING btree ("course_id","supervisor_id");--> statement-breakpoint
CREATE UNIQUE INDEX "course_participants_doctor_key" ON "course_participants" USING btree ("course_id","doctor_id");--> statement-breakpoint
CREATE UNIQUE INDEX "course_participants_email_key" ON "course_participants" USING btree ("course_id",lower("email")) WHERE "course_participants"."supervisor_id" is null and "course_participants"."doctor_id" is null;--> statement-breakpoint
CREATE INDEX "courses_first_day_idx" ON "courses" USING btree ("first_day","id");--> statement-breakpoint
CREATE INDEX "courses_office_idx" ON "courses" USING btree ("office_code","first_day","id");--> statement-breakpoint
CREATE INDEX "follow_ups_municipality_idx" ON "follow_ups" USING btree ("kommunenummer","date","id");--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_education_plan_status_check" CHECK ("agreements"."education_plan_status" in ('missing', 'draft', 'approved'));--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_education_plan_approved_check" CHECK (("agreements"."education_plan_status" = 'approved') = ("agreements"."education_plan_approved_on" is not null));