// HTML building blocks for the sandbox page's renderers: escaping, safe URLs, and the Feishu
// text objects (plain_text / lark_md with i18n) that cards use everywhere.

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch] ?? ch);
}

/** Links that may be followed from a card; anything else (javascript:, data:) stays text. */
export function safeUrl(url: string): string | undefined {
  const trimmed = url.trim();
  return /^(https?:|mailto:|lark:|feishu:)/i.test(trimmed) ? trimmed : undefined;
}

export type Obj = Record<string, unknown>;

export function isObj(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
}

export function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** The zh-CN text of a Feishu text object (`content`, `i18n_content.zh_cn`, or 1.0's `i18n`). */
export function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (!isObj(value)) return '';
  const i18n = isObj(value.i18n_content) ? value.i18n_content : isObj(value.i18n) ? value.i18n : undefined;
  return str(i18n?.zh_cn) ?? str(value.content) ?? str(value.text) ?? str(i18n?.en_us) ?? '';
}

/** A class-name-safe token (letters, digits, dash, underscore), or the fallback. */
export function token(value: unknown, fallback: string): string {
  const s = str(value);
  return s !== undefined && /^[a-z0-9_-]{1,24}$/i.test(s) ? s : fallback;
}

/** Names of the Feishu colour palette the page has classes for (headers, fonts, tags). */
export const COLORS = new Set([
  'blue', 'wathet', 'turquoise', 'green', 'yellow', 'orange', 'red', 'carmine', 'violet', 'purple', 'indigo', 'grey', 'lime', 'neutral', 'default',
]);

export function colorClass(prefix: string, value: unknown, fallback = 'default'): string {
  const name = str(value)?.toLowerCase().replace(/-\d+$/, '');
  return `${prefix}-${name !== undefined && COLORS.has(name) ? name : fallback}`;
}
