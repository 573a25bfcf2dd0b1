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
