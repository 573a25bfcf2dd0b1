// Everything command and card-action handlers may use, built in one place by the pipeline.
// Handlers depend on this surface, not on Fastify or the queues.
import type { Db } from '../db/prisma.js';
import { createDomainServices, type DomainServices } from '../domain/services.js';
import type { DbClient } from '../domain/shared/db.js';
import type { MemberDirectory } from './actor.js';
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
  timeZone: string;
  now(): Date;
}

export interface BotServicesOptions {
  db: DbClient;
  timeZone: string;
  now?: () => Date;
}

export function createBotServices(options: BotServicesOptions): BotServices {
  const now = options.now ?? (() => new Date());
  return {
    directory: prismaMemberDirectory(options.db as Db),
    db: options.db,
    domain: createDomainServices({ db: options.db, clock: { now }, timeZone: options.timeZone }),
    timeZone: options.timeZone,
    now,
  };
}
