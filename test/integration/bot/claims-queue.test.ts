// Claims after submitting, end to end through the emulator: evidence photos (attached, then the same photo
// on another claim flagged to the reviewer), 我的记录 with withdraw and paging, 待审 oldest first with batch
// approve and the pledge pointer, a secretary's own claim going to the admins, members refused 待审.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBot, type BotHarness, type Person, type Seen } from '../../helpers/bot-harness.js';
import { useIsolated } from '../../helpers/isolated.js';
import { todayShanghai } from './bot-test-support.js';
import { FeishuApiError } from '../../../src/outbound/errors.js';
import { runEvidencePhoto } from '../../../src/pipeline/evidence-photo.js';
import { waitFor } from '../../helpers/wait-for.js';
import { CARD_BYTE_LIMIT, cardBytes } from '../../../src/bot/cards/elements.js';

const env = useIsolated();
let bot: BotHarness;
let member: Person;
let other: Person;
let secretary: Person;
let admin: Person;
const PHOTO = randomBytes(256);

beforeAll(async () => {
  bot = await startBot(env);
  member = await bot.person('周队员');
  other = await bot.person('吴队员');
  secretary = await bot.person('郑书记', 'SECRETARY');
  admin = await bot.person('党委管理员', 'ADMIN', '党委');
});
afterAll(async () => bot?.close());

// The role select is left empty: the activity names it.
const form = (description: string, quantity = '1') => ({ activity: 'V1-ARTICLE', date: `${todayShanghai()} +0800`, quantity, description });

async function record(person: Person, description: string, quantity = '1') {
  const [card] = await bot.say(person, '记录');
  const result = await bot.submit(person, card!, form(description, quantity));
  expect(result.text).toContain('记录已提交');
  return bot.edge.db.claim.findFirstOrThrow({ where: { memberId: person.memberId, description } });
}

/** Takes a claim out of the queue counts the later tests assert. */
async function withdraw(claimId: number) {
  await bot.domain.claims.withdraw({ memberId: member.memberId, role: 'MEMBER', branchId: member.branchId }, claimId);
}

function reviewCardOf(person: Person, claimId: number): Seen {
  const card = bot.inbox(person).find((m) => m.text.includes('记录待审核') && m.text.includes(`#${claimId}`));
  if (!card) throw new Error(`no review card for #${claimId}`);
  return bot.refresh(card);
}

describe('evidence photos', () => {
  it('a photo without a recent claim is not stored and the member is told why', async () => {
    const [answer] = await bot.sendImage(member, PHOTO);
    expect(answer!.text).toContain('没有提交记录');
    expect(await bot.edge.db.claimEvidence.count()).toBe(0);
  });

  it('a photo sent after a claim attaches to it and shows on the review card', async () => {
    const claim = await record(member, '在《石油报》发表稿件');
    const [answer] = await bot.sendImage(member, PHOTO);
    expect(answer!.text).toContain('照片已保存');
    expect(answer!.text).not.toContain('相同');
    const evidence = await bot.edge.db.claimEvidence.findMany({ where: { claimId: claim.id } });
    expect(evidence).toHaveLength(1);
    expect(evidence[0]!.contentHash).toMatch(/^[0-9a-f]{64}$/);
    const review = reviewCardOf(secretary, claim.id);
    expect(review.text).toContain('1 张');
    expect(review.text).not.toContain('请核实');
    // The card shows the bot's own upload of the photo (Feishu cards show only the app's images).
    expect(evidence[0]!.displayKey).toMatch(/^img_/);
    expect(evidence[0]!.displayKey).not.toBe(evidence[0]!.imageKey);
    expect(JSON.stringify(review.card)).toContain(`"img_key":"${evidence[0]!.displayKey}"`);
  });

  it('the same photo after another claim is attached and flagged to the reviewer', async () => {
    const first = await bot.edge.db.claim.findFirstOrThrow({ where: { memberId: member.memberId } });
    const claim = await record(other, '在厂报发表稿件');
    const [answer] = await bot.sendImage(other, PHOTO);
    expect(answer!.text).toContain('和另一条记录的照片相同');
    const row = await bot.edge.db.claimEvidence.findFirstOrThrow({ where: { claimId: claim.id } });
    expect(row.duplicateOfId).not.toBeNull();
    const review = reviewCardOf(secretary, claim.id);
    expect(review.text).toContain(`有照片与其他记录（#${first.id}）的照片相同，请核实`);
  });
});

describe('evidence photos that cannot be had', () => {
  it('a download that fails once is retried and the photo attached once', async () => {
    const claim = await record(member, '下载重试的稿件');
    bot.edge.emulator.app.emulator.faults.set('im.message_resource.get', { serverErrors: 1, serverErrorStatus: 503 });
    await bot.sendImage(member, randomBytes(64));
    await waitFor(() => bot.inbox(member).some((m) => m.text.includes('照片已保存') && m.text.includes('宣传稿件发表')), { timeoutMs: 30_000, message: 'the photo answer' });
    expect(await bot.edge.db.claimEvidence.count({ where: { claimId: claim.id } })).toBe(1);
    await withdraw(claim.id);
  });

  it('a photo Feishu no longer serves is not stored, and the member is asked to send it again', async () => {
    const claim = await record(member, '照片下载失败的稿件');
    // The answer replies to the photo's message; any message in the member's chat will do here.
    const sent = bot.inbox(member).at(-1)!;
    const before = await bot.edge.db.claimEvidence.count();
    // Feishu answers 234003 (file not in message): permanent, so the job does not retry; it tells the member.
    const gone = {
      downloadResource: () => Promise.reject(new FeishuApiError('permanent', 'File not in msg.', { operation: 'im.message_resource.get' })),
      uploadImage: () => Promise.reject(new Error('not reached')),
    };
    const job = { key: 'message:om_gone_photo', messageId: sent.messageId, imageKey: 'img_v2_gone', claimId: claim.id, memberId: member.memberId };
    const outcome = await runEvidencePhoto({ db: bot.edge.db, queues: bot.edge.queues, feishu: gone, timeZone: bot.edge.config.timeZone }, job);
    expect(outcome).toBe('download-failed');
    await bot.settle();
    expect(bot.inbox(member).at(-1)?.text).toContain('照片没能下载');
    expect(await bot.edge.db.claimEvidence.count()).toBe(before);
    await withdraw(claim.id);
  });
});

describe('我的记录', () => {
  it('lists my claims with status and points, withdraws a pending one and pages', async () => {
    for (let i = 1; i <= 5; i += 1) await record(member, `稿件第 ${i} 篇`);
    const [list] = await bot.say(member, '我的记录');
    expect(list!.text).toContain('我的记录');
    expect(list!.text).toContain('稿件第 5 篇');
    expect(list!.text).toContain('待审核');
    expect(list!.text).toContain('预计 1 分');
    expect(list!.text).toContain('第 1 / 2 页');
    const next = await bot.click(member, list!, '下一页');
    expect(next.text).toContain('在《石油报》发表稿件');
    const withdrawn = await bot.click(member, list!, '撤回');
    expect(withdrawn.toast?.content).toContain('记录已撤回');
    const row = await bot.edge.db.claim.findFirstOrThrow({ where: { memberId: member.memberId, description: '稿件第 5 篇' } });
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
    const [list] = await bot.say(secretary, '待审');
    expect(list!.text).toContain('记录 6 条');
    expect(list!.text.indexOf('在《石油报》发表稿件')).toBeLessThan(list!.text.indexOf('稿件第 4 篇'));
    expect(list!.text).not.toContain('稿件第 5 篇');
    expect(list!.text).toContain('另有 1 条承诺待审核');
    expect(list!.text).toContain('周队员　宣传稿件发表 1 篇');
    expect(list!.text).toContain('预计 1 分');
    expect(list!.text).not.toContain('分 分');
    const pledges = await bot.click(secretary, list!, '审核承诺');
    expect(pledges.followUps.at(-1)?.text).toContain('全年发稿 10 篇');
    const one = await bot.click(secretary, list!, '通过');
    expect(one.toast?.content).toContain('已通过');
    expect(one.text).toContain('记录 5 条');
    expect(one.text).not.toContain('在《石油报》发表稿件');
    const oldest = await bot.edge.db.claim.findFirstOrThrow({ where: { description: '在《石油报》发表稿件' } });
    expect(reviewCardOf(secretary, oldest.id).text).toContain('已通过（郑书记）');
    const batch = await bot.click(secretary, { ...list!, card: one.card! }, '全部通过（5 条）');
    expect(batch.toast?.content).toContain('已通过 5 条');
    expect(batch.text).toContain('没有待审核的记录');
    expect(await bot.edge.db.ledgerEntry.count({ where: { cause: 'CLAIM' } })).toBe(6);
    const claim = await bot.edge.db.claim.findFirstOrThrow({ where: { description: '稿件第 1 篇' } });
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

describe('photos between pledge progress and claims', () => {
  it('goes to a progress note sent last, and to a claim submitted after the note', async () => {
    const year = Number(todayShanghai().slice(0, 4));
    const pledge = await bot.edge.db.pledge.create({
      data: { memberId: other.memberId, branchId: other.branchId, year, content: '带徒弟', serves: 'V4', target: '2 人', dueOn: new Date(`${year}-12-31`), status: 'APPROVED', idempotencyKey: 'test-pledge-2', submittedAt: new Date(), reviewerId: secretary.memberId, reviewedAt: new Date() },
    });
    await bot.edge.db.pledgeProgress.create({ data: { pledgeId: pledge.id, percent: 50, text: '已带 1 人', idempotencyKey: 'test-progress-1' } });
    const [toNote] = await bot.sendImage(other, randomBytes(64));
    expect(toNote!.text).toContain('承诺进度');
    await bot.edge.db.pledgeProgress.create({ data: { pledgeId: pledge.id, percent: 60, text: '又带 1 人', idempotencyKey: 'test-progress-2' } });
    const claim = await record(other, '晚于进度的稿件');
    const [toClaim] = await bot.sendImage(other, randomBytes(64));
    expect(toClaim!.text).toContain('这条记录的佐证');
    expect(await bot.edge.db.claimEvidence.count({ where: { claimId: claim.id } })).toBe(1);
    expect(await bot.edge.db.pledgeProgress.count({ where: { pledgeId: pledge.id, imageKey: null } })).toBe(1);
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
