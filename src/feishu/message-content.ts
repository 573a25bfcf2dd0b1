// Parses the JSON-string `content` of a received message into a typed MessageContent (reference §2.1).
import type { MessageContent } from './events.js';

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

/** Received posts have no locale wrapper, but sent ones do; accept both. */
function unwrapPost(parsed: Obj): Obj | undefined {
  if (Array.isArray(parsed.content)) return parsed;
  const first = Object.values(parsed).find((v) => isObj(v) && Array.isArray(v.content));
  return isObj(first) ? first : undefined;
}

function flattenPost(post: Obj): { title: string; text: string; imageKeys: string[] } {
  const imageKeys: string[] = [];
  const lines = (post.content as unknown[]).map((line) =>
    (Array.isArray(line) ? line : [])
      .map((el: unknown) => {
        if (!isObj(el)) return '';
        if (el.tag === 'img' && typeof el.image_key === 'string') imageKeys.push(el.image_key);
        // `at` elements carry the same `@_user_N` placeholder as text messages, so stripMentions works on both.
        if (el.tag === 'at') return str(el.user_id) ?? '';
        return str(el.text) ?? '';
      })
      .join(''),
  );
  return { title: str(post.title) ?? '', text: lines.join('\n').trim(), imageKeys };
}

export function parseMessageContent(messageType: string, content: string): MessageContent {
  let parsed: unknown;
  try {
    parsed = JSON.parse(content);
  } catch {
    return { type: 'other', messageType, raw: content };
  }
  if (!isObj(parsed)) return { type: 'other', messageType, raw: parsed };
  switch (messageType) {
    case 'text':
      return { type: 'text', text: str(parsed.text) ?? '' };
    case 'post': {
      const post = unwrapPost(parsed);
      return post ? { type: 'post', ...flattenPost(post) } : { type: 'other', messageType, raw: parsed };
    }
    case 'image': {
      const key = str(parsed.image_key);
      return key ? { type: 'image', imageKey: key } : { type: 'other', messageType, raw: parsed };
    }
    case 'file': {
      const key = str(parsed.file_key);
      const name = str(parsed.file_name);
      return key ? { type: 'file', fileKey: key, ...(name ? { fileName: name } : {}) } : { type: 'other', messageType, raw: parsed };
    }
    default:
      return { type: 'other', messageType, raw: parsed };
  }
}
