// The shape of a card action (a button click or a form submit): `action.value.a` names it.
import type { Actor } from '../actor.js';
import type { ActionValue, Card } from '../cards/elements.js';
import type { OutgoingMessage } from '../reply.js';
import type { BotServices } from '../services.js';

export interface CardActionInput {
  /** `event:<event_id>`: the root of the business keys of what this click sends. */
  key: string;
  openId: string;
  value: ActionValue;
  /** Form fields by name, as Feishu sends them (strings, string arrays for multi-selects). */
  formValue: Record<string, unknown> | undefined;
  /** The component's `name` (for forms, the submit button's). */
  componentName: string | undefined;
  /** Value of a standalone input/select/date picker. */
  option: string | undefined;
  messageId: string | undefined;
  chatId: string | undefined;
}

export type ToastType = 'info' | 'success' | 'error' | 'warning';

export interface ActionResult {
  toast?: { type: ToastType; content: string };
  /** Replaces the clicked card for everyone who sees it (JSON 2.0 stays 2.0). */
  card?: Card;
  /** Messages to send afterwards, through the outbound queue. */
  also?: OutgoingMessage[];
}

export interface ActionContext {
  actor: Actor;
  input: CardActionInput;
  services: BotServices;
}

export interface ActionDefinition {
  /** The `a` field of the action value. */
  action: string;
  run(context: ActionContext): Promise<ActionResult>;
}
