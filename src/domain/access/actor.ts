// Who is calling a service, and the permission checks of product.md §9, each throwing ACTOR_NOT_ALLOWED.
//
// Why in the domain: the command parser hides buttons, but a forged card callback or a future HTTP
// endpoint reaches the same services; every privileged call is checked here, before anything is written.
// A secretary acts on their own branch only, an admin everywhere, and nobody reviews their own record:
// records of secretaries and admins go to (other) admins.
import { DomainError } from '../errors.js';
import type { Actor as MachineActor } from '../state-machine.js';

export type PersonRole = 'MEMBER' | 'SECRETARY' | 'ADMIN';

/** A roster member acting through the bot; structurally the bot's `Actor` fits. */
export interface MemberActor {
  readonly memberId: number;
  readonly role: PersonRole;
  readonly branchId: number;
}

/** Scheduled jobs and the CLI: may read everything (digests, exports), may not act as a person. */
export interface SystemActor {
  readonly role: 'SYSTEM';
}

export type ServiceActor = MemberActor | SystemActor;

export const SYSTEM_ACTOR: SystemActor = Object.freeze({ role: 'SYSTEM' });

/** The person a record belongs to, as far as permissions care. */
export interface Subject {
  readonly memberId: number;
  readonly branchId: number;
  /** The subject's role: a secretary's or admin's records are reviewed by an admin. */
  readonly role: PersonRole;
}

function refuse(action: string, actor: ServiceActor, details: Record<string, unknown> = {}): never {
  throw new DomainError('ACTOR_NOT_ALLOWED', `${actor.role.toLowerCase()} may not ${action}`, { action, role: actor.role, ...details });
}

export function isMemberActor(actor: ServiceActor): actor is MemberActor {
  return actor.role !== 'SYSTEM';
}

/** Writes need a person: the audit log and the ledger name who acted. */
export function requirePerson(actor: ServiceActor, action: string): MemberActor {
  if (!isMemberActor(actor)) refuse(action, actor);
  return actor;
}

export function assertAdmin(actor: ServiceActor, action: string): MemberActor {
  const person = requirePerson(actor, action);
  if (person.role !== 'ADMIN') refuse(action, actor);
  return person;
}

/** The actor's own record (claims, pledges, progress, leave): only the owner acts. */
export function assertOwner(actor: ServiceActor, ownerId: number, action: string): MemberActor {
  const person = requirePerson(actor, action);
  if (person.memberId !== ownerId) refuse(action, actor);
  return person;
}

/** Branch management (deduct, propose a veto, enter evaluation scores): admin, or the branch's secretary. */
export function assertManagesBranch(actor: ServiceActor, branchId: number, action: string): MemberActor {
  const person = requirePerson(actor, action);
  if (person.role === 'ADMIN') return person;
  if (person.role === 'SECRETARY' && person.branchId === branchId) return person;
  return refuse(action, actor, { branchId });
}

/**
 * Acting on someone's record as a reviewer (approve/return, deduct, propose, enter scores): never on
 * oneself; a secretary only for plain members of their branch; an admin for anyone else.
 */
export function assertReviews(actor: ServiceActor, subject: Subject, action: string): MemberActor {
  const person = requirePerson(actor, action);
  if (person.memberId === subject.memberId) refuse(action, actor, { reason: 'own record' });
  if (person.role === 'ADMIN') return person;
  if (person.role === 'SECRETARY' && person.branchId === subject.branchId && subject.role === 'MEMBER') return person;
  return refuse(action, actor, { branchId: subject.branchId });
}

/** Reading one member's points and records: themselves, their branch's secretary, admins, the system. */
export function assertReadsMember(actor: ServiceActor, subject: Pick<Subject, 'memberId' | 'branchId'>, action: string): void {
  if (!isMemberActor(actor) || actor.role === 'ADMIN' || actor.memberId === subject.memberId) return;
  if (actor.role === 'SECRETARY' && actor.branchId === subject.branchId) return;
  refuse(action, actor, { branchId: subject.branchId });
}

/** Reading a branch (board, digest): its own members and secretary, admins, the system. */
export function assertReadsBranch(actor: ServiceActor, branchId: number, action: string): void {
  if (!isMemberActor(actor) || actor.role === 'ADMIN' || actor.branchId === branchId) return;
  refuse(action, actor, { branchId });
}

/** Committee-wide reads (overview, indicators, all-branch exports): admins and the system. */
export function assertReadsCommittee(actor: ServiceActor, action: string): void {
  if (!isMemberActor(actor) || actor.role === 'ADMIN') return;
  refuse(action, actor);
}

/** The pure state machines' view of an already-authorised actor on a record owned by `ownerId`. */
export function machineActor(actor: MemberActor, ownerId: number): MachineActor {
  if (actor.memberId === ownerId) return 'owner';
  return actor.role === 'ADMIN' ? 'admin' : 'reviewer';
}
