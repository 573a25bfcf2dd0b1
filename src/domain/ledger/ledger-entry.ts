// The ledger entry (积分流水): one append-only, plain-data record of a point change and its cause.
//
// Why these fields: every score is derived from entries, so an entry must say who, which item, how many
// points were asked and credited (the cap note says why they differ), which day it counts on in Shanghai,
// which rules version priced it, and for a correction which entry it reverses. Entries are never edited.
import { z } from 'zod';
import { DomainError } from '../errors.js';
import { MAX_HUNDREDTHS } from '../points.js';
import { BasicCode, ItemCode, LocalDateText, RoleCode, VetoCode } from '../rules/rules-schema.js';

export const LEDGER_CAUSES = ['claim', 'deduction', 'veto', 'reversal', 'adjustment'] as const;
export const LedgerCause = z.enum(LEDGER_CAUSES);
export type LedgerCause = z.infer<typeof LedgerCause>;

const HundredthsValue = z.number().int().min(-MAX_HUNDREDTHS).max(MAX_HUNDREDTHS);

/** Which cap held a claim back, and how full it was before the claim (all amounts in hundredths). */
export const CapNote = z.object({
  kind: z.enum(['activityMonthly', 'roleYearly', 'vanguardYearly']),
  itemCode: RoleCode.optional(),
  activityCode: z.string().optional(),
  /** Period key of the cap window: `2026-03` for a monthly cap, `2026` for yearly ones. */
  period: z.string(),
  limit: HundredthsValue,
  used: HundredthsValue,
  remaining: HundredthsValue,
});
export type CapNote = z.infer<typeof CapNote>;

const Id = z.string().min(1).max(100);

const LedgerEntryObject = z.object({
  id: Id,
  memberId: Id,
  branchId: Id,
  /** Calendar year of `occurredOn`; also the year of the rules version. */
  year: z.number().int().min(2000).max(2999),
  /** Rules version that priced the entry, e.g. "2026.1". */
  rulesVersion: z.string().regex(/^\d{4}\.\d+$/),
  cause: LedgerCause,
  itemCode: ItemCode,
  activityCode: z.string().optional(),
  deductionCode: z.string().optional(),
  /** Quantity the member claimed (3 hazards, 24000 yuan) or occurrences deducted. */
  quantity: z.number().positive().optional(),
  /** Signed hundredths actually added to the score. */
  pointsCredited: HundredthsValue,
  /** Signed hundredths the rule table gave before caps; equals credited except for capped claims. */
  pointsRequested: HundredthsValue,
  capNote: CapNote.optional(),
  /** The day the activity or fault happened, in Shanghai; decides the period. */
  occurredOn: LocalDateText,
  reversesEntryId: Id.optional(),
  /** Claim id, deduction record id or veto case id: the business key a repository can make unique. */
  sourceId: Id.optional(),
  reason: z.string().trim().max(500).optional(),
  createdAt: z.date(),
});

type EntryShape = z.infer<typeof LedgerEntryObject>;

/** Cause-specific rules; each message names the invariant it protects. */
function causeIssues(e: EntryShape): string[] {
  const issues: string[] = [];
  const isBasic = BasicCode.safeParse(e.itemCode).success;
  const isRole = RoleCode.safeParse(e.itemCode).success;
  const isVeto = VetoCode.safeParse(e.itemCode).success;
  if (Number(e.occurredOn.slice(0, 4)) !== e.year) issues.push('year must be the year of occurredOn');
  if (!e.rulesVersion.startsWith(`${e.year}.`)) issues.push('rulesVersion must be of the entry year');
  if (e.cause !== 'reversal' && e.reversesEntryId !== undefined) issues.push('only a reversal names reversesEntryId');
  switch (e.cause) {
    case 'claim':
      if (!isRole || e.activityCode === undefined) issues.push('a claim is on a vanguard role and names its activity');
      if (e.pointsCredited < 0 || e.pointsCredited > e.pointsRequested) issues.push('a claim credits 0..requested');
      if (e.pointsCredited < e.pointsRequested && e.capNote === undefined) issues.push('a capped claim carries its cap note');
      break;
    case 'deduction':
      if (!isBasic || e.deductionCode === undefined) issues.push('a deduction is on a basic item and names its rule');
      if (e.pointsCredited >= 0 || e.pointsCredited !== e.pointsRequested) issues.push('a deduction credits its negative amount');
      break;
    case 'veto':
      if (!isVeto || e.pointsCredited !== 0 || e.pointsRequested !== 0) issues.push('a veto is on X1–X3 and moves no points');
      break;
    case 'reversal':
      if (e.reversesEntryId === undefined) issues.push('a reversal names the entry it reverses');
      if (!e.reason) issues.push('a reversal carries a reason');
      break;
    case 'adjustment':
      if (!e.reason) issues.push('an adjustment carries a reason');
      if (isVeto || e.pointsCredited === 0) issues.push('an adjustment moves points on a basic or vanguard item');
      if (e.pointsCredited !== e.pointsRequested) issues.push('an adjustment credits what it requests');
      break;
  }
  return issues;
}

export const LedgerEntry = LedgerEntryObject.superRefine((entry, ctx) => {
  for (const message of causeIssues(entry)) ctx.addIssue({ code: 'custom', message });
});
export type LedgerEntry = z.infer<typeof LedgerEntry>;

/** Parses an entry (e.g. a row mapped from the database) or throws INVALID_LEDGER_ENTRY with every issue. */
export function parseLedgerEntry(value: unknown): LedgerEntry {
  const result = LedgerEntry.safeParse(value);
  if (!result.success) {
    const issues = result.error.issues.map((issue) => `${issue.path.join('.') || 'entry'}: ${issue.message}`);
    throw new DomainError('INVALID_LEDGER_ENTRY', `invalid ledger entry: ${issues.join('; ')}`, { issues });
  }
  return result.data;
}
