// im/v1/messages create and reply, with uuid dedupe, receiver checks and per-receiver limits (§3.2, §3.3).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { EmulatorContext } from './context.js';
import { RECEIVE_ID_TYPES, type ReceiveIdType } from './directory.js';
import { ERR, type FeishuError } from './feishu-errors.js';
import { dropAnswer, guard, receiverLimited, sendError, sendOk } from './http.js';
import type { NewMessage } from './message-store.js';
import { validateOutgoing } from './outgoing-content.js';
import type { EndpointId, RecordedMessage } from './types.js';

type Obj = Record<string, unknown>;

export function messageData(ctx: EmulatorContext, m: RecordedMessage): Obj {
  return {
    message_id: m.messageId,
    ...(m.rootId ? { root_id: m.rootId } : {}),
    ...(m.parentId ? { parent_id: m.parentId } : {}),
    msg_type: m.msgType,
    create_time: String(m.createTime),
    update_time: String(m.updateTime),
    deleted: false,
    updated: m.revisions.length > 0,
    chat_id: m.chatId,
    sender: { id: ctx.app.appId, id_type: 'app_id', sender_type: 'app', tenant_key: ctx.app.tenantKey },
    body: { content: m.content },
  };
}

function bodyOf(request: FastifyRequest): Obj {
  const b = request.body;
  return typeof b === 'object' && b !== null && !Array.isArray(b) ? (b as Obj) : {};
}

interface SendInput {
  endpoint: EndpointId;
  uuid: unknown;
  msgType: unknown;
  content: unknown;
  /** Resolves where the message goes: the receiver-limit key and the record fields, or an error. */
  target: () => { limitKey: string; record: Omit<NewMessage, 'msgType' | 'content' | 'parsed' | 'uuid'> } | FeishuError;
}

/** The shared path of create and reply: uuid dedupe → target → 230020 → content → store → answer (or drop). */
async function deliver(ctx: EmulatorContext, request: FastifyRequest, reply: FastifyReply, input: SendInput): Promise<FastifyReply> {
  const { uuid, msgType } = input;
  if (uuid !== undefined && (typeof uuid !== 'string' || uuid.length === 0 || uuid.length > 50)) {
    return sendError(request, reply, ERR.invalidParam('uuid must be 1-50 characters'));
  }
  if (typeof msgType !== 'string') return sendError(request, reply, ERR.invalidParam('msg_type is required'));
  // Same uuid within an hour: Feishu sends nothing new and answers with the first message.
  const existing = uuid ? ctx.messages.findByUuid(uuid) : undefined;
  if (existing) return sendOk(request, reply, { code: 0, msg: 'success', data: messageData(ctx, existing) });

  const target = input.target();
  if ('code' in target) return sendError(request, reply, target);
  const limited = receiverLimited(ctx, input.endpoint, 'receiver', target.limitKey);
  if (limited) return sendError(request, reply, limited);
  const check = validateOutgoing(msgType, input.content, (k) => ctx.media.hasImage(k), (k) => ctx.media.hasFile(k));
  if (!check.ok) return sendError(request, reply, check.error);

  const message = ctx.messages.add({
    ...target.record,
    msgType,
    content: input.content as string,
    parsed: check.parsed,
    ...(uuid ? { uuid } : {}),
  });
  const drop = ctx.faults.takeAcceptThenTimeout(input.endpoint);
  if (drop) {
    dropAnswer(ctx, request, reply, drop);
    return reply;
  }
  return sendOk(request, reply, { code: 0, msg: 'success', data: messageData(ctx, message) });
}

export function registerMessageRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  app.post('/open-apis/im/v1/messages', { config: { endpoint: 'im.message.create' } }, async (request, reply) => {
    if (!(await guard(ctx, 'im.message.create', request, reply))) return reply;
    const idType = (request.query as Obj).receive_id_type;
    if (typeof idType !== 'string' || !RECEIVE_ID_TYPES.includes(idType as ReceiveIdType)) {
      return sendError(request, reply, ERR.invalidParam('receive_id_type is invalid'));
    }
    const body = bodyOf(request);
    return deliver(ctx, request, reply, {
      endpoint: 'im.message.create',
      uuid: body.uuid,
      msgType: body.msg_type,
      content: body.content,
      target: () => {
        if (typeof body.receive_id !== 'string') return ERR.invalidParam('receive_id is required');
        const r = ctx.directory.resolveReceiver(idType as ReceiveIdType, body.receive_id);
        if ('code' in r) return r;
        return r.kind === 'user'
          ? { limitKey: `user:${r.user.openId}`, record: { source: 'create', chatId: r.chatId, chatType: 'p2p', userOpenId: r.user.openId } }
          : { limitKey: `chat:${r.chat.chatId}`, record: { source: 'create', chatId: r.chat.chatId, chatType: 'group' } };
      },
    });
  });

  app.post('/open-apis/im/v1/messages/:message_id/reply', { config: { endpoint: 'im.message.reply' } }, async (request, reply) => {
    if (!(await guard(ctx, 'im.message.reply', request, reply))) return reply;
    const parentId = (request.params as { message_id: string }).message_id;
    const body = bodyOf(request);
    return deliver(ctx, request, reply, {
      endpoint: 'im.message.reply',
      uuid: body.uuid,
      msgType: body.msg_type,
      content: body.content,
      target: () => {
        const parent = ctx.messages.get(parentId);
        if (!parent) return ERR.invalidParam('message_id not found');
        if (parent.chatType === 'group' && ctx.directory.getChat(parent.chatId)?.botIsMember === false) return ERR.botNotInChat;
        const p2pUser = parent.chatType === 'p2p' ? parent.userOpenId : undefined;
        return {
          limitKey: p2pUser ? `user:${p2pUser}` : `chat:${parent.chatId}`,
          record: {
            source: 'reply',
            chatId: parent.chatId,
            chatType: parent.chatType,
            ...(p2pUser ? { userOpenId: p2pUser } : {}),
            parentId: parent.messageId,
            rootId: parent.rootId ?? parent.messageId,
          },
        };
      },
    });
  });
}
