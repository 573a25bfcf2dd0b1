// What a person would read on a card: header, markdown and plain text, button labels and
// placeholders, in order, with markdown escapes removed. Tests assert on this, not on JSON.
import type { Card } from '../../src/bot/cards/elements.js';

export function cardText(card: Card): string {
  const parts: string[] = [];
  if (card.header) {
    parts.push(card.header.title.content);
    if (card.header.subtitle) parts.push(card.header.subtitle.content);
  }
  walk(card.body, parts);
  return parts.join('\n');
}

function walk(node: unknown, parts: string[]): void {
  if (Array.isArray(node)) {
    for (const child of node) walk(child, parts);
    return;
  }
  if (!node || typeof node !== 'object') return;
  const element = node as Record<string, unknown>;
  if (element.tag === 'markdown' && typeof element.content === 'string') parts.push(unescapeMarkdown(element.content));
  if ((element.tag === 'plain_text' || element.tag === 'lark_md') && typeof element.content === 'string') parts.push(element.content);
  for (const [key, value] of Object.entries(element)) {
    if (key === 'behaviors' || key === 'chart_spec') continue;
    walk(value, parts);
  }
}

function unescapeMarkdown(text: string): string {
  return text
    .replace(/\\(.)/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}
