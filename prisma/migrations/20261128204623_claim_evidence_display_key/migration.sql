-- AlterTable
ALTER TABLE "claim_evidence" ADD COLUMN     "display_key" TEXT;
