// Fills the sandbox database the way an operator would with `npm run db:seed -- --demo`: the rules,
// settings and party-day library every start (idempotent), and the demo organisation with a year
// of activity only into a database that has no members yet — one someone uses is left alone.
import { seedDatabase } from '../../prisma/seed/seed-database.js';
import { seedDemo } from '../../prisma/seed/seed-demo.js';
import type { Db } from '../db/prisma.js';
import { todayIn } from '../demo/demo-dates.js';

/** The demo dataset the sandbox loads: the real committee's size (21 branches, ~710 members). */
export const SANDBOX_DEMO = { seed: 1, scale: 1 } as const;

export interface SeedOutcome {
  /** Demo rows written this time (0 when the database already had people). */
  demoMembers: number;
  activityRows: number;
}

export async function seedSandbox(db: Db, timeZone: string, log: (line: string) => void): Promise<SeedOutcome> {
  const today = todayIn(timeZone);
  await seedDatabase(db, { year: Number(today.slice(0, 4)) });
  if ((await db.member.count()) > 0) return { demoMembers: 0, activityRows: 0 };
  let lastQuarter = 0;
  const result = await seedDemo(db, {
    ...SANDBOX_DEMO,
    asOf: today,
    onProgress: (p) => {
      const quarter = Math.floor((p.done / Math.max(p.total, 1)) * 4);
      if (quarter > lastQuarter && quarter < 4) log(`    demo data: ${p.done} of ${p.total} branches`);
      lastQuarter = quarter;
    },
  });
  return result.skipped ? { demoMembers: 0, activityRows: 0 } : { demoMembers: result.report.members, activityRows: result.report.activityRows };
}
