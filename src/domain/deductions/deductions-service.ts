// Deductions (扣分) with objections (异议): a secretary deducts from a member of their branch, the member
// may object within the configured days, and an upheld objection writes a reversing entry.
//
// Why the deduction row and its ledger entry share one transaction under the member lock: the score must
// never show a deduction the register does not have, or the reverse; the idempotency key makes a
// double-submitted form deduct once.
import { DomainError } from '../errors.js';
import { assertOwner, assertReviews, requirePerson, type ServiceActor } from '../access/actor.js';
import { writeAudit } from '../audit/audit-repository.js';
import { buildDeduction } from '../ledger/ledger-builders.js';
import type { LedgerEntry } from '../ledger/ledger-entry.js';
import { NEW_ENTRY_ID } from '../ledger/ledger-mapper.js';
import { lockMember } from '../ledger/ledger-repository.js';
import { labelsOf, reverseEntry, writeEntry } from '../ledger/ledger-writer.js';
import { ledgerKeys } from '../ledger/business-keys.js';
import { getSubject } from '../members/member-repository.js';
import type { LocalDate } from '../periods/local-date.js';
import { createRulesService, type RulesService } from '../rules/rules-service.js';
import { readSetting } from '../settings/settings-repository.js';
import { requireIdempotencyKey, requirePastDate, requireReason, requireText, today } from '../shared/input.js';
import { toDbDate, toDbPoints, transact, type ServiceDeps } from '../shared/db.js';
import {
  insertDeduction, insertObjection, openObjections, toDeductionView, toObjectionView, type DeductionView, type ObjectionView,
} from './deductions-repository.js';

export interface DeductInput {
  readonly memberId: number;
  readonly deductionCode: string;
  readonly occurrences?: number;
  readonly occurredOn: LocalDate;
  readonly reason: string;
  readonly idempotencyKey: string;
}

export interface DeductionsService {
  deduct(actor: ServiceActor, input: DeductInput): Promise<{ deduction: DeductionView; entry: LedgerEntry; created: boolean }>;
  /** The deducted member, before the deadline (OBJECTION_WINDOW_CLOSED after it); one objection per deduction. */
  object(actor: ServiceActor, input: { readonly deductionId: number; readonly text: string }): Promise<ObjectionView>;
  /** Upheld → reversal entry and the deduction marked reversed; rejected → nothing moves. */
  resolveObjection(
    actor: ServiceActor,
    input: { readonly objectionId: number; readonly upheld: boolean; readonly resolution: string },
  ): Promise<{ objection: ObjectionView; reversal?: LedgerEntry }>;
  listOpenObjections(actor: ServiceActor, options?: { readonly branchId?: number; readonly limit?: number }): Promise<ObjectionView[]>;
}

export function createDeductionsService(deps: ServiceDeps & { readonly rules?: RulesService }): DeductionsService {
  const { db } = deps;
  const rules = deps.rules ?? createRulesService({ db, clock: deps.clock });

  return {
    async deduct(actor, input) {
      const subject = await getSubject(db, input.memberId);
      const secretary = assertReviews(actor, subject, 'deduct points');
      const key = requireIdempotencyKey(input.idempotencyKey);
      const reason = requireReason(input.reason);
      const occurredOn = requirePastDate(input.occurredOn, 'occurredOn', today(deps.clock, deps.timeZone));
      const stored = await rules.forDate(occurredOn);
      const labelOf = labelsOf(await rules.versions());
      const meta = { id: NEW_ENTRY_ID, createdAt: deps.clock.now() };
      const ref = { memberId: String(subject.memberId), branchId: String(subject.branchId) };
      // Priced before the transaction, so a bad code or count is refused before anything is written.
      const priced = buildDeduction(stored.definition, { ...ref, deductionCode: input.deductionCode, occurrences: input.occurrences ?? 1, occurredOn, reason }, meta);
      return transact(db, async (tx) => {
        await lockMember(tx, subject.memberId);
        const now = deps.clock.now();
        const days = await readSetting(tx, 'deduction.objectionDays');
        const { row, created } = await insertDeduction(tx, {
          memberId: subject.memberId, branchId: subject.branchId, rulesVersionId: stored.id, ruleCode: input.deductionCode,
          itemCode: priced.itemCode as DeductionView['itemCode'], quantity: String(input.occurrences ?? 1), points: toDbPoints(-priced.pointsCredited),
          occurredOn: toDbDate(occurredOn), reason, createdById: secretary.memberId,
          objectionDeadline: new Date(now.getTime() + days * 86_400_000), idempotencyKey: key, createdAt: now,
        });
        if (row.memberId !== subject.memberId || row.createdById !== secretary.memberId) {
          throw new DomainError('IDEMPOTENCY_CONFLICT', 'this submission key belongs to another deduction');
        }
        const written = await writeEntry(
          tx, { ...priced, sourceId: String(row.id), createdAt: now },
          { rulesVersionId: stored.id, businessKey: ledgerKeys.deduction(row.id), actorId: secretary.memberId, deductionId: row.id },
          labelOf,
        );
        if (created) {
          await writeAudit(tx, {
            actorId: secretary.memberId, action: 'deduction.create', targetType: 'deduction', targetId: row.id, branchId: row.branchId,
            after: { ...toDeductionView(row), entryId: written.entry.id }, at: now,
          });
        }
        return { deduction: toDeductionView(row), entry: written.entry, created };
      });
    },

    async object(actor, input) {
      const deduction = await db.deduction.findUnique({ where: { id: input.deductionId } });
      if (!deduction) throw new DomainError('NOT_FOUND', 'no such deduction', { deductionId: input.deductionId });
      const member = assertOwner(actor, deduction.memberId, 'object to a deduction');
      const text = requireText(input.text, 'text', 500);
      const earlier = await db.objection.findFirst({ where: { deductionId: deduction.id }, orderBy: { id: 'desc' } });
      if (earlier?.status === 'OPEN') return toObjectionView(earlier);
      if (earlier || deduction.status !== 'ACTIVE') throw new DomainError('ALREADY_HANDLED', 'this deduction has been decided', { deductionId: deduction.id });
      const now = deps.clock.now();
      if (now > deduction.objectionDeadline) {
        throw new DomainError('OBJECTION_WINDOW_CLOSED', 'the objection window has closed', { deductionId: deduction.id, deadline: deduction.objectionDeadline.toISOString() });
      }
      const { row } = await insertObjection(db, { deductionId: deduction.id, memberId: member.memberId, text, createdAt: now });
      return toObjectionView(row);
    },

    async resolveObjection(actor, input) {
      const objection = await db.objection.findUnique({ where: { id: input.objectionId }, include: { deduction: true } });
      if (!objection) throw new DomainError('NOT_FOUND', 'no such objection', { objectionId: input.objectionId });
      const { deduction } = objection;
      const subject = await getSubject(db, deduction.memberId);
      const resolver = assertReviews(actor, { ...subject, branchId: deduction.branchId }, 'resolve an objection');
      const resolution = requireReason(input.resolution);
      const labelOf = labelsOf(await rules.versions());
      return transact(db, async (tx) => {
        await lockMember(tx, deduction.memberId);
        const now = deps.clock.now();
        const { count } = await tx.objection.updateMany({
          where: { id: objection.id, status: 'OPEN' },
          data: { status: input.upheld ? 'UPHELD' : 'REJECTED', resolverId: resolver.memberId, resolution, resolvedAt: now },
        });
        if (count !== 1) throw new DomainError('ALREADY_HANDLED', 'this objection has been resolved', { objectionId: objection.id });
        let reversal: LedgerEntry | undefined;
        if (input.upheld) {
          const original = await tx.ledgerEntry.findFirst({ where: { deductionId: deduction.id, cause: 'DEDUCTION' } });
          if (!original) throw new DomainError('NOT_FOUND', 'the deduction has no ledger entry', { deductionId: deduction.id });
          reversal = (await reverseEntry(tx, original, { reason: resolution, actorId: resolver.memberId, now, labelOf })).entry;
        }
        const resolved = await tx.objection.findUniqueOrThrow({ where: { id: objection.id } });
        await writeAudit(tx, {
          actorId: resolver.memberId, action: input.upheld ? 'objection.uphold' : 'objection.reject', targetType: 'objection',
          targetId: objection.id, branchId: deduction.branchId, before: { status: 'open' },
          after: { status: resolved.status.toLowerCase(), resolution, ...(reversal ? { reversalEntryId: reversal.id } : {}) }, at: now,
        });
        return { objection: toObjectionView(resolved), ...(reversal ? { reversal } : {}) };
      });
    },

    async listOpenObjections(actor, options = {}) {
      const person = requirePerson(actor, 'list objections');
      const limit = Math.min(Math.max(options.limit ?? 50, 1), 200);
      if (person.role === 'ADMIN') return (await openObjections(db, options.branchId, limit)).map(toObjectionView);
      if (person.role === 'SECRETARY' && (options.branchId ?? person.branchId) === person.branchId) {
        return (await openObjections(db, person.branchId, limit)).map(toObjectionView);
      }
      throw new DomainError('ACTOR_NOT_ALLOWED', 'may not list objections', { role: person.role });
    },
  };
}
