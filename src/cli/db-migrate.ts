// `npm run db:migrate`: applies pending migrations (Prisma's and BullMQ's) to DATABASE_URL.
import { migrateDatabase } from '../db/migrations.js';
import { requireDatabaseUrl, runCli } from './cli-support.js';

await runCli(async () => {
  const url = requireDatabaseUrl();
  const { applied } = await migrateDatabase(url);
  console.log(applied.length === 0 ? 'Database is up to date: no migration applied.' : `Applied ${applied.length} migration(s):\n${applied.map((m) => `  ${m}`).join('\n')}`);
});
