-- CreateEnum
CREATE TYPE "inbound_event_status" AS ENUM ('RECEIVED', 'ENQUEUED', 'HANDLED');

-- CreateEnum
CREATE TYPE "outbound_lane" AS ENUM ('INTERACTIVE', 'BULK');

-- AlterTable
ALTER TABLE "outbound_messages" ADD COLUMN     "lane" "outbound_lane" NOT NULL DEFAULT 'INTERACTIVE';

-- AlterTable
ALTER TABLE "processed_events" ADD COLUMN     "enqueued_at" TIMESTAMPTZ(3),
ADD COLUMN     "handled_at" TIMESTAMPTZ(3),
ADD COLUMN     "payload" JSONB,
ADD COLUMN     "root_key" TEXT NOT NULL,
ADD COLUMN     "status" "inbound_event_status" NOT NULL DEFAULT 'RECEIVED';

-- CreateTable
CREATE TABLE "rate_limit_counters" (
    "key" VARCHAR(255) NOT NULL,
    "points" INTEGER NOT NULL DEFAULT 0,
    "expire" BIGINT,

    CONSTRAINT "rate_limit_counters_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "rate_limit_counters_expire_idx" ON "rate_limit_counters"("expire");

-- CreateIndex
CREATE INDEX "processed_events_status_received_at_idx" ON "processed_events"("status", "received_at");
