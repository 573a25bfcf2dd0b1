// Prisma CLI configuration. The URL is only needed by CLI commands that touch a database;
// `prisma generate` must work without one, so a placeholder stands in when it is unset.
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://localhost:5432/vanguard' },
});
