// The command table: one file per command, listed here. The router matches aliases longest
// first, so order does not matter; an unmatched input gets the help card.
import type { CommandDefinition } from './command.js';
import { auditCommand } from './audit.command.js';
import { deductCommand } from './deduct.command.js';
import { helpCommand } from './help.command.js';
import { endLeaveCommand, leaveCommand } from './leave.command.js';
import { pledgeBranchCommand, pledgePendingCommand } from './pledge-review.command.js';
import { pledgeWallCommand } from './pledge-wall.command.js';
import { pledgesCommand } from './pledges.command.js';
import { pushCommand } from './push.command.js';
import { vetoCommand } from './veto.command.js';
import { volunteerCommand } from './volunteer.command.js';

export const commands: readonly CommandDefinition[] = [
  helpCommand,
  pledgesCommand,
  pledgePendingCommand,
  pledgeBranchCommand,
  pledgeWallCommand,
  deductCommand,
  vetoCommand,
  volunteerCommand,
  leaveCommand,
  endLeaveCommand,
  auditCommand,
  pushCommand,
];
