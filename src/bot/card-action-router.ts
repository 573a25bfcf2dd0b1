// Routes a card click or form submit to its action and shapes Feishu's synchronous answer
// (toast and/or replacement card, within 3 s). Errors become an error toast here, in one place.
import { lookupActor } from './actor.js';
import type { ActionDefinition, ActionResult, CardActionInput } from './actions/action.js';
import { t } from './messages/index.js';
import type { BotServices } from './services.js';
import { describeError } from './user-error.js';

export interface CardActionDeps {
  services: BotServices;
  actions: readonly ActionDefinition[];
  onError?: (error: unknown, input: CardActionInput) => void;
}

export async function handleCardAction(input: CardActionInput, deps: CardActionDeps): Promise<ActionResult> {
  const found = await lookupActor(deps.services.directory, input.openId);
  if (found.kind === 'unknown') return { toast: { type: 'error', content: t.common.notInRoster.title } };
  if (found.kind === 'inactive') return { toast: { type: 'error', content: t.common.inactive.title } };
  const definition = deps.actions.find((a) => a.action === input.value.a);
  if (!definition) return { toast: { type: 'error', content: t.common.errors.notFound } };
  try {
    return await definition.run({ actor: found.actor, input, services: deps.services });
  } catch (error) {
    const message = describeError(error);
    if (message === undefined) deps.onError?.(error, input);
    return { toast: { type: 'error', content: message ?? t.common.toast.failed } };
  }
}
