// Routes one inbound input to its handler: who is asking → which command → run → replies.
// Unknown people get the not-in-roster card, unknown commands the help card, never silence.
import { lookupActor, type Actor } from './actor.js';
import type { BotInput, ReplyTarget } from './bot-input.js';
import { helpCard } from './cards/help-card.js';
import { errorCard, inactiveCard } from './cards/notice-cards.js';
import type { CommandDefinition, CommandResult } from './commands/command.js';
import { t } from './messages/index.js';
import { parseCommand } from './parse-command.js';
import { cardTo, type OutgoingMessage } from './reply.js';
import type { BotServices } from './services.js';
import { normalizeInput, stripMentionPlaceholders, truncate } from './text.js';
import { describeError } from './user-error.js';
import { strangerCard, welcomeOnEntry } from './welcome.js';

export interface RouterDeps {
  services: BotServices;
  commands: readonly CommandDefinition[];
  /** Inputs the command table does not cover (images, files, group events). */
  others?: Partial<Record<Exclude<BotInput['kind'], 'text' | 'menu'>, (input: BotInput, deps: RouterDeps) => Promise<OutgoingMessage[]>>>;
  onError?: (error: unknown, input: BotInput) => void;
}

/** Longest text we try to interpret as a command; anything longer is told so (no command needs more). */
const MAX_COMMAND_LENGTH = 2000;

export async function handleBotInput(input: BotInput, deps: RouterDeps): Promise<OutgoingMessage[]> {
  switch (input.kind) {
    case 'text':
      if (input.chatType === 'group' && !input.mentionsBot) return [];
      return runCommand(input, { to: 'message', messageId: input.messageId }, deps);
    case 'menu':
      return runCommand(input, { to: 'open_id', id: input.openId }, deps);
    case 'p2p-entered':
      return welcomeOnEntry(input, deps.services);
    default: {
      const other = deps.others?.[input.kind];
      return other ? other(input, deps) : [];
    }
  }
}

async function runCommand(
  input: Extract<BotInput, { kind: 'text' | 'menu' }>,
  replyTarget: ReplyTarget,
  deps: RouterDeps,
): Promise<OutgoingMessage[]> {
  const found = await lookupActor(deps.services.directory, input.openId);
  if (found.kind === 'unknown') return [cardTo(replyTarget, await strangerCard(deps.services))];
  if (found.kind === 'inactive') return [cardTo(replyTarget, inactiveCard())];
  const actor = found.actor;

  if (input.kind === 'text' && input.text.length > MAX_COMMAND_LENGTH) return [cardTo(replyTarget, errorCard(t.common.errors.tooLong(MAX_COMMAND_LENGTH)))];
  const command = findCommand(input, deps.commands);
  if (!command) return [cardTo(replyTarget, helpCard(actor, unknownHint(input)))];
  try {
    const result = await command.definition.run({
      actor,
      input,
      args: command.args,
      argText: command.argText,
      replyTarget,
      services: deps.services,
    });
    return toMessages(result, replyTarget);
  } catch (error) {
    return [cardTo(replyTarget, errorCardFor(error, input, actor, deps))];
  }
}

function findCommand(input: Extract<BotInput, { kind: 'text' | 'menu' }>, commands: readonly CommandDefinition[]) {
  if (input.kind === 'menu') {
    const definition = commands.find((c) => c.menuKeys?.includes(input.eventKey));
    return definition ? { definition, args: [], argText: '' } : undefined;
  }
  const parsed = parseCommand(input.text, commands);
  if (!parsed) return undefined;
  const definition = commands.find((c) => c.name === parsed.name)!;
  return { definition, args: parsed.args, argText: parsed.argText };
}

function unknownHint(input: Extract<BotInput, { kind: 'text' | 'menu' }>): { unknownInput?: string } {
  if (input.kind === 'menu') return {};
  const typed = normalizeInput(stripMentionPlaceholders(input.text));
  return typed === '' ? {} : { unknownInput: truncate(typed, 20) };
}

function toMessages(result: CommandResult, replyTarget: ReplyTarget): OutgoingMessage[] {
  return [...(result.reply ? [cardTo(replyTarget, result.reply)] : []), ...(result.also ?? [])];
}

function errorCardFor(error: unknown, input: BotInput, _actor: Actor, deps: RouterDeps) {
  const message = describeError(error);
  if (message === undefined) deps.onError?.(error, input);
  return errorCard(message ?? t.common.errors.generic);
}
