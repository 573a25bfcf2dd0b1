// Generates the demo organisation: branches (with a bound group chat each) and members with plausible Chinese
// names, unique employee numbers, mobiles, emails and Feishu ids; a secretary per branch and one admin.
import { createHash } from 'node:crypto';
import { addDays } from './demo-dates.js';
import { BRANCH_TEMPLATES, branchIdentity } from './demo-branches.js';
import { createRng, type DemoRng } from './demo-rng.js';
import type { DemoBranch, DemoMember, DemoOrganisation, LocalDate } from './demo-types.js';

export interface OrganisationOptions {
  readonly seed: number;
  /** 1 for the real committee (21 branches, 710 members); 10 or 100 for benchmarks. */
  readonly scale: number;
  /** Leave dates are placed around this day. */
  readonly asOf: LocalDate;
}

const MOBILE_PREFIXES = ['139', '138', '137', '136', '135', '150', '151', '152', '158', '159', '182', '187', '188'];

function hex(input: string, length: number): string {
  return createHash('sha256').update(input).digest('hex').slice(0, length);
}

/** A mobile unique per index: 48271 is coprime to 10^8, so the suffix is a bijection of the index. */
function mobileFor(index: number, seed: number): string {
  const suffix = (index * 48_271 + 12_345_678 + seed * 7_919) % 100_000_000;
  return `${MOBILE_PREFIXES[index % MOBILE_PREFIXES.length]}${String(suffix).padStart(8, '0')}`;
}

function memberStatus(rng: DemoRng, asOf: LocalDate): Pick<DemoMember, 'status' | 'leaveUntil'> {
  const roll = rng.int(1, 100);
  if (roll <= 2) return { status: 'ON_LEAVE', leaveUntil: addDays(asOf, rng.int(3, 45)) };
  if (roll === 3) return { status: 'INACTIVE', leaveUntil: null };
  return { status: 'ACTIVE', leaveUntil: null };
}

function generateBranchMembers(
  options: OrganisationOptions,
  unit: number,
  index: number,
  branchCode: string,
  firstIndex: number,
): DemoMember[] {
  const rng = createRng([options.seed, unit, index, 1]);
  const template = BRANCH_TEMPLATES[index];
  if (!template) throw new Error(`no branch template ${index}`);
  const members: DemoMember[] = [];
  for (let i = 0; i < template.members; i += 1) {
    const globalIndex = firstIndex + i;
    const employeeNo = `20${String(globalIndex + 1).padStart(6, '0')}`;
    const sex = rng.chance(0.72) ? 'male' : 'female';
    const name = `${rng.faker.person.lastName()}${rng.faker.person.firstName(sex)}`;
    // The first member of each branch is its secretary; the committee's admin sits in the first office branch.
    const role = i === 0 ? 'SECRETARY' : unit === 0 && index === 0 && i === 1 ? 'ADMIN' : 'MEMBER';
    const status = role === 'MEMBER' ? memberStatus(rng, options.asOf) : { status: 'ACTIVE' as const, leaveUntil: null };
    const joined = `${rng.int(1988, 2024)}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
    members.push({
      employeeNo,
      name,
      mobile: mobileFor(globalIndex, options.seed),
      email: `${employeeNo}@oilfield.example`,
      branchCode,
      role,
      openId: `ou_${hex(`open:${options.seed}:${employeeNo}`, 32)}`,
      unionId: `on_${hex(`union:${options.seed}:${employeeNo}`, 32)}`,
      userId: `u${employeeNo}`,
      ...status,
      partyJoinedOn: joined,
    });
  }
  return members;
}

/** Deterministic: the same options always give the same organisation. */
export function generateOrganisation(options: OrganisationOptions): DemoOrganisation {
  if (!Number.isInteger(options.scale) || options.scale < 1) throw new Error('scale must be a positive integer');
  const branches: DemoBranch[] = [];
  const members: DemoMember[] = [];
  for (let unit = 0; unit < options.scale; unit += 1) {
    BRANCH_TEMPLATES.forEach((_, index) => {
      const { code, name } = branchIdentity(unit, index);
      branches.push({
        code,
        name,
        kind: BRANCH_TEMPLATES[index]?.kind ?? 'office',
        sortOrder: unit * BRANCH_TEMPLATES.length + index + 1,
        groupChatId: `oc_${hex(`chat:${options.seed}:${code}`, 32)}`,
        groupChatName: `${name}工作群`,
      });
      members.push(...generateBranchMembers(options, unit, index, code, members.length));
    });
  }
  return { branches, members };
}
