-- AlterTable
ALTER TABLE "veto_proposals" ADD COLUMN     "occurred_on" DATE NOT NULL;

-- CreateIndex
CREATE UNIQUE INDEX "ledger_entries_one_claim_credit" ON "ledger_entries"("claim_id") WHERE (cause = 'CLAIM');

-- CreateIndex
CREATE UNIQUE INDEX "ledger_entries_one_deduction_entry" ON "ledger_entries"("deduction_id") WHERE (cause = 'DEDUCTION');

-- CreateIndex
CREATE UNIQUE INDEX "ledger_entries_one_veto_entry" ON "ledger_entries"("veto_proposal_id") WHERE (cause = 'VETO');

-- Raw SQL (prisma/sql)

-- A veto proposal's year is the year of the conduct it names, so the confirmed veto's
-- ledger entry (dated on the conduct) zeroes the year the proposal says. Appended to the
-- services_invariants migration.

ALTER TABLE "veto_proposals" ADD CONSTRAINT "veto_proposals_year_matches"
  CHECK (year = EXTRACT(YEAR FROM occurred_on)::int);
