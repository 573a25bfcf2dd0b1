// What the bot sees of an inbound Feishu event, after the edge has verified, decrypted,
// parsed and de-duplicated it. Handlers never see Fastify or raw envelopes.

export type ChatType = 'p2p' | 'group';

export type BotInput =
  | {
      kind: 'text';
      /** Stable key of the event (`message:<message_id>`), the root of every effect's business key. */
      key: string;
      openId: string;
      chatId: string;
      chatType: ChatType;
      messageId: string;
      text: string;
      /** For group messages: whether the bot itself was @-mentioned. */
      mentionsBot: boolean;
    }
  | {
      kind: 'image';
      key: string;
      openId: string;
      chatId: string;
      chatType: ChatType;
      messageId: string;
      imageKey: string;
    }
  | {
      kind: 'file';
      key: string;
      openId: string;
      chatId: string;
      chatType: ChatType;
      messageId: string;
      fileKey: string;
      fileName: string;
    }
  | { kind: 'menu'; key: string; openId: string; eventKey: string }
  | { kind: 'p2p-entered'; key: string; openId: string; chatId: string }
  | { kind: 'bot-added'; key: string; chatId: string; operatorOpenId: string | undefined; chatName: string | undefined }
  | { kind: 'bot-removed'; key: string; chatId: string };

/** Where a reply goes: to a person, to a chat, as a reply to a message, or over a card already sent (patch). */
export type ReplyTarget =
  | { to: 'open_id'; id: string }
  | { to: 'chat_id'; id: string }
  | { to: 'message'; messageId: string }
  | { to: 'patch'; messageId: string };
