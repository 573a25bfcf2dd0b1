// What a card renderer shares while it walks one card: how to name people and show images, the
// form it is inside, and the interactive components it found (the page wires clicks to them).
import type { InlineContext } from './markdown-inline.js';

/** One clickable or fillable component, addressed in the HTML by `data-i="<index>"`. */
export interface Interactive {
  tag: string;
  name?: string;
  /** The callback value (`behaviors[type=callback].value`, or 1.0's `value`). */
  value?: unknown;
  /** An `open_url` behaviour (or 1.0 `url`): opened instead of a callback. */
  url?: string;
  confirm?: { title: string; text: string };
  /** The form this component sits in. */
  form?: string;
  formAction?: 'submit' | 'reset';
  required?: boolean;
}

export interface CardContext extends InlineContext {
  imageUrl: (imageKey: string) => string;
  interactives: Interactive[];
  form?: string;
  /** Nesting depth, to stop a hostile card from recursing without end. */
  depth: number;
}

export function register(ctx: CardContext, item: Interactive): number {
  ctx.interactives.push(ctx.form ? { ...item, form: ctx.form } : item);
  return ctx.interactives.length - 1;
}
