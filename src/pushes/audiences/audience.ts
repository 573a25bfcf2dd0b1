// What every audience builder gets and gives: the period and clock in, one entry per member out —
// the message to send, or why the member is skipped (kept on the delivery for the summary).
import type { OutgoingMessage } from '../../bot/reply.js';
import type { Db } from '../../db/prisma.js';
import type { MemberRole, MemberStatus } from '../../generated/prisma/enums.js';
import { localDateOf } from '../../domain/periods/zoned-time.js';

export interface CampaignOptions {
  /** Monthly reminder: only members with no vanguard record yet this month. */
  onlyWithoutVanguard?: boolean;
  /** Stale reviews: how many days a claim may wait before the secretary is nudged. */
  staleDays?: number;
}

export interface AudienceContext {
  db: Db;
  period: string;
  timeZone: string;
  now: Date;
  options: CampaignOptions;
}

export interface Recipient {
  memberId: number;
  message?: OutgoingMessage;
  skipReason?: string;
}

export type Audience = (context: AudienceContext) => Promise<Recipient[]>;

export interface Addressee {
  id: number;
  name: string;
  openId: string | null;
  branchId: number;
  role: MemberRole;
  status: MemberStatus;
  leaveUntil: Date | null;
}

/** Why a person gets no push, or undefined when they do: inactive, on leave, or unknown to Feishu. */
export function skipReasonOf(person: Addressee, context: Pick<AudienceContext, 'now' | 'timeZone'>): string | undefined {
  if (person.status === 'INACTIVE') return 'inactive';
  const today = localDateOf(context.now, context.timeZone);
  const onLeave = person.status === 'ON_LEAVE' || (person.leaveUntil !== null && person.leaveUntil.toISOString().slice(0, 10) >= today);
  if (onLeave) return 'on-leave';
  if (!person.openId) return 'no-open-id';
  return undefined;
}

export const ADDRESSEE_FIELDS = { id: true, name: true, openId: true, branchId: true, role: true, status: true, leaveUntil: true } as const;

/** A `@db.Date` column value for a local date. */
export function dbDate(date: string): Date {
  return new Date(`${date}T00:00:00.000Z`);
}

export function formatSum(value: { toString(): string } | null | undefined): string {
  return String(Number(Number(value ?? 0).toFixed(2)));
}
