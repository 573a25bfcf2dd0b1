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
