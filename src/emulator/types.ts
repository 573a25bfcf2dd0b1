// Shapes of the emulator's directory, records and options.

export type EndpointId =
  | 'auth.tenant_token'
  | 'im.message.create'
  | 'im.message.reply'
  | 'im.message.patch'
  | 'card.delayed_update'
  | 'message.batch_send'
  | 'im.image.create'
  | 'im.file.create'
  | 'im.message_resource.get'
  | 'contact.batch_get_id'
  | 'bot.info';

export interface EmulatorUser {
  openId: string;
  unionId: string;
  userId: string;
  name: string;
  email?: string;
  mobile?: string;
  departmentIds?: string[];
  /** Outside the app's availability (可用范围) → 230013. Default true. */
  available?: boolean;
  resigned?: boolean;
}

export interface EmulatorChat {
  chatId: string;
  name: string;
  members: string[];
  /** Sending to a group needs the bot inside it (230002). Default true. */
  botIsMember?: boolean;
}

export interface ContentRevision {
  at: number;
  content: string;
  via: 'patch' | 'delayed_update';
}

export interface RecordedMessage {
  messageId: string;
  source: 'create' | 'reply' | 'batch' | 'user';
  uuid?: string;
  chatId: string;
  chatType: 'p2p' | 'group';
  /** The user a p2p message goes to (or comes from, for source 'user'). */
  userOpenId?: string;
  msgType: string;
  /** The JSON string as sent; `parsed` is its parsed form. */
  content: string;
  parsed: unknown;
  parentId?: string;
  rootId?: string;
  batchMessageId?: string;
  createTime: number;
  updateTime: number;
  revisions: ContentRevision[];
}

export interface ApiCall {
  at: number;
  method: string;
  path: string;
  endpoint?: EndpointId;
  status: number;
  /** Feishu `code` of the reply; null when the connection was hung up or dropped. */
  code: number | null;
}

export interface RateLimitHit {
  at: number;
  endpoint: EndpointId;
  scope: 'app_second' | 'app_minute' | 'receiver' | 'message';
  key: string;
}

export interface EmulatorLimits {
  appPerSecond: number;
  appPerMinute: number;
  /** 5 QPS to one user or one chat (230020). */
  perReceiverPerSecond: number;
  /** 5 QPS of PATCH per message (230020). */
  perMessagePatchPerSecond: number;
}

export const FEISHU_LIMITS: EmulatorLimits = {
  appPerSecond: 50,
  appPerMinute: 1000,
  perReceiverPerSecond: 5,
  perMessagePatchPerSecond: 5,
};

export interface EmulatorAppConfig {
  appId: string;
  appSecret: string;
  botName?: string;
  botOpenId?: string;
  tenantKey?: string;
}

export interface EmulatorOptions {
  app: EmulatorAppConfig;
  /** Token lifetime (Feishu: 7200 s). */
  tokenTtlSeconds?: number;
  /** A new token is issued only when the current one has less than this left (Feishu: 30 min). */
  tokenRenewWithinSeconds?: number;
  limits?: Partial<EmulatorLimits>;
  users?: Array<Partial<EmulatorUser> & { openId: string; name: string }>;
  chats?: EmulatorChat[];
  now?: () => number;
  /** Passed to Fastify; off by default. */
  logger?: boolean;
}
