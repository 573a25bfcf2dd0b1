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
import { partyDaysCommand } from './party-days.command.js';
import { indicatorsCommand } from './indicators.command.js';
import { publicNoticeCommand } from './public-notice.command.js';
import { pushCommand } from './push.command.js';
import { vetoCommand } from './veto.command.js';
import { volunteerCommand } from './volunteer.command.js';
import { pointsCommand } from './points.command.js';
import { boardCommand } from './board.command.js';
import { branchCommand } from './branch.command.js';
import { evaluationCommand } from './evaluation.command.js';
import { exportCommand } from './export.command.js';
import { starsCommand } from './stars.command.js';
import { myRecordsCommand } from './my-records.command.js';
import { pendingCommand } from './pending.command.js';
import { recordCommand } from './record.command.js';

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
  pointsCommand,
  boardCommand,
  branchCommand,
  evaluationCommand,
  starsCommand,
  exportCommand,
  partyDaysCommand,
  indicatorsCommand,
  publicNoticeCommand,
  recordCommand,
  myRecordsCommand,
  pendingCommand,
  pushCommand,
];
