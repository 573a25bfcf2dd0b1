// The seed of the 精品主题党日 library (product.md §6): the committee's named series in four categories, each
// with a few ready-to-adapt plans. Plain data, so the seed, the bot and tests all read the same library.
import { SERVING_PRODUCTION_SERIES } from './library-serving-production.js';
import { THEMED_EDUCATION_SERIES } from './library-themed-education.js';
import { IDEOLOGICAL_EDUCATION_SERIES } from './library-ideological-education.js';
import { SERVING_MASSES_SERIES } from './library-serving-masses.js';

/** The four categories; the values match the database enum `party_day_category`. */
export const PARTY_DAY_CATEGORIES = {
  SERVING_PRODUCTION: '服务上产',
  THEMED_EDUCATION: '主题教育',
  IDEOLOGICAL_EDUCATION: '思想教育',
  SERVING_MASSES: '服务群众',
} as const;
export type PartyDayCategoryCode = keyof typeof PARTY_DAY_CATEGORIES;

export interface PartyDayPlanSeed {
  /** Stable natural key: the seed upserts on it, so it must never be reused for another plan. */
  readonly code: string;
  readonly title: string;
  readonly theme: string;
  readonly goals: readonly string[];
  readonly steps: readonly string[];
  readonly materials: readonly string[];
  readonly durationMinutes: number;
}

export interface PartyDaySeriesSeed {
  readonly code: string;
  readonly name: string;
  readonly category: PartyDayCategoryCode;
  readonly description: string;
  readonly plans: readonly PartyDayPlanSeed[];
}

/** Every seeded series, in display order (category by category). */
export const PARTY_DAY_LIBRARY: readonly PartyDaySeriesSeed[] = [
  ...SERVING_PRODUCTION_SERIES,
  ...THEMED_EDUCATION_SERIES,
  ...IDEOLOGICAL_EDUCATION_SERIES,
  ...SERVING_MASSES_SERIES,
];
