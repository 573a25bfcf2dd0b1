// Everything command and card-action handlers may use, handed in by the pipeline. Handlers
// depend on this narrow surface, not on Prisma or Fastify, so they are tested with fakes of it.
import type { MemberDirectory } from './actor.js';
import type { Db } from '../db/prisma.js';

export interface BotServices {
  directory: MemberDirectory;
  /** The database, for domain services that need it. */
  db: Db;
  timeZone: string;
  now(): Date;
}
