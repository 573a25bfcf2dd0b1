// Validates what the bot sends the way Feishu does: JSON-string content, size caps, card sanity (§3.2, §5.5).

import { ERR, type FeishuError } from './feishu-errors.js';

type Obj = Record<string, unknown>;
export type ContentCheck = { ok: true; parsed: Obj } | { ok: false; error: FeishuError };

const TEXT_LIMIT = 150 * 1024;
const CARD_OR_POST_LIMIT = 30 * 1024;
const MAX_CARD_COMPONENTS = 200;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function countComponents(v: unknown): number {
  if (Array.isArray(v)) return v.reduce((n: number, x) => n + countComponents(x), 0);
  if (!isObj(v)) return 0;
  const self = typeof v.tag === 'string' ? 1 : 0;
  return self + Object.values(v).reduce((n: number, x) => n + countComponents(x), 0);
}

/** Card JSON checks the emulator can make cheaply; the real renderer checks much more. */
export function validateCard(card: unknown): FeishuError | null {
  if (!isObj(card)) return ERR.cardInvalid('card is not a JSON object');
  if (card.type === 'template') {
    const data = card.data;
    return isObj(data) && typeof data.template_id === 'string' ? null : ERR.cardInvalid('template_id missing');
  }
  if (card.type === 'card') return isObj(card.data) && typeof card.data.card_id === 'string' ? null : ERR.cardInvalid('card_id missing');
  if (card.schema === '2.0') {
    // A 2.0 card keeps its components under body.elements; top-level elements is a 1.0 habit Feishu rejects.
    if ('elements' in card) return ERR.cardInvalid('schema 2.0 card must not have top-level elements');
    if (card.body !== undefined && !isObj(card.body)) return ERR.cardInvalid('body must be an object');
    if (countComponents(card.body) > MAX_CARD_COMPONENTS) return ERR.cardInvalid('more than 200 components (11310)');
  }
  return null;
}

function validatePost(parsed: Obj): FeishuError | null {
  const locales = Object.values(parsed);
  const ok = locales.length > 0 && locales.every((l) => isObj(l) && Array.isArray(l.content));
  return ok ? null : ERR.invalidParam('post content must be {locale:{title,content:[[…]]}}');
}

export function validateOutgoing(
  msgType: string,
  content: unknown,
  hasImage: (key: string) => boolean,
  hasFile: (key: string) => boolean = () => true,
): ContentCheck {
  if (typeof content !== 'string') return { ok: false, error: ERR.invalidParam('content must be a JSON string') };
  let parsed: unknown;
  try {
    parsed = JSON.parse(content);
  } catch {
    return { ok: false, error: ERR.invalidParam('content is not valid JSON') };
  }
  if (!isObj(parsed)) return { ok: false, error: ERR.invalidParam('content must be a JSON object') };
  const bytes = Buffer.byteLength(content, 'utf8');
  const limit = msgType === 'text' ? TEXT_LIMIT : CARD_OR_POST_LIMIT;
  if (bytes > limit) return { ok: false, error: ERR.contentTooLong };

  let error: FeishuError | null = null;
  switch (msgType) {
    case 'text':
      error = typeof parsed.text === 'string' ? null : ERR.invalidParam('text content needs a "text" string');
      break;
    case 'post':
      error = validatePost(parsed);
      break;
    case 'image':
      error = typeof parsed.image_key === 'string' && hasImage(parsed.image_key) ? null : ERR.notResourceOwner;
      break;
    case 'interactive':
      error = validateCard(parsed);
      break;
    case 'file':
      // Only a file_key this app uploaded can be sent (230017 otherwise, as for images).
      error = typeof parsed.file_key === 'string' && hasFile(parsed.file_key) ? null : ERR.notResourceOwner;
      break;
    case 'audio':
    case 'media':
    case 'sticker':
    case 'share_chat':
    case 'share_user':
      break;
    default:
      error = ERR.invalidParam(`unknown msg_type ${msgType}`);
  }
  return error ? { ok: false, error } : { ok: true, parsed };
}
