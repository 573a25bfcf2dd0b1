// Configurable options with their defaults (product.md §4–§9). Seeded with skip-on-conflict, so a value an
// admin changed is never reset. The pledge window is not here: it is part of each year's rules version.
import type { Prisma } from '../../src/generated/prisma/client.js';
import type { SeedDb } from './seed-db.js';

export const DEFAULT_SETTINGS: Readonly<Record<string, Prisma.InputJsonValue>> = {
  /** 排行: show other members' names on the branch board, or anonymise them (a member always sees their own place). */
  'board.anonymised': false,
  /** 异议: days a member may object to a deduction. */
  'deduction.objectionDays': 3,
  /** 公示: days the monthly public notice stays open to objections. */
  'notice.objectionDays': 3,
  /** Monthly reminder only to members with no vanguard record yet this month. */
  'reminder.onlyWithoutVanguardRecord': false,
  /** Stale-review nudges go out when a review waits longer than this. */
  'reviews.staleAfterDays': 3,
  /** A photo sent within this many minutes after a claim is attached to it as evidence. */
  'evidence.attachWindowMinutes': 10,
  /** 主题党日 check-in opens this many minutes before the start and closes this many after it. */
  'partyDay.checkInBeforeMinutes': 30,
  'partyDay.checkInAfterMinutes': 60,
  /** Fan-out budget (Feishu's app-wide limits by default). */
  'push.rateLimit': { perSecond: 50, perMinute: 1000 },
};

export async function ensureDefaultSettings(db: SeedDb): Promise<number> {
  const data = Object.entries(DEFAULT_SETTINGS).map(([key, value]) => ({ key, value }));
  const { count } = await db.setting.createMany({ data, skipDuplicates: true });
  return count;
}
