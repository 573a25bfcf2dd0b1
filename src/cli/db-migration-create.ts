// `npm run db:migration:create -- <name>`: writes the next migration from prisma/schema.prisma.
// Needs a PostgreSQL it may create a temporary shadow database on (DATABASE_URL).
import { createMigration } from '../db/migrations.js';
import { requireDatabaseUrl, runCli } from './cli-support.js';

await runCli(async () => {
  const name = process.argv[2];
  if (!name) throw new Error('usage: npm run db:migration:create -- <name>');
  const folder = await createMigration(requireDatabaseUrl(), name);
  console.log(folder ? `Wrote ${folder}/migration.sql` : 'schema.prisma and the migrations agree: nothing to write.');
});
