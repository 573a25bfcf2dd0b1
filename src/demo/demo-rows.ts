// Maps generated demo records to Prisma rows once natural keys have database ids. Pure, so the writer is only
// transactions, batches and id lookups.
import type { Prisma } from '../generated/prisma/client.js';
import { dbDate, idOf, optionalIdOf, rulesVersionIdFor, type DemoWriteContext } from './demo-writer-support.js';
import type { DemoClaim, DemoDeduction, DemoLedgerEntry, DemoObjection, DemoPledge, DemoPledgeProgress, DemoVolunteerRecord } from './demo-types.js';

export interface BranchIds {
  readonly branchId: number;
  readonly memberIds: ReadonlyMap<string, number>;
  readonly claimIds: ReadonlyMap<string, number>;
  readonly deductionIds: ReadonlyMap<string, number>;
  readonly pledgeIds: ReadonlyMap<string, number>;
}

type Ids = Pick<BranchIds, 'branchId' | 'memberIds'>;
const member = (ids: Ids, no: string) => idOf(ids.memberIds, no, 'member');
const optionalMember = (ids: Ids, no: string | null) => optionalIdOf(ids.memberIds, no, 'member');

export function claimRow(ctx: DemoWriteContext, ids: Ids, c: DemoClaim): Prisma.ClaimCreateManyInput {
  return {
    memberId: member(ids, c.memberNo),
    branchId: ids.branchId,
    rulesVersionId: rulesVersionIdFor(ctx, c.activityDate),
    roleCode: c.roleCode,
    activityCode: c.activityCode,
    activityDate: dbDate(c.activityDate),
    quantity: c.quantity,
    description: c.description,
    status: c.status,
    submittedAt: c.submittedAt,
    reviewerId: optionalMember(ids, c.reviewerNo),
    reviewedAt: c.reviewedAt,
    reviewComment: c.reviewComment,
    estimatedPoints: c.estimatedPoints,
    idempotencyKey: c.key,
    createdAt: c.createdAt,
    updatedAt: c.reviewedAt ?? c.submittedAt ?? c.createdAt,
  };
}

export function deductionRow(ctx: DemoWriteContext, ids: Ids, d: DemoDeduction): Prisma.DeductionCreateManyInput {
  return {
    memberId: member(ids, d.memberNo),
    branchId: ids.branchId,
    rulesVersionId: rulesVersionIdFor(ctx, d.occurredOn),
    ruleCode: d.ruleCode,
    itemCode: d.itemCode,
    quantity: d.quantity,
    points: d.points,
    occurredOn: dbDate(d.occurredOn),
    reason: d.reason,
    createdById: member(ids, d.createdByNo),
    status: d.status,
    objectionDeadline: d.objectionDeadline,
    idempotencyKey: d.key,
    createdAt: d.createdAt,
    updatedAt: d.createdAt,
  };
}

export function ledgerRow(
  ctx: DemoWriteContext,
  ids: BranchIds,
  e: DemoLedgerEntry,
  businessKey: string,
  reversesEntryId: number | null,
): Prisma.LedgerEntryCreateManyInput {
  return {
    memberId: member(ids, e.memberNo),
    branchId: ids.branchId,
    rulesVersionId: rulesVersionIdFor(ctx, e.occurredOn),
    cause: e.cause,
    itemCode: e.itemCode,
    activityCode: e.activityCode,
    deductionCode: e.deductionCode,
    quantity: e.quantity,
    points: e.points,
    requestedPoints: e.requestedPoints,
    capNote: e.capNote === null ? undefined : { ...e.capNote },
    occurredOn: dbDate(e.occurredOn),
    periodMonth: e.occurredOn.slice(0, 7),
    claimId: optionalIdOf(ids.claimIds, e.claimKey, 'claim'),
    deductionId: optionalIdOf(ids.deductionIds, e.deductionKey, 'deduction'),
    reversesEntryId,
    reason: e.reason,
    actorId: optionalMember(ids, e.actorNo),
    businessKey,
    createdAt: e.createdAt,
  };
}

export function objectionRow(ids: BranchIds, o: DemoObjection): Prisma.ObjectionCreateManyInput {
  return {
    deductionId: idOf(ids.deductionIds, o.deductionKey, 'deduction'),
    memberId: member(ids, o.memberNo),
    text: o.text,
    status: o.status,
    resolverId: optionalMember(ids, o.resolverNo),
    resolution: o.resolution,
    resolvedAt: o.resolvedAt,
    createdAt: o.createdAt,
  };
}

export function pledgeRow(ids: Ids, p: DemoPledge): Prisma.PledgeCreateManyInput {
  return {
    memberId: member(ids, p.memberNo),
    branchId: ids.branchId,
    year: p.year,
    content: p.content,
    serves: p.serves,
    target: p.target,
    dueOn: dbDate(p.dueOn),
    status: p.status,
    submittedAt: p.submittedAt,
    reviewerId: optionalMember(ids, p.reviewerNo),
    reviewedAt: p.reviewedAt,
    reviewComment: p.reviewComment,
    fulfilment: p.fulfilment,
    evaluatorId: optionalMember(ids, p.evaluatorNo),
    evaluatedAt: p.evaluatedAt,
    idempotencyKey: p.key,
    createdAt: p.createdAt,
    updatedAt: p.evaluatedAt ?? p.reviewedAt ?? p.createdAt,
  };
}

export function progressRow(ids: BranchIds, p: DemoPledgeProgress): Prisma.PledgeProgressCreateManyInput {
  return { pledgeId: idOf(ids.pledgeIds, p.pledgeKey, 'pledge'), percent: p.percent, text: p.text, idempotencyKey: p.key, createdAt: p.createdAt };
}

export function volunteerRow(ids: Ids, v: DemoVolunteerRecord): Prisma.VolunteerRecordCreateManyInput {
  return {
    memberId: member(ids, v.memberNo),
    branchId: ids.branchId,
    hours: v.hours,
    activity: v.activity,
    serviceDate: dbDate(v.serviceDate),
    idempotencyKey: v.key,
    createdAt: v.createdAt,
  };
}
