// Which branch a board or branch command is about: the asker's own, or one an admin names (`排行 第二党支部`).
// Naming another branch is not refused here: the domain's read checks refuse a secretary or member.
import { isPeriodWord } from './period-arg.js';
import type { Actor } from './actor.js';
import { t } from './messages/index.js';
import type { BotServices } from './services.js';
import { truncate } from './text.js';
import { UserFacingError } from './user-error.js';

export interface BranchAndPeriodWords {
  readonly branchName: string | undefined;
  readonly periodWord: string | undefined;
}

/** Splits `第二党支部 本季` (any order) into a branch name and a period word. */
export function splitBranchAndPeriod(args: readonly string[]): BranchAndPeriodWords {
  const periodWord = args.find(isPeriodWord);
  const rest = args.filter((a) => a !== periodWord).join(' ').trim();
  return { branchName: rest === '' ? undefined : rest, periodWord };
}

export async function branchArg(services: BotServices, actor: Actor, name: string | undefined): Promise<{ id: number; name: string }> {
  if (name === undefined || name === actor.branchName) return { id: actor.branchId, name: actor.branchName };
  const row = await services.db.branch.findUnique({ where: { name }, select: { id: true, name: true } });
  if (!row) throw new UserFacingError(t.points.board.unknownBranch(truncate(name, 30)));
  return row;
}
