// Where the push schedules and the working-day calendar come from at run time: the defaults of
// product.md §8, overridden per kind by config/push-schedules.json ({"monthly-reminder": "0 9 25 * *",
// "staleReviewDays": 3}).
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { loadWorkdayOverride } from '../domain/calendar/load-workday-override.js';
import { createWorkingDayCalendar, type WorkingDayCalendar } from '../domain/calendar/working-day-calendar.js';
import { PUSH_KINDS } from './push-kinds.js';
import { pushSchedules, type PushSchedule } from './schedules.js';

export const DEFAULT_PUSH_SCHEDULES_PATH = 'config/push-schedules.json';

const settingsSchema = z
  .partialRecord(z.enum(PUSH_KINDS), z.string().min(9).max(100))
  .and(z.object({ $comment: z.unknown().optional(), staleReviewDays: z.number().int().min(1).max(90).optional() }));

export interface PushSettings {
  schedules: PushSchedule[];
  /** A claim waiting longer than this many days makes the daily stale-review nudge go out. */
  staleReviewDays: number;
}

export async function loadPushSettings(path: string = DEFAULT_PUSH_SCHEDULES_PATH): Promise<PushSettings> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { schedules: pushSchedules(), staleReviewDays: 3 };
    throw err;
  }
  const { $comment: _, staleReviewDays, ...overrides } = settingsSchema.parse(JSON.parse(text));
  return { schedules: pushSchedules(overrides), staleReviewDays: staleReviewDays ?? 3 };
}

export async function loadCalendar(): Promise<WorkingDayCalendar> {
  return createWorkingDayCalendar({ override: await loadWorkdayOverride() });
}
