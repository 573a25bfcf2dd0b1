// Loads the themed party-day library (series and plans) by natural code. Existing rows are kept as they are,
// because admins adapt the library; a new seed only adds what is missing.
import { PARTY_DAY_LIBRARY, type PartyDaySeriesSeed } from '../../src/domain/party-days/party-day-library.js';
import type { SeedDb } from './seed-db.js';

export async function ensurePartyDayLibrary(
  db: SeedDb,
  library: readonly PartyDaySeriesSeed[] = PARTY_DAY_LIBRARY,
): Promise<{ seriesCreated: number; plansCreated: number }> {
  const series = await db.partyDaySeries.createMany({
    data: library.map((s, i) => ({ code: s.code, name: s.name, category: s.category, description: s.description, sortOrder: i + 1 })),
    skipDuplicates: true,
  });
  const rows = await db.partyDaySeries.findMany({
    where: { code: { in: library.map((s) => s.code) } },
    select: { id: true, code: true },
  });
  const seriesIds = new Map(rows.map((r) => [r.code, r.id]));
  const plans = await db.partyDayPlan.createMany({
    data: library.flatMap((s) =>
      s.plans.map((p, i) => ({
        seriesId: seriesIds.get(s.code) as number,
        code: p.code,
        title: p.title,
        theme: p.theme,
        goals: [...p.goals],
        steps: [...p.steps],
        materials: [...p.materials],
        durationMinutes: p.durationMinutes,
        sortOrder: i + 1,
      })),
    ),
    skipDuplicates: true,
  });
  return { seriesCreated: series.count, plansCreated: plans.count };
}
