// `npm run db:seed [-- --demo [--scale 10] [--seed 7] [--as-of 2026-11-28]]`: loads the rules, settings and
// party-day library (idempotent), and with --demo a deterministic demo dataset, with a progress bar at scale.
import { parseArgs } from 'node:util';
import { SingleBar, Presets } from 'cli-progress';
import { createPrisma } from '../db/prisma.js';
import { todayIn } from '../demo/demo-dates.js';
import { seedDatabase } from '../../prisma/seed/seed-database.js';
import { seedDemo } from '../../prisma/seed/seed-demo.js';
import type { DemoProgress } from '../demo/write-demo.js';
import { requireDatabaseUrl, runCli } from './cli-support.js';

function positiveInt(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a whole number, got "${value}"`);
  return n;
}

/** A bar on a terminal; in a log (CI, the sandbox) a line every tenth of the way instead. */
function progressReporter(enabled: boolean): { update(p: DemoProgress): void; stop(): void } {
  if (!enabled) return { update: () => {}, stop: () => {} };
  if (!process.stdout.isTTY) {
    let shown = -1;
    return {
      update: (p) => {
        const tenth = Math.floor((p.done / p.total) * 10);
        if (tenth === shown) return;
        shown = tenth;
        console.log(`demo data: ${p.done}/${p.total} branches, ${p.rows} rows`);
      },
      stop: () => {},
    };
  }
  const bar = new SingleBar({ format: 'demo data |{bar}| {value}/{total} branches · {rows} rows · {eta_formatted} left', hideCursor: true }, Presets.shades_classic);
  let started = false;
  return {
    update: (p) => {
      if (!started) {
        bar.start(p.total, p.done, { rows: p.rows });
        started = true;
      }
      bar.update(p.done, { rows: p.rows });
    },
    stop: () => started && bar.stop(),
  };
}

await runCli(async () => {
  const { values } = parseArgs({
    options: { demo: { type: 'boolean', default: false }, scale: { type: 'string' }, seed: { type: 'string' }, 'as-of': { type: 'string' } },
    strict: true,
  });
  const timeZone = process.env.TZ_PARTY ?? 'Asia/Shanghai';
  const asOf = values['as-of'] ?? todayIn(timeZone);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf)) throw new Error(`--as-of must be YYYY-MM-DD, got "${asOf}"`);
  const db = createPrisma(requireDatabaseUrl());
  try {
    const started = performance.now();
    const base = await seedDatabase(db, { year: Number(todayIn(timeZone).slice(0, 4)) });
    console.log(
      `Seed: rules ${base.rulesVersion.year} v${base.rulesVersion.version} ${base.rulesVersion.created ? 'loaded' : 'already present'}; ` +
        `${base.settingsCreated} setting(s), ${base.seriesCreated} party-day series and ${base.plansCreated} plan(s) added.`,
    );
    if (!values.demo) return;
    const scale = Math.max(1, positiveInt(values.scale, 'scale', 1));
    const seed = positiveInt(values.seed, 'seed', 1);
    const progress = progressReporter(scale > 1);
    const result = await seedDemo(db, { seed, scale, asOf, onProgress: (p) => progress.update(p) }).finally(() => progress.stop());
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    if (result.skipped) {
      const m = result.marker;
      console.log(`Demo data already loaded (seed ${m.seed}, scale ${m.scale}, as of ${m.asOf}); drop the database to load another.`);
      return;
    }
    const r = result.report;
    console.log(`Demo: ${r.branches} branches, ${r.members} members, ${r.activityRows} activity rows (seed ${seed}, scale ${scale}, as of ${asOf}) in ${seconds}s.`);
  } finally {
    await db.$disconnect();
  }
});
