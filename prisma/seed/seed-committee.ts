// The party committee row every branch hangs off. Created once, never overwritten: an admin may rename it.
import type { SeedDb } from './seed-db.js';

export const DEFAULT_COMMITTEE = { code: 'COMMITTEE', name: '油田作业区党委' } as const;

export async function ensureCommittee(db: SeedDb): Promise<{ id: number; created: boolean }> {
  const existing = await db.committee.findUnique({ where: { code: DEFAULT_COMMITTEE.code }, select: { id: true } });
  if (existing) return { id: existing.id, created: false };
  const created = await db.committee.upsert({
    where: { code: DEFAULT_COMMITTEE.code },
    create: { ...DEFAULT_COMMITTEE },
    update: {},
    select: { id: true },
  });
  return { id: created.id, created: true };
}
