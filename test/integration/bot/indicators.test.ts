// 指标 end to end: an admin gets the 六升两降 card (chart and per-branch figures) holding the indicators
// service's numbers; paging; a secretary or member is refused and nothing is written.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../../src/domain/access/actor.js';
import { formatPeriodKey, firstDayOf, parsePeriodKey, previousPeriod } from '../../../src/domain/periods/period-key.js';
import { startBot, type BotHarness, type Person } from '../../helpers/bot-harness.js';
import { useIsolated } from '../../helpers/isolated.js';
import { todayShanghai } from './bot-test-support.js';

const env = useIsolated();
let bot: BotHarness;
let admin: Person;
let secretary: Person;
let member: Person;
const month = todayShanghai().slice(0, 7);
const lastMonth = formatPeriodKey(previousPeriod(parsePeriodKey(month)));

beforeAll(async () => {
  bot = await startBot(env);
  admin = await bot.person('指标管理员', 'ADMIN', '机关党支部');
  secretary = await bot.person('指标书记', 'SECRETARY', '采油一队党支部');
  member = await bot.person('指标党员', 'MEMBER', '采油一队党支部');
  for (let n = 1; n <= 7; n++) await bot.branch(`第${n}作业区党支部`);
  await bot.domain.rules.ensureRulesVersion(Number(lastMonth.slice(0, 4)));
  // Last month one deduction in 采油一队, this month none: 扣分 went down there.
  await bot.domain.deductions.deduct(secretary, {
    memberId: member.memberId, deductionCode: 'B2-DUES', occurrences: 1, occurredOn: firstDayOf(parsePeriodKey(lastMonth)), reason: '未交党费', idempotencyKey: 'ind-test-1',
  });
});
afterAll(async () => bot?.close());

describe('指标', () => {
  it('gives an admin the report as a card with a chart holding the service numbers', async () => {
    const [reply] = await bot.say(admin, `指标 ${month}`);
    expect(reply!.text).toContain(`六升两降 · ${month} 对比 ${lastMonth}`);
    const chart = reply!.card!.body.elements.find((e) => e.tag === 'chart') as unknown as { chart_spec: { type: string; data: { values: { branch: string; kind: string; count: number }[] }[] } };
    expect(chart.chart_spec.type).toBe('bar');
    const report = await bot.domain.indicators.report(SYSTEM_ACTOR, month);
    const expected = report.branches.flatMap((b) => [
      { branch: b.name, kind: '改善', count: b.improved },
      { branch: b.name, kind: '变差', count: b.worsened },
    ]);
    expect(chart.chart_spec.data[0]!.values).toEqual(expected);
    expect(chart.chart_spec.data[0]!.values.find((v) => v.branch === '采油一队党支部' && v.kind === '改善')!.count).toBe(1);
    expect(JSON.stringify(chart.chart_spec)).not.toMatch(/function|=>/);
    expect(reply!.text).toContain('采油一队党支部');
    expect(reply!.text).toContain('扣分 1 → 0 ↓');
    expect(reply!.text).toContain('第 1–6 个支部，共 9 个');
  });

  it('pages through the branches', async () => {
    const [reply] = await bot.say(admin, 'indicators');
    const next = await bot.click(admin, reply!, '下一页');
    expect(next.text).toContain('第 7–9 个支部，共 9 个');
    expect(next.card!.body.elements.some((e) => e.tag === 'chart')).toBe(true);
  });

  it('refuses a secretary and a member, and a bad period gets the usage', async () => {
    const audit = await bot.edge.db.auditLog.count();
    for (const p of [secretary, member]) {
      const [reply] = await bot.say(p, '指标');
      expect(reply!.text).toContain('没有权限');
      expect(reply!.card!.body.elements.some((e) => e.tag === 'chart')).toBe(false);
    }
    const [bad] = await bot.say(admin, '指标 明年');
    expect(bad!.text).toContain('格式：指标 [周期]');
    expect(await bot.edge.db.auditLog.count()).toBe(audit);
  });
});
