// The JSON the sandbox page and its server exchange: people, chats, messages, push kinds.

export type PersonRole = 'member' | 'secretary' | 'admin' | 'guest';

export interface PagePerson {
  openId: string;
  name: string;
  role: PersonRole;
  /** Branch name, or a note for people outside the roster. */
  branch: string;
  status: 'active' | 'on_leave' | 'inactive';
  employeeNo?: string;
  /** The branch's group chat, when it has one the bot is in. */
  groupChatId?: string;
  groupChatName?: string;
  /** Their p2p chat with the bot (filled in by the page's server). */
  p2pChatId?: string;
}

export interface MessageView {
  messageId: string;
  from: 'bot' | 'user' | 'system';
  senderOpenId?: string;
  senderName?: string;
  msgType: string;
  /** Parsed content as sent (for cards, the card as it is now, after callbacks and patches). */
  content: unknown;
  /** For user text: the text with mention placeholders replaced by names. */
  text?: string;
  createTime: number;
  updateTime: number;
  /** The card was replaced since it was sent (callback answer, PATCH or delayed update). */
  updated: boolean;
  /** How the signed event reached the bot (user messages and menu taps). */
  delivery?: DeliveryView;
}

export interface DeliveryView {
  ok: boolean;
  status?: number;
  error?: string;
}

export interface ChatMessages {
  chatId: string;
  messages: MessageView[];
}

export interface CardActionRequest {
  as: string;
  messageId: string;
  tag: string;
  name?: string;
  value?: unknown;
  formValue?: Record<string, string | string[] | boolean>;
  option?: string;
  options?: string[];
  inputValue?: string;
  checked?: boolean;
}

export interface Toast {
  type: 'info' | 'success' | 'error' | 'warning';
  content: string;
}

export interface CardActionResult {
  toast?: Toast;
  /** The replacement card from the callback answer, already applied to the message. */
  card?: unknown;
  status?: number;
}

export interface PushKindView {
  kind: string;
  label: string;
  audience: string;
  defaultPeriod: string;
}

export interface PushPanelView {
  available: boolean;
  note?: string;
  kinds: PushKindView[];
}

export interface PushRunResult {
  ok: boolean;
  output: string;
}
