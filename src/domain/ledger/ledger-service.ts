// The ledger service: an admin's reversals and adjustments, and a member's recent entries with their causes.
//
// Entries of claims, deductions and vetoes are written by those services (same transaction as their
// status change); this service owns the corrections. Both are idempotent by business key: reversing an
// entry twice, or resubmitting an adjustment form with the same request id, writes one entry.
import { randomUUID } from 'node:crypto';
import { DomainError } from '../errors.js';
import { assertAdmin, assertReadsMember, type ServiceActor } from '../access/actor.js';
import { writeAudit } from '../audit/audit-repository.js';
import type { Hundredths } from '../points.js';
import { isLocalDate, type LocalDate } from '../periods/local-date.js';
import type { BasicCode, RoleCode } from '../rules/rules-schema.js';
import { createRulesService, type RulesService } from '../rules/rules-service.js';
import { transact, type ServiceDeps } from '../shared/db.js';
import { buildAdjustment } from './ledger-builders.js';
import type { LedgerEntry } from './ledger-entry.js';
import { NEW_ENTRY_ID, toDomainEntry } from './ledger-mapper.js';
import { findEntry, lockMember, memberHistory } from './ledger-repository.js';
import { labelsOf, reverseEntry, writeEntry, type WrittenEntry } from './ledger-writer.js';
import { ledgerKeys } from './business-keys.js';

export interface AdjustmentInput {
  readonly memberId: number;
  readonly itemCode: BasicCode | RoleCode;
  readonly activityCode?: string;
  /** Signed hundredths. */
  readonly points: Hundredths;
  /** The day the correction belongs to (its period). */
  readonly occurredOn: LocalDate;
  readonly reason: string;
  /** The form submission's id: the same id adjusts once. A fresh one is made when absent. */
  readonly requestId?: string;
}

export interface HistoryEntry {
  readonly entry: LedgerEntry;
  readonly claim?: { readonly id: number; readonly description: string };
  readonly deduction?: { readonly id: number; readonly reason: string; readonly status: 'ACTIVE' | 'REVERSED' };
  readonly veto?: { readonly id: number; readonly vetoItem: 'X1' | 'X2' | 'X3' };
  /** Id of the entry that reversed this one, when it was reversed. */
  readonly reversedById?: string;
}

export interface LedgerService {
  /** Admin: cancels an entry with a reversing entry (NOT_REVERSIBLE for a reversal, idempotent otherwise). */
  reverse(actor: ServiceActor, input: { readonly entryId: number; readonly reason: string }): Promise<WrittenEntry>;
  /** Admin: a manual correction with a mandatory reason (REASON_REQUIRED). */
  adjust(actor: ServiceActor, input: AdjustmentInput): Promise<WrittenEntry>;
  /** A member's latest entries with causes, newest first; page with `beforeId`. */
  history(actor: ServiceActor, memberId: number, options?: { readonly limit?: number; readonly beforeId?: number }): Promise<HistoryEntry[]>;
}

export function createLedgerService(deps: ServiceDeps & { readonly rules?: RulesService }): LedgerService {
  const rules = deps.rules ?? createRulesService({ db: deps.db, clock: deps.clock });

  return {
    async reverse(actor, input) {
      const admin = assertAdmin(actor, 'reverse a ledger entry');
      if (input.reason.trim() === '') throw new DomainError('REASON_REQUIRED', 'a reversal needs a reason');
      const labelOf = labelsOf(await rules.versions());
      return transact(deps.db, async (tx) => {
        const original = await findEntry(tx, input.entryId);
        if (!original) throw new DomainError('NOT_FOUND', 'no such ledger entry', { entryId: input.entryId });
        await lockMember(tx, original.memberId);
        const now = deps.clock.now();
        const written = await reverseEntry(tx, original, { reason: input.reason.trim(), actorId: admin.memberId, now, labelOf });
        if (written.created) {
          await writeAudit(tx, {
            actorId: admin.memberId, action: 'ledger.reverse', targetType: 'ledger_entry', targetId: original.id,
            branchId: original.branchId, before: toDomainEntry(original, labelOf), after: written.entry, at: now,
          });
        }
        return written;
      });
    },

    async adjust(actor, input) {
      const admin = assertAdmin(actor, 'adjust points');
      if (!isLocalDate(input.occurredOn)) throw new DomainError('INVALID_DATE', 'occurredOn must be YYYY-MM-DD');
      const stored = await rules.forDate(input.occurredOn);
      const versions = await rules.versions();
      const requestId = input.requestId ?? randomUUID();
      return transact(deps.db, async (tx) => {
        const member = await lockMember(tx, input.memberId);
        const now = deps.clock.now();
        const entry = buildAdjustment(
          stored.definition,
          {
            memberId: String(member.id), branchId: String(member.branchId), itemCode: input.itemCode,
            activityCode: input.activityCode, points: input.points, occurredOn: input.occurredOn, reason: input.reason,
          },
          { id: NEW_ENTRY_ID, createdAt: now },
        );
        const written = await writeEntry(
          tx, entry,
          { rulesVersionId: stored.id, businessKey: ledgerKeys.adjustment(requestId), actorId: admin.memberId },
          labelsOf(versions),
        );
        if (written.created) {
          await writeAudit(tx, {
            actorId: admin.memberId, action: 'ledger.adjust', targetType: 'ledger_entry', targetId: written.entry.id,
            branchId: member.branchId, after: written.entry, at: now,
          });
        }
        return written;
      });
    },

    async history(actor, memberId, options = {}) {
      const member = await deps.db.member.findUnique({ where: { id: memberId }, select: { id: true, branchId: true } });
      if (!member) throw new DomainError('NOT_FOUND', 'no such member', { memberId });
      assertReadsMember(actor, { memberId, branchId: member.branchId }, 'read ledger history');
      const limit = Math.min(Math.max(options.limit ?? 10, 1), 100);
      const labelOf = labelsOf(await rules.versions());
      const rows = await memberHistory(deps.db, memberId, limit, options.beforeId);
      return rows.map((row) => ({
        entry: toDomainEntry(row, labelOf),
        ...(row.claim ? { claim: { id: row.claim.id, description: row.claim.description } } : {}),
        ...(row.deduction ? { deduction: { id: row.deduction.id, reason: row.deduction.reason, status: row.deduction.status } } : {}),
        ...(row.vetoProposal ? { veto: { id: row.vetoProposal.id, vetoItem: row.vetoProposal.vetoItem } } : {}),
        ...(row.reversedBy ? { reversedById: String(row.reversedBy.id) } : {}),
      }));
    },
  };
}
