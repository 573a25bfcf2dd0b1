// The period a score command asks about: 本月 (default) / 上月 / 本季 / 本年, or a key (2026-10, 2026-Q3,
// 2026), always counted in the party's time zone (TZ_PARTY), never the server's.
import { formatPeriodKey, parsePeriodKey, periodOfDate, previousPeriod, isPeriodKey, type Period } from '../domain/periods/period-key.js';
import { localDateOf } from '../domain/periods/zoned-time.js';
import { t } from './messages/index.js';
import type { BotServices } from './services.js';
import { truncate } from './text.js';
import { UserFacingError } from './user-error.js';

const WORDS: Record<string, 'month' | 'lastMonth' | 'quarter' | 'year'> = {
  本月: 'month', 这个月: 'month', 当月: 'month', 月: 'month', month: 'month',
  上月: 'lastMonth', 上个月: 'lastMonth',
  本季: 'quarter', 本季度: 'quarter', 季度: 'quarter', 季: 'quarter', quarter: 'quarter',
  本年: 'year', 今年: 'year', 本年度: 'year', 年度: 'year', 全年: 'year', year: 'year',
};

export interface ChosenPeriod {
  readonly period: Period;
  readonly key: string;
  readonly label: string;
}

export function periodLabel(period: Period): string {
  const p = t.points.period;
  if (period.kind === 'month') return p.month(period.year, period.index);
  if (period.kind === 'quarter') return p.quarter(period.year, period.index);
  return p.year(period.year);
}

function chosen(period: Period): ChosenPeriod {
  return { period, key: formatPeriodKey(period), label: periodLabel(period) };
}

/** True when `word` names a period (so other arguments, like a branch name, can be told apart). */
export function isPeriodWord(word: string): boolean {
  return word.toLowerCase() in WORDS || isPeriodKey(word.toUpperCase());
}

/** The period `word` names, today being in `services.timeZone`; undefined word → this month. */
export function periodArg(services: BotServices, word: string | undefined): ChosenPeriod {
  const today = localDateOf(services.now(), services.timeZone);
  const thisMonth = periodOfDate(today, 'month');
  if (word === undefined || word === '') return chosen(thisMonth);
  const named = WORDS[word.toLowerCase()];
  if (named === 'month') return chosen(thisMonth);
  if (named === 'lastMonth') return chosen(previousPeriod(thisMonth));
  if (named) return chosen(periodOfDate(today, named));
  const key = word.toUpperCase();
  if (!isPeriodKey(key)) throw new UserFacingError(t.points.period.unknown(truncate(word, 20)));
  const period = parsePeriodKey(key);
  // A period that has not started yet has no points and no rules: say so instead of an empty card.
  if (formatPeriodKey(periodOfDate(today, period.kind)) < key) throw new UserFacingError(t.points.period.future);
  return chosen(period);
}
