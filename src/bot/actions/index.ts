// The card-action table: one file per action, listed here by the `a` value they answer.
import { commands } from '../commands/index.js';
import type { ActionDefinition } from './action.js';
import { auditPageAction } from '../commands/audit.command.js';
import { deductionActions } from './deduction.actions.js';
import { groupBindAction } from './group-bind.action.js';
import { pledgeMemberActions } from './pledge-member.actions.js';
import { partyDayAttendanceActions } from './party-day-attendance.actions.js';
import { partyDayLibraryActions } from './party-day-library.actions.js';
import { indicatorsPageAction } from '../commands/indicators.command.js';
import { publicNoticeActions } from './public-notice.actions.js';
import { pledgeReviewActions } from './pledge-review.actions.js';
import { runCommandAction } from './run-command.action.js';
import { serviceActions } from './service.actions.js';
import { vetoActions } from './veto.actions.js';
import { boardPageAction } from '../commands/board.command.js';
import { branchPageAction } from '../commands/branch.command.js';
import { evaluationActions } from './evaluation.actions.js';
import { starsConfirmAction } from '../commands/stars.command.js';
import { claimPageAction, claimWithdrawAction } from '../commands/my-records.command.js';
import { claimMemberActions } from './claim-member.actions.js';
import { claimReviewActions } from './claim-review.actions.js';

export const actions: readonly ActionDefinition[] = [
  runCommandAction(commands),
  ...pledgeMemberActions,
  ...pledgeReviewActions,
  ...deductionActions,
  ...vetoActions,
  ...serviceActions,
  groupBindAction,
  auditPageAction,
  boardPageAction,
  branchPageAction,
  ...evaluationActions,
  starsConfirmAction,
  ...partyDayLibraryActions,
  ...partyDayAttendanceActions,
  indicatorsPageAction,
  ...publicNoticeActions,
  ...claimMemberActions,
  ...claimReviewActions,
  claimPageAction,
  claimWithdrawAction,
];
