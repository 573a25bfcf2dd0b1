// The 公示 objection: the group card's button sends the clicker a private form (the group card stays as it
// is for everyone); the form's text goes to the branch's secretaries. After the window both answer that
// the notice is closed, and nothing is written.
import { z } from 'zod';
import { isDomainError } from '../../domain/errors.js';
import { noticeObjectionFormCard, noticeObjectionSentCard, secretaryNoticeObjectionCard } from '../cards/public-notice-cards.js';
import { formKey, readForm, requiredText, submissionKey } from '../forms.js';
import { t } from '../messages/index.js';
import { noticeFacts } from '../public-notice.js';
import { cardTo } from '../reply.js';
import { UserFacingError } from '../user-error.js';
import type { ActionDefinition } from './action.js';

const n = t.publicNotice;
const noticeValue = z.object({ n: z.coerce.number().int().positive() });

const openAction: ActionDefinition = {
  action: 'notice.object.open',
  run: async ({ actor, input, services }) => {
    const notice = await services.domain.publicNotices.get(noticeValue.parse(input.value).n);
    const f = noticeFacts(services, notice);
    if (!f.open) return { toast: { type: 'info', content: n.closed(f.deadline) } };
    if (actor.role !== 'ADMIN' && actor.branchId !== notice.branchId) return { toast: { type: 'error', content: t.common.errors.forbidden } };
    const formCard = noticeObjectionFormCard(f, formKey(input.key, 'notice.object'));
    return { toast: { type: 'info', content: n.formSent }, also: [cardTo({ to: 'open_id', id: actor.openId }, formCard)] };
  },
};

const submitAction: ActionDefinition = {
  action: 'notice.object',
  run: async ({ actor, input, services }) => {
    const id = noticeValue.parse(input.value).n;
    const { text } = readForm(input, z.object({ text: requiredText(500) }));
    const notice = await services.domain.publicNotices.get(id);
    const f = noticeFacts(services, notice);
    const { objection, created } = await services.domain.publicNotices
      .object(actor, { noticeId: id, text, idempotencyKey: submissionKey(input) })
      .catch((err: unknown) => {
        if (isDomainError(err, 'OBJECTION_WINDOW_CLOSED')) throw new UserFacingError(n.closed(f.deadline));
        throw err;
      });
    const secretaries = created
      ? await services.db.member.findMany({
        where: { branchId: notice.branchId, role: 'SECRETARY', status: { not: 'INACTIVE' }, openId: { not: null } },
        select: { id: true, openId: true }, orderBy: { id: 'asc' }, take: 10,
      })
      : [];
    const also = secretaries.map((s) => ({
      ...cardTo({ to: 'open_id', id: s.openId! }, secretaryNoticeObjectionCard(f, { name: actor.name, text: objection.text })),
      businessKey: `notice-objection:${objection.id}:${s.id}`,
    }));
    return { toast: { type: 'success', content: n.sentTitle }, card: noticeObjectionSentCard(objection.text), also };
  },
};

export const publicNoticeActions: readonly ActionDefinition[] = [openAction, submitAction];
