// Prepares the scratch database a bench runs on: `vg_bench_<scale>` on the local PostgreSQL (or
// BENCH_DATABASE_URL), migrated like production and loaded with the deterministic demo data.
//
// Why reuse: loading ×10 data takes a while and the generator is deterministic, so a database whose demo
// marker names the same seed, scale and date is reused; `--fresh` drops and rebuilds it.
import pg from 'pg';
import { migrateDatabase } from '../src/db/migrations.js';
import { createPrisma, type Db } from '../src/db/prisma.js';
import { seedDatabase } from '../prisma/seed/seed-database.js';
import { DEMO_MARKER_KEY, seedDemo, type DemoMarker } from '../prisma/seed/seed-demo.js';

export interface BenchDatabase {
  readonly url: string;
  readonly db: Db;
  /** What was done to get here, for the report. */
  readonly prepared: 'reused' | 'loaded';
  readonly loadSeconds: number;
}

export interface BenchDataset {
  readonly scale: number;
  readonly seed: number;
  /** The demo's last day: fixed, so every run benches the same data. */
  readonly asOf: string;
}

const ADMIN_URL = process.env.BENCH_PG_ADMIN_URL ?? process.env.TEST_PG_ADMIN_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

function urlFor(name: string): string {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Creates (or with `fresh`, recreates) the scratch database; BENCH_DATABASE_URL is used as given. */
async function scratchUrl(scale: number, fresh: boolean): Promise<string> {
  if (process.env.BENCH_DATABASE_URL) return process.env.BENCH_DATABASE_URL;
  const name = `vg_bench_${scale}`;
  await admin(async (client) => {
    if (fresh) await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${name}"`);
  });
  return urlFor(name);
}

function sameDataset(marker: DemoMarker, dataset: BenchDataset): boolean {
  return marker.scale === dataset.scale && marker.seed === dataset.seed && marker.asOf === dataset.asOf;
}

export async function prepareBenchDatabase(dataset: BenchDataset, options: { fresh: boolean; log: (line: string) => void }): Promise<BenchDatabase> {
  const url = await scratchUrl(dataset.scale, options.fresh);
  await migrateDatabase(url);
  const db = createPrisma(url, { poolSize: 4 });
  const marker = await db.setting.findUnique({ where: { key: DEMO_MARKER_KEY } });
  if (marker) {
    if (!sameDataset(marker.value as unknown as DemoMarker, dataset)) {
      await db.$disconnect();
      throw new Error(`${url.replace(/\/\/[^@]*@/, '//')} holds other demo data; run with --fresh to rebuild it`);
    }
    return { url, db, prepared: 'reused', loadSeconds: 0 };
  }
  const started = performance.now();
  await seedDatabase(db, { year: Number(dataset.asOf.slice(0, 4)) });
  let shown = -1;
  await seedDemo(db, {
    ...dataset,
    onProgress: (p) => {
      const tenth = Math.floor((p.done / p.total) * 10);
      if (tenth !== shown) options.log(`  ×${dataset.scale} demo data: ${p.done}/${p.total} branches, ${p.rows} rows`);
      shown = tenth;
    },
  });
  // Fresh statistics, so the planner sees the loaded tables as they are.
  await db.$executeRawUnsafe('ANALYZE');
  return { url, db, prepared: 'loaded', loadSeconds: (performance.now() - started) / 1000 };
}
