CREATE TABLE "events" (
	"sequence" bigserial PRIMARY KEY NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"type" text NOT NULL,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" text NOT NULL,
	"kommunenumre" text[] NOT NULL,
	"data" jsonb
);
--> statement-breakpoint
CREATE TABLE "feed_state" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"purged_through" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "feed_state_one_row_check" CHECK ("feed_state"."id" = 1)
);
--> statement-breakpoint
CREATE INDEX "events_municipalities_idx" ON "events" USING gin ("kommunenumre");--> statement-breakpoint
CREATE INDEX "events_occurred_idx" ON "events" USING btree ("occurred_at");--> statement-breakpoint
INSERT INTO "feed_state" ("id", "purged_through") VALUES (1, 0) ON CONFLICT DO NOTHING;
