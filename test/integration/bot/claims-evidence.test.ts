// Evidence photos end to end through the emulator: a photo after a claim is downloaded, hashed and attached
// (the review card shows the bot's own upload); the same photo on another claim is flagged to the reviewer;
// a failed download is retried, a vanished one answered; a photo goes to whichever came last, the pledge
// progress note or the claim.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBot, type BotHarness, type Person } from '../../helpers/bot-harness.js';
import { useIsolated } from '../../helpers/isolated.js';
import { waitFor } from '../../helpers/wait-for.js';
import { FeishuApiError } from '../../../src/outbound/errors.js';
import { runEvidencePhoto } from '../../../src/pipeline/evidence-photo.js';
import { todayShanghai } from './bot-test-support.js';
import { recordClaim, reviewCardOf as reviewCardOfIn, withdrawClaim } from './claims-test-support.js';

const env = useIsolated();
let bot: BotHarness;
let member: Person;
let other: Person;
let secretary: Person;

beforeAll(async () => {
  bot = await startBot(env);
  member = await bot.person('周队员');
  other = await bot.person('吴队员');
  secretary = await bot.person('郑书记', 'SECRETARY');
});
afterAll(async () => bot?.close());

const record = (person: Person, description: string, quantity = '1') => recordClaim(bot, person, description, quantity);
const reviewCardOf = (person: Person, claimId: number) => reviewCardOfIn(bot, person, claimId);
const PHOTO = randomBytes(256);
const withdraw = (claimId: number) => withdrawClaim(bot, member, claimId);

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
