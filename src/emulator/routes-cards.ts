// Card updates: PATCH a sent card (§3.4) and the delayed update with a callback token (§3.5).
import type { FastifyInstance } from 'fastify';
import type { EmulatorContext } from './context.js';
import { ERR } from './feishu-errors.js';
import { dropAnswer, guard, receiverLimited, sendError, sendOk } from './http.js';
import { validateCard, validateOutgoing } from './outgoing-content.js';

type Obj = Record<string, unknown>;

const PATCH_MAX_AGE_MS = 14 * 24 * 60 * 60 * 1000;
const CARD_LIMIT = 30 * 1024;

export function registerCardRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  app.patch('/open-apis/im/v1/messages/:message_id', { config: { endpoint: 'im.message.patch' } }, async (request, reply) => {
    if (!(await guard(ctx, 'im.message.patch', request, reply))) return reply;
    const messageId = (request.params as { message_id: string }).message_id;
    const message = ctx.messages.get(messageId);
    // Only cards this bot sent itself (not batch-sent ones) can be patched.
    if (!message || message.source === 'user' || message.source === 'batch') {
      return sendError(request, reply, ERR.invalidParam('message_id is not a card sent by this bot'));
    }
    if (message.msgType !== 'interactive') return sendError(request, reply, ERR.invalidParam('only interactive messages can be patched'));
    if (ctx.now() - message.createTime > PATCH_MAX_AGE_MS) return sendError(request, reply, ERR.tooOldToUpdate);
    const limited = receiverLimited(ctx, 'im.message.patch', 'message', messageId);
    if (limited) return sendError(request, reply, limited);
    const content = (request.body as Obj | undefined)?.content;
    const check = validateOutgoing('interactive', content, () => false);
    if (!check.ok) return sendError(request, reply, check.error);
    ctx.messages.revise(message, content as string, check.parsed, 'patch');
    const drop = ctx.faults.takeAcceptThenTimeout('im.message.patch');
    if (drop) {
      dropAnswer(ctx, request, reply, drop);
      return reply;
    }
    return sendOk(request, reply, { code: 0, msg: 'success', data: {} });
  });

  app.post('/open-apis/interactive/v1/card/update', { config: { endpoint: 'card.delayed_update' } }, async (request, reply) => {
    if (!(await guard(ctx, 'card.delayed_update', request, reply))) return reply;
    const body = (request.body ?? {}) as Obj;
    if (typeof body.token !== 'string') return sendError(request, reply, ERR.cardTokenFormat);
    // Unlike send/patch, the card here is a JSON object, not a string.
    const card = body.card;
    if (typeof card !== 'object' || card === null || Array.isArray(card)) {
      return sendError(request, reply, ERR.batchInvalid('card must be a JSON object'));
    }
    const invalid = validateCard(card);
    if (invalid) return sendError(request, reply, invalid);
    const json = JSON.stringify(card);
    if (Buffer.byteLength(json) > CARD_LIMIT) return sendError(request, reply, ERR.contentTooLong);
    const used = ctx.cardTokens.use(body.token);
    if ('code' in used) return sendError(request, reply, used);
    const message = ctx.messages.get(used.messageId);
    if (message) ctx.messages.revise(message, json, card, 'delayed_update');
    const drop = ctx.faults.takeAcceptThenTimeout('card.delayed_update');
    if (drop) {
      dropAnswer(ctx, request, reply, drop);
      return reply;
    }
    return sendOk(request, reply, { code: 0, msg: 'ok' });
  });
}
