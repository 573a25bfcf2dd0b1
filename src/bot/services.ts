// Everything command and card-action handlers may use, built in one place by the pipeline.
// Handlers depend on this surface, not on Fastify or the queues.
import type { Db } from '../db/prisma.js';
import { createDomainServices, type DomainServices } from '../domain/services.js';
import type { DbClient } from '../domain/shared/db.js';
import type { QueueBackend } from '../jobs/queue-backend.js';
import type { MemberDirectory } from './actor.js';
import { createBotJobs, type BotJobs } from './bot-jobs.js';
import { prismaMemberDirectory } from './member-directory.js';

export interface BotServices {
  directory: MemberDirectory;
  /**
   * The database — inside the inbound worker, the transaction that also marks the event handled
   * and records the replies, so an event's effects and its replies commit together, once.
   */
  db: DbClient;
  /** Domain services over `db`: permissions, audit and business keys live there. */
  domain: DomainServices;
  /** Work that must not run inside a handler (Feishu downloads): queued, with ids from business keys. */
  jobs: BotJobs;
  timeZone: string;
  now(): Date;
}

export interface BotServicesOptions {
  db: DbClient;
  timeZone: string;
  now?: () => Date;
  /** The queues handlers may add jobs to; without them (unit tests) adding a job throws. */
  queues?: QueueBackend;
}

export function createBotServices(options: BotServicesOptions): BotServices {
  const now = options.now ?? (() => new Date());
  return {
    directory: prismaMemberDirectory(options.db as Db),
    db: options.db,
    domain: createDomainServices({ db: options.db, clock: { now }, timeZone: options.timeZone }),
    jobs: createBotJobs(options.queues),
    timeZone: options.timeZone,
    now,
  };
}
