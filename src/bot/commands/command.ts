// The shape of a chat command: its names, the menu keys that trigger it, and what it does.
import type { Actor } from '../actor.js';
import type { BotInput, ReplyTarget } from '../bot-input.js';
import type { Card } from '../cards/elements.js';
import type { OutgoingMessage } from '../reply.js';
import type { BotServices } from '../services.js';

export interface CommandContext {
  actor: Actor;
  input: Extract<BotInput, { kind: 'text' | 'menu' }>;
  /** Arguments after the command word, normalised. */
  args: string[];
  argText: string;
  /** Where the answer goes (the message's chat, or the person for menu clicks). */
  replyTarget: ReplyTarget;
  services: BotServices;
}

export interface CommandResult {
  /** The answer to the person who asked. */
  reply?: Card;
  /** Other messages this command causes (a secretary's review card, a group post…). */
  also?: OutgoingMessage[];
}

export interface CommandDefinition<Name extends string = string> {
  name: Name;
  /** Chinese first, then English; matched case-insensitively, longest first. */
  aliases: readonly string[];
  /** Bot-menu `event_key`s mapped to this command (application.bot.menu_v6). */
  menuKeys?: readonly string[];
  run(context: CommandContext): Promise<CommandResult>;
}
