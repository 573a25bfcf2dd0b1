// What services and repositories share about the database: the client type, transactions, and the
// conversions between columns (DATE, numeric) and the pure domain's values (local dates, hundredths).
//
// Why a `transact` helper: a service opens its own transaction when handed the client, and joins the
// caller's when handed a transaction client, so the pipeline can write its dedupe row and the effect
// in one transaction (style.md §7) without the service knowing.
import type { Prisma, PrismaClient } from '../../generated/prisma/client.js';
import { formatPoints, parsePoints, type Hundredths } from '../points.js';
import type { LocalDate } from '../periods/local-date.js';

export type Tx = Prisma.TransactionClient;
/** The client or a transaction client: repositories accept either. */
export type DbClient = PrismaClient | Tx;

/** Injected time: services never read the system clock themselves, so tests fix "now". */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** What every service factory takes. */
export interface ServiceDeps {
  readonly db: DbClient;
  readonly clock: Clock;
  /** TZ_PARTY: the zone of activity dates and periods (Asia/Shanghai). */
  readonly timeZone: string;
}

/**
 * Interactive transaction options. Approvals of one member queue on a row lock (see
 * ledger-repository.ts `lockMember`), so a burst of them can wait longer than Prisma's 2 s default
 * for a connection; waiting is correct there, failing is not.
 */
const TRANSACTION_OPTIONS = { maxWait: 30_000, timeout: 30_000 } as const;

function isRootClient(db: DbClient): db is PrismaClient {
  return typeof (db as Partial<PrismaClient>).$transaction === 'function';
}

/** Runs `work` in a new transaction, or in the caller's when `db` already is one. */
export function transact<T>(db: DbClient, work: (tx: Tx) => Promise<T>): Promise<T> {
  // A fresh options object each time: Prisma 7 writes `newTxId` into the options of a nested $transaction
  // (an interactive-transaction client also has $transaction), and a shared object would hand that closed
  // transaction's id to the next top-level transaction ("A start cannot be executed on a committed transaction").
  return isRootClient(db) ? db.$transaction(work, { ...TRANSACTION_OPTIONS }) : work(db);
}

/** A local date as a DATE column value: midnight UTC of that day (Prisma's convention for @db.Date). */
export function toDbDate(date: LocalDate): Date {
  return new Date(`${date}T00:00:00.000Z`);
}

export function fromDbDate(value: Date): LocalDate {
  return value.toISOString().slice(0, 10);
}

/** A numeric(…,2) column as exact hundredths. */
export function toHundredthsFromDb(value: Prisma.Decimal): Hundredths {
  return parsePoints(value.toFixed(2));
}

/** Hundredths as numeric text for a numeric(…,2) column. */
export function toDbPoints(value: Hundredths): string {
  return formatPoints(value);
}

/** A quantity column (numeric(12,2)) as a JS number; quantities are not summed as money, only priced. */
export function toQuantity(value: Prisma.Decimal): number {
  return Number(value.toFixed(2));
}

/** Plain JSON for audit `before`/`after` and cap notes (no Dates, no Decimals). */
export function toJson(value: unknown): Prisma.InputJsonValue {
  return JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue;
}
