import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultPaths, migrateDatabase, pendingSchemaChanges } from '../../../src/db/migrations.js';
import { dropDatabase, withAdmin } from '../../helpers/databases.js';
import { PG_ADMIN_URL, databaseUrl } from '../../helpers/test-env.js';

const scratch = `vg_t_${Math.floor(Date.now() / 1000)}_migr${process.pid}`;
afterAll(() => dropDatabase(scratch));

async function tableNames(url: string): Promise<string[]> {
  const pg = await import('pg');
  const client = new pg.default.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ t: string }>(
      `SELECT table_schema || '.' || table_name AS t FROM information_schema.tables
        WHERE table_schema IN ('public', 'bullmq') AND table_type = 'BASE TABLE' ORDER BY 1`,
    );
    return rows.map((r) => r.t);
  } finally {
    await client.end();
  }
}

describe('db:migrate on the WebAssembly schema engine', () => {
  it('creates every table on an empty database, then applies nothing on a second run', async () => {
    await withAdmin((admin) => admin.query(`CREATE DATABASE "${scratch}"`));
    const url = databaseUrl(scratch);
    const first = await migrateDatabase(url);
    expect(first.applied.length).toBeGreaterThan(0);

    const schema = await readFile(defaultPaths.schemaPath, 'utf8');
    const tables = await tableNames(url);
    const models = [...schema.matchAll(/^model \w+ \{[\s\S]*?^\}/gm)].map((m) => m[0]);
    expect(models.length).toBeGreaterThan(20);
    for (const model of models) {
      const mapped = /@@map\("([a-z_]+)"\)/.exec(model)?.[1];
      expect(mapped, model.split('\n')[0]).toBeDefined();
      expect(tables).toContain(`public.${mapped}`);
    }
    expect(tables).toContain('public._prisma_migrations');
    expect(tables).toContain('bullmq.job');

    const second = await migrateDatabase(url);
    expect(second.applied).toEqual([]);
  });
});

describe('drift between schema.prisma and the migrations', () => {
  it('finds none in the repository', async () => {
    expect(await pendingSchemaChanges(PG_ADMIN_URL)).toBe('');
  });

  it('is detected when a field is added without a migration', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'vg-drift-'));
    try {
      await cp(defaultPaths.migrationsDir, join(dir, 'migrations'), { recursive: true });
      const schema = await readFile(defaultPaths.schemaPath, 'utf8');
      const firstModel = /model (\w+) \{\n/.exec(schema);
      expect(firstModel).not.toBeNull();
      const drifted = schema.replace(firstModel![0], `${firstModel![0]}  driftProbe Int?\n`);
      await writeFile(join(dir, 'schema.prisma'), drifted);
      const sql = await pendingSchemaChanges(PG_ADMIN_URL, { schemaPath: join(dir, 'schema.prisma'), migrationsDir: join(dir, 'migrations') });
      expect(sql).toMatch(/ADD COLUMN\s+"drift_probe"|ADD COLUMN\s+"driftProbe"/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('raw SQL invariants', () => {
  it('ship in the migrations, byte for byte', async () => {
    const { readdir } = await import('node:fs/promises');
    const sqlDir = join(defaultPaths.migrationsDir, '..', 'sql');
    const migrations = await Promise.all(
      (await readdir(defaultPaths.migrationsDir, { withFileTypes: true }))
        .filter((e) => e.isDirectory())
        .map((e) => readFile(join(defaultPaths.migrationsDir, e.name, 'migration.sql'), 'utf8')),
    );
    const files = (await readdir(sqlDir)).filter((f) => f.endsWith('.sql'));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const content = (await readFile(join(sqlDir, file), 'utf8')).trim();
      expect(migrations.some((m) => m.includes(content)), `${file} is not in any migration`).toBe(true);
    }
  });
});
