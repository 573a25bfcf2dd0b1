// One-vote veto (一票否决) over the database: a secretary (own branch) or an admin proposes, an admin
// confirms or rejects. Only a confirmation writes a ledger entry (`veto:<id>`), which zeroes the year's
// checklist score from the conduct's date on; a proposal or a rejection leaves the score untouched.
import type { VetoProposal } from '../../generated/prisma/client.js';
import { DomainError } from '../errors.js';
import { assertAdmin, assertReviews, type ServiceActor } from '../access/actor.js';
import { writeAudit } from '../audit/audit-repository.js';
import type { LedgerEntry } from '../ledger/ledger-entry.js';
import { NEW_ENTRY_ID } from '../ledger/ledger-mapper.js';
import { lockMember } from '../ledger/ledger-repository.js';
import { labelsOf, writeEntry } from '../ledger/ledger-writer.js';
import { ledgerKeys } from '../ledger/business-keys.js';
import { getSubject } from '../members/member-repository.js';
import { parseLocalDate, type LocalDate } from '../periods/local-date.js';
import type { VetoCode } from '../rules/rules-schema.js';
import { createRulesService, type RulesService } from '../rules/rules-service.js';
import { fromDbDate, toDbDate, transact, type ServiceDeps } from '../shared/db.js';
import { requireIdempotencyKey, requirePastDate, requireReason, today } from '../shared/input.js';
import { decideVeto } from './veto-case.js';

export interface ProposeVetoInput {
  readonly memberId: number;
  readonly vetoCode: VetoCode;
  /** Shanghai date of the conduct: the year it vetoes. */
  readonly occurredOn: LocalDate;
  readonly reason: string;
  readonly evidence?: string;
  readonly idempotencyKey: string;
}

export interface VetoView {
  readonly id: number;
  readonly memberId: number;
  readonly branchId: number;
  readonly year: number;
  readonly vetoCode: VetoCode;
  readonly occurredOn: LocalDate;
  readonly reason: string;
  readonly evidence: string | null;
  readonly proposerId: number;
  readonly proposedAt: Date;
  readonly status: 'proposed' | 'confirmed' | 'rejected';
  readonly deciderId: number | null;
  readonly decidedAt: Date | null;
  readonly decisionComment: string | null;
}

export interface VetoService {
  propose(actor: ServiceActor, input: ProposeVetoInput): Promise<{ veto: VetoView; created: boolean }>;
  /** Admin (never the member concerned): writes the veto entry. ALREADY_HANDLED once decided. */
  confirm(actor: ServiceActor, vetoId: number, comment?: string): Promise<{ veto: VetoView; entry: LedgerEntry }>;
  /** Admin, with a reason: nothing is written to the ledger. */
  reject(actor: ServiceActor, vetoId: number, reason: string): Promise<VetoView>;
  /** Admin: proposals waiting for a decision, oldest first. */
  listProposed(actor: ServiceActor): Promise<VetoView[]>;
}

export function toVetoView(row: VetoProposal): VetoView {
  return {
    id: row.id, memberId: row.memberId, branchId: row.branchId, year: row.year, vetoCode: row.vetoItem,
    occurredOn: fromDbDate(row.occurredOn), reason: row.reason, evidence: row.evidence, proposerId: row.proposerId,
    proposedAt: row.proposedAt, status: row.status.toLowerCase() as VetoView['status'], deciderId: row.deciderId,
    decidedAt: row.decidedAt, decisionComment: row.decisionComment,
  };
}

export function createVetoService(deps: ServiceDeps & { readonly rules?: RulesService }): VetoService {
  const { db } = deps;
  const rules = deps.rules ?? createRulesService({ db, clock: deps.clock });

  async function decidable(actor: ServiceActor, vetoId: number, action: string) {
    const admin = assertAdmin(actor, action);
    const row = await db.vetoProposal.findUnique({ where: { id: vetoId } });
    if (!row) throw new DomainError('NOT_FOUND', 'no such veto proposal', { vetoId });
    if (row.memberId === admin.memberId) throw new DomainError('ACTOR_NOT_ALLOWED', 'nobody decides a veto on themselves', { action });
    return { admin, row };
  }

  const alreadyDecided = (row: VetoProposal) =>
    new DomainError('ALREADY_HANDLED', 'this veto has already been decided', { vetoId: row.id, status: row.status.toLowerCase() });

  return {
    async propose(actor, input) {
      const subject = await getSubject(db, input.memberId);
      const proposer = assertReviews(actor, subject, 'propose a veto');
      const key = requireIdempotencyKey(input.idempotencyKey);
      const reason = requireReason(input.reason, 1000);
      const occurredOn = requirePastDate(input.occurredOn, 'occurredOn', today(deps.clock, deps.timeZone));
      const stored = await rules.forDate(occurredOn);
      if (!stored.definition.vetoes.some((v) => v.code === input.vetoCode)) {
        throw new DomainError('INVALID_INPUT', `no veto item ${String(input.vetoCode)}`, { field: 'vetoCode' });
      }
      return transact(db, async (tx) => {
        const now = deps.clock.now();
        const [created] = await tx.vetoProposal.createManyAndReturn({
          data: [{
            memberId: subject.memberId, branchId: subject.branchId, year: parseLocalDate(occurredOn).year, vetoItem: input.vetoCode,
            occurredOn: toDbDate(occurredOn), reason, evidence: input.evidence?.trim() || null, proposerId: proposer.memberId,
            proposedAt: now, idempotencyKey: key,
          }],
          skipDuplicates: true,
        });
        if (!created) {
          const existing = await tx.vetoProposal.findUniqueOrThrow({ where: { idempotencyKey: key } });
          if (existing.proposerId !== proposer.memberId) throw new DomainError('IDEMPOTENCY_CONFLICT', 'this submission key belongs to another proposal');
          return { veto: toVetoView(existing), created: false };
        }
        await writeAudit(tx, {
          actorId: proposer.memberId, action: 'veto.propose', targetType: 'veto_proposal', targetId: created.id,
          branchId: created.branchId, after: toVetoView(created), at: now,
        });
        return { veto: toVetoView(created), created: true };
      });
    },

    async confirm(actor, vetoId, comment) {
      const { admin, row } = await decidable(actor, vetoId, 'confirm a veto');
      const view = toVetoView(row);
      const stored = await rules.forDate(view.occurredOn);
      const labelOf = labelsOf(await rules.versions());
      return transact(db, async (tx) => {
        await lockMember(tx, row.memberId);
        const now = deps.clock.now();
        const current = await tx.vetoProposal.findUniqueOrThrow({ where: { id: vetoId } });
        if (current.status !== 'PROPOSED') throw alreadyDecided(current);
        const decision = comment?.trim() ? { type: 'confirm' as const, reason: comment.trim() } : { type: 'confirm' as const };
        const outcome = decideVeto(
          { id: String(row.id), memberId: String(row.memberId), branchId: String(row.branchId), vetoCode: view.vetoCode, occurredOn: view.occurredOn, status: 'proposed' },
          decision, 'admin', stored.definition, { id: NEW_ENTRY_ID, createdAt: now },
        );
        if (!outcome.entry) throw new Error('a confirmed veto builds an entry');
        const { count } = await tx.vetoProposal.updateMany({
          where: { id: vetoId, status: 'PROPOSED' },
          data: { status: 'CONFIRMED', deciderId: admin.memberId, decidedAt: now, decisionComment: comment?.trim() || null },
        });
        if (count !== 1) throw alreadyDecided(current);
        const written = await writeEntry(
          tx, outcome.entry,
          { rulesVersionId: stored.id, businessKey: ledgerKeys.veto(vetoId), actorId: admin.memberId, vetoProposalId: vetoId },
          labelOf,
        );
        const decided = await tx.vetoProposal.findUniqueOrThrow({ where: { id: vetoId } });
        await writeAudit(tx, {
          actorId: admin.memberId, action: 'veto.confirm', targetType: 'veto_proposal', targetId: vetoId, branchId: row.branchId,
          before: { status: 'proposed' }, after: { status: 'confirmed', entryId: written.entry.id }, at: now,
        });
        return { veto: toVetoView(decided), entry: written.entry };
      });
    },

    async reject(actor, vetoId, reason) {
      const { admin, row } = await decidable(actor, vetoId, 'reject a veto');
      const text = requireReason(reason);
      return transact(db, async (tx) => {
        const now = deps.clock.now();
        const { count } = await tx.vetoProposal.updateMany({
          where: { id: vetoId, status: 'PROPOSED' },
          data: { status: 'REJECTED', deciderId: admin.memberId, decidedAt: now, decisionComment: text },
        });
        if (count !== 1) throw alreadyDecided(await tx.vetoProposal.findUniqueOrThrow({ where: { id: vetoId } }));
        await writeAudit(tx, {
          actorId: admin.memberId, action: 'veto.reject', targetType: 'veto_proposal', targetId: vetoId, branchId: row.branchId,
          before: { status: 'proposed' }, after: { status: 'rejected', reason: text }, at: now,
        });
        return toVetoView(await tx.vetoProposal.findUniqueOrThrow({ where: { id: vetoId } }));
      });
    },

    async listProposed(actor) {
      assertAdmin(actor, 'list veto proposals');
      const rows = await db.vetoProposal.findMany({ where: { status: 'PROPOSED' }, orderBy: { proposedAt: 'asc' } });
      return rows.map(toVetoView);
    },
  };
}
