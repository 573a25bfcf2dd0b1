// What people read in each push: the reminder (points, what is missing, the record button; the
// "only without a record" option), 月统计 for a secretary (charts, top, members with nothing)
// and for admins (per-branch table), 季盘点, 年评比, stale-review nudges, the 定诺 invitation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestCampaign } from '../../../src/pushes/push-jobs.js';
import { PUSH_KIND_ENUM } from '../../../src/pushes/push-kinds.js';
import type { CampaignRequest } from '../../../src/pushes/campaigns.js';
import { inboundProcessor } from '../../../workers/processors/inbound.js';
import { outboundProcessor } from '../../../workers/processors/outbound.js';
import { createPushProcessor } from '../../../workers/processors/pushes.js';
import { startBot, type BotHarness, type Person, type Seen } from '../../helpers/bot-harness.js';
import { useIsolated } from '../../helpers/isolated.js';
import { waitFor } from '../../helpers/wait-for.js';

const env = useIsolated();
let bot: BotHarness;
let admin: Person;
let secretary: Person;
let active: Person;
let idle: Person;
let otherSecretary: Person;

const latest = (p: Person, title: string): Seen | undefined => bot.inbox(p).filter((m) => m.text.includes(title)).at(-1);

async function push(request: Omit<CampaignRequest, 'trigger'>): Promise<void> {
  await requestCampaign(bot.edge.queues, { ...request, trigger: 'MANUAL' });
  await waitFor(async () => (await env.db.pushCampaign.findFirst({ where: { kind: PUSH_KIND_ENUM[request.kind], periodKey: request.period, summarySentAt: { not: null } } })) !== null, {
    message: `${request.kind} ${request.period} to finish`,
    timeoutMs: 30_000,
  });
  await bot.settle();
}

async function claim(person: Person, date: string, approve: boolean): Promise<number> {
  const { claim } = await bot.domain.claims.create(person, { activityCode: 'V1-TALK', quantity: 1, activityDate: date, description: `宣讲 ${date}`, idempotencyKey: `k-${person.memberId}-${date}` });
  if (approve) await bot.domain.claimReview.approve(secretary, claim.id);
  return claim.id;
}

beforeAll(async () => {
  bot = await startBot(env, 'postgres', { processors: [inboundProcessor, outboundProcessor, createPushProcessor({ schedules: [] })] });
  admin = await bot.person('党委钱管理', 'ADMIN');
  secretary = await bot.person('孙书记', 'SECRETARY');
  active = await bot.person('周积极');
  idle = await bot.person('吴未记');
  otherSecretary = await bot.person('郑书记', 'SECRETARY', '第二党支部');
  await claim(active, '2026-10-15', true);
  await claim(active, '2026-11-10', true);
  const waiting = await claim(active, '2026-11-20', false);
  await env.db.claim.update({ where: { id: waiting }, data: { submittedAt: new Date(Date.now() - 5 * 86_400_000) } });
});
afterAll(async () => bot?.close());

describe('what each push says', () => {
  it('reminds with the month so far and what is missing, with a 记录 button', async () => {
    await push({ kind: 'monthly-reminder', period: '2026-11' });
    const mine = latest(active, '本月提醒 · 2026年11月')!;
    expect(mine.text).toMatch(/本月截至目前，您已获得 \*\*[1-9][\d.]*\*\* 分。/);
    expect(mine.text).toContain('有 **1** 条记录正在等待支部书记审核。');
    expect(mine.text).not.toContain('还没有先锋项记录');
    expect(JSON.stringify(mine.card)).toContain('"cmd":"record"');
    const theirs = latest(idle, '本月提醒 · 2026年11月')!;
    expect(theirs.text).toContain('您已获得 **0** 分');
    expect(theirs.text).toContain('本月您还没有先锋项记录');
  });

  it('with "only without a record", skips members who already have one', async () => {
    await push({ kind: 'monthly-reminder', period: '2026-10', options: { onlyWithoutVanguard: true } });
    expect(latest(active, '2026年10月')).toBeUndefined();
    expect(latest(idle, '2026年10月')!.text).toContain('本月您还没有先锋项记录');
    expect(await env.db.pushDelivery.findFirst({ where: { memberId: active.memberId, campaign: { periodKey: '2026-10' } } })).toMatchObject({ status: 'SKIPPED', skipReason: 'has-record' });
  });

  it('sends 月统计: the branch to its secretary with charts, the per-branch table to admins', async () => {
    await push({ kind: 'monthly-digest', period: '2026-11' });
    const digest = latest(secretary, '2026年11月 月统计 · 第一党支部')!;
    expect(digest.text).toContain('上月共 **2** 条记录（通过 1 条）');
    expect(digest.text).toContain('各先锋岗位积分');
    expect(digest.text).toContain('近六个月支部积分走势');
    expect(digest.text).toContain('待审核：**1** 条');
    expect(digest.text).toMatch(/\*\*积分前列\*\*\n1\. 周积极 [1-9]/);
    expect(digest.text).toContain('上月没有任何记录的党员（3 人）：党委钱管理、孙书记、吴未记');
    const charts = JSON.stringify(digest.card);
    expect(charts).toContain('"type":"bar"');
    expect(charts).toContain('"type":"line"');
    expect(charts).toContain('宣传员');
    const table = latest(admin, '2026年11月 月统计 · 各支部')!;
    expect(table.text).toContain('支部｜党员｜记录｜积分｜待审｜扣分');
    expect(table.text).toMatch(/第一党支部｜4｜2｜[1-9][\d.]*｜1｜0/);
    expect(table.text).toContain('第二党支部｜1｜0｜0｜0｜0');
    expect(latest(otherSecretary, '月统计 · 第二党支部')!.text).toContain('上月共 **0** 条记录');
  });

  it('sends 季盘点 to members (their quarter, their pledges) and secretaries (the branch)', async () => {
    await push({ kind: 'quarterly-stocktake', period: '2026-Q4' });
    const mine = latest(active, '2026年第4季度 · 季盘点')!;
    expect(mine.text).toContain('这是您本季度记下的先锋作为和承诺');
    expect(mine.text).toMatch(/本季度共 \*\*2\*\* 笔积分，合计 \*\*[1-9]/);
    expect(mine.text).toContain('您还没有本年度的承诺。');
    expect(mine.text).toContain('更新承诺进度');
    expect(latest(idle, '季盘点')!.text).toContain('本季度还没有积分记录。');
    expect(latest(secretary, '2026年第4季度 季盘点 · 第一党支部')!.text).toContain('承诺情况');
  });

  it('nudges only the secretary whose review has waited over three days', async () => {
    await push({ kind: 'stale-reviews', period: '2026-11-28' });
    expect(latest(secretary, '有记录等待审核')!.text).toContain('有 **1** 条记录已等待审核超过 3 天');
    expect(latest(otherSecretary, '有记录等待审核')).toBeUndefined();
    await push({ kind: 'stale-reviews', period: '2026-11-29', options: { staleDays: 10 } });
    expect(bot.inbox(secretary).filter((m) => m.text.includes('有记录等待审核'))).toHaveLength(1);
  });

  it('tells each member their result for the year, or that it is not entered yet', async () => {
    await env.db.evaluationYear.upsert({ where: { year: 2026 }, create: { year: 2026 }, update: {} });
    await env.db.annualEvaluation.create({ data: { memberId: active.memberId, branchId: active.branchId, year: 2026, compositeScore: 92.5, grade: 'EXCELLENT' } });
    await push({ kind: 'annual-results', period: '2026' });
    expect(latest(active, '2026 年度评比结果')!.text).toContain('您的综合得分 **92.5**，评定等次：**优秀**。');
    expect(latest(idle, '2026 年度评比结果')!.text).toContain('您本年度的评定结果还没有录入');
  });

  it('prompts secretaries for the annual evaluation and invites everyone to 定诺', async () => {
    await push({ kind: 'annual-evaluation', period: '2026' });
    expect(latest(secretary, '2026 年度评比')!.text).toContain('民主评议和群众评议');
    expect(bot.inbox(active).some((m) => m.text.includes('民主评议'))).toBe(false);
    await push({ kind: 'pledge-window', period: '2027' });
    const invite = latest(idle, '2027 年定诺开始了')!;
    expect(invite.text).toContain('去定诺');
    expect(JSON.stringify(invite.card)).toContain('"cmd":"pledges"');
  });
});
