// The permission table at the chat level (product.md §9): every role × every privileged chat action ×
// own branch / other branch. Buttons and forms are clicked as Feishu would send them — including forged
// clicks on cards a person never received — and a refusal answers clearly and leaves every row as it was.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Card } from '../../../src/bot/cards/elements.js';
import { groupAddedCard } from '../../../src/bot/cards/admin-cards.js';
import { deductionFormCard } from '../../../src/bot/cards/deduction-cards.js';
import { objectionReviewCard } from '../../../src/bot/cards/objection-cards.js';
import { pledgeReviewCard } from '../../../src/bot/cards/pledge-review-cards.js';
import { vetoDecisionCard, vetoFormCard } from '../../../src/bot/cards/veto-cards.js';
import { createDomainServices, type DomainServices } from '../../../src/domain/services.js';
import { startBot, type BotHarness, type Person, type Role, type Seen } from '../../helpers/bot-harness.js';
import { cardText } from '../../helpers/card-text.js';
import { useIsolated } from '../../helpers/isolated.js';
import { setPledgeWindow, todayShanghai, writtenRows } from './bot-test-support.js';

const env = useIsolated();
let bot: BotHarness;
/** Fresh services for each setup (no cache shared with the bot). */
const setup = (): DomainServices => createDomainServices({ db: env.db, clock: { now: () => new Date() }, timeZone: 'Asia/Shanghai', rulesCacheTtlMs: 0 });
const actors = {} as Record<Role, Person>;
const targets = {} as Record<'own' | 'other', { member: Person; secretary: Person }>;
const ROSTER = 'name,employee_no,mobile,email,branch,role,open_id\n权限新人,E7001,13700137001,,第一党支部,member,ou_perm_roster_1';

beforeAll(async () => {
  bot = await startBot(env);
  await setPledgeWindow(bot, true);
  actors.MEMBER = await bot.person('党员甲');
  actors.SECRETARY = await bot.person('书记甲', 'SECRETARY');
  actors.ADMIN = await bot.person('管理员甲', 'ADMIN');
  targets.own = { member: await bot.person('本支部党员'), secretary: actors.SECRETARY };
  targets.other = { member: await bot.person('外支部党员', 'MEMBER', '第二党支部'), secretary: await bot.person('书记乙', 'SECRETARY', '第二党支部') };
});
afterAll(async () => bot?.close());

const key = () => randomBytes(8).toString('hex');
const fake = (card: Card, chatId = `oc_perm_${key()}`): Seen => ({
  messageId: `om_perm_${key()}`, msgType: 'interactive', card, text: cardText(card),
  raw: { chatId } as Seen['raw'],
});
const today = () => todayShanghai();

type Outcome = { text: string; toast?: string };
/** Prepares the case (targets made through the services), then returns the click itself. */
type Action = (actor: Person, scope: 'own' | 'other') => Promise<() => Promise<Outcome>>;

const outcome = (r: { text: string; toast?: { content: string } | undefined }): Outcome => ({ text: r.text, ...(r.toast ? { toast: r.toast.content } : {}) });
const memberOption = (scope: 'own' | 'other') => [{ label: targets[scope].member.name, value: String(targets[scope].member.memberId) }];

async function pendingPledge(scope: 'own' | 'other') {
  const m = targets[scope].member;
  const { pledge } = await setup().pledges.create(m, { content: '承诺', serves: 'V1', target: '目标', dueOn: `${today().slice(0, 4)}-12-31`, idempotencyKey: key() });
  return fake(pledgeReviewCard({ pledge, memberName: m.name, branchName: '' }));
}

async function openObjection(scope: 'own' | 'other') {
  const { member, secretary } = targets[scope];
  const { deduction } = await setup().deductions.deduct(secretary, { memberId: member.memberId, deductionCode: 'B2-STUDY', occurredOn: today(), reason: '理由', idempotencyKey: key() });
  const objection = await setup().deductions.object(member, { deductionId: deduction.id, text: '异议' });
  const facts = { memberName: member.name, itemName: 'B2', ruleName: 'r', points: '1', occurredOn: today(), reason: 'r', deadline: '' };
  return fake(objectionReviewCard(facts, objection));
}

async function proposedVeto(scope: 'own' | 'other') {
  const { member, secretary } = targets[scope];
  const { veto } = await setup().vetoes.propose(secretary, { memberId: member.memberId, vetoCode: 'X1', occurredOn: today(), reason: '理由', idempotencyKey: key() });
  return fake(vetoDecisionCard({ veto, itemName: 'X1', memberName: member.name, branchName: '', proposerName: secretary.name }));
}

const ACTIONS: Record<string, Action> = {
  'approve pledge': async (actor, scope) => {
    const card = await pendingPledge(scope);
    return async () => outcome(await bot.click(actor, card, '通过'));
  },
  'return pledge': async (actor, scope) => {
    const card = await pendingPledge(scope);
    return async () => outcome(await bot.submit(actor, card, { comment: '请修改' }));
  },
  deduct: async (actor, scope) => {
    const form = fake(deductionFormCard({ members: memberOption(scope), notes: [], rules: [], itemNames: {}, today: today(), formKey: key() }));
    return async () => outcome(await bot.submit(actor, form, { member: memberOption(scope)[0]!.value, rule: 'B1-ABSENCE', occurrences: '1', date: `${today()} +0800`, reason: '缺席' }));
  },
  'resolve objection': async (actor, scope) => {
    const card = await openObjection(scope);
    return async () => outcome(await bot.submit(actor, card, { resolution: '驳回' }, { formName: 'reject_form' }));
  },
  'propose veto': async (actor, scope) => {
    const form = fake(vetoFormCard({ members: memberOption(scope), notes: [], items: [], today: today(), formKey: key() }));
    return async () => outcome(await bot.submit(actor, form, { member: memberOption(scope)[0]!.value, item: 'X1', date: `${today()} +0800`, reason: '理由' }));
  },
  'confirm veto': async (actor, scope) => {
    const card = await proposedVeto(scope);
    return async () => outcome(await bot.click(actor, card, '确认否决'));
  },
  'bind group': async (actor, scope) => {
    const chatId = `oc_perm_${key()}`;
    bot.edge.emulator.app.emulator.addChat({ chatId, name: '群', members: [actor.openId] });
    if (scope === 'other') await setup().groups.bind(targets.other.secretary, { chatId });
    return async () => outcome(await bot.click(actor, fake(groupAddedCard('群'), chatId), '绑定为我的支部群'));
  },
  'roster upload': async (actor) => async () => ({ text: (await bot.sendFile(actor, 'roster.csv', Buffer.from(ROSTER))).map((r) => r.text).join('\n') }),
  'audit list': async (actor) => async () => ({ text: (await bot.say(actor, '审计'))[0]!.text }),
};

/** product.md §9: secretaries act on their own branch only; admins everywhere; vetoes, roster and audit are the admins'. */
function allowed(role: Role, action: string, scope: 'own' | 'other'): boolean {
  if (role === 'ADMIN') return true;
  if (role === 'MEMBER') return false;
  return scope === 'own' && !['confirm veto', 'roster upload', 'audit list'].includes(action);
}

const REFUSED = /没有权限|只有党委管理员/;
const cases = (['MEMBER', 'SECRETARY', 'ADMIN'] as const).flatMap((role) =>
  Object.keys(ACTIONS).flatMap((action) => (['own', 'other'] as const).map((scope) => ({ role, action, scope, allow: allowed(role, action, scope) }))),
);

describe('permission table', () => {
  it.each(cases)('$role · $action · $scope branch → allowed: $allow', async ({ role, action, scope, allow }) => {
    const perform = await ACTIONS[action]!(actors[role], scope);
    const before = await writtenRows(bot);
    const result = await perform();
    const answer = `${result.toast ?? ''}\n${result.text}`;
    if (!allow) {
      expect(answer).toMatch(REFUSED);
      expect(await writtenRows(bot)).toEqual(before);
      return;
    }
    expect(answer).not.toMatch(REFUSED);
    if (action === 'audit list') expect(answer).toContain('审计日志');
    else if (action === 'roster upload') expect(answer).toContain('名册导入结果');
    else expect(await writtenRows(bot)).not.toEqual(before);
  });
});
