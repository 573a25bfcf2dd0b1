// Loads a planned demo dataset into the database: the organisation first, then each branch's activity in its
// own transaction, reporting progress branch by branch (the CLI turns that into a progress bar).
import type { DemoPlan } from './generate-demo.js';
import { writeBranchActivity } from './write-demo-activity.js';
import { writeOrganisation } from './write-demo-organisation.js';
import type { DemoWriteContext } from './demo-writer-support.js';

export interface DemoProgress {
  readonly done: number;
  readonly total: number;
  readonly rows: number;
}

export interface DemoWriteReport {
  readonly branches: number;
  readonly members: number;
  readonly branchesWritten: number;
  readonly branchesSkipped: number;
  /** Activity rows generated (claims, ledger, deductions, objections, pledges, progress, volunteer). */
  readonly activityRows: number;
}

export async function writeDemo(
  ctx: DemoWriteContext,
  plan: DemoPlan,
  onProgress: (progress: DemoProgress) => void = () => {},
): Promise<DemoWriteReport> {
  const ids = await writeOrganisation(ctx, plan.organisation);
  const total = plan.organisation.branches.length;
  let done = 0;
  let rows = 0;
  let written = 0;
  onProgress({ done, total, rows });
  // One branch at a time, in order: the load is CPU-bound in the Prisma client (writing four branches at
  // once gained under 10 %), and a fixed order gives the same database ids on every run with the same seed.
  for (const activity of plan.branchActivities()) {
    if ((await writeBranchActivity(ctx, ids, activity)) === 'written') written += 1;
    rows +=
      activity.claims.length + activity.ledger.length + activity.deductions.length + activity.objections.length +
      activity.pledges.length + activity.progress.length + activity.volunteer.length;
    done += 1;
    onProgress({ done, total, rows });
  }
  return {
    branches: total,
    members: plan.organisation.members.length,
    branchesWritten: written,
    branchesSkipped: total - written,
    activityRows: rows,
  };
}
