-- A veto proposal's year is the year of the conduct it names, so the confirmed veto's
-- ledger entry (dated on the conduct) zeroes the year the proposal says. Appended to the
-- services_invariants migration.

ALTER TABLE "veto_proposals" ADD CONSTRAINT "veto_proposals_year_matches"
  CHECK (year = EXTRACT(YEAR FROM occurred_on)::int);
