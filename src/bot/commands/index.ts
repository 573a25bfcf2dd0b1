// The command table: one file per command, listed here. The router matches aliases longest
// first, so order does not matter; an unmatched input gets the help card.
import type { CommandDefinition } from './command.js';
import { helpCommand } from './help.command.js';

export const commands: readonly CommandDefinition[] = [helpCommand];
