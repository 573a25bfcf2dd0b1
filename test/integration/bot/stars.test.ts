// 党员之星 end to end: the candidates are the rules engine's (no veto, no deduction, top of the branch, the
// “四优” components at the bar); an admin confirms; the announcement reaches every member (p2p) and every
// bound branch group exactly once, on the bulk lane, however often the button is pressed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBot, type BotHarness, type Person } from '../../helpers/bot-harness.js';
import { useIsolated } from '../../helpers/isolated.js';
import { deductAbsence, fullVanguard, thisYear } from './evaluation-test-support.js';

const env = useIsolated();
let bot: BotHarness;
let admin: Person;
let secretary: Person;
let secretary2: Person;
let best: Person;
let deducted: Person;
let others: Person[];
const GROUP = 'oc_stars_group_1';

const announcements = (person: Person) => bot.inbox(person).filter((m) => m.text.includes('年度“党员之星”'));

beforeAll(async () => {
  bot = await startBot(env);
  admin = await bot.person('钱管理员', 'ADMIN', '党委办公室');
  secretary = await bot.person('孙书记', 'SECRETARY');
  secretary2 = await bot.person('李书记', 'SECRETARY', '第二党支部');
  best = await bot.person('赵先锋');
  deducted = await bot.person('周扣分');
  others = [await bot.person('吴普通'), await bot.person('郑普通', 'MEMBER', '第二党支部')];
  const year = thisYear();
  await fullVanguard(bot, admin, best);
  await fullVanguard(bot, admin, deducted);
  await deductAbsence(bot, secretary, deducted);
  const enter = (by: Person, p: Person, d: number, components: number) =>
    bot.domain.evaluation.enterScores(by, { memberId: p.memberId, year, democratic: d * 100, mass: components * 100, political: components * 100, jobSkill: components * 100, performance: components * 100 });
  await enter(secretary, best, 98, 95);
  // Every component at the bar, but a deduction stands: not a star.
  await enter(secretary, deducted, 80, 100);
  await enter(secretary, others[0]!, 90, 80);
  await enter(secretary2, others[1]!, 95, 84);
});
afterAll(async () => bot?.close());

describe('党员之星', () => {
  it('is for admins only', async () => {
    const [reply] = await bot.say(secretary, '党员之星');
    expect(reply!.text).toContain('党员之星由党委管理员确认');
  });

  it('lists the rules engine’s candidates, confirms them and announces once to members and groups', async () => {
    const [added] = await bot.botAddedToGroup(secretary, GROUP, '第一支部群');
    await bot.click(secretary, added!, '绑定为我的支部群');

    const [list] = await bot.say(admin, '党员之星');
    const expected = (await bot.domain.stars.candidates(admin, thisYear())).filter((c) => c.candidate).map((c) => c.name);
    expect(expected).toEqual(['赵先锋']);
    expect(list!.text).toContain('第一党支部　**赵先锋**　支部第 1 名');
    expect(list!.text).not.toContain('周扣分');
    expect(list!.text).not.toContain('郑普通');

    const outboxBefore = await bot.edge.db.outboundMessage.count();
    const first = await bot.click(admin, list!, '确认并公布');
    expect(first.text).toContain('已确认 1 名党员之星');
    await bot.click(admin, list!, '确认并公布');
    expect(await bot.edge.db.star.count()).toBe(1);
    expect(await bot.edge.db.auditLog.count({ where: { action: 'star.confirm' } })).toBe(1);

    for (const person of [admin, secretary, secretary2, best, deducted, ...others]) {
      const seen = announcements(person);
      expect(seen, person.name).toHaveLength(1);
      expect(seen[0]!.text).toContain('第一党支部　**赵先锋**');
    }
    expect(bot.chat(GROUP).filter((m) => m.text.includes('年度“党员之星”'))).toHaveLength(1);
    const bulk = await bot.edge.db.outboundMessage.findMany({ where: { businessKey: { startsWith: `stars:${thisYear()}:announce:` } } });
    expect(bulk).toHaveLength(8);
    expect(bulk.every((m) => m.lane === 'BULK' && m.status === 'SENT')).toBe(true);
    // The second click (its answer is the callback's own card) sent nothing new.
    expect(await bot.edge.db.outboundMessage.count()).toBe(outboxBefore + 8);
  });
});
