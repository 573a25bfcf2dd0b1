// Claims after submitting, end to end through the emulator: 我的记录 with withdraw and paging, 待审 oldest
// first with one-line and batch approve and the pledge pointer, members refused 待审, a secretary's own claim
// and a branch without a secretary going to the admins, long lists under the card size limit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBot, type BotHarness, type Person } from '../../helpers/bot-harness.js';
import { useIsolated } from '../../helpers/isolated.js';
import { CARD_BYTE_LIMIT, cardBytes } from '../../../src/bot/cards/elements.js';
import { todayShanghai } from './bot-test-support.js';
import { recordClaim, reviewCardOf as reviewCardOfIn } from './claims-test-support.js';

const env = useIsolated();
let bot: BotHarness;
let member: Person;
let other: Person;
let secretary: Person;
let admin: Person;

beforeAll(async () => {
  bot = await startBot(env);
  member = await bot.person('周队员');
  other = await bot.person('吴队员');
  secretary = await bot.person('郑书记', 'SECRETARY');
  admin = await bot.person('党委管理员', 'ADMIN', '党委');
});
afterAll(async () => bot?.close());

const record = (person: Person, description: string, quantity = '1') => recordClaim(bot, person, description, quantity);
const reviewCardOf = (person: Person, claimId: number) => reviewCardOfIn(bot, person, claimId);

describe('我的记录', () => {
  it('lists my claims with status and points, withdraws a pending one and pages', async () => {
    for (let i = 1; i <= 6; i += 1) await record(member, `稿件第 ${i} 篇`);
    const [list] = await bot.say(member, '我的记录');
    expect(list!.text).toContain('我的记录');
    expect(list!.text).toContain('稿件第 6 篇');
    expect(list!.text).toContain('待审核');
    expect(list!.text).toContain('预计 1 分');
    expect(list!.text).toContain('第 1 / 2 页');
    const next = await bot.click(member, list!, '下一页');
    expect(next.text).toContain('稿件第 1 篇');
    const withdrawn = await bot.click(member, list!, '撤回');
    expect(withdrawn.toast?.content).toContain('记录已撤回');
    const row = await bot.edge.db.claim.findFirstOrThrow({ where: { memberId: member.memberId, description: '稿件第 6 篇' } });
    expect(row.status).toBe('WITHDRAWN');
    expect(withdrawn.text).toContain('已撤回');
    expect(reviewCardOf(secretary, row.id).text).toContain('党员已撤回这条记录');
    const again = await bot.click(member, list!, '撤回');
    expect(again.toast?.content).toContain('已经处理过了');
  });

  it('my records is also a menu entry and a card button (the reminder card)', async () => {
    const [fromMenu] = await bot.menu(member, 'record');
    expect(fromMenu!.text).toContain('记录先锋作为');
    const [help] = await bot.say(member, '帮助');
    const clicked = await bot.click(member, help!, '记录作为');
    expect(clicked.followUps.at(-1)?.text).toContain('记录先锋作为');
  });
});

describe('待审', () => {
  it('members are refused and nothing is listed', async () => {
    const [refused] = await bot.say(member, '待审');
    expect(refused!.text).toContain('没有权限');
  });

  it('lists my branch oldest first, points to pending pledges, and batch approves with one entry each', async () => {
    await bot.edge.db.pledge.create({
      data: { memberId: other.memberId, branchId: other.branchId, year: Number(todayShanghai().slice(0, 4)), content: '全年发稿 10 篇', serves: 'V1', target: '10 篇', dueOn: new Date(`${todayShanghai().slice(0, 4)}-12-31`), status: 'PENDING', idempotencyKey: 'test-pledge-1', submittedAt: new Date() },
    });
    await record(other, '在厂报发表稿件');
    const [list] = await bot.say(secretary, '待审');
    expect(list!.text).toContain('记录 6 条');
    expect(list!.text.indexOf('稿件第 1 篇')).toBeLessThan(list!.text.indexOf('在厂报发表稿件'));
    expect(list!.text).not.toContain('稿件第 6 篇');
    expect(list!.text).toContain('另有 1 条承诺待审核');
    expect(list!.text).toContain('周队员　宣传稿件发表 1 篇');
    expect(list!.text).toContain('预计 1 分');
    expect(list!.text).not.toContain('分 分');
    const pledges = await bot.click(secretary, list!, '审核承诺');
    expect(pledges.followUps.at(-1)?.text).toContain('全年发稿 10 篇');
    const one = await bot.click(secretary, list!, '通过');
    expect(one.toast?.content).toContain('已通过');
    expect(one.text).toContain('记录 5 条');
    expect(one.text).not.toContain('稿件第 1 篇');
    const oldest = await bot.edge.db.claim.findFirstOrThrow({ where: { description: '稿件第 1 篇' } });
    expect(reviewCardOf(secretary, oldest.id).text).toContain('已通过（郑书记）');
    const batch = await bot.click(secretary, { ...list!, card: one.card! }, '全部通过（5 条）');
    expect(batch.toast?.content).toContain('已通过 5 条');
    expect(batch.text).toContain('没有待审核的记录');
    expect(await bot.edge.db.ledgerEntry.count({ where: { cause: 'CLAIM' } })).toBe(6);
    const claim = await bot.edge.db.claim.findFirstOrThrow({ where: { description: '稿件第 2 篇' } });
    expect(reviewCardOf(secretary, claim.id).text).toContain('已通过（郑书记）');
    expect(bot.inbox(member).filter((m) => m.text.includes('您的记录已通过审核'))).toHaveLength(5);
    const twice = await bot.click(secretary, list!, '全部通过（6 条）');
    expect(twice.toast?.type).toBe('info');
    expect(twice.toast?.content).toContain('6 条已被处理过');
    expect(await bot.edge.db.ledgerEntry.count({ where: { cause: 'CLAIM' } })).toBe(6);
  });

  it("a secretary's own claim goes to the admins, never to the secretary", async () => {
    const before = bot.inbox(secretary).filter((m) => m.text.includes('记录待审核')).length;
    const claim = await record(secretary, '书记讲党课稿件');
    expect(bot.inbox(secretary).filter((m) => m.text.includes('记录待审核'))).toHaveLength(before);
    const [mine] = await bot.say(secretary, '待审');
    expect(mine!.text).not.toContain('书记讲党课稿件');
    const card = reviewCardOf(admin, claim.id);
    expect(card.text).toContain('郑书记');
    const approved = await bot.click(admin, card, '通过');
    expect(approved.text).toContain('已通过（党委管理员）');
    expect(bot.inbox(secretary).at(-1)?.text).toContain('已计入 1 分');
  });

  it('a branch without a secretary sends its claims to the admins', async () => {
    const lone = await bot.person('孙无书记', 'MEMBER', '无书记支部');
    const claim = await record(lone, '无书记支部的稿件');
    expect(reviewCardOf(admin, claim.id).text).toContain('孙无书记（无书记支部）');
  });
});

describe('long lists', () => {
  it('待审 and 我的记录 page long lists and stay under the card size limit', async () => {
    const person = await bot.person('钱长文');
    const actor = { memberId: person.memberId, role: 'MEMBER' as const, branchId: person.branchId };
    for (let i = 0; i < 12; i += 1) {
      await bot.domain.claims.create(actor, {
        activityCode: 'V1-TALK', quantity: 1, activityDate: todayShanghai(), description: `${i} ${'长'.repeat(490)}`, idempotencyKey: `long-${i}`,
      });
    }
    const [list] = await bot.say(secretary, '待审');
    expect(list!.text).toContain('另有');
    expect(cardBytes(list!.card!)).toBeLessThan(CARD_BYTE_LIMIT);
    const [mine] = await bot.say(person, '我的记录');
    expect(mine!.text).toContain('第 1 / 3 页');
    expect(cardBytes(mine!.card!)).toBeLessThan(CARD_BYTE_LIMIT);
    const review = bot.inbox(secretary).at(-1)!;
    const opened = await bot.click(secretary, list!, '详情');
    expect(opened.followUps.at(-1)?.text).toContain('记录待审核');
    expect(cardBytes(opened.followUps.at(-1)!.card!)).toBeLessThan(CARD_BYTE_LIMIT);
    expect(review).toBeDefined();
  });
});

describe('the browser flow (test/browser/full-flow.test.ts)', () => {
  it('form by activity name → the secretary, after 待审, finds the claim on the last card titled …待审… and approves it', async () => {
    const person = await bot.person('冯浏览');
    const [card] = await bot.say(person, '记录');
    const activity = (card!.card!.body.elements.find((e) => e.tag === 'form')!.elements as { name?: string; options?: { text: { content: string }; value: string }[] }[])
      .find((e) => e.name === 'activity')!.options!.find((o) => o.text.content === '发现并处置隐患')!.value;
    const submitted = await bot.submit(person, card!, { role: 'V2', activity, date: `${todayShanghai()} +0800`, quantity: '3', description: '巡检发现并处置三处隐患' });
    expect(submitted.text).toContain('待审核');
    await bot.say(secretary, '待审');
    const last = bot.inbox(secretary).filter((m) => m.card?.header?.title.content.includes('待审')).at(-1)!;
    expect(last.text).toContain('冯浏览');
    const approved = await bot.click(secretary, bot.refresh(last), '通过');
    expect(approved.toast?.content).toContain('已通过');
    const entry = await bot.edge.db.ledgerEntry.findFirstOrThrow({ where: { memberId: person.memberId } });
    expect(Number(entry.points)).toBe(1.5);
  });
});
