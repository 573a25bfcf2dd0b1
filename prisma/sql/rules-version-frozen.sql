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
