// A member's side of claims: estimate what a claim will give, spot likely duplicates, create (idempotent),
// withdraw, resubmit after a return, and read their own claims.
//
// Why the estimate runs the real cap logic: the member is told "what it will give if approved" with the
// caps as the ledger stands now; approval runs the same `applyCaps` again under the member lock, so the
// figures can differ only when something was credited in between (the ledger holds the truth).
import { DomainError } from '../errors.js';
import { assertOwner, assertReadsMember, requirePerson, type ServiceActor } from '../access/actor.js';
import { assertClaimQuantity } from '../scoring/claim-points.js';
import { applyCaps, type CapOutcome } from '../scoring/apply-caps.js';
import { findActivity } from '../rules/rules-lookup.js';
import type { RoleCode } from '../rules/rules-schema.js';
import { createRulesService, type RulesService, type StoredRules } from '../rules/rules-service.js';
import { parseLocalDate, type LocalDate } from '../periods/local-date.js';
import { labelsOf, memberYearLedger } from '../ledger/ledger-writer.js';
import { requireIdempotencyKey, requirePastDate, requireText, today } from '../shared/input.js';
import { toDbDate, toDbPoints, type ServiceDeps } from '../shared/db.js';
import { nextClaimStatus, type ClaimStatus } from './claim-status.js';
import {
  findClaim, findClaimByKey, insertClaim, memberClaims, normaliseDescription, sameDayClaims, toClaimView, updateClaimIf, type ClaimView,
} from './claims-repository.js';

export interface ClaimInput {
  readonly activityCode: string;
  /** When given, the activity must belong to this role (the form's first field). */
  readonly roleCode?: RoleCode;
  readonly quantity: number;
  /** Shanghai date of the activity; decides the period and the rules version. */
  readonly activityDate: LocalDate;
  readonly description: string;
}

export interface CreateClaimInput extends ClaimInput {
  /** From the form submission: a double tap or a client re-send creates one claim. */
  readonly idempotencyKey: string;
  /** Submit even though a likely duplicate exists (the member confirmed). */
  readonly confirmDuplicate?: boolean;
}

export interface ClaimEstimate extends CapOutcome {
  readonly rulesVersion: string;
}

export interface ClaimsService {
  estimate(actor: ServiceActor, input: ClaimInput): Promise<ClaimEstimate>;
  /** The member's live claims with the same activity, date and description. */
  likelyDuplicates(actor: ServiceActor, input: Pick<ClaimInput, 'activityCode' | 'activityDate' | 'description'>): Promise<ClaimView[]>;
  /** LIKELY_DUPLICATE (details.claimIds) unless confirmed; the same idempotency key returns the first claim. */
  create(actor: ServiceActor, input: CreateClaimInput): Promise<{ claim: ClaimView; created: boolean; estimate: ClaimEstimate }>;
  withdraw(actor: ServiceActor, claimId: number): Promise<ClaimView>;
  /** A returned claim, optionally edited, goes back to review with a new revision. */
  resubmit(actor: ServiceActor, claimId: number, changes?: Partial<ClaimInput>): Promise<{ claim: ClaimView; estimate: ClaimEstimate }>;
  get(actor: ServiceActor, claimId: number): Promise<ClaimView>;
  listMine(actor: ServiceActor, options?: { readonly limit?: number; readonly statuses?: readonly ClaimStatus[] }): Promise<ClaimView[]>;
}

export function createClaimsService(deps: ServiceDeps & { readonly rules?: RulesService }): ClaimsService {
  const rules = deps.rules ?? createRulesService({ db: deps.db, clock: deps.clock });

  /** Validates a claim and prices it against the member's ledger; returns the cleaned input too. */
  async function price(memberId: number, input: ClaimInput): Promise<{ clean: ClaimInput; stored: StoredRules; estimate: ClaimEstimate }> {
    const activityDate = requirePastDate(input.activityDate, 'activityDate', today(deps.clock, deps.timeZone));
    assertClaimQuantity(input.quantity);
    const description = requireText(input.description, 'description', 500);
    const stored = await rules.forDate(activityDate);
    const { role } = findActivity(stored.definition, input.activityCode);
    if (input.roleCode !== undefined && input.roleCode !== role.code) {
      throw new DomainError('UNKNOWN_ACTIVITY', `${input.activityCode} is not an activity of ${input.roleCode}`, { activityCode: input.activityCode });
    }
    const labelOf = labelsOf(await rules.versions());
    const ledger = await memberYearLedger(deps.db, memberId, parseLocalDate(activityDate).year, labelOf);
    const outcome = applyCaps(stored.definition, { memberId: String(memberId), activityCode: input.activityCode, quantity: input.quantity, occurredOn: activityDate }, ledger);
    const clean = { activityCode: input.activityCode, roleCode: role.code, quantity: input.quantity, activityDate, description };
    return { clean, stored, estimate: { ...outcome, rulesVersion: stored.label } };
  }

  async function duplicatesOf(memberId: number, input: Pick<ClaimInput, 'activityCode' | 'activityDate' | 'description'>) {
    const wanted = normaliseDescription(input.description);
    const rows = await sameDayClaims(deps.db, memberId, input.activityCode, input.activityDate);
    return rows.filter((row) => normaliseDescription(row.description) === wanted);
  }

  async function owned(actor: ServiceActor, claimId: number, action: string) {
    const row = await findClaim(deps.db, claimId);
    if (!row) throw new DomainError('NOT_FOUND', 'no such claim', { claimId });
    return { row, person: assertOwner(actor, row.memberId, action) };
  }

  return {
    async estimate(actor, input) {
      const person = requirePerson(actor, 'estimate a claim');
      return (await price(person.memberId, input)).estimate;
    },

    async likelyDuplicates(actor, input) {
      const person = requirePerson(actor, 'check for duplicates');
      return (await duplicatesOf(person.memberId, input)).map(toClaimView);
    },

    async create(actor, input) {
      const person = requirePerson(actor, 'record a claim');
      const key = requireIdempotencyKey(input.idempotencyKey);
      const { clean, stored, estimate } = await price(person.memberId, input);
      const sameKey = async () => {
        const existing = await findClaimByKey(deps.db, key);
        // A key is the submission of one person; another person's key is a forged or broken form.
        if (existing && existing.memberId !== person.memberId) throw new DomainError('IDEMPOTENCY_CONFLICT', 'this submission key belongs to another claim');
        return existing;
      };
      const earlier = await sameKey();
      if (earlier) return { claim: toClaimView(earlier), created: false, estimate };
      const duplicates = await duplicatesOf(person.memberId, clean);
      if (duplicates.length > 0 && input.confirmDuplicate !== true) {
        // A concurrent double submit may have landed between the two reads: that is the same claim.
        const again = await sameKey();
        if (again) return { claim: toClaimView(again), created: false, estimate };
        throw new DomainError('LIKELY_DUPLICATE', 'a claim with the same activity, date and description exists', { claimIds: duplicates.map((d) => d.id) });
      }
      const now = deps.clock.now();
      const { row, created } = await insertClaim(deps.db, {
        memberId: person.memberId, branchId: person.branchId, rulesVersionId: stored.id, roleCode: clean.roleCode as RoleCode,
        activityCode: clean.activityCode, activityDate: toDbDate(clean.activityDate), quantity: String(clean.quantity),
        description: clean.description, status: 'PENDING', submittedAt: now, estimatedPoints: toDbPoints(estimate.credited),
        idempotencyKey: key, createdAt: now,
      });
      if (!created && row.memberId !== person.memberId) throw new DomainError('IDEMPOTENCY_CONFLICT', 'this submission key belongs to another claim');
      return { claim: toClaimView(row), created, estimate };
    },

    async withdraw(actor, claimId) {
      const { row } = await owned(actor, claimId, 'withdraw a claim');
      const status = toClaimView(row).status;
      nextClaimStatus(status, { type: 'withdraw' }, 'owner');
      const updated = await updateClaimIf(deps.db, claimId, status, { status: 'WITHDRAWN' });
      if (!updated) throw new DomainError('ALREADY_HANDLED', 'the claim changed meanwhile', { claimId });
      return toClaimView(updated);
    },

    async resubmit(actor, claimId, changes = {}) {
      const { row, person } = await owned(actor, claimId, 'resubmit a claim');
      const current = toClaimView(row);
      nextClaimStatus(current.status, { type: 'resubmit' }, 'owner');
      const { clean, stored, estimate } = await price(person.memberId, {
        activityCode: changes.activityCode ?? current.activityCode,
        roleCode: changes.roleCode,
        quantity: changes.quantity ?? current.quantity,
        activityDate: changes.activityDate ?? current.activityDate,
        description: changes.description ?? current.description,
      });
      const updated = await updateClaimIf(deps.db, claimId, 'returned', {
        status: 'PENDING', rulesVersionId: stored.id, roleCode: clean.roleCode as RoleCode, activityCode: clean.activityCode,
        activityDate: toDbDate(clean.activityDate), quantity: String(clean.quantity), description: clean.description,
        estimatedPoints: toDbPoints(estimate.credited), submittedAt: deps.clock.now(), reviewerId: null, reviewedAt: null,
        revision: { increment: 1 },
      });
      if (!updated) throw new DomainError('ALREADY_HANDLED', 'the claim changed meanwhile', { claimId });
      return { claim: toClaimView(updated), estimate };
    },

    async get(actor, claimId) {
      const row = await findClaim(deps.db, claimId);
      if (!row) throw new DomainError('NOT_FOUND', 'no such claim', { claimId });
      assertReadsMember(actor, { memberId: row.memberId, branchId: row.branchId }, 'read a claim');
      return toClaimView(row);
    },

    async listMine(actor, options = {}) {
      const person = requirePerson(actor, 'list claims');
      const rows = await memberClaims(deps.db, person.memberId, Math.min(Math.max(options.limit ?? 20, 1), 100), options.statuses);
      return rows.map(toClaimView);
    },
  };
}
