// `npm run db:seed -- --demo`: the demo organisation and a year of activity, on top of the base seed. A marker
// setting records what was loaded; with it present the demo is not loaded again (drop the database to reload).
import type { Prisma, PrismaClient } from '../../src/generated/prisma/client.js';
import { buildDefaultRules } from '../../src/domain/rules/default-rules.js';
import type { RulesDefinition } from '../../src/domain/rules/rules-schema.js';
import { planDemo } from '../../src/demo/generate-demo.js';
import { writeDemo, type DemoProgress, type DemoWriteReport } from '../../src/demo/write-demo.js';
import { ensureCommittee } from './seed-committee.js';
import { ensureRulesVersion } from './seed-rules.js';

export const DEMO_MARKER_KEY = 'demo.dataset';

export interface DemoMarker {
  readonly seed: number;
  readonly scale: number;
  readonly asOf: string;
  readonly loadedAt: string;
}

export interface DemoSeedOptions {
  readonly seed: number;
  readonly scale: number;
  /** Last day of the generated year, `YYYY-MM-DD` in the party's zone. */
  readonly asOf: string;
  readonly rulesFor?: (year: number) => RulesDefinition;
  readonly onProgress?: (progress: DemoProgress) => void;
}

export type DemoSeedResult =
  | { readonly skipped: true; readonly marker: DemoMarker }
  | { readonly skipped: false; readonly marker: DemoMarker; readonly report: DemoWriteReport };

export async function seedDemo(db: PrismaClient, options: DemoSeedOptions): Promise<DemoSeedResult> {
  const existing = await db.setting.findUnique({ where: { key: DEMO_MARKER_KEY } });
  if (existing) return { skipped: true, marker: existing.value as unknown as DemoMarker };

  const rulesFor = options.rulesFor ?? buildDefaultRules;
  const plan = planDemo({ seed: options.seed, scale: options.scale, asOf: options.asOf, rulesFor });
  const committee = await ensureCommittee(db);
  const rulesVersionIds = new Map<number, number>();
  for (const year of plan.years) rulesVersionIds.set(year, (await ensureRulesVersion(db, rulesFor(year))).id);

  const report = await writeDemo({ db, committeeId: committee.id, rulesVersionIds }, plan, options.onProgress);
  const marker: DemoMarker = { seed: options.seed, scale: options.scale, asOf: options.asOf, loadedAt: new Date().toISOString() };
  await db.setting.upsert({
    where: { key: DEMO_MARKER_KEY },
    create: { key: DEMO_MARKER_KEY, value: marker as unknown as Prisma.InputJsonValue },
    update: {},
  });
  return { skipped: false, marker, report };
}
