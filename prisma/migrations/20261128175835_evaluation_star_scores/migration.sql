-- AlterTable
ALTER TABLE "annual_evaluations" ADD COLUMN     "job_skill_score" DECIMAL(5,2),
ADD COLUMN     "performance_score" DECIMAL(5,2),
ADD COLUMN     "political_score" DECIMAL(5,2);

-- CreateIndex
CREATE INDEX "claims_member_id_created_at_idx" ON "claims"("member_id", "created_at");

-- Raw SQL (prisma/sql): the new CHECK, and the trigger functions re-created to raise 23514
-- (check_violation) instead of 23001, which adapter-pg reports as a foreign-key error.

-- The 四优 component scores a branch enters for 党员之星 (political quality, job skill,
-- performance) are on the same 0–100 scale as the other evaluation scores. Added with the
-- columns, in their own migration, so integrity-checks.sql stays as first shipped.
ALTER TABLE "annual_evaluations" ADD CONSTRAINT "annual_evaluations_star_scores_range"
  CHECK (coalesce(political_score, 0) BETWEEN 0 AND 100
     AND coalesce(job_skill_score, 0) BETWEEN 0 AND 100
     AND coalesce(performance_score, 0) BETWEEN 0 AND 100);

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
    USING ERRCODE = 'check_violation';
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
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END
$$;

CREATE OR REPLACE TRIGGER evaluation_years_no_reopen
  BEFORE UPDATE OR DELETE ON "evaluation_years"
  FOR EACH ROW EXECUTE FUNCTION vg_evaluation_year_no_reopen();

-- The points ledger and the audit log are append-only: a correction is a new reversing
-- entry, never an edit (product.md §3), and an audit trail that can be edited proves
-- nothing (§9). Triggers refuse UPDATE, DELETE and TRUNCATE for every role, the app's
-- included, resetting demo data means dropping the database, not emptying these tables.
-- Prisma cannot express triggers: this file is appended to the initial migration. Errors use
-- SQLSTATE 23514 (check_violation): the pg adapter passes its message through, while 23001
-- (restrict_violation) would reach callers as a misleading foreign-key error.

CREATE OR REPLACE FUNCTION vg_forbid_modification() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'check_violation',
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
      USING ERRCODE = 'check_violation';
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
