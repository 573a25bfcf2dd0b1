// Pledges (承诺践诺) over the database: 定诺 (create in the window, idempotent), 审诺 (approve or return with
// a comment), 践诺 (progress notes), 评诺 (fulfilment verdict), plus the lists the bot shows.
//
// Every move goes through the pure `nextPledgeStatus` (window, comments, who may act) and is stored by
// compare-and-set, so two secretaries tapping one pledge's buttons decide it once.
import type { PledgeServes } from '../../generated/prisma/client.js';
import { DomainError } from '../errors.js';
import {
  assertOwner, assertReadsBranch, assertReadsMember, assertReviews, isMemberActor, machineActor, requirePerson, type MemberActor, type ServiceActor,
} from '../access/actor.js';
import { writeAudit } from '../audit/audit-repository.js';
import { getSubject } from '../members/member-repository.js';
import { isLocalDate, parseLocalDate, type LocalDate } from '../periods/local-date.js';
import { createRulesService, type RulesService } from '../rules/rules-service.js';
import { toDbDate, transact, type ServiceDeps } from '../shared/db.js';
import { requireIdempotencyKey, requireText, today } from '../shared/input.js';
import { isPledgePublic, nextPledgeStatus, type PledgeEvent, type PledgeVerdict } from './pledge-status.js';
import {
  findPledge, listPledges, progressOf, storedStatus, toPledgeView, toVerdictColumn, updatePledgeIf, withLatestProgress,
  type PledgeRow, type PledgeView, type ProgressView,
} from './pledges-repository.js';

export interface PledgeInput {
  readonly content: string;
  readonly serves: PledgeServes;
  /** The measurable target (全年处置隐患 50 处). */
  readonly target: string;
  readonly dueOn: LocalDate;
}

export interface PledgesService {
  /** PLEDGE_WINDOW_CLOSED outside the year's window; the same idempotency key returns the first pledge. */
  create(actor: ServiceActor, input: PledgeInput & { readonly idempotencyKey: string; readonly year?: number; readonly submit?: boolean }): Promise<{ pledge: PledgeView; created: boolean }>;
  submit(actor: ServiceActor, pledgeId: number): Promise<PledgeView>;
  resubmit(actor: ServiceActor, pledgeId: number, changes?: Partial<PledgeInput>): Promise<PledgeView>;
  withdraw(actor: ServiceActor, pledgeId: number): Promise<PledgeView>;
  approve(actor: ServiceActor, pledgeId: number, comment?: string): Promise<PledgeView>;
  returnPledge(actor: ServiceActor, pledgeId: number, comment: string): Promise<PledgeView>;
  recordProgress(actor: ServiceActor, input: { readonly pledgeId: number; readonly percent: number; readonly text: string; readonly imageKey?: string; readonly idempotencyKey: string }): Promise<ProgressView>;
  /** 评诺: 已践诺 / 部分践诺 / 未践诺, once. */
  markFulfilment(actor: ServiceActor, input: { readonly pledgeId: number; readonly verdict: PledgeVerdict; readonly comment?: string }): Promise<PledgeView>;
  listMine(actor: ServiceActor, year: number): Promise<PledgeView[]>;
  /** Secretary/admin: the branch's pledges; members: only the public ones (the pledge wall, 亮诺). */
  listBranch(actor: ServiceActor, branchId: number, year: number): Promise<PledgeView[]>;
  /** Pending pledges the actor may review, oldest first. */
  listPending(actor: ServiceActor): Promise<PledgeView[]>;
  progress(actor: ServiceActor, pledgeId: number): Promise<ProgressView[]>;
  /**
   * A photo sent right after a progress note (践诺 "optional photo"): attaches to the actor's latest note
   * written in the last `withinMinutes` that has no photo yet; null when there is none.
   */
  attachProgressPhoto(actor: ServiceActor, input: { readonly imageKey: string; readonly withinMinutes: number }): Promise<ProgressView | null>;
}

export function createPledgesService(deps: ServiceDeps & { readonly rules?: RulesService }): PledgesService {
  const { db } = deps;
  const rules = deps.rules ?? createRulesService({ db, clock: deps.clock });

  /** The window of the pledge's year, from the rules in force on today clamped into that year. */
  async function context(actorKind: ReturnType<typeof machineActor>, year: number) {
    const on = today(deps.clock, deps.timeZone);
    const inYear = on < `${year}-01-01` ? `${year}-01-01` : on > `${year}-12-31` ? `${year}-12-31` : on;
    const stored = await rules.forDate(inYear);
    return { actor: actorKind, on, pledgeYear: year, window: stored.definition.pledgeWindow };
  }

  async function load(pledgeId: number): Promise<PledgeRow> {
    const row = await findPledge(db, pledgeId);
    if (!row) throw new DomainError('NOT_FOUND', 'no such pledge', { pledgeId });
    return row;
  }

  function clean(input: PledgeInput, year: number) {
    if (!isLocalDate(input.dueOn) || parseLocalDate(input.dueOn).year !== year) {
      throw new DomainError('INVALID_DATE', `dueOn must be a date in ${year}`, { field: 'dueOn' });
    }
    return { content: requireText(input.content, 'content', 500), serves: input.serves, target: requireText(input.target, 'target', 200), dueOn: toDbDate(input.dueOn) };
  }

  /** Applies a workflow event by compare-and-set and audits reviewer actions. */
  async function move(row: PledgeRow, person: MemberActor, event: PledgeEvent, data: Record<string, unknown>, audit?: string) {
    const next = nextPledgeStatus(toPledgeView(row).status, event, await context(machineActor(person, row.memberId), row.year));
    return transact(db, async (tx) => {
      const updated = await updatePledgeIf(tx, row, { status: storedStatus(next), ...data });
      if (!updated) throw new DomainError('ALREADY_HANDLED', 'this pledge has already been handled', { pledgeId: row.id });
      if (audit) {
        await writeAudit(tx, {
          actorId: person.memberId, action: audit, targetType: 'pledge', targetId: row.id, branchId: row.branchId,
          before: { status: toPledgeView(row).status }, after: { status: toPledgeView(updated).status, ...data }, at: deps.clock.now(),
        });
      }
      return toPledgeView(updated);
    });
  }

  async function reviewed(actor: ServiceActor, pledgeId: number, action: string) {
    const row = await load(pledgeId);
    const subject = await getSubject(db, row.memberId);
    return { row, person: assertReviews(actor, { ...subject, branchId: row.branchId }, action) };
  }

  return {
    async create(actor, input) {
      const person = requirePerson(actor, 'make a pledge');
      const key = requireIdempotencyKey(input.idempotencyKey);
      const year = input.year ?? parseLocalDate(today(deps.clock, deps.timeZone)).year;
      const fields = clean(input, year);
      const submit = input.submit ?? true;
      // The window is checked for drafts too: drafting is 定诺, which happens in the window.
      nextPledgeStatus('draft', { type: 'submit' }, await context('owner', year));
      const now = deps.clock.now();
      const [row] = await db.pledge.createManyAndReturn({
        data: [{ memberId: person.memberId, branchId: person.branchId, year, ...fields, status: submit ? 'PENDING' : 'DRAFT', submittedAt: submit ? now : null, idempotencyKey: key, createdAt: now }],
        skipDuplicates: true,
      });
      const stored = await db.pledge.findUniqueOrThrow({ where: { idempotencyKey: key }, include: withLatestProgress });
      if (stored.memberId !== person.memberId) throw new DomainError('IDEMPOTENCY_CONFLICT', 'this submission key belongs to another pledge');
      return { pledge: toPledgeView(stored), created: row !== undefined };
    },

    async submit(actor, pledgeId) {
      const row = await load(pledgeId);
      const person = assertOwner(actor, row.memberId, 'submit a pledge');
      return move(row, person, { type: 'submit' }, { submittedAt: deps.clock.now() });
    },

    async resubmit(actor, pledgeId, changes = {}) {
      const row = await load(pledgeId);
      const person = assertOwner(actor, row.memberId, 'resubmit a pledge');
      const current = toPledgeView(row);
      const fields = clean({ content: changes.content ?? current.content, serves: changes.serves ?? current.serves, target: changes.target ?? current.target, dueOn: changes.dueOn ?? current.dueOn }, row.year);
      return move(row, person, { type: 'resubmit' }, { ...fields, submittedAt: deps.clock.now(), reviewerId: null, reviewedAt: null, revision: row.revision + 1 });
    },

    async withdraw(actor, pledgeId) {
      const row = await load(pledgeId);
      const person = requirePerson(actor, 'withdraw a pledge');
      // Before approval the owner withdraws; a public pledge only a reviewer may take down.
      if (person.memberId === row.memberId && !isPledgePublic(toPledgeView(row).status)) return move(row, person, { type: 'withdraw' }, {});
      const { person: reviewer } = await reviewed(actor, pledgeId, 'withdraw a pledge');
      return move(row, reviewer, { type: 'withdraw' }, {}, 'pledge.withdraw');
    },

    async approve(actor, pledgeId, comment) {
      const { row, person } = await reviewed(actor, pledgeId, 'approve a pledge');
      return move(row, person, { type: 'approve' }, { reviewerId: person.memberId, reviewedAt: deps.clock.now(), reviewComment: comment?.trim() || null }, 'pledge.approve');
    },

    async returnPledge(actor, pledgeId, comment) {
      const { row, person } = await reviewed(actor, pledgeId, 'return a pledge');
      return move(row, person, { type: 'return', comment }, { reviewerId: person.memberId, reviewedAt: deps.clock.now(), reviewComment: comment.trim() }, 'pledge.return');
    },

    async recordProgress(actor, input) {
      const row = await load(input.pledgeId);
      const person = assertOwner(actor, row.memberId, 'record pledge progress');
      const key = requireIdempotencyKey(input.idempotencyKey);
      nextPledgeStatus(toPledgeView(row).status, { type: 'recordProgress', percent: input.percent }, await context(machineActor(person, row.memberId), row.year));
      const text = requireText(input.text, 'text', 500);
      await db.pledgeProgress.createMany({
        data: [{ pledgeId: row.id, percent: input.percent, text, imageKey: input.imageKey ?? null, idempotencyKey: key, createdAt: deps.clock.now() }],
        skipDuplicates: true,
      });
      const stored = await db.pledgeProgress.findUniqueOrThrow({ where: { idempotencyKey: key } });
      if (stored.pledgeId !== row.id) throw new DomainError('IDEMPOTENCY_CONFLICT', 'this submission key belongs to another progress note');
      return { id: stored.id, percent: stored.percent, text: stored.text, imageKey: stored.imageKey, createdAt: stored.createdAt };
    },

    async markFulfilment(actor, input) {
      const { row, person } = await reviewed(actor, input.pledgeId, 'evaluate a pledge');
      return move(row, person, { type: 'evaluate', verdict: input.verdict }, {
        fulfilment: toVerdictColumn(input.verdict), evaluatorId: person.memberId, evaluatedAt: deps.clock.now(), evaluationComment: input.comment?.trim() || null,
      }, 'pledge.evaluate');
    },

    async listMine(actor, year) {
      const person = requirePerson(actor, 'list pledges');
      return (await listPledges(db, { memberId: person.memberId, year }, 200)).map(toPledgeView);
    },

    async listBranch(actor, branchId, year) {
      assertReadsBranch(actor, branchId, 'list branch pledges');
      const rows = (await listPledges(db, { branchId, year }, 2000)).map(toPledgeView);
      const manages = actor.role === 'SYSTEM' || actor.role === 'ADMIN' || actor.role === 'SECRETARY';
      return manages ? rows : rows.filter((p) => isPledgePublic(p.status));
    },

    async listPending(actor) {
      const person = requirePerson(actor, 'list pending pledges');
      if (person.role === 'MEMBER') throw new DomainError('ACTOR_NOT_ALLOWED', 'may not list pending pledges', { role: person.role });
      const where = person.role === 'ADMIN'
        ? { status: 'PENDING' as const, memberId: { not: person.memberId } }
        : { status: 'PENDING' as const, branchId: person.branchId, memberId: { not: person.memberId }, member: { role: 'MEMBER' as const } };
      return (await listPledges(db, where, 200)).map(toPledgeView);
    },

    async progress(actor, pledgeId) {
      const row = await load(pledgeId);
      const view = toPledgeView(row);
      // A public pledge's progress is visible to its branch (亮诺); otherwise it is the member's own record.
      const onWall = isPledgePublic(view.status) && isMemberActor(actor) && actor.branchId === row.branchId;
      if (!onWall) assertReadsMember(actor, { memberId: row.memberId, branchId: row.branchId }, 'read pledge progress');
      return (await progressOf(db, pledgeId)).map((p) => ({ id: p.id, percent: p.percent, text: p.text, imageKey: p.imageKey, createdAt: p.createdAt }));
    },

    async attachProgressPhoto(actor, input) {
      const person = requirePerson(actor, 'attach a progress photo');
      const imageKey = requireText(input.imageKey, 'imageKey', 300);
      const since = new Date(deps.clock.now().getTime() - input.withinMinutes * 60_000);
      const latest = await db.pledgeProgress.findFirst({ where: { pledge: { memberId: person.memberId }, createdAt: { gte: since } }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] });
      if (!latest || (latest.imageKey !== null && latest.imageKey !== imageKey)) return null;
      // Compare-and-set: a second photo never replaces the first.
      await db.pledgeProgress.updateMany({ where: { id: latest.id, imageKey: null }, data: { imageKey } });
      const stored = await db.pledgeProgress.findUniqueOrThrow({ where: { id: latest.id } });
      if (stored.imageKey !== imageKey) return null;
      return { id: stored.id, percent: stored.percent, text: stored.text, imageKey: stored.imageKey, createdAt: stored.createdAt };
    },
  };
}
