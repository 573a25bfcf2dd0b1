// Feishu's rate-limit answers counted across every sender process, in one settings row, for
// /metrics. A 429 is rare by design (the shared budget paces sends), so one upsert each is cheap.
import type { Db } from '../db/prisma.js';

export const FEISHU_RATE_LIMITED_KEY = 'metrics.feishuRateLimited';

export async function countFeishuRateLimit(db: Db): Promise<void> {
  await db.$executeRaw`
    INSERT INTO settings (key, value, updated_at) VALUES (${FEISHU_RATE_LIMITED_KEY}, '1'::jsonb, now())
    ON CONFLICT (key) DO UPDATE SET value = to_jsonb(COALESCE((settings.value #>> '{}')::bigint, 0) + 1), updated_at = now()`;
}
