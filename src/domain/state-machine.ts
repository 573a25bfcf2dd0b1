// A tiny table-driven state machine shared by claims, pledges and veto cases.
//
// Why a table: the legal moves of each workflow are then one readable list, tested row by row, and an
// illegal move is a typed error (INVALID_TRANSITION / ACTOR_NOT_ALLOWED) instead of a silent overwrite.
import { DomainError } from './errors.js';

/** Who is acting: the record's owner (the member), a reviewer (branch secretary) or a committee admin. */
export type Actor = 'owner' | 'reviewer' | 'admin';

export interface TransitionRule<S extends string> {
  readonly from: readonly S[];
  readonly to: S;
  readonly by: readonly Actor[];
}

export function applyTransition<S extends string, E extends string>(
  machine: string,
  table: Readonly<Record<E, readonly TransitionRule<S>[]>>,
  status: S,
  event: E,
  actor: Actor,
): S {
  const rule = table[event].find((r) => r.from.includes(status));
  if (!rule) {
    throw new DomainError('INVALID_TRANSITION', `${machine}: cannot ${event} from ${status}`, { machine, status, event });
  }
  // An admin may do whatever a reviewer may (product.md §9); owners act only where listed.
  const allowed = rule.by.includes(actor) || (actor === 'admin' && rule.by.includes('reviewer'));
  if (!allowed) {
    throw new DomainError('ACTOR_NOT_ALLOWED', `${machine}: ${actor} may not ${event}`, { machine, status, event, actor });
  }
  return rule.to;
}

/** The events that are legal from a status for an actor (for building card buttons). */
export function availableEvents<S extends string, E extends string>(
  table: Readonly<Record<E, readonly TransitionRule<S>[]>>,
  status: S,
  actor: Actor,
): E[] {
  return (Object.keys(table) as E[]).filter((event) =>
    table[event].some((r) => r.from.includes(status) && (r.by.includes(actor) || (actor === 'admin' && r.by.includes('reviewer')))),
  );
}
