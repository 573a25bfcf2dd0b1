// Volunteer service records (志愿): a member records hours, an activity and a date; the branch and the
// indicator report read them back.
//
// Why idempotent by the form's key: volunteer hours are summed into the "six up" indicators, so a double
// tap must not count a turn twice.
import type { VolunteerRecord } from '../../generated/prisma/client.js';
import { DomainError } from '../errors.js';
import { assertReadsBranch, requirePerson, type ServiceActor } from '../access/actor.js';
import { hasAtMostTwoDecimals, type Hundredths, toHundredths } from '../points.js';
import type { LocalDate } from '../periods/local-date.js';
import { firstDayOf, lastDayOf, parsePeriodKey } from '../periods/period-key.js';
import { fromDbDate, toDbDate, toHundredthsFromDb, type ServiceDeps } from '../shared/db.js';
import { requireIdempotencyKey, requirePastDate, requireText, today } from '../shared/input.js';

export interface VolunteerView {
  readonly id: number;
  readonly memberId: number;
  readonly branchId: number;
  /** Hundredths of an hour (1.5 h = 150). */
  readonly hours: Hundredths;
  readonly activity: string;
  readonly serviceDate: LocalDate;
  readonly createdAt: Date;
}

export interface VolunteerService {
  record(actor: ServiceActor, input: { readonly hours: number; readonly activity: string; readonly serviceDate: LocalDate; readonly idempotencyKey: string }): Promise<{ record: VolunteerView; created: boolean }>;
  listMine(actor: ServiceActor, year: number): Promise<VolunteerView[]>;
  /** Total hours (hundredths) a branch served in a period. */
  branchHours(actor: ServiceActor, branchId: number, periodKey: string): Promise<Hundredths>;
}

function toView(row: VolunteerRecord): VolunteerView {
  return {
    id: row.id, memberId: row.memberId, branchId: row.branchId, hours: toHundredthsFromDb(row.hours), activity: row.activity,
    serviceDate: fromDbDate(row.serviceDate), createdAt: row.createdAt,
  };
}

export function createVolunteerService(deps: ServiceDeps): VolunteerService {
  const { db } = deps;
  return {
    async record(actor, input) {
      const person = requirePerson(actor, 'record volunteer service');
      const key = requireIdempotencyKey(input.idempotencyKey);
      // One record is one day's turn: more than 24 hours is a typo (the table checks it too).
      if (!(input.hours > 0 && input.hours <= 24 && hasAtMostTwoDecimals(input.hours))) {
        throw new DomainError('INVALID_QUANTITY', 'hours must be more than 0 and at most 24, with two decimals', { hours: input.hours });
      }
      const activity = requireText(input.activity, 'activity', 200);
      const serviceDate = requirePastDate(input.serviceDate, 'serviceDate', today(deps.clock, deps.timeZone));
      const [row] = await db.volunteerRecord.createManyAndReturn({
        data: [{ memberId: person.memberId, branchId: person.branchId, hours: String(toHundredths(input.hours) / 100), activity, serviceDate: toDbDate(serviceDate), idempotencyKey: key, createdAt: deps.clock.now() }],
        skipDuplicates: true,
      });
      const stored = row ?? (await db.volunteerRecord.findUniqueOrThrow({ where: { idempotencyKey: key } }));
      if (stored.memberId !== person.memberId) throw new DomainError('IDEMPOTENCY_CONFLICT', 'this submission key belongs to another record');
      return { record: toView(stored), created: row !== undefined };
    },

    async listMine(actor, year) {
      const person = requirePerson(actor, 'list volunteer service');
      const rows = await db.volunteerRecord.findMany({
        where: { memberId: person.memberId, serviceDate: { gte: toDbDate(`${year}-01-01`), lte: toDbDate(`${year}-12-31`) } },
        orderBy: [{ serviceDate: 'desc' }, { id: 'desc' }],
      });
      return rows.map(toView);
    },

    async branchHours(actor, branchId, periodKey) {
      assertReadsBranch(actor, branchId, 'read branch volunteer hours');
      const period = parsePeriodKey(periodKey);
      const { _sum } = await db.volunteerRecord.aggregate({
        where: { branchId, serviceDate: { gte: toDbDate(firstDayOf(period)), lte: toDbDate(lastDayOf(period)) } },
        _sum: { hours: true },
      });
      return _sum.hours === null ? 0 : toHundredthsFromDb(_sum.hours);
    },
  };
}
