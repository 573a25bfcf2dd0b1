-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "member_role" AS ENUM ('MEMBER', 'SECRETARY', 'ADMIN');

-- CreateEnum
CREATE TYPE "member_status" AS ENUM ('ACTIVE', 'INACTIVE', 'ON_LEAVE');

-- CreateEnum
CREATE TYPE "item_code" AS ENUM ('B1', 'B2', 'B3', 'V1', 'V2', 'V3', 'V4', 'X1', 'X2', 'X3');

-- CreateEnum
CREATE TYPE "basic_item" AS ENUM ('B1', 'B2', 'B3');

-- CreateEnum
CREATE TYPE "vanguard_role" AS ENUM ('V1', 'V2', 'V3', 'V4');

-- CreateEnum
CREATE TYPE "veto_item" AS ENUM ('X1', 'X2', 'X3');

-- CreateEnum
CREATE TYPE "pledge_serves" AS ENUM ('B1', 'B2', 'B3', 'V1', 'V2', 'V3', 'V4', 'MASSES');

-- CreateEnum
CREATE TYPE "claim_status" AS ENUM ('DRAFT', 'PENDING', 'APPROVED', 'RETURNED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "ledger_cause" AS ENUM ('CLAIM', 'DEDUCTION', 'VETO', 'REVERSAL', 'ADJUSTMENT');

-- CreateEnum
CREATE TYPE "deduction_status" AS ENUM ('ACTIVE', 'REVERSED');

-- CreateEnum
CREATE TYPE "objection_status" AS ENUM ('OPEN', 'UPHELD', 'REJECTED');

-- CreateEnum
CREATE TYPE "veto_status" AS ENUM ('PROPOSED', 'CONFIRMED', 'REJECTED');

-- CreateEnum
CREATE TYPE "pledge_status" AS ENUM ('DRAFT', 'PENDING', 'APPROVED', 'RETURNED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "pledge_fulfilment" AS ENUM ('NONE', 'FULFILLED', 'PARTIAL', 'UNFULFILLED');

-- CreateEnum
CREATE TYPE "evaluation_year_status" AS ENUM ('OPEN', 'FINALIZED');

-- CreateEnum
CREATE TYPE "evaluation_grade" AS ENUM ('EXCELLENT', 'QUALIFIED', 'BASICALLY_QUALIFIED', 'UNQUALIFIED');

-- CreateEnum
CREATE TYPE "party_day_category" AS ENUM ('SERVING_PRODUCTION', 'THEMED_EDUCATION', 'IDEOLOGICAL_EDUCATION', 'SERVING_MASSES');

-- CreateEnum
CREATE TYPE "party_day_status" AS ENUM ('SCHEDULED', 'CANCELLED', 'COMPLETED');

-- CreateEnum
CREATE TYPE "rsvp_status" AS ENUM ('NO_RESPONSE', 'ATTENDING', 'LEAVE_REQUESTED', 'LEAVE_APPROVED', 'LEAVE_REJECTED');

-- CreateEnum
CREATE TYPE "absence_outcome" AS ENUM ('PENDING', 'CONFIRMED_DEDUCTION', 'WAIVED');

-- CreateEnum
CREATE TYPE "push_kind" AS ENUM ('MONTHLY_REMINDER', 'MONTHLY_DIGEST', 'QUARTERLY_STOCKTAKE', 'ANNUAL_EVALUATION', 'ANNUAL_RESULTS', 'STALE_REVIEWS', 'PLEDGE_WINDOW', 'STAR_ANNOUNCEMENT', 'PARTY_DAY_NOTICE', 'PUBLIC_NOTICE');

-- CreateEnum
CREATE TYPE "campaign_status" AS ENUM ('PENDING', 'RUNNING', 'COMPLETED', 'FAILED');

-- CreateEnum
CREATE TYPE "campaign_trigger" AS ENUM ('SCHEDULE', 'MANUAL');

-- CreateEnum
CREATE TYPE "delivery_status" AS ENUM ('PENDING', 'SENT', 'FAILED', 'SKIPPED');

-- CreateEnum
CREATE TYPE "outbound_status" AS ENUM ('PENDING', 'SENT', 'FAILED');

-- CreateEnum
CREATE TYPE "outbound_operation" AS ENUM ('SEND', 'REPLY', 'PATCH', 'CARD_UPDATE');

-- CreateTable
CREATE TABLE "committees" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "committees_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "branches" (
    "id" SERIAL NOT NULL,
    "committee_id" INTEGER NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "sort_order" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "branches_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "branch_group_chats" (
    "id" SERIAL NOT NULL,
    "chat_id" TEXT NOT NULL,
    "branch_id" INTEGER NOT NULL,
    "name" TEXT,
    "bound_by_id" INTEGER NOT NULL,
    "bound_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "unbound_at" TIMESTAMPTZ(3),

    CONSTRAINT "branch_group_chats_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "members" (
    "id" SERIAL NOT NULL,
    "employee_no" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "mobile" TEXT,
    "email" TEXT,
    "branch_id" INTEGER NOT NULL,
    "role" "member_role" NOT NULL DEFAULT 'MEMBER',
    "open_id" TEXT,
    "union_id" TEXT,
    "user_id" TEXT,
    "status" "member_status" NOT NULL DEFAULT 'ACTIVE',
    "leave_until" DATE,
    "party_joined_on" DATE,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "members_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "rules_versions" (
    "id" SERIAL NOT NULL,
    "year" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    "effective_from" DATE NOT NULL,
    "definition" JSONB NOT NULL,
    "note" TEXT,
    "created_by_id" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "rules_versions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "claims" (
    "id" SERIAL NOT NULL,
    "member_id" INTEGER NOT NULL,
    "branch_id" INTEGER NOT NULL,
    "rules_version_id" INTEGER NOT NULL,
    "role_code" "vanguard_role" NOT NULL,
    "activity_code" TEXT NOT NULL,
    "activity_date" DATE NOT NULL,
    "quantity" DECIMAL(12,2) NOT NULL,
    "description" TEXT NOT NULL,
    "status" "claim_status" NOT NULL,
    "submitted_at" TIMESTAMPTZ(3),
    "reviewer_id" INTEGER,
    "reviewed_at" TIMESTAMPTZ(3),
    "review_comment" TEXT,
    "estimated_points" DECIMAL(10,2),
    "idempotency_key" TEXT NOT NULL,
    "revision" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "claims_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "claim_evidence" (
    "id" SERIAL NOT NULL,
    "claim_id" INTEGER NOT NULL,
    "image_key" TEXT NOT NULL,
    "content_hash" CHAR(64) NOT NULL,
    "message_id" TEXT NOT NULL,
    "duplicate_of_id" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "claim_evidence_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ledger_entries" (
    "id" SERIAL NOT NULL,
    "member_id" INTEGER NOT NULL,
    "branch_id" INTEGER NOT NULL,
    "rules_version_id" INTEGER NOT NULL,
    "cause" "ledger_cause" NOT NULL,
    "item_code" "item_code" NOT NULL,
    "activity_code" TEXT,
    "deduction_code" TEXT,
    "quantity" DECIMAL(12,2),
    "points" DECIMAL(10,2) NOT NULL,
    "requested_points" DECIMAL(10,2) NOT NULL,
    "cap_note" JSONB,
    "occurred_on" DATE NOT NULL,
    "period_month" CHAR(7) NOT NULL,
    "claim_id" INTEGER,
    "deduction_id" INTEGER,
    "veto_proposal_id" INTEGER,
    "reverses_entry_id" INTEGER,
    "reason" TEXT,
    "actor_id" INTEGER,
    "business_key" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ledger_entries_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "deductions" (
    "id" SERIAL NOT NULL,
    "member_id" INTEGER NOT NULL,
    "branch_id" INTEGER NOT NULL,
    "rules_version_id" INTEGER NOT NULL,
    "rule_code" TEXT NOT NULL,
    "item_code" "basic_item" NOT NULL,
    "quantity" DECIMAL(10,2) NOT NULL DEFAULT 1,
    "points" DECIMAL(10,2) NOT NULL,
    "occurred_on" DATE NOT NULL,
    "reason" TEXT NOT NULL,
    "created_by_id" INTEGER NOT NULL,
    "status" "deduction_status" NOT NULL DEFAULT 'ACTIVE',
    "objection_deadline" TIMESTAMPTZ(3) NOT NULL,
    "idempotency_key" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "deductions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "objections" (
    "id" SERIAL NOT NULL,
    "deduction_id" INTEGER NOT NULL,
    "member_id" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "status" "objection_status" NOT NULL DEFAULT 'OPEN',
    "resolver_id" INTEGER,
    "resolution" TEXT,
    "resolved_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "objections_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "veto_proposals" (
    "id" SERIAL NOT NULL,
    "member_id" INTEGER NOT NULL,
    "branch_id" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "veto_item" "veto_item" NOT NULL,
    "reason" TEXT NOT NULL,
    "evidence" TEXT,
    "proposer_id" INTEGER NOT NULL,
    "proposed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "status" "veto_status" NOT NULL DEFAULT 'PROPOSED',
    "decider_id" INTEGER,
    "decided_at" TIMESTAMPTZ(3),
    "decision_comment" TEXT,
    "idempotency_key" TEXT NOT NULL,

    CONSTRAINT "veto_proposals_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "pledges" (
    "id" SERIAL NOT NULL,
    "member_id" INTEGER NOT NULL,
    "branch_id" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "content" TEXT NOT NULL,
    "serves" "pledge_serves" NOT NULL,
    "target" TEXT NOT NULL,
    "due_on" DATE NOT NULL,
    "status" "pledge_status" NOT NULL,
    "submitted_at" TIMESTAMPTZ(3),
    "reviewer_id" INTEGER,
    "reviewed_at" TIMESTAMPTZ(3),
    "review_comment" TEXT,
    "fulfilment" "pledge_fulfilment" NOT NULL DEFAULT 'NONE',
    "evaluator_id" INTEGER,
    "evaluated_at" TIMESTAMPTZ(3),
    "evaluation_comment" TEXT,
    "idempotency_key" TEXT NOT NULL,
    "revision" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "pledges_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "pledge_progress" (
    "id" SERIAL NOT NULL,
    "pledge_id" INTEGER NOT NULL,
    "percent" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "image_key" TEXT,
    "idempotency_key" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "pledge_progress_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "pledge_wall_posts" (
    "id" SERIAL NOT NULL,
    "branch_id" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "chat_id" TEXT NOT NULL,
    "message_id" TEXT NOT NULL,
    "posted_by_id" INTEGER,
    "posted_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "pledge_wall_posts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "volunteer_records" (
    "id" SERIAL NOT NULL,
    "member_id" INTEGER NOT NULL,
    "branch_id" INTEGER NOT NULL,
    "hours" DECIMAL(6,2) NOT NULL,
    "activity" TEXT NOT NULL,
    "service_date" DATE NOT NULL,
    "idempotency_key" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "volunteer_records_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "evaluation_years" (
    "year" INTEGER NOT NULL,
    "status" "evaluation_year_status" NOT NULL DEFAULT 'OPEN',
    "finalized_by_id" INTEGER,
    "finalized_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "evaluation_years_pkey" PRIMARY KEY ("year")
);

-- CreateTable
CREATE TABLE "annual_evaluations" (
    "id" SERIAL NOT NULL,
    "member_id" INTEGER NOT NULL,
    "branch_id" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "rules_version_id" INTEGER,
    "democratic_score" DECIMAL(5,2),
    "mass_score" DECIMAL(5,2),
    "checklist_score" DECIMAL(5,2),
    "composite_score" DECIMAL(5,2),
    "grade" "evaluation_grade",
    "vetoed" BOOLEAN NOT NULL DEFAULT false,
    "entered_by_id" INTEGER,
    "adjusted_by_id" INTEGER,
    "adjustment_reason" TEXT,
    "adjusted_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "annual_evaluations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "stars" (
    "id" SERIAL NOT NULL,
    "member_id" INTEGER NOT NULL,
    "branch_id" INTEGER NOT NULL,
    "period_key" TEXT NOT NULL,
    "citation" TEXT,
    "confirmed_by_id" INTEGER NOT NULL,
    "confirmed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "stars_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "party_day_series" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "category" "party_day_category" NOT NULL,
    "description" TEXT,
    "sort_order" INTEGER NOT NULL DEFAULT 0,
    "created_by_id" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "party_day_series_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "party_day_plans" (
    "id" SERIAL NOT NULL,
    "series_id" INTEGER NOT NULL,
    "code" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "theme" TEXT NOT NULL,
    "goals" TEXT[],
    "steps" TEXT[],
    "materials" TEXT[],
    "duration_minutes" INTEGER,
    "sort_order" INTEGER NOT NULL DEFAULT 0,
    "created_by_id" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "party_day_plans_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "party_days" (
    "id" SERIAL NOT NULL,
    "branch_id" INTEGER NOT NULL,
    "plan_id" INTEGER,
    "title" TEXT NOT NULL,
    "starts_at" TIMESTAMPTZ(3) NOT NULL,
    "place" TEXT NOT NULL,
    "notes" TEXT,
    "status" "party_day_status" NOT NULL DEFAULT 'SCHEDULED',
    "check_in_window_minutes" INTEGER NOT NULL DEFAULT 30,
    "created_by_id" INTEGER NOT NULL,
    "idempotency_key" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "party_days_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "party_day_attendances" (
    "id" SERIAL NOT NULL,
    "party_day_id" INTEGER NOT NULL,
    "member_id" INTEGER NOT NULL,
    "rsvp" "rsvp_status" NOT NULL DEFAULT 'NO_RESPONSE',
    "leave_reason" TEXT,
    "responded_at" TIMESTAMPTZ(3),
    "checked_in_at" TIMESTAMPTZ(3),
    "absence_outcome" "absence_outcome",
    "absence_decided_by_id" INTEGER,
    "absence_decided_at" TIMESTAMPTZ(3),
    "deduction_id" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "party_day_attendances_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "public_notices" (
    "id" SERIAL NOT NULL,
    "branch_id" INTEGER NOT NULL,
    "period_key" TEXT NOT NULL,
    "chat_id" TEXT NOT NULL,
    "message_id" TEXT,
    "objection_deadline" TIMESTAMPTZ(3) NOT NULL,
    "posted_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "public_notices_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "notice_objections" (
    "id" SERIAL NOT NULL,
    "notice_id" INTEGER NOT NULL,
    "member_id" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "status" "objection_status" NOT NULL DEFAULT 'OPEN',
    "resolver_id" INTEGER,
    "resolution" TEXT,
    "resolved_at" TIMESTAMPTZ(3),
    "idempotency_key" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "notice_objections_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "processed_events" (
    "key" TEXT NOT NULL,
    "event_type" TEXT NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "processed_events_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "card_action_receipts" (
    "key" TEXT NOT NULL,
    "result" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "card_action_receipts_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "outbound_messages" (
    "id" SERIAL NOT NULL,
    "business_key" TEXT NOT NULL,
    "uuid" VARCHAR(50) NOT NULL,
    "operation" "outbound_operation" NOT NULL,
    "receive_id_type" TEXT,
    "receive_id" TEXT,
    "target_message_id" TEXT,
    "card_token" TEXT,
    "msg_type" TEXT NOT NULL,
    "content" JSONB NOT NULL,
    "topic" TEXT,
    "status" "outbound_status" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "last_error" TEXT,
    "message_id" TEXT,
    "sent_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "outbound_messages_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "push_campaigns" (
    "id" SERIAL NOT NULL,
    "kind" "push_kind" NOT NULL,
    "period_key" TEXT NOT NULL,
    "status" "campaign_status" NOT NULL DEFAULT 'PENDING',
    "trigger" "campaign_trigger" NOT NULL DEFAULT 'SCHEDULE',
    "triggered_by_id" INTEGER,
    "options" JSONB,
    "total_count" INTEGER NOT NULL DEFAULT 0,
    "sent_count" INTEGER NOT NULL DEFAULT 0,
    "failed_count" INTEGER NOT NULL DEFAULT 0,
    "skipped_count" INTEGER NOT NULL DEFAULT 0,
    "started_at" TIMESTAMPTZ(3),
    "finished_at" TIMESTAMPTZ(3),
    "summary_sent_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "push_campaigns_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "push_deliveries" (
    "id" SERIAL NOT NULL,
    "campaign_id" INTEGER NOT NULL,
    "member_id" INTEGER,
    "chat_id" TEXT,
    "status" "delivery_status" NOT NULL DEFAULT 'PENDING',
    "uuid" VARCHAR(50) NOT NULL,
    "message_id" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "last_error" TEXT,
    "skip_reason" TEXT,
    "sent_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "push_deliveries_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_logs" (
    "id" SERIAL NOT NULL,
    "actor_id" INTEGER,
    "action" TEXT NOT NULL,
    "target_type" TEXT NOT NULL,
    "target_id" TEXT NOT NULL,
    "branch_id" INTEGER,
    "before" JSONB,
    "after" JSONB,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "audit_logs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "settings" (
    "key" TEXT NOT NULL,
    "value" JSONB NOT NULL,
    "updated_by_id" INTEGER,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "settings_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "key_value_cache" (
    "key" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "key_value_cache_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE UNIQUE INDEX "committees_code_key" ON "committees"("code");

-- CreateIndex
CREATE UNIQUE INDEX "branches_code_key" ON "branches"("code");

-- CreateIndex
CREATE UNIQUE INDEX "branches_name_key" ON "branches"("name");

-- CreateIndex
CREATE INDEX "branches_committee_id_idx" ON "branches"("committee_id");

-- CreateIndex
CREATE UNIQUE INDEX "branch_group_chats_chat_id_key" ON "branch_group_chats"("chat_id");

-- CreateIndex
CREATE INDEX "branch_group_chats_branch_id_idx" ON "branch_group_chats"("branch_id");

-- CreateIndex
CREATE UNIQUE INDEX "members_employee_no_key" ON "members"("employee_no");

-- CreateIndex
CREATE UNIQUE INDEX "members_mobile_key" ON "members"("mobile");

-- CreateIndex
CREATE UNIQUE INDEX "members_email_key" ON "members"("email");

-- CreateIndex
CREATE UNIQUE INDEX "members_open_id_key" ON "members"("open_id");

-- CreateIndex
CREATE UNIQUE INDEX "members_union_id_key" ON "members"("union_id");

-- CreateIndex
CREATE UNIQUE INDEX "members_user_id_key" ON "members"("user_id");

-- CreateIndex
CREATE INDEX "members_branch_id_role_idx" ON "members"("branch_id", "role");

-- CreateIndex
CREATE INDEX "members_branch_id_status_idx" ON "members"("branch_id", "status");

-- CreateIndex
CREATE UNIQUE INDEX "rules_versions_effective_from_key" ON "rules_versions"("effective_from");

-- CreateIndex
CREATE UNIQUE INDEX "rules_versions_year_version_key" ON "rules_versions"("year", "version");

-- CreateIndex
CREATE UNIQUE INDEX "claims_idempotency_key_key" ON "claims"("idempotency_key");

-- CreateIndex
CREATE INDEX "claims_branch_id_status_submitted_at_idx" ON "claims"("branch_id", "status", "submitted_at");

-- CreateIndex
CREATE INDEX "claims_member_id_activity_date_idx" ON "claims"("member_id", "activity_date");

-- CreateIndex
CREATE INDEX "claims_member_id_activity_code_activity_date_idx" ON "claims"("member_id", "activity_code", "activity_date");

-- CreateIndex
CREATE INDEX "claims_rules_version_id_idx" ON "claims"("rules_version_id");

-- CreateIndex
CREATE INDEX "claim_evidence_content_hash_idx" ON "claim_evidence"("content_hash");

-- CreateIndex
CREATE UNIQUE INDEX "claim_evidence_message_id_image_key_key" ON "claim_evidence"("message_id", "image_key");

-- CreateIndex
CREATE UNIQUE INDEX "claim_evidence_claim_id_content_hash_key" ON "claim_evidence"("claim_id", "content_hash");

-- CreateIndex
CREATE UNIQUE INDEX "ledger_entries_reverses_entry_id_key" ON "ledger_entries"("reverses_entry_id");

-- CreateIndex
CREATE UNIQUE INDEX "ledger_entries_business_key_key" ON "ledger_entries"("business_key");

-- CreateIndex
CREATE INDEX "ledger_entries_member_id_occurred_on_idx" ON "ledger_entries"("member_id", "occurred_on");

-- CreateIndex
CREATE INDEX "ledger_entries_branch_id_period_month_idx" ON "ledger_entries"("branch_id", "period_month");

-- CreateIndex
CREATE INDEX "ledger_entries_claim_id_idx" ON "ledger_entries"("claim_id");

-- CreateIndex
CREATE INDEX "ledger_entries_deduction_id_idx" ON "ledger_entries"("deduction_id");

-- CreateIndex
CREATE INDEX "ledger_entries_veto_proposal_id_idx" ON "ledger_entries"("veto_proposal_id");

-- CreateIndex
CREATE INDEX "ledger_entries_rules_version_id_idx" ON "ledger_entries"("rules_version_id");

-- CreateIndex
CREATE UNIQUE INDEX "deductions_idempotency_key_key" ON "deductions"("idempotency_key");

-- CreateIndex
CREATE INDEX "deductions_member_id_occurred_on_idx" ON "deductions"("member_id", "occurred_on");

-- CreateIndex
CREATE INDEX "deductions_branch_id_occurred_on_idx" ON "deductions"("branch_id", "occurred_on");

-- CreateIndex
CREATE INDEX "deductions_rules_version_id_idx" ON "deductions"("rules_version_id");

-- CreateIndex
CREATE INDEX "objections_deduction_id_idx" ON "objections"("deduction_id");

-- CreateIndex
CREATE INDEX "objections_member_id_idx" ON "objections"("member_id");

-- CreateIndex
CREATE UNIQUE INDEX "objections_one_open_per_deduction" ON "objections"("deduction_id") WHERE (status = 'OPEN');

-- CreateIndex
CREATE UNIQUE INDEX "veto_proposals_idempotency_key_key" ON "veto_proposals"("idempotency_key");

-- CreateIndex
CREATE INDEX "veto_proposals_member_id_year_idx" ON "veto_proposals"("member_id", "year");

-- CreateIndex
CREATE INDEX "veto_proposals_branch_id_status_idx" ON "veto_proposals"("branch_id", "status");

-- CreateIndex
CREATE UNIQUE INDEX "pledges_idempotency_key_key" ON "pledges"("idempotency_key");

-- CreateIndex
CREATE INDEX "pledges_member_id_year_idx" ON "pledges"("member_id", "year");

-- CreateIndex
CREATE INDEX "pledges_branch_id_year_status_idx" ON "pledges"("branch_id", "year", "status");

-- CreateIndex
CREATE UNIQUE INDEX "pledge_progress_idempotency_key_key" ON "pledge_progress"("idempotency_key");

-- CreateIndex
CREATE INDEX "pledge_progress_pledge_id_created_at_idx" ON "pledge_progress"("pledge_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "pledge_wall_posts_message_id_key" ON "pledge_wall_posts"("message_id");

-- CreateIndex
CREATE UNIQUE INDEX "pledge_wall_posts_branch_id_year_chat_id_key" ON "pledge_wall_posts"("branch_id", "year", "chat_id");

-- CreateIndex
CREATE UNIQUE INDEX "volunteer_records_idempotency_key_key" ON "volunteer_records"("idempotency_key");

-- CreateIndex
CREATE INDEX "volunteer_records_member_id_service_date_idx" ON "volunteer_records"("member_id", "service_date");

-- CreateIndex
CREATE INDEX "volunteer_records_branch_id_service_date_idx" ON "volunteer_records"("branch_id", "service_date");

-- CreateIndex
CREATE INDEX "annual_evaluations_branch_id_year_idx" ON "annual_evaluations"("branch_id", "year");

-- CreateIndex
CREATE UNIQUE INDEX "annual_evaluations_member_id_year_key" ON "annual_evaluations"("member_id", "year");

-- CreateIndex
CREATE INDEX "stars_period_key_idx" ON "stars"("period_key");

-- CreateIndex
CREATE UNIQUE INDEX "stars_member_id_period_key_key" ON "stars"("member_id", "period_key");

-- CreateIndex
CREATE UNIQUE INDEX "party_day_series_code_key" ON "party_day_series"("code");

-- CreateIndex
CREATE UNIQUE INDEX "party_day_series_name_key" ON "party_day_series"("name");

-- CreateIndex
CREATE INDEX "party_day_series_category_sort_order_idx" ON "party_day_series"("category", "sort_order");

-- CreateIndex
CREATE UNIQUE INDEX "party_day_plans_code_key" ON "party_day_plans"("code");

-- CreateIndex
CREATE INDEX "party_day_plans_series_id_sort_order_idx" ON "party_day_plans"("series_id", "sort_order");

-- CreateIndex
CREATE UNIQUE INDEX "party_days_idempotency_key_key" ON "party_days"("idempotency_key");

-- CreateIndex
CREATE INDEX "party_days_branch_id_starts_at_idx" ON "party_days"("branch_id", "starts_at");

-- CreateIndex
CREATE UNIQUE INDEX "party_day_attendances_deduction_id_key" ON "party_day_attendances"("deduction_id");

-- CreateIndex
CREATE INDEX "party_day_attendances_member_id_idx" ON "party_day_attendances"("member_id");

-- CreateIndex
CREATE UNIQUE INDEX "party_day_attendances_party_day_id_member_id_key" ON "party_day_attendances"("party_day_id", "member_id");

-- CreateIndex
CREATE UNIQUE INDEX "public_notices_message_id_key" ON "public_notices"("message_id");

-- CreateIndex
CREATE UNIQUE INDEX "public_notices_branch_id_period_key_key" ON "public_notices"("branch_id", "period_key");

-- CreateIndex
CREATE UNIQUE INDEX "notice_objections_idempotency_key_key" ON "notice_objections"("idempotency_key");

-- CreateIndex
CREATE INDEX "notice_objections_notice_id_status_idx" ON "notice_objections"("notice_id", "status");

-- CreateIndex
CREATE INDEX "processed_events_received_at_idx" ON "processed_events"("received_at");

-- CreateIndex
CREATE INDEX "card_action_receipts_created_at_idx" ON "card_action_receipts"("created_at");

-- CreateIndex
CREATE UNIQUE INDEX "outbound_messages_business_key_key" ON "outbound_messages"("business_key");

-- CreateIndex
CREATE UNIQUE INDEX "outbound_messages_uuid_key" ON "outbound_messages"("uuid");

-- CreateIndex
CREATE INDEX "outbound_messages_status_created_at_idx" ON "outbound_messages"("status", "created_at");

-- CreateIndex
CREATE INDEX "outbound_messages_topic_idx" ON "outbound_messages"("topic");

-- CreateIndex
CREATE INDEX "push_campaigns_status_idx" ON "push_campaigns"("status");

-- CreateIndex
CREATE UNIQUE INDEX "push_campaigns_kind_period_key_key" ON "push_campaigns"("kind", "period_key");

-- CreateIndex
CREATE UNIQUE INDEX "push_deliveries_uuid_key" ON "push_deliveries"("uuid");

-- CreateIndex
CREATE INDEX "push_deliveries_campaign_id_status_idx" ON "push_deliveries"("campaign_id", "status");

-- CreateIndex
CREATE UNIQUE INDEX "push_deliveries_campaign_id_member_id_key" ON "push_deliveries"("campaign_id", "member_id");

-- CreateIndex
CREATE UNIQUE INDEX "push_deliveries_campaign_id_chat_id_key" ON "push_deliveries"("campaign_id", "chat_id");

-- CreateIndex
CREATE INDEX "audit_logs_at_idx" ON "audit_logs"("at");

-- CreateIndex
CREATE INDEX "audit_logs_actor_id_at_idx" ON "audit_logs"("actor_id", "at");

-- CreateIndex
CREATE INDEX "audit_logs_target_type_target_id_idx" ON "audit_logs"("target_type", "target_id");

-- CreateIndex
CREATE INDEX "key_value_cache_expires_at_idx" ON "key_value_cache"("expires_at");

-- AddForeignKey
ALTER TABLE "branches" ADD CONSTRAINT "branches_committee_id_fkey" FOREIGN KEY ("committee_id") REFERENCES "committees"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "branch_group_chats" ADD CONSTRAINT "branch_group_chats_branch_id_fkey" FOREIGN KEY ("branch_id") REFERENCES "branches"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "branch_group_chats" ADD CONSTRAINT "branch_group_chats_bound_by_id_fkey" FOREIGN KEY ("bound_by_id") REFERENCES "members"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "members" ADD CONSTRAINT "members_branch_id_fkey" FOREIGN KEY ("branch_id") REFERENCES "branches"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "rules_versions" ADD CONSTRAINT "rules_versions_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "members"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "claims" ADD CONSTRAINT "claims_member_id_fkey" FOREIGN KEY ("member_id") REFERENCES "members"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "claims" ADD CONSTRAINT "claims_branch_id_fkey" FOREIGN KEY ("branch_id") REFERENCES "branches"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "claims" ADD CONSTRAINT "claims_rules_version_id_fkey" FOREIGN KEY ("rules_version_id") REFERENCES "rules_versions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "claims" ADD CONSTRAINT "claims_reviewer_id_fkey" FOREIGN KEY ("reviewer_id") REFERENCES "members"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "claim_evidence" ADD CONSTRAINT "claim_evidence_claim_id_fkey" FOREIGN KEY ("claim_id") REFERENCES "claims"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "claim_evidence" ADD CONSTRAINT "claim_evidence_duplicate_of_id_fkey" FOREIGN KEY ("duplicate_of_id") REFERENCES "claim_evidence"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_member_id_fkey" FOREIGN KEY ("member_id") REFERENCES "members"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_branch_id_fkey" FOREIGN KEY ("branch_id") REFERENCES "branches"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_rules_version_id_fkey" FOREIGN KEY ("rules_version_id") REFERENCES "rules_versions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_claim_id_fkey" FOREIGN KEY ("claim_id") REFERENCES "claims"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_deduction_id_fkey" FOREIGN KEY ("deduction_id") REFERENCES "deductions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_veto_proposal_id_fkey" FOREIGN KEY ("veto_proposal_id") REFERENCES "veto_proposals"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_reverses_entry_id_fkey" FOREIGN KEY ("reverses_entry_id") REFERENCES "ledger_entries"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "members"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "deductions" ADD CONSTRAINT "deductions_member_id_fkey" FOREIGN KEY ("member_id") REFERENCES "members"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "deductions" ADD CONSTRAINT "deductions_branch_id_fkey" FOREIGN KEY ("branch_id") REFERENCES "branches"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "deductions" ADD CONSTRAINT "deductions_rules_version_id_fkey" FOREIGN KEY ("rules_version_id") REFERENCES "rules_versions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "deductions" ADD CONSTRAINT "deductions_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "members"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "objections" ADD CONSTRAINT "objections_deduction_id_fkey" FOREIGN KEY ("deduction_id") REFERENCES "deductions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "objections" ADD CONSTRAINT "objections_member_id_fkey" FOREIGN KEY ("member_id") REFERENCES "members"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "objections" ADD CONSTRAINT "objections_resolver_id_fkey" FOREIGN KEY ("resolver_id") REFERENCES "members"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "veto_proposals" ADD CONSTRAINT "veto_proposals_member_id_fkey" FOREIGN KEY ("member_id") REFERENCES "members"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "veto_proposals" ADD CONSTRAINT "veto_proposals_branch_id_fkey" FOREIGN KEY ("branch_id") REFERENCES "branches"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "veto_proposals" ADD CONSTRAINT "veto_proposals_proposer_id_fkey" FOREIGN KEY ("proposer_id") REFERENCES "members"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "veto_proposals" ADD CONSTRAINT "veto_proposals_decider_id_fkey" FOREIGN KEY ("decider_id") REFERENCES "members"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "pledges" ADD CONSTRAINT "pledges_member_id_fkey" FOREIGN KEY ("member_id") REFERENCES "members"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "pledges" ADD CONSTRAINT "pledges_branch_id_fkey" FOREIGN KEY ("branch_id") REFERENCES "branches"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "pledges" ADD CONSTRAINT "pledges_reviewer_id_fkey" FOREIGN KEY ("reviewer_id") REFERENCES "members"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "pledges" ADD CONSTRAINT "pledges_evaluator_id_fkey" FOREIGN KEY ("evaluator_id") REFERENCES "members"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "pledge_progress" ADD CONSTRAINT "pledge_progress_pledge_id_fkey" FOREIGN KEY ("pledge_id") REFERENCES "pledges"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "pledge_wall_posts" ADD CONSTRAINT "pledge_wall_posts_branch_id_fkey" FOREIGN KEY ("branch_id") REFERENCES "branches"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "pledge_wall_posts" ADD CONSTRAINT "pledge_wall_posts_posted_by_id_fkey" FOREIGN KEY ("posted_by_id") REFERENCES "members"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "volunteer_records" ADD CONSTRAINT "volunteer_records_member_id_fkey" FOREIGN KEY ("member_id") REFERENCES "members"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "volunteer_records" ADD CONSTRAINT "volunteer_records_branch_id_fkey" FOREIGN KEY ("branch_id") REFERENCES "branches"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "evaluation_years" ADD CONSTRAINT "evaluation_years_finalized_by_id_fkey" FOREIGN KEY ("finalized_by_id") REFERENCES "members"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "annual_evaluations" ADD CONSTRAINT "annual_evaluations_member_id_fkey" FOREIGN KEY ("member_id") REFERENCES "members"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "annual_evaluations" ADD CONSTRAINT "annual_evaluations_branch_id_fkey" FOREIGN KEY ("branch_id") REFERENCES "branches"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "annual_evaluations" ADD CONSTRAINT "annual_evaluations_year_fkey" FOREIGN KEY ("year") REFERENCES "evaluation_years"("year") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "annual_evaluations" ADD CONSTRAINT "annual_evaluations_rules_version_id_fkey" FOREIGN KEY ("rules_version_id") REFERENCES "rules_versions"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "annual_evaluations" ADD CONSTRAINT "annual_evaluations_entered_by_id_fkey" FOREIGN KEY ("entered_by_id") REFERENCES "members"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "annual_evaluations" ADD CONSTRAINT "annual_evaluations_adjusted_by_id_fkey" FOREIGN KEY ("adjusted_by_id") REFERENCES "members"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "stars" ADD CONSTRAINT "stars_member_id_fkey" FOREIGN KEY ("member_id") REFERENCES "members"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "stars" ADD CONSTRAINT "stars_branch_id_fkey" FOREIGN KEY ("branch_id") REFERENCES "branches"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "stars" ADD CONSTRAINT "stars_confirmed_by_id_fkey" FOREIGN KEY ("confirmed_by_id") REFERENCES "members"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "party_day_series" ADD CONSTRAINT "party_day_series_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "members"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "party_day_plans" ADD CONSTRAINT "party_day_plans_series_id_fkey" FOREIGN KEY ("series_id") REFERENCES "party_day_series"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "party_day_plans" ADD CONSTRAINT "party_day_plans_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "members"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "party_days" ADD CONSTRAINT "party_days_branch_id_fkey" FOREIGN KEY ("branch_id") REFERENCES "branches"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "party_days" ADD CONSTRAINT "party_days_plan_id_fkey" FOREIGN KEY ("plan_id") REFERENCES "party_day_plans"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "party_days" ADD CONSTRAINT "party_days_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "members"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "party_day_attendances" ADD CONSTRAINT "party_day_attendances_party_day_id_fkey" FOREIGN KEY ("party_day_id") REFERENCES "party_days"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "party_day_attendances" ADD CONSTRAINT "party_day_attendances_member_id_fkey" FOREIGN KEY ("member_id") REFERENCES "members"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "party_day_attendances" ADD CONSTRAINT "party_day_attendances_absence_decided_by_id_fkey" FOREIGN KEY ("absence_decided_by_id") REFERENCES "members"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "party_day_attendances" ADD CONSTRAINT "party_day_attendances_deduction_id_fkey" FOREIGN KEY ("deduction_id") REFERENCES "deductions"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "public_notices" ADD CONSTRAINT "public_notices_branch_id_fkey" FOREIGN KEY ("branch_id") REFERENCES "branches"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notice_objections" ADD CONSTRAINT "notice_objections_notice_id_fkey" FOREIGN KEY ("notice_id") REFERENCES "public_notices"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notice_objections" ADD CONSTRAINT "notice_objections_member_id_fkey" FOREIGN KEY ("member_id") REFERENCES "members"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notice_objections" ADD CONSTRAINT "notice_objections_resolver_id_fkey" FOREIGN KEY ("resolver_id") REFERENCES "members"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "push_campaigns" ADD CONSTRAINT "push_campaigns_triggered_by_id_fkey" FOREIGN KEY ("triggered_by_id") REFERENCES "members"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "push_deliveries" ADD CONSTRAINT "push_deliveries_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "push_campaigns"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "push_deliveries" ADD CONSTRAINT "push_deliveries_member_id_fkey" FOREIGN KEY ("member_id") REFERENCES "members"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_logs" ADD CONSTRAINT "audit_logs_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "members"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "settings" ADD CONSTRAINT "settings_updated_by_id_fkey" FOREIGN KEY ("updated_by_id") REFERENCES "members"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- ===== prisma/sql/integrity-checks.sql =====
-- CHECK constraints for the invariants Prisma's schema language cannot state: values in
-- range, a state that requires its fields, a derived column that must agree with its
-- source, nobody reviewing their own work. Prisma's diff ignores CHECK constraints, so
-- they live here and are appended to the initial migration. Comments here avoid semicolons:
-- the wasm engine's pg adapter splits a migration script at every semicolon, even in comments.

-- People
ALTER TABLE "members" ADD CONSTRAINT "members_on_leave_has_until"
  CHECK (status <> 'ON_LEAVE' OR leave_until IS NOT NULL);
ALTER TABLE "members" ADD CONSTRAINT "members_employee_no_not_blank"
  CHECK (btrim(employee_no) <> '' AND btrim(name) <> '');

-- Rules: a version belongs to the year it takes effect in.
ALTER TABLE "rules_versions" ADD CONSTRAINT "rules_versions_year_matches"
  CHECK (year = EXTRACT(YEAR FROM effective_from)::int AND version >= 1);

-- Claims: positive quantities, review fields present once reviewed, a return says why
-- (issue 6), nobody reviews their own claim.
ALTER TABLE "claims" ADD CONSTRAINT "claims_quantity_positive" CHECK (quantity > 0);
ALTER TABLE "claims" ADD CONSTRAINT "claims_submitted_when_not_draft"
  CHECK (status IN ('DRAFT', 'WITHDRAWN') OR submitted_at IS NOT NULL);
ALTER TABLE "claims" ADD CONSTRAINT "claims_reviewed_fields"
  CHECK (status NOT IN ('APPROVED', 'RETURNED') OR (reviewer_id IS NOT NULL AND reviewed_at IS NOT NULL));
ALTER TABLE "claims" ADD CONSTRAINT "claims_return_has_reason"
  CHECK (status <> 'RETURNED' OR btrim(coalesce(review_comment, '')) <> '');
ALTER TABLE "claims" ADD CONSTRAINT "claims_no_self_review" CHECK (reviewer_id <> member_id);
ALTER TABLE "claims" ADD CONSTRAINT "claims_revision_positive" CHECK (revision >= 1);
ALTER TABLE "claim_evidence" ADD CONSTRAINT "claim_evidence_sha256_hex"
  CHECK (content_hash ~ '^[0-9a-f]{64}$');
ALTER TABLE "claim_evidence" ADD CONSTRAINT "claim_evidence_not_self_duplicate"
  CHECK (duplicate_of_id <> id);

-- Ledger: the month key agrees with the date, each cause carries its link and an item of
-- the right kind, adjustments say why, an entry does not reverse itself.
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_period_month_matches"
  CHECK (period_month = to_char(occurred_on, 'YYYY-MM'));
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_claim_link"
  CHECK (cause <> 'CLAIM' OR (claim_id IS NOT NULL AND activity_code IS NOT NULL
                              AND item_code IN ('V1', 'V2', 'V3', 'V4') AND points >= 0));
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_deduction_link"
  CHECK (cause <> 'DEDUCTION' OR (deduction_id IS NOT NULL AND deduction_code IS NOT NULL
                                  AND item_code IN ('B1', 'B2', 'B3') AND points <= 0));
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_veto_link"
  CHECK (cause <> 'VETO' OR (veto_proposal_id IS NOT NULL AND item_code IN ('X1', 'X2', 'X3')));
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_reversal_link"
  CHECK ((cause = 'REVERSAL') = (reverses_entry_id IS NOT NULL));
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_adjustment_reason"
  CHECK (cause <> 'ADJUSTMENT' OR btrim(coalesce(reason, '')) <> '');
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_not_self_reversal"
  CHECK (reverses_entry_id <> id);

-- Deductions and objections
ALTER TABLE "deductions" ADD CONSTRAINT "deductions_amounts_positive"
  CHECK (points > 0 AND quantity > 0 AND btrim(reason) <> '');
ALTER TABLE "objections" ADD CONSTRAINT "objections_resolution_fields"
  CHECK (status = 'OPEN' OR (resolver_id IS NOT NULL AND resolved_at IS NOT NULL));
ALTER TABLE "notice_objections" ADD CONSTRAINT "notice_objections_resolution_fields"
  CHECK (status = 'OPEN' OR (resolver_id IS NOT NULL AND resolved_at IS NOT NULL));

-- Vetoes: a decision names who and when, nobody decides their own veto.
ALTER TABLE "veto_proposals" ADD CONSTRAINT "veto_proposals_decision_fields"
  CHECK (status = 'PROPOSED' OR (decider_id IS NOT NULL AND decided_at IS NOT NULL));
ALTER TABLE "veto_proposals" ADD CONSTRAINT "veto_proposals_not_own"
  CHECK (decider_id <> member_id AND proposer_id <> member_id);

-- Pledges
ALTER TABLE "pledges" ADD CONSTRAINT "pledges_submitted_when_not_draft"
  CHECK (status IN ('DRAFT', 'WITHDRAWN') OR submitted_at IS NOT NULL);
ALTER TABLE "pledges" ADD CONSTRAINT "pledges_reviewed_fields"
  CHECK (status NOT IN ('APPROVED', 'RETURNED') OR (reviewer_id IS NOT NULL AND reviewed_at IS NOT NULL));
ALTER TABLE "pledges" ADD CONSTRAINT "pledges_return_has_reason"
  CHECK (status <> 'RETURNED' OR btrim(coalesce(review_comment, '')) <> '');
ALTER TABLE "pledges" ADD CONSTRAINT "pledges_no_self_review" CHECK (reviewer_id <> member_id);
ALTER TABLE "pledges" ADD CONSTRAINT "pledges_evaluated_fields"
  CHECK (fulfilment = 'NONE' OR (evaluator_id IS NOT NULL AND evaluated_at IS NOT NULL));
ALTER TABLE "pledge_progress" ADD CONSTRAINT "pledge_progress_percent_range"
  CHECK (percent BETWEEN 0 AND 100);
ALTER TABLE "volunteer_records" ADD CONSTRAINT "volunteer_records_hours_range"
  CHECK (hours > 0 AND hours <= 24);

-- Evaluation: every score is on the 0–100 scale.
ALTER TABLE "annual_evaluations" ADD CONSTRAINT "annual_evaluations_scores_range"
  CHECK (coalesce(democratic_score, 0) BETWEEN 0 AND 100
     AND coalesce(mass_score, 0) BETWEEN 0 AND 100
     AND coalesce(checklist_score, 0) BETWEEN 0 AND 100
     AND coalesce(composite_score, 0) BETWEEN 0 AND 100);
ALTER TABLE "annual_evaluations" ADD CONSTRAINT "annual_evaluations_veto_grade"
  CHECK (NOT vetoed OR grade IS NULL OR grade = 'UNQUALIFIED');
ALTER TABLE "evaluation_years" ADD CONSTRAINT "evaluation_years_finalized_fields"
  CHECK (status <> 'FINALIZED' OR (finalized_by_id IS NOT NULL AND finalized_at IS NOT NULL));

-- Party days
ALTER TABLE "party_days" ADD CONSTRAINT "party_days_check_in_window_range"
  CHECK (check_in_window_minutes BETWEEN 0 AND 1440);
ALTER TABLE "party_day_attendances" ADD CONSTRAINT "party_day_attendances_deduction_confirmed"
  CHECK ((deduction_id IS NOT NULL) = (absence_outcome IS NOT DISTINCT FROM 'CONFIRMED_DEDUCTION'));

-- Pushes: a delivery goes to exactly one member or one chat, counters never go negative.
ALTER TABLE "push_deliveries" ADD CONSTRAINT "push_deliveries_one_recipient"
  CHECK (num_nonnulls(member_id, chat_id) = 1 AND attempts >= 0);
ALTER TABLE "push_campaigns" ADD CONSTRAINT "push_campaigns_counts_nonnegative"
  CHECK (total_count >= 0 AND sent_count >= 0 AND failed_count >= 0 AND skipped_count >= 0);
ALTER TABLE "outbound_messages" ADD CONSTRAINT "outbound_messages_target"
  CHECK (CASE operation
           WHEN 'SEND' THEN receive_id_type IS NOT NULL AND receive_id IS NOT NULL
           WHEN 'REPLY' THEN target_message_id IS NOT NULL
           WHEN 'PATCH' THEN target_message_id IS NOT NULL
           WHEN 'CARD_UPDATE' THEN card_token IS NOT NULL
         END);

-- ===== prisma/sql/ledger-append-only.sql =====
-- The points ledger and the audit log are append-only: a correction is a new reversing
-- entry, never an edit (product.md §3), and an audit trail that can be edited proves
-- nothing (§9). Triggers refuse UPDATE, DELETE and TRUNCATE for every role, the app's
-- included, resetting demo data means dropping the database, not emptying these tables.
-- Prisma cannot express triggers: this file is appended to the initial migration.

CREATE OR REPLACE FUNCTION vg_forbid_modification() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'restrict_violation',
          HINT = 'Write a reversing entry instead of changing or removing one.';
END
$$;

CREATE OR REPLACE TRIGGER ledger_entries_append_only
  BEFORE UPDATE OR DELETE ON "ledger_entries"
  FOR EACH ROW EXECUTE FUNCTION vg_forbid_modification();

CREATE OR REPLACE TRIGGER ledger_entries_no_truncate
  BEFORE TRUNCATE ON "ledger_entries"
  FOR EACH STATEMENT EXECUTE FUNCTION vg_forbid_modification();

CREATE OR REPLACE TRIGGER audit_logs_append_only
  BEFORE UPDATE OR DELETE ON "audit_logs"
  FOR EACH ROW EXECUTE FUNCTION vg_forbid_modification();

CREATE OR REPLACE TRIGGER audit_logs_no_truncate
  BEFORE TRUNCATE ON "audit_logs"
  FOR EACH STATEMENT EXECUTE FUNCTION vg_forbid_modification();

-- ===== prisma/sql/rules-version-frozen.sql =====
-- A rules version that claims, deductions, evaluations or ledger entries already point at
-- is frozen: changing its definition or dates would silently rescore history, which
-- product.md §3 forbids ("next year's rules never rewrite this year's history"). A new
-- version is a new row. Unreferenced versions (a draft for next year) stay editable, and
-- the free-text note may always change. Appended to the initial migration.

CREATE OR REPLACE FUNCTION vg_rules_version_frozen() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE'
     AND NEW.definition = OLD.definition
     AND NEW.effective_from = OLD.effective_from
     AND NEW.year = OLD.year
     AND NEW.version = OLD.version
     AND NEW.id = OLD.id THEN
    RETURN NEW;
  END IF;
  IF EXISTS (SELECT 1 FROM "ledger_entries" WHERE rules_version_id = OLD.id)
     OR EXISTS (SELECT 1 FROM "claims" WHERE rules_version_id = OLD.id)
     OR EXISTS (SELECT 1 FROM "deductions" WHERE rules_version_id = OLD.id)
     OR EXISTS (SELECT 1 FROM "annual_evaluations" WHERE rules_version_id = OLD.id) THEN
    RAISE EXCEPTION 'rules version %/v% is in use and cannot be changed; publish a new version', OLD.year, OLD.version
      USING ERRCODE = 'restrict_violation';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END
$$;

CREATE OR REPLACE TRIGGER rules_versions_frozen
  BEFORE UPDATE OR DELETE ON "rules_versions"
  FOR EACH ROW EXECUTE FUNCTION vg_rules_version_frozen();

-- ===== prisma/sql/evaluation-year-lock.sql =====
-- Once a year's evaluation is FINALIZED its results are locked (issue 7): no new rows, no
-- deletions, and an update only as an admin adjustment that names who, why and when
-- (adjusted_by_id, adjustment_reason, a new adjusted_at). A finalised year cannot be
-- reopened. Appended to the initial migration.

CREATE OR REPLACE FUNCTION vg_evaluation_year_lock() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  y integer := CASE WHEN TG_OP = 'DELETE' THEN OLD.year ELSE NEW.year END;
  locked boolean;
BEGIN
  -- An update is checked against both years, so a row cannot be moved into or out of a
  -- finalised year either.
  SELECT bool_or(status = 'FINALIZED') INTO locked FROM "evaluation_years"
    WHERE year IN (y, CASE WHEN TG_OP = 'UPDATE' THEN OLD.year ELSE y END);
  IF NOT coalesce(locked, false) THEN
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
  END IF;
  IF TG_OP = 'UPDATE'
     AND NEW.year = OLD.year
     AND NEW.adjusted_by_id IS NOT NULL
     AND NEW.adjusted_at IS DISTINCT FROM OLD.adjusted_at
     AND btrim(coalesce(NEW.adjustment_reason, '')) <> '' THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'evaluation year % is finalised: % needs an admin adjustment with a reason', y, TG_OP
    USING ERRCODE = 'restrict_violation';
END
$$;

CREATE OR REPLACE TRIGGER annual_evaluations_year_lock
  BEFORE INSERT OR UPDATE OR DELETE ON "annual_evaluations"
  FOR EACH ROW EXECUTE FUNCTION vg_evaluation_year_lock();

CREATE OR REPLACE FUNCTION vg_evaluation_year_no_reopen() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status = 'FINALIZED' AND (TG_OP = 'DELETE' OR NEW.status <> 'FINALIZED') THEN
    RAISE EXCEPTION 'evaluation year % is finalised and cannot be reopened or removed', OLD.year
      USING ERRCODE = 'restrict_violation';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END
$$;

CREATE OR REPLACE TRIGGER evaluation_years_no_reopen
  BEFORE UPDATE OR DELETE ON "evaluation_years"
  FOR EACH ROW EXECUTE FUNCTION vg_evaluation_year_no_reopen();
