// `指标` / `indicators` (admins): the per-branch 六升两降 report for a period against the one before it,
// as a card with a chart; `指标 2026-Q4` picks the period. The domain refuses anyone but an admin.
import { z } from 'zod';
import { assertAdmin } from '../../domain/access/actor.js';
import { formatPeriodKey, isPeriodKey, parsePeriodKey, previousPeriod } from '../../domain/periods/period-key.js';
import { periodOf } from '../../domain/periods/zoned-time.js';
import type { ActionDefinition } from '../actions/action.js';
import { indicatorsCard } from '../cards/indicators-card.js';
import { t } from '../messages/index.js';
import type { BotServices } from '../services.js';
import { UserFacingError } from '../user-error.js';
import type { CommandDefinition } from './command.js';

/** `2026-11`, `2026-q4`, `2026`, or 本月 / 上月 / 本季 / 本年; empty → this month. */
export function indicatorPeriod(arg: string, services: Pick<BotServices, 'now' | 'timeZone'>): string {
  const now = services.now();
  const words: Record<string, () => string> = {
    '': () => formatPeriodKey(periodOf(now, 'month', services.timeZone)),
    本月: () => formatPeriodKey(periodOf(now, 'month', services.timeZone)),
    上月: () => formatPeriodKey(previousPeriod(periodOf(now, 'month', services.timeZone))),
    本季: () => formatPeriodKey(periodOf(now, 'quarter', services.timeZone)),
    本年: () => formatPeriodKey(periodOf(now, 'year', services.timeZone)),
  };
  const word = words[arg];
  if (word) return word();
  const key = arg.toUpperCase();
  if (isPeriodKey(key)) return formatPeriodKey(parsePeriodKey(key));
  throw new UserFacingError(t.indicators.usage);
}

export const indicatorsCommand: CommandDefinition<'indicators'> = {
  name: 'indicators',
  aliases: ['指标', '六升两降', 'indicators'],
  menuKeys: ['indicators'],
  run: async ({ actor, argText, services }) => {
    assertAdmin(actor, 'read the indicator report');
    const report = await services.domain.indicators.report(actor, indicatorPeriod(argText, services));
    return { reply: indicatorsCard(report, 0) };
  },
};

export const indicatorsPageAction: ActionDefinition = {
  action: 'ind.page',
  run: async ({ actor, input, services }) => {
    const v = z.object({ p: z.string().refine(isPeriodKey), o: z.coerce.number().int().min(0).max(10_000) }).parse(input.value);
    const report = await services.domain.indicators.report(actor, v.p);
    return { card: indicatorsCard(report, v.o) };
  },
};
