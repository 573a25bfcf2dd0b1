// Creates and drops the databases the integration tests run on.
import { createHash, randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import pg from 'pg';
import { defaultPaths, loadMigrationList, migrateDatabase } from '../../src/db/migrations.js';
import { PG_ADMIN_URL, databaseUrl } from './test-env.js';

const TEST_DB_PREFIX = 'vg_t_';
const STALE_AFTER_SECONDS = 3 * 3600;

export async function withAdmin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

async function migrationsHash(): Promise<string> {
  const list = await loadMigrationList(defaultPaths.migrationsDir);
  const hash = createHash('sha256');
  for (const dir of list.migrationDirectories) {
    hash.update(dir.path);
    if (dir.migrationFile.content.tag === 'ok') hash.update(dir.migrationFile.content.value);
  }
  hash.update(await readFile(defaultPaths.schemaPath));
  return hash.digest('hex').slice(0, 16);
}

/** Returns the name of a migrated template database, creating it when missing. */
export async function createTemplateDatabase(): Promise<string> {
  const name = `vg_template_${await migrationsHash()}`;
  // An advisory lock keeps concurrent test runs from building the same template twice.
  return withAdmin(async (admin) => {
    await admin.query('SELECT pg_advisory_lock(hashtext($1))', [name]);
    try {
      const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
      if (exists.rowCount === 0) {
        const building = `${name}_build`;
        await admin.query(`DROP DATABASE IF EXISTS "${building}" WITH (FORCE)`);
        await admin.query(`CREATE DATABASE "${building}"`);
        await migrateDatabase(databaseUrl(building));
        await admin.query(`ALTER DATABASE "${building}" RENAME TO "${name}"`);
      }
      return name;
    } finally {
      await admin.query('SELECT pg_advisory_unlock(hashtext($1))', [name]);
    }
  });
}

/** Clones the template into a fresh database for one test file. */
export async function createTestDatabase(template: string): Promise<{ name: string; url: string }> {
  const stamp = Math.floor(Date.now() / 1000);
  const name = `${TEST_DB_PREFIX}${stamp}_${randomBytes(4).toString('hex')}`;
  // PostgreSQL refuses to copy a template another clone is copying; files clone one at a time under a lock.
  await withAdmin(async (admin) => {
    await admin.query('SELECT pg_advisory_lock(hashtext($1))', [`clone:${template}`]);
    try {
      await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
    } finally {
      await admin.query('SELECT pg_advisory_unlock(hashtext($1))', [`clone:${template}`]);
    }
  });
  return { name, url: databaseUrl(name) };
}

export async function dropDatabase(name: string): Promise<void> {
  await withAdmin((admin) => admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}

/** Removes databases left behind by test runs that were killed. */
export async function dropStaleTestDatabases(): Promise<void> {
  const cutoff = Math.floor(Date.now() / 1000) - STALE_AFTER_SECONDS;
  await withAdmin(async (admin) => {
    const { rows } = await admin.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname LIKE '${TEST_DB_PREFIX}%'`,
    );
    for (const { datname } of rows) {
      const stamp = Number(datname.slice(TEST_DB_PREFIX.length).split('_')[0]);
      if (Number.isFinite(stamp) && stamp < cutoff) {
        await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
      }
    }
  });
}
