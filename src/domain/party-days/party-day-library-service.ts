// The 精品主题党日 library over the database: browsing series and plans (any member), and an admin adding
// a series or a plan. Additions are keyed by the form's idempotency key, so a double submit adds one.
import { createHash } from 'node:crypto';
import { assertAdmin, requirePerson, type ServiceActor } from '../access/actor.js';
import { writeAudit } from '../audit/audit-repository.js';
import { DomainError } from '../errors.js';
import { requireIdempotencyKey, requireText } from '../shared/input.js';
import { transact, type ServiceDeps } from '../shared/db.js';
import { PARTY_DAY_CATEGORIES, type PartyDayCategoryCode } from './party-day-library.js';

export interface SeriesSummary {
  readonly id: number;
  readonly name: string;
  readonly category: PartyDayCategoryCode;
  readonly description: string | null;
  readonly planCount: number;
}

export interface PlanSummary {
  readonly id: number;
  readonly seriesId: number;
  readonly title: string;
  readonly theme: string;
}

export interface PlanDetail extends PlanSummary {
  readonly seriesName: string;
  readonly goals: readonly string[];
  readonly steps: readonly string[];
  readonly materials: readonly string[];
  readonly durationMinutes: number | null;
}

export interface Page<T> {
  readonly items: readonly T[];
  readonly total: number;
}

export interface PartyDayLibraryService {
  listSeries(actor: ServiceActor, page: { offset: number; limit: number }): Promise<Page<SeriesSummary>>;
  listPlans(actor: ServiceActor, seriesId: number, page: { offset: number; limit: number }): Promise<{ series: SeriesSummary } & Page<PlanSummary>>;
  plan(actor: ServiceActor, planId: number): Promise<PlanDetail>;
  addSeries(actor: ServiceActor, input: { name: string; category: PartyDayCategoryCode; description: string; idempotencyKey: string }): Promise<{ series: SeriesSummary; created: boolean }>;
  addPlan(
    actor: ServiceActor,
    input: { seriesId: number; title: string; theme: string; goals: string[]; steps: string[]; materials: string[]; idempotencyKey: string },
  ): Promise<{ plan: PlanDetail; created: boolean }>;
}

/** A stable code for an admin-added row, from the submission key (the seed owns the readable codes). */
const codeFor = (prefix: string, key: string) => `${prefix}-${createHash('sha256').update(key).digest('hex').slice(0, 12)}`;

export function createPartyDayLibraryService(deps: ServiceDeps): PartyDayLibraryService {
  const { db } = deps;

  async function seriesSummary(id: number): Promise<SeriesSummary> {
    const row = await db.partyDaySeries.findUnique({ where: { id }, include: { _count: { select: { plans: true } } } });
    if (!row) throw new DomainError('NOT_FOUND', 'no such party-day series', { seriesId: id });
    return { id: row.id, name: row.name, category: row.category, description: row.description, planCount: row._count.plans };
  }

  async function planDetail(id: number): Promise<PlanDetail> {
    const row = await db.partyDayPlan.findUnique({ where: { id }, include: { series: { select: { name: true } } } });
    if (!row) throw new DomainError('NOT_FOUND', 'no such party-day plan', { planId: id });
    return {
      id: row.id, seriesId: row.seriesId, title: row.title, theme: row.theme, seriesName: row.series.name,
      goals: row.goals, steps: row.steps, materials: row.materials, durationMinutes: row.durationMinutes,
    };
  }

  return {
    async listSeries(actor, page) {
      requirePerson(actor, 'browse the party-day library');
      const [rows, total] = await Promise.all([
        db.partyDaySeries.findMany({
          orderBy: [{ category: 'asc' }, { sortOrder: 'asc' }, { id: 'asc' }], skip: page.offset, take: page.limit,
          include: { _count: { select: { plans: true } } },
        }),
        db.partyDaySeries.count(),
      ]);
      const items = rows.map((r) => ({ id: r.id, name: r.name, category: r.category, description: r.description, planCount: r._count.plans }));
      return { items, total };
    },

    async listPlans(actor, seriesId, page) {
      requirePerson(actor, 'browse the party-day library');
      const series = await seriesSummary(seriesId);
      const rows = await db.partyDayPlan.findMany({
        where: { seriesId }, orderBy: [{ sortOrder: 'asc' }, { id: 'asc' }], skip: page.offset, take: page.limit,
        select: { id: true, seriesId: true, title: true, theme: true },
      });
      return { series, items: rows, total: series.planCount };
    },

    async plan(actor, planId) {
      requirePerson(actor, 'browse the party-day library');
      return planDetail(planId);
    },

    async addSeries(actor, input) {
      const admin = assertAdmin(actor, 'add a party-day series');
      const code = codeFor('S', requireIdempotencyKey(input.idempotencyKey));
      const name = requireText(input.name, 'name', 40);
      const description = input.description.trim() === '' ? null : requireText(input.description, 'description', 500);
      if (!(input.category in PARTY_DAY_CATEGORIES)) throw new DomainError('INVALID_INPUT', 'unknown category', { field: 'category' });
      return transact(db, async (tx) => {
        const existing = await tx.partyDaySeries.findUnique({ where: { code } });
        if (existing) return { series: await seriesSummary(existing.id), created: false };
        if (await tx.partyDaySeries.findUnique({ where: { name } })) throw new DomainError('INVALID_INPUT', 'a series of that name exists', { field: 'name' });
        const now = deps.clock.now();
        const row = await tx.partyDaySeries.create({ data: { code, name, category: input.category, description, sortOrder: 1000, createdById: admin.memberId, createdAt: now } });
        await writeAudit(tx, { actorId: admin.memberId, action: 'party-day.series.create', targetType: 'party_day_series', targetId: row.id, branchId: null, after: { name, category: input.category }, at: now });
        return { series: { id: row.id, name, category: row.category, description, planCount: 0 }, created: true };
      });
    },

    async addPlan(actor, input) {
      const admin = assertAdmin(actor, 'add a party-day plan');
      const code = codeFor('P', requireIdempotencyKey(input.idempotencyKey));
      const title = requireText(input.title, 'title', 60);
      const theme = requireText(input.theme, 'theme', 200);
      const lists = [input.goals, input.steps, input.materials].map((l) => l.map((line) => requireText(line, 'line', 200)));
      await seriesSummary(input.seriesId);
      return transact(db, async (tx) => {
        const existing = await tx.partyDayPlan.findUnique({ where: { code } });
        if (existing) return { plan: await planDetail(existing.id), created: false };
        const now = deps.clock.now();
        const row = await tx.partyDayPlan.create({
          data: { seriesId: input.seriesId, code, title, theme, goals: lists[0]!, steps: lists[1]!, materials: lists[2]!, sortOrder: 1000, createdById: admin.memberId, createdAt: now },
        });
        await writeAudit(tx, { actorId: admin.memberId, action: 'party-day.plan.create', targetType: 'party_day_plan', targetId: row.id, branchId: null, after: { seriesId: input.seriesId, title }, at: now });
        return { plan: { id: row.id, seriesId: row.seriesId, title, theme, seriesName: '', goals: row.goals, steps: row.steps, materials: row.materials, durationMinutes: null }, created: true };
      });
    },
  };
}
