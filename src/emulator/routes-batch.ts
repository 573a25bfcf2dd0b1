// message/v4/batch_send/: one call, many users; JSON objects (not strings); HTTP 200 + code on errors (§3.6).
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { EmulatorContext } from './context.js';
import { ERR } from './feishu-errors.js';
import { dropAnswer, guard, sendError, sendOk } from './http.js';
import { validateOutgoing } from './outgoing-content.js';
import type { EmulatorUser } from './types.js';

type Obj = Record<string, unknown>;
const MAX_IDS = 200;

const ID_LISTS = [
  ['open_ids', 'open_id', 'invalid_open_ids'],
  ['user_ids', 'user_id', 'invalid_user_ids'],
  ['union_ids', 'union_id', 'invalid_union_ids'],
] as const;

function stringList(v: unknown): string[] | null {
  if (v === undefined) return [];
  return Array.isArray(v) && v.every((x) => typeof x === 'string') ? v : null;
}

/** batch_send content is an object; turn it into the same content string a single send carries. */
function singleContent(msgType: string, body: Obj): string | null {
  if (msgType === 'interactive') return body.card !== undefined && body.content === undefined ? JSON.stringify(body.card) : null;
  if (body.card !== undefined || typeof body.content !== 'object' || body.content === null) return null;
  const content = body.content as Obj;
  // Posts arrive as {post:{zh_cn:{…}}}; single sends use {zh_cn:{…}}.
  return JSON.stringify(msgType === 'post' ? content.post : content);
}

export function registerBatchRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  app.post('/open-apis/message/v4/batch_send/', { config: { endpoint: 'message.batch_send' } }, async (request, reply) => {
    if (!(await guard(ctx, 'message.batch_send', request, reply))) return reply;
    const body = (request.body ?? {}) as Obj;
    const msgType = body.msg_type;
    if (typeof msgType !== 'string') return sendError(request, reply, ERR.batchInvalid('msg_type is required'));
    const content = singleContent(msgType, body);
    if (content === null) return sendError(request, reply, ERR.batchInvalid('exactly one of content/card, matching msg_type'));
    const check = validateOutgoing(msgType, content, (k) => ctx.media.hasImage(k), (k) => ctx.media.hasFile(k));
    if (!check.ok) return sendError(request, reply, { ...check.error, http: 200 });

    const recipients = new Map<string, EmulatorUser>();
    const invalid: Record<string, string[]> = { invalid_open_ids: [], invalid_user_ids: [], invalid_union_ids: [], invalid_department_ids: [] };
    let anyList = false;
    for (const [field, idType, invalidField] of ID_LISTS) {
      const ids = stringList(body[field]);
      if (ids === null || ids.length > MAX_IDS) return sendError(request, reply, ERR.batchInvalid(`${field} must be ≤ ${MAX_IDS} strings`));
      anyList ||= ids.length > 0;
      for (const id of ids) {
        const user = ctx.directory.findUser(idType, id);
        if (user && !ctx.directory.userReachable(user)) recipients.set(user.openId, user);
        else invalid[invalidField]?.push(id);
      }
    }
    const departments = stringList(body.department_ids);
    if (departments === null || departments.length > MAX_IDS) return sendError(request, reply, ERR.batchInvalid('department_ids must be ≤ 200 strings'));
    anyList ||= departments.length > 0;
    for (const d of departments) {
      const members = ctx.directory.departmentMembers(d);
      if (members.length === 0) invalid.invalid_department_ids?.push(d);
      for (const u of members) if (!ctx.directory.userReachable(u)) recipients.set(u.openId, u);
    }
    if (!anyList) return sendError(request, reply, ERR.batchInvalid('at least one id list is required'));

    const batchMessageId = `bm-${randomBytes(16).toString('hex')}`;
    for (const user of recipients.values()) {
      ctx.messages.add({
        source: 'batch',
        chatId: ctx.directory.p2pChatId(user.openId),
        chatType: 'p2p',
        userOpenId: user.openId,
        msgType,
        content,
        parsed: check.parsed,
        batchMessageId,
      });
    }
    const drop = ctx.faults.takeAcceptThenTimeout('message.batch_send');
    if (drop) {
      dropAnswer(ctx, request, reply, drop);
      return reply;
    }
    return sendOk(request, reply, { code: 0, msg: 'ok', data: { message_id: batchMessageId, ...invalid } });
  });
}
