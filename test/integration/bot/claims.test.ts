// Claims end to end through the emulator: 记录 inline and by form (points shown before submitting, caps
// explained), a double-submitted form → one claim, likely duplicates, hostile and bad input writing nothing,
// and review by two secretaries: one ledger entry, every copy updated, "already handled" for the second.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBot, type BotHarness, type Person, type Seen } from '../../helpers/bot-harness.js';
import { useIsolated } from '../../helpers/isolated.js';
import { todayShanghai } from './bot-test-support.js';

const env = useIsolated();
let bot: BotHarness;
let member: Person;
let secretary: Person;
let secretary2: Person;
const HOSTILE = '<at user_id="all"></at> [x](javascript:alert(1))';

beforeAll(async () => {
  bot = await startBot(env);
  member = await bot.person('王先锋');
  secretary = await bot.person('李书记', 'SECRETARY');
  secretary2 = await bot.person('赵副书记', 'SECRETARY');
});
afterAll(async () => bot?.close());

const form = (values: Partial<Record<'role' | 'activity' | 'date' | 'quantity' | 'description', string>> = {}) => ({
  role: 'V2', activity: 'V2-HAZARD', date: `${todayShanghai()} +0800`, quantity: '4', description: '井场巡检发现并处置隐患', ...values,
});

function reviewCardsOf(person: Person): Seen[] {
  return bot.inbox(person).filter((m) => m.text.includes('记录待审核')).map((m) => bot.refresh(m));
}

/** Markdown a card renders (inputs' default values are plain text and cannot become markup). */
function rendered(card: Seen['card']): string {
  const out: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const el = node as Record<string, unknown>;
    if (el.tag === 'markdown' && typeof el.content === 'string') out.push(el.content);
    Object.values(el).forEach(walk);
  };
  walk(card?.body);
  return out.join('\n');
}

async function counts() {
  return { claims: await bot.edge.db.claim.count(), ledger: await bot.edge.db.ledgerEntry.count() };
}

describe('recording a claim', () => {
  it('bare 记录 opens the form with the points table and the caps', async () => {
    const [card] = await bot.say(member, '记录');
    expect(card!.text).toContain('记录先锋作为');
    expect(card!.text).toContain('发现并处置隐患：0.5 分/处（每月上限 5 分，本月已得 0 分）');
    expect(card!.text).toContain('每年上限 10 分，今年已得 0 分');
    expect(card!.text).toContain('先锋项每年合计上限 40 分');
    expect(card!.text).toContain('提交');
  });

  it('a double-submitted form creates one claim and sends each secretary one review card', async () => {
    const [card] = await bot.say(member, '记录');
    const first = await bot.submit(member, card!, form());
    expect(first.toast?.type).toBe('success');
    expect(first.text).toContain('记录已提交');
    expect(first.text).toContain('2 分');
    expect(first.text).toContain('待审核');
    const again = await bot.submit(member, card!, form());
    expect(again.text).toContain('记录已提交');
    expect(await bot.edge.db.claim.count({ where: { memberId: member.memberId } })).toBe(1);
    expect(reviewCardsOf(secretary)).toHaveLength(1);
    expect(reviewCardsOf(secretary2)).toHaveLength(1);
    const review = reviewCardsOf(secretary)[0]!;
    for (const fact of ['王先锋', '安全员', '发现并处置隐患', '4 处', todayShanghai(), '井场巡检发现并处置隐患', '2 分', '通过', '退回']) expect(review.text).toContain(fact);
    expect(await bot.edge.db.ledgerEntry.count()).toBe(0);
  });

  it('inline 记录 previews the points with the monthly cap before submitting', async () => {
    const [preview] = await bot.say(member, '记录 安全员 发现并处置隐患 8 处 夜间巡检');
    expect(preview!.text).toContain('确认记录');
    // 8 × 0.5 = 4, but 2 of this month's 5 are already claimed… only approvals count: the cap is still 5.
    expect(preview!.text).toContain('4 分');
    const edit = await bot.click(member, preview!, '用表单修改');
    expect(edit.text).toContain('记录先锋作为');
    expect(JSON.stringify(edit.card)).toContain('"default_value":"夜间巡检"');
    const submitted = await bot.click(member, preview!, '提交');
    expect(submitted.text).toContain('记录已提交');
    const twice = await bot.click(member, preview!, '提交');
    expect(await bot.edge.db.claim.count({ where: { description: '夜间巡检' } })).toBe(1);
    expect(twice.toast?.content).toContain('已经处理过了');
    expect(await bot.edge.db.claim.count({ where: { memberId: member.memberId } })).toBe(2);
  });

  it('a likely duplicate asks first, and 仍然提交 records it once', async () => {
    const [card] = await bot.say(member, '记录');
    const asked = await bot.submit(member, card!, form());
    expect(asked.text).toContain('可能重复');
    expect(await bot.edge.db.claim.count({ where: { memberId: member.memberId } })).toBe(2);
    const asCard = { ...card!, card: asked.card!, text: asked.text };
    const confirmed = await bot.click(member, asCard, '仍然提交');
    expect(confirmed.text).toContain('记录已提交');
    await bot.click(member, asCard, '仍然提交');
    expect(await bot.edge.db.claim.count({ where: { memberId: member.memberId } })).toBe(3);
  });

  it('an incomplete inline record opens the form pre-filled, a wrong quantity or role is refused', async () => {
    const before = await counts();
    const [partial] = await bot.say(member, '记录 安全员 隐患');
    expect(partial!.text).toContain('没能完全识别');
    expect(partial!.text).toContain('记录先锋作为');
    const badQuantity = await bot.submit(member, partial!, form({ quantity: '-3' }));
    expect(badQuantity.toast?.content).toContain('数量请填写大于 0 的数字');
    const mismatch = await bot.submit(member, partial!, form({ role: 'V1' }));
    expect(mismatch.toast?.content).toContain('“发现并处置隐患”不属于宣传员');
    const future = await bot.submit(member, partial!, form({ date: '2999-01-01 +0800' }));
    expect(future.toast?.content).toContain('日期不能晚于今天');
    const empty = await bot.submit(member, partial!, { role: 'V2', activity: 'V2-HAZARD' });
    expect(empty.toast?.content).toContain('请把活动类型、日期、数量和说明填写完整');
    const [zero] = await bot.say(member, '记录 安全员 发现并处置隐患 0 处');
    expect(zero!.text).toContain('记录先锋作为');
    expect(await counts()).toEqual(before);
  });

  it('hostile text stays literal everywhere; 10 KB is refused and nothing is written', async () => {
    const [card] = await bot.say(member, '记录');
    const before = await counts();
    const long = await bot.submit(member, card!, form({ description: '长'.repeat(10_240) }));
    expect(long.toast?.content).toContain('500 字以内');
    const [longInline] = await bot.say(member, `记录 安全员 隐患 1 处 ${'长'.repeat(10_240)}`);
    expect(longInline!.text).not.toContain('确认记录');
    expect(longInline!.text).toContain('内容太长了');
    expect(await counts()).toEqual(before);
    const [hostileInline] = await bot.say(member, `记录 ${HOSTILE}`);
    expect(hostileInline!.text).toContain(HOSTILE.slice(0, 20));
    expect(rendered(hostileInline!.card)).not.toMatch(/<at user_id|\]\(javascript/);
    const hostile = await bot.submit(member, card!, form({ description: HOSTILE, quantity: '1' }));
    expect(hostile.text).toContain(HOSTILE);
    const review = reviewCardsOf(secretary).at(-1)!;
    expect(review.text).toContain(HOSTILE);
    expect(rendered(hostile.card) + rendered(review.card)).not.toMatch(/<at user_id|\]\(javascript/);
  });

  it('answers people outside the roster without writing anything', async () => {
    const before = await counts();
    const stranger = { ...member, openId: 'ou_stranger_claims', memberId: -1 };
    const [reply] = await bot.say(stranger, '记录 安全员 隐患 3 处');
    expect(reply!.text).toContain('名册');
    expect(await counts()).toEqual(before);
  });
});

describe('reviewing claims', () => {
  it('two secretaries approve the same claim: one ledger entry, both copies updated, the second is already handled', async () => {
    const claim = await bot.edge.db.claim.findFirstOrThrow({ where: { memberId: member.memberId }, orderBy: { id: 'asc' } });
    const mine = reviewCardsOf(secretary).find((m) => m.text.includes(`#${claim.id}`))!;
    const theirs = reviewCardsOf(secretary2).find((m) => m.text.includes(`#${claim.id}`))!;
    const approved = await bot.click(secretary, mine, '通过');
    expect(approved.toast?.content).toContain('已通过');
    expect(approved.text).toContain('已通过（李书记）');
    const late = await bot.click(secretary2, theirs, '通过');
    expect(late.toast?.content).toContain('已经处理过了');
    expect(await bot.edge.db.ledgerEntry.count({ where: { claimId: claim.id } })).toBe(1);
    expect(bot.refresh(theirs).text).toContain('已通过（李书记）');
    const notice = bot.inbox(member).filter((m) => m.text.includes('您的记录已通过审核')).at(-1)!;
    expect(notice.text).toContain('已计入 2 分');
  });

  it('the next approval hits the monthly cap and the member is told why', async () => {
    const claim = await bot.edge.db.claim.findFirstOrThrow({ where: { memberId: member.memberId, description: '夜间巡检' } });
    const card = reviewCardsOf(secretary).find((m) => m.text.includes(`#${claim.id}`))!;
    const approved = await bot.click(secretary, card, '通过');
    expect(approved.text).toContain('实际计入 3 分');
    const notice = bot.inbox(member).filter((m) => m.text.includes('您的记录已通过审核')).at(-1)!;
    expect(notice.text).toContain('已计入 3 分');
    expect(notice.text).toContain('“发现并处置隐患”每月最多 5 分');
    const [year, month] = todayShanghai().split('-');
    expect(notice.text).toContain(`${year} 年 ${Number(month)} 月已得 2 分`);
    expect(notice.text).toContain('计入积分');
    const [preview] = await bot.say(member, '记录 安全员 隐患 2 处');
    expect(preview!.text).toContain('0 分（按标准 1 分，受上限限制）');
    expect(preview!.text).toContain('“发现并处置隐患”每月最多 5 分');
  });

  it('returning needs a reason; the member is told why, edits and resubmits', async () => {
    const claim = await bot.edge.db.claim.findFirstOrThrow({ where: { memberId: member.memberId, status: 'PENDING' }, orderBy: { id: 'asc' } });
    const card = reviewCardsOf(secretary).find((m) => m.text.includes(`#${claim.id}`))!;
    const before = await bot.edge.db.auditLog.count();
    const blank = await bot.submit(secretary, card, { reason: '  ' });
    expect(blank.toast?.content).toContain('请填写理由');
    expect(await bot.edge.db.auditLog.count()).toBe(before);
    expect((await bot.edge.db.claim.findUniqueOrThrow({ where: { id: claim.id } })).status).toBe('PENDING');
    const returned = await bot.submit(secretary, card, { reason: '请补充隐患位置' });
    expect(returned.text).toContain('已退回（李书记）');
    const notice = bot.inbox(member).at(-1)!;
    expect(notice.text).toContain('您的记录被退回');
    expect(notice.text).toContain('请补充隐患位置');
    const edit = await bot.click(member, notice, '修改后重新提交');
    expect(edit.text).toContain('修改记录');
    const asCard = { ...notice, card: edit.card!, text: edit.text };
    const resubmitted = await bot.submit(member, asCard, form({ quantity: '1', description: '3 号井场东侧隐患' }));
    expect(resubmitted.text).toContain('修改后的记录已重新提交审核');
    const row = await bot.edge.db.claim.findUniqueOrThrow({ where: { id: claim.id } });
    expect(row.status).toBe('PENDING');
    expect(row.revision).toBe(2);
    const again = reviewCardsOf(secretary).at(-1)!;
    expect(again.text).toContain('3 号井场东侧隐患');
    expect(again.text).toContain('第 2 次提交；上次退回理由：请补充隐患位置');
  });
});
