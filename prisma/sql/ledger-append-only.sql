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
