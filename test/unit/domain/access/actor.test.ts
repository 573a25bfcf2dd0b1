// The permission checks of product.md §9 as a table: who may review, manage a branch, read a member or a
// branch, and how an authorised actor maps onto the pure state machines.
import { describe, expect, it } from 'vitest';
import {
  assertAdmin, assertManagesBranch, assertOwner, assertReadsBranch, assertReadsCommittee, assertReadsMember, assertReviews, machineActor,
  SYSTEM_ACTOR, type MemberActor, type ServiceActor, type Subject,
} from '../../../../src/domain/access/actor.js';
import { isDomainError } from '../../../../src/domain/errors.js';

const member: MemberActor = { memberId: 1, role: 'MEMBER', branchId: 10 };
const secretary: MemberActor = { memberId: 2, role: 'SECRETARY', branchId: 10 };
const otherSecretary: MemberActor = { memberId: 3, role: 'SECRETARY', branchId: 20 };
const admin: MemberActor = { memberId: 4, role: 'ADMIN', branchId: 10 };

const plainInBranch: Subject = { memberId: 9, branchId: 10, role: 'MEMBER' };
const secretaryInBranch: Subject = { memberId: 8, branchId: 10, role: 'SECRETARY' };

function allowed(check: () => unknown): boolean {
  try {
    check();
    return true;
  } catch (error) {
    if (isDomainError(error, 'ACTOR_NOT_ALLOWED')) return false;
    throw error;
  }
}

describe('assertReviews', () => {
  it.each([
    ['member', member, plainInBranch, false],
    ['own-branch secretary on a plain member', secretary, plainInBranch, true],
    ['other-branch secretary', otherSecretary, plainInBranch, false],
    ['secretary on another secretary', secretary, secretaryInBranch, false],
    ['secretary on themselves', secretary, { memberId: 2, branchId: 10, role: 'SECRETARY' }, false],
    ['admin on a secretary', admin, secretaryInBranch, true],
    ['admin on themselves', admin, { memberId: 4, branchId: 10, role: 'ADMIN' }, false],
    ['the system', SYSTEM_ACTOR, plainInBranch, false],
  ] as [string, ServiceActor, Subject, boolean][])('%s → %s', (_, actor, subject, expected) => {
    expect(allowed(() => assertReviews(actor, subject, 'review'))).toBe(expected);
  });
});

describe('branch, member and committee reads', () => {
  it.each([
    [member, true, false, false, false],
    [secretary, true, false, true, false],
    [otherSecretary, false, true, false, false],
    [admin, true, true, true, true],
    [SYSTEM_ACTOR, true, true, true, true],
  ] as [ServiceActor, boolean, boolean, boolean, boolean][])('%o', (actor, ownBranch, otherBranch, memberOfBranch, committee) => {
    expect(allowed(() => assertReadsBranch(actor, 10, 'read'))).toBe(ownBranch);
    expect(allowed(() => assertReadsBranch(actor, 20, 'read'))).toBe(otherBranch);
    expect(allowed(() => assertReadsMember(actor, plainInBranch, 'read'))).toBe(memberOfBranch);
    expect(allowed(() => assertReadsCommittee(actor, 'read'))).toBe(committee);
  });

  it('lets everyone read their own record', () => {
    expect(allowed(() => assertReadsMember(otherSecretary, { memberId: 3, branchId: 20 }, 'read'))).toBe(true);
    expect(allowed(() => assertReadsMember(member, { memberId: 1, branchId: 10 }, 'read'))).toBe(true);
  });
});

describe('owner, admin and branch management', () => {
  it('only the owner acts on their own record, never the system', () => {
    expect(allowed(() => assertOwner(member, 1, 'withdraw'))).toBe(true);
    expect(allowed(() => assertOwner(admin, 1, 'withdraw'))).toBe(false);
    expect(allowed(() => assertOwner(SYSTEM_ACTOR, 1, 'withdraw'))).toBe(false);
  });

  it('admins only; branch managers are the branch secretary and admins', () => {
    expect([member, secretary, admin, SYSTEM_ACTOR].map((a) => allowed(() => assertAdmin(a, 'x')))).toEqual([false, false, true, false]);
    expect([member, secretary, otherSecretary, admin].map((a) => allowed(() => assertManagesBranch(a, 10, 'x')))).toEqual([false, true, false, true]);
  });

  it('maps an authorised actor onto the state machines’ owner / reviewer / admin', () => {
    expect(machineActor(member, 1)).toBe('owner');
    expect(machineActor(secretary, 9)).toBe('reviewer');
    expect(machineActor(admin, 9)).toBe('admin');
  });

  it('names the refused action and role, and nothing personal', () => {
    try {
      assertAdmin(secretary, 'confirm a veto');
      expect.unreachable();
    } catch (error) {
      expect(isDomainError(error, 'ACTOR_NOT_ALLOWED')).toBe(true);
      expect((error as { details: unknown }).details).toEqual({ action: 'confirm a veto', role: 'SECRETARY' });
    }
  });
});
