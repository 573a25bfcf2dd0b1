// The messages module: the bot's words, chosen by locale (zh-CN is the only one today).
import { zhCN } from './zh-CN/index.js';

export type Messages = typeof zhCN;
export type Locale = 'zh-CN';

const catalogs: Record<Locale, Messages> = { 'zh-CN': zhCN };

export function messagesFor(locale: Locale = 'zh-CN'): Messages {
  return catalogs[locale];
}

/** The default catalogue; code that has no locale context uses this. */
export const t: Messages = zhCN;
