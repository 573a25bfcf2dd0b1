// Runs once per `vitest run`: prepares a template database migrated exactly as production
// is (Prisma migrations + BullMQ's schema), named after a hash of the migrations so a
// changed migration gets a fresh template. Per-file databases are cloned from it.
import 'vitest';
import type { TestProject } from 'vitest/node';
import { createTemplateDatabase, dropStaleTestDatabases } from './databases.js';

export default async function setup(project: TestProject): Promise<void> {
  await dropStaleTestDatabases();
  const template = await createTemplateDatabase();
  project.provide('templateDatabase', template);
}

declare module 'vitest' {
  export interface ProvidedContext {
    templateDatabase: string;
  }
}
