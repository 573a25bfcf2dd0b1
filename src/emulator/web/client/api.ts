// The page's calls to its server (/_sandbox/*) and to the emulator's own records (/_emulator/*).
import type {
  CardActionRequest,
  CardActionResult,
  ChatMessages,
  DeliveryView,
  PagePerson,
  PushPanelView,
  PushRunResult,
} from '../view-types.js';

export interface ApiCallView {
  at: number;
  method: string;
  path: string;
  endpoint?: string;
  status: number;
  code: number | null;
}

export interface RateLimitHitView {
  at: number;
  endpoint: string;
  scope: string;
  key: string;
}

export interface PageInfo {
  bot: { name: string; openId: string };
  menu: { key: string; label: string }[];
}

async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(path, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const data = (await res.json().catch(() => ({}))) as T & { error?: string };
  if (!res.ok) throw new Error(data.error ?? `HTTP ${res.status}`);
  return data;
}

const etags = new Map<string, string>();

export const api = {
  info: () => call<PageInfo>('GET', '/_sandbox/info'),
  people: (q: string, limit = 60) => call<{ people: PagePerson[]; total: number }>('GET', `/_sandbox/people?q=${encodeURIComponent(q)}&limit=${limit}`),
  /** The chat's messages, or undefined when nothing changed since the last call (unless `fresh`). */
  async messages(chatId: string, fresh = false): Promise<ChatMessages | undefined> {
    const path = `/_sandbox/chats/${encodeURIComponent(chatId)}/messages`;
    const etag = fresh ? undefined : etags.get(path);
    const res = await fetch(path, { headers: etag ? { 'if-none-match': etag } : {} });
    if (res.status === 304) return undefined;
    if (!res.ok) throw new Error(`messages: HTTP ${res.status}`);
    const next = res.headers.get('etag');
    if (next) etags.set(path, next);
    return (await res.json()) as ChatMessages;
  },
  send: (chatId: string, as: string, text: string, mentionBot: boolean) =>
    call<{ messageId: string; delivery: DeliveryView }>('POST', `/_sandbox/chats/${encodeURIComponent(chatId)}/messages`, { as, text, mentionBot }),
  menu: (as: string, key: string) => call<{ delivery: DeliveryView }>('POST', '/_sandbox/menu', { as, key }),
  cardAction: (request: CardActionRequest) => call<CardActionResult>('POST', '/_sandbox/card-actions', request),
  pushes: () => call<PushPanelView>('GET', '/_sandbox/pushes'),
  runPush: (kind: string, period: string) => call<PushRunResult>('POST', `/_sandbox/pushes/${encodeURIComponent(kind)}`, { period }),
  calls: () => call<ApiCallView[]>('GET', '/_emulator/calls'),
  rateLimitHits: () => call<RateLimitHitView[]>('GET', '/_emulator/rate-limit-hits'),
};
