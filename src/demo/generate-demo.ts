// The demo dataset, deterministic from a seed: the organisation, then a year of activity branch by branch.
// Branches are generated lazily so a ×100 dataset can be written without holding it all in memory; each
// branch has its own random streams, so lazily or all at once gives the same data.
import { addDays, yearOf } from './demo-dates.js';
import type { BranchContext } from './demo-context.js';
import type { RulesForYear } from './demo-rules.js';
import { createRng } from './demo-rng.js';
import { generateClaims } from './generate-claims.js';
import { generateDeductions } from './generate-deductions.js';
import { generateOrganisation } from './generate-organisation.js';
import { generatePledges } from './generate-pledges.js';
import { generateVolunteer } from './generate-volunteer.js';
import type { DemoBranch, DemoBranchActivity, DemoMember, DemoOrganisation, LocalDate } from './demo-types.js';

export interface DemoOptions {
  readonly seed: number;
  readonly scale: number;
  /** The last day of the generated year (today in Shanghai for the CLI; fixed in tests). */
  readonly asOf: LocalDate;
  readonly rulesFor: RulesForYear;
}

export interface DemoPlan {
  readonly organisation: DemoOrganisation;
  readonly from: LocalDate;
  readonly asOf: LocalDate;
  /** Calendar years the activity touches; each needs a rules version. */
  readonly years: readonly number[];
  /** Yields each branch's activity, in branch order. */
  branchActivities(): Generator<DemoBranchActivity>;
}

function branchActivity(options: DemoOptions, from: LocalDate, branch: DemoBranch, members: DemoMember[], adminNo: string): DemoBranchActivity {
  const secretary = members.find((m) => m.role === 'SECRETARY');
  if (!secretary) throw new Error(`branch ${branch.code} has no secretary`);
  const ctx: BranchContext = { seed: options.seed, branch, members, secretaryNo: secretary.employeeNo, adminNo, from, asOf: options.asOf, rulesFor: options.rulesFor };
  // One random stream per concern, so changing one generator does not reshuffle the others.
  const stream = (n: number) => createRng([options.seed, branch.sortOrder, n]);
  const claims = generateClaims(ctx, stream(2));
  const deductions = generateDeductions(ctx, stream(3));
  const pledges = generatePledges(ctx, stream(4));
  return {
    branchCode: branch.code,
    claims: claims.claims,
    ledger: [...claims.ledger, ...deductions.ledger],
    deductions: deductions.deductions,
    objections: deductions.objections,
    pledges: pledges.pledges,
    progress: pledges.progress,
    volunteer: generateVolunteer(ctx, stream(5)),
  };
}

/** Rules are looked up per claim; a real RulesDefinition is parsed by zod on every build, so cache per year. */
function memoizeRules(rulesFor: RulesForYear): RulesForYear {
  const cache = new Map<number, ReturnType<RulesForYear>>();
  return (year) => {
    let rules = cache.get(year);
    if (!rules) {
      rules = rulesFor(year);
      cache.set(year, rules);
    }
    return rules;
  };
}

export function planDemo(input: DemoOptions): DemoPlan {
  if (!Number.isInteger(input.seed)) throw new Error('seed must be an integer');
  const options = { ...input, rulesFor: memoizeRules(input.rulesFor) };
  const organisation = generateOrganisation(options);
  const from = addDays(addDays(options.asOf, 1), -365);
  const admin = organisation.members.find((m) => m.role === 'ADMIN');
  if (!admin) throw new Error('the demo organisation has no admin');
  const byBranch = new Map<string, DemoMember[]>();
  for (const member of organisation.members) {
    const list = byBranch.get(member.branchCode) ?? [];
    list.push(member);
    byBranch.set(member.branchCode, list);
  }
  return {
    organisation,
    from,
    asOf: options.asOf,
    years: [...new Set([yearOf(from), yearOf(options.asOf)])],
    *branchActivities() {
      for (const branch of organisation.branches) {
        yield branchActivity(options, from, branch, byBranch.get(branch.code) ?? [], admin.employeeNo);
      }
    },
  };
}

/** The whole dataset at once: for tests and small scales. */
export function generateDemo(options: DemoOptions): { plan: DemoPlan; activities: DemoBranchActivity[] } {
  const plan = planDemo(options);
  return { plan, activities: [...plan.branchActivities()] };
}
