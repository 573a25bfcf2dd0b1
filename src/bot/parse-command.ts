// Turns what a person typed into a command name and its arguments. Chinese first, English
// aliases, optional leading slash, full-width tolerant; Chinese commands may run straight
// into their argument ("积分本月"), English ones need a space ("points month").
import { normalizeInput, stripMentionPlaceholders } from './text.js';

export interface CommandAlias<Name extends string> {
  name: Name;
  aliases: readonly string[];
}

export interface ParsedCommand<Name extends string> {
  name: Name;
  /** The rest of the input after the alias, normalised, possibly empty. */
  argText: string;
  /** argText split on spaces. */
  args: string[];
}

export function parseCommand<Name extends string>(
  raw: string,
  table: readonly CommandAlias<Name>[],
): ParsedCommand<Name> | undefined {
  const text = normalizeInput(stripMentionPlaceholders(raw)).replace(/^\/+\s*/, '');
  if (text === '') return undefined;
  const lower = text.toLowerCase();
  let best: { name: Name; length: number } | undefined;
  for (const entry of table) {
    for (const alias of entry.aliases) {
      const a = alias.toLowerCase();
      if (!lower.startsWith(a)) continue;
      const next = lower.charAt(a.length);
      const asciiAlias = /^[a-z0-9 ]+$/.test(a);
      // An ASCII alias must end at a word boundary; a Chinese one may touch its argument.
      if (asciiAlias && next !== '' && next !== ' ') continue;
      if (!best || a.length > best.length) best = { name: entry.name, length: a.length };
    }
  }
  if (!best) return undefined;
  const argText = text.slice(best.length).trim();
  return { name: best.name, argText, args: argText === '' ? [] : argText.split(' ') };
}
