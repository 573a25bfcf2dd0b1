-- AlterTable
ALTER TABLE "pledge_wall_posts" ALTER COLUMN "message_id" DROP NOT NULL;
