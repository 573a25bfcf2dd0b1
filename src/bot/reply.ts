// The messages a handler wants sent. Handlers return them; the pipeline enqueues each one
// with a business key derived from the inbound event, so a re-processed event never sends twice.
import type { ReplyTarget } from './bot-input.js';
import type { Card } from './cards/elements.js';

export type OutgoingContent = { type: 'card'; card: Card } | { type: 'text'; text: string };

export interface OutgoingMessage {
  target: ReplyTarget;
  content: OutgoingContent;
}

export function cardTo(target: ReplyTarget, card: Card): OutgoingMessage {
  return { target, content: { type: 'card', card } };
}

export function textTo(target: ReplyTarget, text: string): OutgoingMessage {
  return { target, content: { type: 'text', text } };
}
