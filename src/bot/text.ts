// Normalising what people type on phones (full-width characters, odd spaces, @mentions) and
// escaping what we put back into cards so that user text can never become markup.

/** Full-width → half-width (NFKC), unify spaces, trim. "／积分　本月" → "/积分 本月". */
export function normalizeInput(raw: string): string {
  return raw
    .normalize('NFKC')
    .replace(/[\u200b-\u200d\ufeff]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Removes Feishu's `@_user_N` / `@_all` placeholders that stand for mentions in message text. */
export function stripMentionPlaceholders(text: string): string {
  return text.replace(/@_(?:user_\d+|all)/g, ' ');
}

const MARKDOWN_SPECIALS = /[\\`*_{}[\]()#+\-.!|~$:]/g;

/**
 * Escapes text for a card `markdown` component: HTML-significant characters become entities
 * (so `<at id=all></at>` or `<font>` stay literal), markdown punctuation is backslash-escaped
 * (so `[x](javascript:…)` is not a link), and line structure is kept.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(MARKDOWN_SPECIALS, (ch) => `\\${ch}`);
}

/** Shortens text to `max` characters (by code point, so emoji are not cut in half). */
export function truncate(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, Math.max(0, max - 1)).join('')}…`;
}
