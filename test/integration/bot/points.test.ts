// 积分 end to end through the emulator: the numbers a member reads on the points card equal the rules
// engine's (scorePeriod over the same ledger entries, rankMembers over the branch), for claims approved
// through the domain services with a cap hit, a reversal and a deduction; the trend chart; periods; bad input.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../../src/domain/access/actor.js';
import { parsePeriodKey, periodOfDate } from '../../../src/domain/periods/period-key.js';
import { rankMembers } from '../../../src/domain/scoring/rank.js';
import { scorePeriod, type MemberPeriodScore } from '../../../src/domain/scoring/score-period.js';
import { showPoints, signedPoints } from '../../../src/bot/cards/points-text.js';
import { cardBytes, CARD_BYTE_LIMIT } from '../../../src/bot/cards/elements.js';
import { startBot, type BotHarness, type Person, type Seen } from '../../helpers/bot-harness.js';
import { useIsolated } from '../../helpers/isolated.js';
import { todayShanghai } from './bot-test-support.js';

const env = useIsolated();
let bot: BotHarness;
let member: Person;
let rival: Person;
let secretary: Person;
let admin: Person;
const HOSTILE = '<at user_id="all"></at>[x](javascript:1)';
let n = 0;
const key = () => `points-test-${++n}`;

async function approvedClaim(person: Person, activityCode: string, quantity: number, description: string) {
  const { claim } = await bot.domain.claims.create(person, { activityCode, quantity, activityDate: todayShanghai(), description, idempotencyKey: key() });
  return bot.domain.claimReview.approve(secretary, claim.id);
}

/** The engine's score for `person` in `periodKey`, from the entries the ledger service returns. */
async function engineScore(person: Person, periodKey: string): Promise<MemberPeriodScore> {
  const period = parsePeriodKey(periodKey);
  const history = await bot.domain.ledger.history(SYSTEM_ACTOR, person.memberId, { limit: 100 });
  const rules = await bot.domain.rules.forPeriod(period);
  return scorePeriod(history.map((h) => h.entry), rules.definition, period, { memberId: String(person.memberId) });
}

/** What a person reads, without markdown bold marks and font colours. */
const plain = (seen: Seen | undefined) => (seen?.text ?? '').replace(/\*\*/g, '').replace(/<font color='\w+'>|<\/font>/g, '');

beforeAll(async () => {
  bot = await startBot(env);
  member = await bot.person('王积分');
  rival = await bot.person('陈先锋');
  secretary = await bot.person('李书记', 'SECRETARY');
  admin = await bot.person('党委张', 'ADMIN', '党委机关支部');

  await approvedClaim(member, 'V2-HAZARD', 8, '巡检发现并处置隐患');
  const capped = await approvedClaim(member, 'V2-HAZARD', 4, HOSTILE);
  expect(capped.entry).toMatchObject({ pointsRequested: 200, pointsCredited: 100, capNote: { kind: 'activityMonthly' } });
  const article = await approvedClaim(member, 'V1-ARTICLE', 2, '两篇宣传稿件');
  await bot.domain.ledger.reverse(admin, { entryId: Number(article.entry.id), reason: '稿件重复申报' });
  await bot.domain.deductions.deduct(secretary, {
    memberId: member.memberId, deductionCode: 'B1-ABSENCE', occurrences: 1, occurredOn: todayShanghai(), reason: '无故缺席支部党员大会', idempotencyKey: key(),
  });
  await approvedClaim(rival, 'V4-PROBLEM', 2, '攻关两项难题');
});
afterAll(async () => bot?.close());

describe('积分', () => {
  it('shows the rules engine’s numbers: checklist, movement, rank, basic items, roles and caps', async () => {
    const monthKey = todayShanghai().slice(0, 7);
    const expected = await engineScore(member, monthKey);
    // The same data checked by hand once: 60 − 2 (absence) + 5 (hazards, capped at 5 a month); the article reversed.
    expect(expected.standing.checklistScore).toBe(63_00);
    const board = rankMembers(await Promise.all([member, rival, secretary].map(async (p) => ({ memberId: String(p.memberId), score: (await engineScore(p, monthKey)).standing.checklistScore }))));
    const place = board.find((r) => r.memberId === String(member.memberId))!;

    const [reply, ...rest] = await bot.say(member, '积分');
    expect(rest).toEqual([]);
    const text = plain(reply);
    const [year, month] = monthKey.split('-').map(Number);
    expect(text).toContain(`我的积分 · ${year}年${month}月`);
    expect(text).toContain(`先锋清单得分\n${showPoints(expected.standing.checklistScore)} / 100`);
    expect(text).toContain(`本期积分变动\n${signedPoints(expected.movement.total)}`);
    expect(text).toContain(`支部排名\n第 ${place.rank} 名 / 3 人`);
    expect(place.rank).toBe(2);
    expect(text).toContain(`组织生活：${showPoints(expected.standing.basicRemaining.B1)} / 20`);
    expect(text).toContain(`党员义务：${showPoints(expected.standing.basicRemaining.B2)} / 20`);
    expect(text).toContain(`安全员：${showPoints(expected.standing.vanguardByRole.V2)} / 10（本期 ${signedPoints(expected.movement.vanguardByRole.V2)}）`);
    expect(text).toContain(`宣传员：${showPoints(expected.standing.vanguardByRole.V1)} / 10`);
    expect(text).toContain(`先锋项合计：${showPoints(expected.standing.vanguard)} / 40`);
    expect(text).toContain('该项月度上限 5 分（此前已得 4），按上限计');
    expect(text).toContain('- 月度上限 · 发现并处置隐患：5 / 5 · 本月已满');
  });

  it('lists recent ledger entries with cause and status, escaping what members typed', async () => {
    const [reply] = await bot.say(member, '我的积分');
    const text = plain(reply);
    expect(text).toContain('扣分·无故缺席三会一课/主题党日（无故缺席支部党员大会）　-2　有效');
    expect(text).toContain('先锋作为·宣传稿件发表（两篇宣传稿件）　+2　已冲销');
    expect(text).toContain('冲销·宣传稿件发表（稿件重复申报）　-2　有效');
    expect(text).toContain(`先锋作为·发现并处置隐患（${HOSTILE}）　+1　有效`);
    expect(JSON.stringify(reply?.card)).not.toMatch(/<at user_id|\]\(javascript/);
    expect(cardBytes(reply!.card!)).toBeLessThan(CARD_BYTE_LIMIT);
  });

  it('draws the trend of the last months with Feishu’s chart component', async () => {
    const [reply] = await bot.say(member, 'points');
    const chart = reply?.card?.body.elements.find((e) => e.tag === 'chart') as { chart_spec: { type: string; data: { values: { month: string; series: string; value: number }[] } } } | undefined;
    const month = Number(todayShanghai().slice(5, 7));
    if (month === 1) return expect(chart).toBeUndefined(); // one month of this year's rules: nothing to draw yet
    expect(chart?.chart_spec.type).toBe('line');
    const values = chart!.chart_spec.data.values;
    const latest = values.filter((v) => v.month === `${month}月`);
    expect(latest).toEqual([
      { month: `${month}月`, series: '先锋清单得分', value: 63 },
      { month: `${month}月`, series: '当月积分', value: (await engineScore(member, todayShanghai().slice(0, 7))).movement.total / 100 },
    ]);
    const first = values[0]!;
    expect(first).toEqual({ month: first.month, series: '先锋清单得分', value: 60 });
  });

  it('answers 本季 and 本年 with that period’s numbers, and a menu click with this month', async () => {
    const today = todayShanghai();
    const quarter = periodOfDate(today, 'quarter');
    const [q] = await bot.say(member, '积分 本季');
    const expectedQ = await engineScore(member, `${quarter.year}-Q${quarter.index}`);
    expect(plain(q)).toContain(`本期积分变动\n${signedPoints(expectedQ.movement.total)}`);
    expect(plain(q)).toContain('季度');
    const [y] = await bot.say(member, '／积分　本年');
    expect(plain(y)).toContain(`我的积分 · ${today.slice(0, 4)}年`);
    expect(plain(y)).toContain(`先锋清单得分\n${showPoints((await engineScore(member, today.slice(0, 4))).standing.checklistScore)} / 100`);
    const [menu] = await bot.menu(member, 'points');
    expect(menu?.raw.userOpenId).toBe(member.openId);
    expect(plain(menu)).toContain('先锋清单得分\n63 / 100');
  });

  it('asked in a group, sends the card privately and tells the group only that', async () => {
    const replies = await bot.say(member, '积分', { groupChatId: 'oc_points_group' });
    const inGroup = replies.filter((m) => m.raw.chatId === 'oc_points_group');
    const inPrivate = replies.filter((m) => m.raw.chatId === member.chatId);
    expect(inGroup).toHaveLength(1);
    expect(inGroup[0]?.text).toContain('已在与我的单聊中发给您');
    expect(inGroup[0]?.text).not.toContain('先锋清单得分');
    expect(inPrivate).toHaveLength(1);
    expect(plain(inPrivate[0])).toContain('先锋清单得分\n63 / 100');
  });

  it('the period buttons on the card bring that period', async () => {
    const [reply] = await bot.say(member, '积分');
    const clicked = await bot.click(member, reply!, '本年');
    expect(clicked.followUps.map((m) => m.text).join('\n')).toContain(`我的积分 · ${todayShanghai().slice(0, 4)}年`);
  });

  it('a wrong or future period gets a clear answer and writes nothing', async () => {
    const before = { ledger: await bot.edge.db.ledgerEntry.count(), claims: await bot.edge.db.claim.count(), audit: await bot.edge.db.auditLog.count() };
    const [wrong] = await bot.say(member, '积分 明年吧<b>');
    expect(wrong?.text).toContain('看不懂“明年吧<b>”这个时间段');
    const [future] = await bot.say(member, `积分 ${Number(todayShanghai().slice(0, 4)) + 1}`);
    expect(future?.text).toContain('这个时间段还没有到');
    const [noRules] = await bot.say(member, '积分 2001');
    expect(noRules?.text).toContain('2001年没有积分规则');
    expect({ ledger: await bot.edge.db.ledgerEntry.count(), claims: await bot.edge.db.claim.count(), audit: await bot.edge.db.auditLog.count() }).toEqual(before);
  });

  it('a confirmed veto shows the year zeroed, as the engine scores it', async () => {
    const vetoed = await bot.person('吴否决');
    await approvedClaim(vetoed, 'V4-PROBLEM', 1, '攻关一项难题');
    const { veto } = await bot.domain.vetoes.propose(secretary, {
      memberId: vetoed.memberId, vetoCode: 'X3', occurredOn: todayShanghai(), reason: '违章作业触碰安全红线', idempotencyKey: key(),
    });
    await bot.domain.vetoes.confirm(admin, veto.id);
    const expected = await engineScore(vetoed, todayShanghai().slice(0, 7));
    expect(expected.standing).toMatchObject({ vetoed: true, checklistScore: 0 });
    const [reply] = await bot.say(vetoed, '积分');
    expect(plain(reply)).toContain('先锋清单得分\n0 / 100');
    expect(plain(reply)).toContain('已被一票否决（触碰安全、稳定、意识形态“红线”），本年度先锋清单得分为 0。');
    expect(plain(reply)).toContain('一票否决·触碰安全、稳定、意识形态“红线”');
  });

  it('a member with nothing yet sees the quotas and an invitation to record', async () => {
    const fresh = await bot.person('刘新人');
    const [reply] = await bot.say(fresh, '积分');
    expect(plain(reply)).toContain('先锋清单得分\n60 / 100');
    expect(plain(reply)).toContain('还没有积分流水');
  });
});
