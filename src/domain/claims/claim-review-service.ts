// The reviewer's side of claims: the pending queue, approve (credit within caps, exactly once), batch
// approve in the documented order, and return with a reason.
//
// EXACTLY ONCE. An approval runs in one transaction that (1) locks the member's row, (2) locks the claim
// row and requires PENDING, (3) prices the claim with `creditClaim` against the member's ledger as it
// now stands, (4) appends the entry under the key `claim:<id>` (unique; plus one CLAIM entry per claim
// in SQL), (5) moves the claim to APPROVED by compare-and-set, (6) writes the audit row. Fifty
// concurrent approvals of one claim queue on the member lock; the first credits, the others find the
// claim APPROVED and get ALREADY_HANDLED. Approvals of different claims of one member queue on the same
// lock, so each sees the previous one's entry and no two take the same cap room.
import { DomainError, isDomainError } from '../errors.js';
import { assertReviews, machineActor, requirePerson, type MemberActor, type ServiceActor } from '../access/actor.js';
import { writeAudit } from '../audit/audit-repository.js';
import type { CapOutcome } from '../scoring/apply-caps.js';
import { compareApprovalOrder, creditClaim, type ApprovedClaim } from '../scoring/credit-claims.js';
import type { LedgerEntry } from '../ledger/ledger-entry.js';
import { NEW_ENTRY_ID } from '../ledger/ledger-mapper.js';
import { lockMember } from '../ledger/ledger-repository.js';
import { labelsOf, memberYearLedger, rulesIdOf, writeEntry } from '../ledger/ledger-writer.js';
import { ledgerKeys } from '../ledger/business-keys.js';
import { parseLocalDate } from '../periods/local-date.js';
import { createRulesService, type RulesService } from '../rules/rules-service.js';
import { getSubject } from '../members/member-repository.js';
import { requireReason } from '../shared/input.js';
import { transact, type ServiceDeps } from '../shared/db.js';
import { nextClaimStatus } from './claim-status.js';
import { findClaim, lockClaim, pendingClaims, toClaimView, updateClaimIf, type ClaimView } from './claims-repository.js';
import type { Claim } from '../../generated/prisma/client.js';

export interface ApprovalResult {
  readonly claim: ClaimView;
  /** The ledger entry written: `pointsCredited` after caps, `capNote` when a cap cut it. */
  readonly entry: LedgerEntry;
  readonly outcome: CapOutcome;
}

export interface PendingClaim {
  readonly claim: ClaimView;
  readonly memberName: string;
  readonly evidence: readonly { readonly imageKey: string; readonly duplicate: boolean }[];
}

export type BatchApproval = { readonly claimId: number } & ({ readonly result: ApprovalResult } | { readonly error: DomainError });

export interface ClaimReviewService {
  /** Secretary: own branch's members' claims; admin: everyone's but their own (optionally one branch). */
  listPending(actor: ServiceActor, options?: { readonly branchId?: number; readonly limit?: number }): Promise<PendingClaim[]>;
  /** ALREADY_HANDLED (details: status, reviewerId) when the claim is no longer pending. */
  approve(actor: ServiceActor, claimId: number, options?: { readonly comment?: string }): Promise<ApprovalResult>;
  /** Approves in the batch order (activity date, submission time, id); one transaction per claim. */
  approveMany(actor: ServiceActor, claimIds: readonly number[]): Promise<BatchApproval[]>;
  returnClaim(actor: ServiceActor, claimId: number, reason: string): Promise<ClaimView>;
}

/** The pure engine's view of a claim being credited. */
function approvedClaimOf(claim: ClaimView): ApprovedClaim {
  return {
    claimId: String(claim.id), memberId: String(claim.memberId), branchId: String(claim.branchId),
    activityCode: claim.activityCode, quantity: claim.quantity, occurredOn: claim.activityDate,
    submittedAt: claim.submittedAt ?? claim.createdAt,
  };
}

function alreadyHandled(row: Claim): DomainError {
  return new DomainError('ALREADY_HANDLED', 'this claim has already been handled', {
    claimId: row.id, status: row.status.toLowerCase(), reviewerId: row.reviewerId,
  });
}

export function createClaimReviewService(deps: ServiceDeps & { readonly rules?: RulesService }): ClaimReviewService {
  const rules = deps.rules ?? createRulesService({ db: deps.db, clock: deps.clock });

  /** Loads the claim and checks the actor may review it, before any transaction or write. */
  async function authorise(actor: ServiceActor, claimId: number, action: string): Promise<{ row: Claim; reviewer: MemberActor }> {
    const row = await findClaim(deps.db, claimId);
    if (!row) throw new DomainError('NOT_FOUND', 'no such claim', { claimId });
    const subject = await getSubject(deps.db, row.memberId);
    return { row, reviewer: assertReviews(actor, { ...subject, branchId: row.branchId }, action) };
  }

  const service: ClaimReviewService = {
    async listPending(actor, options = {}) {
      const person = requirePerson(actor, 'list pending claims');
      const limit = Math.min(Math.max(options.limit ?? 50, 1), 200);
      let where;
      if (person.role === 'ADMIN') where = { memberId: { not: person.memberId }, ...(options.branchId === undefined ? {} : { branchId: options.branchId }) };
      else if (person.role === 'SECRETARY' && (options.branchId === undefined || options.branchId === person.branchId)) {
        // A secretary's own claims and other secretaries' go to the admins (nobody reviews their own).
        where = { branchId: person.branchId, memberId: { not: person.memberId }, member: { role: 'MEMBER' as const } };
      } else throw new DomainError('ACTOR_NOT_ALLOWED', 'may not list pending claims', { role: person.role });
      const rows = await pendingClaims(deps.db, where, limit);
      return rows.map((row) => ({
        claim: toClaimView(row),
        memberName: row.member.name,
        evidence: row.evidence.map((e) => ({ imageKey: e.imageKey, duplicate: e.duplicateOfId !== null })),
      }));
    },

    async approve(actor, claimId, options = {}) {
      const { reviewer } = await authorise(actor, claimId, 'approve a claim');
      const versions = await rules.versions();
      const labelOf = labelsOf(versions);
      return transact(deps.db, async (tx) => {
        const head = await findClaim(tx, claimId);
        if (!head) throw new DomainError('NOT_FOUND', 'no such claim', { claimId });
        await lockMember(tx, head.memberId);
        const row = await lockClaim(tx, claimId);
        if (!row || row.status !== 'PENDING') throw alreadyHandled(row ?? head);
        const claim = toClaimView(row);
        nextClaimStatus(claim.status, { type: 'approve' }, machineActor(reviewer, claim.memberId));
        const now = deps.clock.now();
        const ledger = await memberYearLedger(tx, claim.memberId, parseLocalDate(claim.activityDate).year, labelOf);
        const { entry, outcome } = creditClaim(versions.map((v) => v.definition), approvedClaimOf(claim), ledger, { id: NEW_ENTRY_ID, createdAt: now });
        const written = await writeEntry(
          tx, entry,
          { rulesVersionId: rulesIdOf(versions, entry.rulesVersion), businessKey: ledgerKeys.claim(claim.id), actorId: reviewer.memberId, claimId: claim.id },
          labelOf,
        );
        if (!written.created) throw alreadyHandled(row);
        const updated = await updateClaimIf(tx, claim.id, 'pending', {
          status: 'APPROVED', reviewerId: reviewer.memberId, reviewedAt: now, reviewComment: options.comment?.trim() || null,
        });
        if (!updated) throw alreadyHandled(row);
        await writeAudit(tx, {
          actorId: reviewer.memberId, action: 'claim.approve', targetType: 'claim', targetId: claim.id, branchId: claim.branchId,
          before: { status: claim.status }, after: { status: 'approved', entryId: written.entry.id, credited: outcome.credited, requested: outcome.requested }, at: now,
        });
        return { claim: toClaimView(updated), entry: written.entry, outcome };
      });
    },

    async approveMany(actor, claimIds) {
      requirePerson(actor, 'approve claims');
      const rows = (await Promise.all([...new Set(claimIds)].map((id) => findClaim(deps.db, id)))).filter((r): r is Claim => r !== null);
      // The pure order compares ids as text; padding makes that numeric order for database ids.
      const order = rows
        .map((row) => ({ row, key: { ...approvedClaimOf(toClaimView(row)), claimId: String(row.id).padStart(12, '0') } }))
        .sort((a, b) => compareApprovalOrder(a.key, b.key));
      const results: BatchApproval[] = [];
      for (const { row } of order) {
        try {
          results.push({ claimId: row.id, result: await service.approve(actor, row.id) });
        } catch (error) {
          if (!isDomainError(error)) throw error;
          results.push({ claimId: row.id, error });
        }
      }
      const found = new Set(rows.map((r) => r.id));
      for (const id of claimIds) if (!found.has(id)) results.push({ claimId: id, error: new DomainError('NOT_FOUND', 'no such claim', { claimId: id }) });
      return results;
    },

    async returnClaim(actor, claimId, reason) {
      const { reviewer } = await authorise(actor, claimId, 'return a claim');
      const comment = requireReason(reason);
      return transact(deps.db, async (tx) => {
        const row = await lockClaim(tx, claimId);
        if (!row) throw new DomainError('NOT_FOUND', 'no such claim', { claimId });
        if (row.status !== 'PENDING') throw alreadyHandled(row);
        nextClaimStatus('pending', { type: 'return', comment }, machineActor(reviewer, row.memberId));
        const now = deps.clock.now();
        const updated = await updateClaimIf(tx, claimId, 'pending', { status: 'RETURNED', reviewerId: reviewer.memberId, reviewedAt: now, reviewComment: comment });
        if (!updated) throw alreadyHandled(row);
        await writeAudit(tx, {
          actorId: reviewer.memberId, action: 'claim.return', targetType: 'claim', targetId: claimId, branchId: row.branchId,
          before: { status: 'pending' }, after: { status: 'returned', comment }, at: now,
        });
        return toClaimView(updated);
      });
    },
  };
  return service;
}
