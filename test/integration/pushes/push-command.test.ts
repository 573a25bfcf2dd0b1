// `推送` by chat and `npm run push` again: an admin starts a push, members read their reminder,
// the admin reads the summary; asking again for the same period sends nothing new and says what
// was sent; members cannot push; bad kinds or periods get a clear answer and write nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBot, type BotHarness, type Person } from '../../helpers/bot-harness.js';
import { useIsolated } from '../../helpers/isolated.js';
import { waitFor } from '../../helpers/wait-for.js';
import { inboundProcessor } from '../../../workers/processors/inbound.js';
import { outboundProcessor } from '../../../workers/processors/outbound.js';
import { createPushProcessor } from '../../../workers/processors/pushes.js';
import { processEnv, runPushCli } from './push-harness.js';
import { PUSH_QUEUES } from '../../../src/pushes/push-jobs.js';

const env = useIsolated();
let bot: BotHarness;
let admin: Person;
let members: Person[];
let onLeave: Person;

const reminders = (p: Person) => bot.inbox(p).filter((m) => m.text.includes('本月提醒'));
const counts = async () => ({
  campaigns: await env.db.pushCampaign.count(),
  deliveries: await env.db.pushDelivery.count(),
  outbox: await env.db.outboundMessage.count({ where: { businessKey: { startsWith: 'push:' } } }),
  jobs: (await bot.edge.queues.queue(PUSH_QUEUES.campaign).getJobCountByTypes('waiting', 'active', 'delayed', 'completed', 'failed')),
});

beforeAll(async () => {
  bot = await startBot(env, 'postgres', { processors: [inboundProcessor, outboundProcessor, createPushProcessor({ schedules: [] })] });
  admin = await bot.person('党委管理员', 'ADMIN');
  members = [await bot.person('张先锋'), await bot.person('李先锋'), await bot.person('王书记', 'SECRETARY')];
  onLeave = await bot.person('赵休假');
  await env.db.member.update({ where: { id: onLeave.memberId }, data: { status: 'ON_LEAVE', leaveUntil: new Date('2099-01-01') } });
});
afterAll(async () => bot?.close());

describe('推送 and npm run push', () => {
  it('lets an admin push the monthly reminder: members read it, the one on leave does not, the admin reads the summary', async () => {
    const [answer] = await bot.say(admin, '推送 monthly-reminder 2026-11');
    expect(answer!.text).toContain('已开始推送 每月提醒（2026-11）');
    await waitFor(() => members.every((m) => reminders(m).length === 1), { message: 'the reminders', timeoutMs: 30_000 });
    await waitFor(() => bot.inbox(admin).some((m) => m.text.includes('推送完成')), { message: 'the summary', timeoutMs: 30_000 });

    const text = reminders(members[0]!)[0]!.text;
    expect(text).toContain('本月提醒 · 2026年11月');
    expect(text).toContain('本月截至目前，您已获得 **0** 分。');
    expect(text).toContain('本月您还没有先锋项记录');
    expect(text).toContain('记录');
    expect(reminders(onLeave)).toHaveLength(0);
    const summary = bot.inbox(admin).find((m) => m.text.includes('推送完成'))!.text;
    expect(summary).toContain('推送完成 · 每月提醒 2026-11');
    // Admin and three members sent, the one on leave skipped.
    expect(summary).toContain('共 **5** 人：已送达 **4**，失败 **0**，跳过 **1**。');
    const skipped = await env.db.pushDelivery.findFirst({ where: { memberId: onLeave.memberId } });
    expect(skipped).toMatchObject({ status: 'SKIPPED', skipReason: 'on-leave' });
  });

  it('sends nothing new when the same period is pushed again, by chat or by npm run push', async () => {
    await bot.settle();
    const before = await counts();
    const [again] = await bot.say(admin, '推送 monthly-reminder 2026-11');
    expect(again!.text).toContain('每月提醒（2026-11）已经推送过，不会重复发送。');
    expect(again!.text).toContain('已送达 **4**');

    const cli = await runPushCli(['monthly-reminder', '--period', '2026-11'], processEnv(env, bot.edge.emulator, 'postgres'));
    expect(cli.code).toBe(0);
    expect(cli.output).toContain('monthly-reminder 2026-11 was already pushed (completed); nothing new sent.');
    expect(cli.output).toContain('5 recipients: 4 sent, 0 pending, 0 failed, 1 skipped');
    await bot.settle();
    expect(await counts()).toEqual(before);
    expect(members.map((m) => reminders(m).length)).toEqual([1, 1, 1]);
  });

  it('refuses a member, and answers bad kinds and periods with the usage, writing nothing', async () => {
    const before = await counts();
    const [refused] = await bot.say(members[0]!, '推送 monthly-reminder 2026-12');
    expect(refused!.text).toContain('权限');
    const [badPeriod] = await bot.say(admin, '推送 quarterly-stocktake 2026-11');
    expect(badPeriod!.text).toContain('quarterly-stocktake 的期间应写成季度，如 2026-Q4');
    const [badKind] = await bot.say(admin, '推送 weekly-spam 2026-11');
    expect(badKind!.text).toContain('用法：推送 <类型> <期间>');
    const cli = await runPushCli(['monthly-reminder', '--period', '2026-Q4'], processEnv(env, bot.edge.emulator, 'postgres'));
    expect(cli.code).toBe(1);
    expect(cli.output).toContain('monthly-reminder needs a month period');
    expect(await counts()).toEqual(before);
  });
});
