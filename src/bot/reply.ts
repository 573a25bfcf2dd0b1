// The messages a handler wants sent. Handlers return them; the pipeline enqueues each one
// with a business key derived from the inbound event, so a re-processed event never sends twice.
import type { ReplyTarget } from './bot-input.js';
import type { Card } from './cards/elements.js';

/** A `file` message carries the file_key of a file the bot uploaded first (im/v1/files). */
export type OutgoingContent = { type: 'card'; card: Card } | { type: 'text'; text: string } | { type: 'file'; fileKey: string };

export interface OutgoingMessage {
  target: ReplyTarget;
  content: OutgoingContent;
  /**
   * What the card is about (`pledge:12:review`, `pledge-wall:3:2026:oc_…`): every copy sent under a
   * topic can be patched later when the thing changes (src/bot/topics.ts).
   */
  topic?: string;
  /** Fan-out (a notice to a whole branch) goes through the bulk sender lane; default interactive. */
  lane?: 'bulk';
  /**
   * A business key of its own (`party-day:12:notice:34`), used instead of the positional one, so the
   * same notice is recorded once whichever event causes it.
   */
  businessKey?: string;
}

export function cardTo(target: ReplyTarget, card: Card, options: { topic?: string } = {}): OutgoingMessage {
  return { target, content: { type: 'card', card }, ...(options.topic ? { topic: options.topic } : {}) };
}

export function textTo(target: ReplyTarget, text: string): OutgoingMessage {
  return { target, content: { type: 'text', text } };
}

export function fileTo(target: ReplyTarget, fileKey: string): OutgoingMessage {
  return { target, content: { type: 'file', fileKey } };
}
