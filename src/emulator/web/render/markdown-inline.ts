// Inline Feishu card markdown to HTML: bold, italic, strike, code, links, <font color>, <at>,
// <br>, <text_tag>. Backslash escapes and HTML entities become literal text, and any other `<`
// stays text, so what the bot escaped (user input) is shown exactly as typed.
import { colorClass, escapeHtml, safeUrl } from './html.js';

export interface InlineContext {
  /** Display name for an open_id in `<at id=…>`; undefined shows the id. */
  nameOf?: (openId: string) => string | undefined;
}

const ESCAPABLE = /[\\`*_{}[\]()#+\-.!|~$:<>&"']/;
const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', '#39': "'", apos: "'", nbsp: '\u00a0' };

function decodeEntity(name: string): string | undefined {
  if (ENTITIES[name] !== undefined) return ENTITIES[name];
  const num = /^#(x[0-9a-f]+|\d+)$/i.exec(name);
  if (!num?.[1]) return undefined;
  const code = num[1].startsWith('x') || num[1].startsWith('X') ? parseInt(num[1].slice(1), 16) : parseInt(num[1], 10);
  return code > 0 && code < 0x110000 ? String.fromCodePoint(code) : undefined;
}

/** Index of the next unescaped `marker` at or after `from`, or -1. */
function findClose(src: string, marker: string, from: number): number {
  for (let i = from; i < src.length; i++) {
    if (src[i] === '\\') {
      i++;
      continue;
    }
    if (src.startsWith(marker, i)) return i;
  }
  return -1;
}

/** The index just past the `</font>` closing the font tag whose content starts at `from`. */
function closeFont(src: string, from: number): { end: number; inner: string } | undefined {
  let depth = 1;
  const re = /<(\/?)font\b[^>]*>/gi;
  re.lastIndex = from;
  for (let m = re.exec(src); m; m = re.exec(src)) {
    depth += m[1] ? -1 : 1;
    if (depth === 0) return { end: m.index + m[0].length, inner: src.slice(from, m.index) };
  }
  return undefined;
}

type Step = { html: string; next: number } | undefined;

function tagAt(src: string, i: number, ctx: InlineContext): Step {
  const rest = src.slice(i);
  const br = /^<br\s*\/?>/i.exec(rest);
  if (br) return { html: '<br>', next: i + br[0].length };
  const font = /^<font\s+color\s*=\s*['"]?([a-z-]+\d*)['"]?\s*>/i.exec(rest);
  if (font) {
    const closed = closeFont(src, i + font[0].length);
    if (closed) return { html: `<span class="${colorClass('fc', font[1])}">${renderInline(closed.inner, ctx)}</span>`, next: closed.end };
  }
  const at = /^<at\s+(?:id|user_id|open_id|email)\s*=\s*['"]?([^'"\s>]+)['"]?\s*>([^<]*)<\/at>/i.exec(rest);
  if (at?.[1]) {
    const id = at[1];
    const name = id === 'all' ? '所有人' : (ctx.nameOf?.(id) ?? (at[2] || id));
    return { html: `<span class="md-at">@${escapeHtml(name)}</span>`, next: i + at[0].length };
  }
  const tag = /^<text_tag\s+color\s*=\s*['"]?([a-z-]+)['"]?\s*>([^<]*)<\/text_tag>/i.exec(rest);
  if (tag) return { html: `<span class="tag ${colorClass('tag', tag[1], 'neutral')}">${escapeHtml(tag[2] ?? '')}</span>`, next: i + tag[0].length };
  return undefined;
}

function pairAt(src: string, i: number, ctx: InlineContext): Step {
  for (const [marker, el] of [['**', 'strong'], ['~~', 'del'], ['*', 'em'], ['_', 'em']] as const) {
    if (!src.startsWith(marker, i)) continue;
    // snake_case is not emphasis.
    if (marker === '_' && /\w/.test(src[i - 1] ?? '')) continue;
    const end = findClose(src, marker, i + marker.length);
    const inner = end > 0 ? src.slice(i + marker.length, end) : '';
    if (end < 0 || inner.trim() === '' || /^\s/.test(inner)) continue;
    return { html: `<${el}>${renderInline(inner, ctx)}</${el}>`, next: end + marker.length };
  }
  return undefined;
}

function linkAt(src: string, i: number, ctx: InlineContext): Step {
  const close = findClose(src, ']', i + 1);
  if (close < 0 || src[close + 1] !== '(') return undefined;
  const end = src.indexOf(')', close + 2);
  if (end < 0) return undefined;
  const url = safeUrl(src.slice(close + 2, end));
  const label = renderInline(src.slice(i + 1, close), ctx);
  if (!url) return undefined;
  return { html: `<a href="${escapeHtml(url)}" target="_blank" rel="noopener noreferrer">${label}</a>`, next: end + 1 };
}

export function renderInline(src: string, ctx: InlineContext = {}): string {
  let out = '';
  let i = 0;
  while (i < src.length) {
    const ch = src[i] ?? '';
    const nextCh = src[i + 1] ?? '';
    let step: Step;
    if (ch === '\\' && ESCAPABLE.test(nextCh)) step = { html: escapeHtml(nextCh), next: i + 2 };
    else if (ch === '&') {
      const m = /^&(#x[0-9a-f]+|#\d+|[a-z0-9]+);/i.exec(src.slice(i, i + 12));
      const decoded = m?.[1] ? decodeEntity(m[1]) : undefined;
      if (m && decoded !== undefined) step = { html: escapeHtml(decoded), next: i + m[0].length };
    } else if (ch === '<') step = tagAt(src, i, ctx);
    else if (ch === '*' || ch === '_' || ch === '~') step = pairAt(src, i, ctx);
    else if (ch === '`') {
      const end = src.indexOf('`', i + 1);
      if (end > i + 1) step = { html: `<code>${escapeHtml(src.slice(i + 1, end))}</code>`, next: end + 1 };
    } else if (ch === '[') step = linkAt(src, i, ctx);
    if (step) {
      out += step.html;
      i = step.next;
    } else {
      out += escapeHtml(ch);
      i++;
    }
  }
  return out;
}
