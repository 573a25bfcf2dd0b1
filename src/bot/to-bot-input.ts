// Turns a verified, de-duplicated Feishu event into what the bot handlers see (BotInput):
// mention placeholders stripped, and "was the bot @-mentioned" decided by the bot's own open_id.
import type { MessageEvent } from '../feishu/events.js';
import { stripMentions } from '../feishu/events.js';
import { rootKeyOf, type HandledEvent } from '../pipeline/event-payload.js';
import type { BotInput } from './bot-input.js';

export interface ToBotInputDeps {
  /** The bot's open_id (bot/v3/info), asked for only when a group message needs it. */
  botOpenId(): Promise<string>;
}

/** Undefined for events the bot does not answer (messages sent by other apps or bots). */
export async function toBotInput(event: HandledEvent, deps: ToBotInputDeps): Promise<BotInput | undefined> {
  const key = rootKeyOf(event);
  switch (event.kind) {
    case 'message':
      return event.sender.senderType === 'user' ? messageInput(event, key, deps) : undefined;
    case 'menu':
      return { kind: 'menu', key, openId: event.operator.openId, eventKey: event.eventKey };
    case 'p2pChatEntered':
      return { kind: 'p2p-entered', key, openId: event.operator.openId, chatId: event.chatId };
    case 'botAddedToChat':
      return { kind: 'bot-added', key, chatId: event.chatId, operatorOpenId: event.operator?.openId, chatName: event.chatName };
    case 'botRemovedFromChat':
      return { kind: 'bot-removed', key, chatId: event.chatId };
  }
}

async function messageInput(event: MessageEvent, key: string, deps: ToBotInputDeps): Promise<BotInput> {
  const base = { key, openId: event.sender.openId, chatId: event.chatId, chatType: event.chatType, messageId: event.messageId };
  const { content } = event;
  if (content.type === 'image') return { ...base, kind: 'image', imageKey: content.imageKey };
  if (content.type === 'file') return { ...base, kind: 'file', fileKey: content.fileKey, fileName: content.fileName ?? '' };
  // Stickers and other types carry no command; as empty text they get the help card in p2p.
  const raw = content.type === 'text' || content.type === 'post' ? content.text : '';
  return { ...base, kind: 'text', text: stripMentions(raw, event.mentions), mentionsBot: await mentionsBot(event, deps) };
}

async function mentionsBot(event: MessageEvent, deps: ToBotInputDeps): Promise<boolean> {
  if (event.chatType === 'p2p') return false;
  // 1.0 message events arrive in groups only when the bot is @-mentioned, and carry no mentions.
  if (event.envelope === 'v1') return true;
  if (event.mentions.length === 0) return false;
  const bot = await deps.botOpenId();
  return event.mentions.some((m) => m.openId === bot);
}
