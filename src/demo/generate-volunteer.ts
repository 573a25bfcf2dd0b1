// Generates a branch's volunteer service records (志愿服务): about four turns per member a year, which at ×1 is
// close to the programme's 2,800 volunteer turns.
import { addHours, cutoff, earlier, randomDate, randomInstant, type BranchContext } from './demo-context.js';
import { addDays, daysBetween } from './demo-dates.js';
import type { DemoRng } from './demo-rng.js';
import { VOLUNTEER_ACTIVITIES } from './demo-texts.js';
import type { DemoVolunteerRecord } from './demo-types.js';

const HOURS = [2, 3, 4, 4, 4, 6, 8];

export function generateVolunteer(ctx: BranchContext, rng: DemoRng): DemoVolunteerRecord[] {
  const records: DemoVolunteerRecord[] = [];
  const yearShare = (daysBetween(ctx.from, ctx.asOf) + 1) / 365;
  const now = cutoff(ctx);
  for (const member of ctx.members) {
    if (member.status === 'INACTIVE') continue;
    const count = rng.poisson(4 * yearShare);
    for (let seq = 1; seq <= count; seq += 1) {
      const serviceDate = randomDate(rng, ctx.from, ctx.asOf);
      const recordedOn = addDays(serviceDate, rng.int(0, 2));
      const createdAt = earlier(randomInstant(rng, recordedOn > ctx.asOf ? ctx.asOf : recordedOn, 18, 22), addHours(now, -1));
      records.push({
        key: `demo-${ctx.seed}-volunteer-${member.employeeNo}-${seq}`,
        memberNo: member.employeeNo,
        branchCode: ctx.branch.code,
        hours: rng.pick(HOURS).toFixed(2),
        activity: rng.pick(VOLUNTEER_ACTIVITIES),
        serviceDate,
        createdAt,
      });
    }
  }
  return records;
}
