// The card-action table: one file per action, listed here by the `a` value they answer.
import { commands } from '../commands/index.js';
import type { ActionDefinition } from './action.js';
import { runCommandAction } from './run-command.action.js';

export const actions: readonly ActionDefinition[] = [runCommandAction(commands)];
