import { describe, expect, it } from 'vitest';
import type { Grant } from '../api/auth.js';
import { canReadProblem, problemCan, problemScope } from './problems.js';

const grant = (g: Partial<Grant> & Pick<Grant, 'role'>): Grant => ({
  branchId: null,
  grassrootsUnitId: null,
  departmentIds: [],
  ...g,
});
const secretary = { grants: [grant({ role: 'branch_secretary', branchId: 1 })] };
const member = { grants: [grant({ role: 'member', branchId: 1 })] };
const contact = { grants: [grant({ role: 'grassroots_contact', grassrootsUnitId: 7 })] };
const committee = { grants: [grant({ role: 'committee' })] };
const admin = { grants: [grant({ role: 'admin' })] };
const leader = { grants: [grant({ role: 'leader', departmentIds: [3] })] };

const none = {
  accept: false,
  measure: false,
  solve: false,
  confirm: false,
  confirmOnBehalf: false,
  recheck: false,
};

describe('problem flags: the buttons a problem shows', () => {
  it('offers a raised problem to any branch secretary, and nothing else to anyone', () => {
    const raised = { unitId: 7, branchId: null, state: 'raised' as const };
    expect(problemCan(secretary, raised)).toEqual({ ...none, accept: true });
    for (const a of [member, contact, committee, admin, leader]) expect(problemCan(a, raised)).toEqual(none);
  });

  it("lets only the handling branch's secretary log measures and mark it solved", () => {
    const own = { unitId: 7, branchId: 1, state: 'accepted' as const };
    expect(problemCan(secretary, own)).toEqual({ ...none, measure: true, solve: true });
    expect(problemCan(secretary, { ...own, branchId: 2 })).toEqual(none);
    expect(problemCan(member, own)).toEqual(none);
  });

  it("asks the unit's contact to confirm, and the committee may confirm on its behalf", () => {
    const solved = { unitId: 7, branchId: 1, state: 'solved' as const };
    expect(problemCan(contact, solved)).toEqual({ ...none, confirm: true });
    expect(problemCan(contact, { ...solved, unitId: 8 })).toEqual(none);
    expect(problemCan(committee, solved)).toEqual({ ...none, confirmOnBehalf: true });
    // The administrator reads everything but speaks for no unit.
    expect(problemCan(admin, solved)).toEqual(none);
    expect(problemCan(secretary, solved)).toEqual(none);
  });

  it('asks the unit and the branch that solved it, never others, whether a confirmed problem came back', () => {
    const done = { unitId: 7, branchId: 1, state: 'confirmed' as const };
    for (const a of [secretary, contact]) expect(problemCan(a, done)).toEqual({ ...none, recheck: true });
    for (const a of [committee, admin, member, leader]) expect(problemCan(a, done)).toEqual(none);
    expect(problemCan(secretary, { ...done, branchId: 2 })).toEqual(none);
    expect(problemCan(contact, { ...done, unitId: 8 })).toEqual(none);
  });
});

describe('problem scope', () => {
  it('gives a leader no problem ledger, and a branch its own and the unassigned ones', () => {
    expect(problemScope(leader)).toBeNull();
    expect(canReadProblem(secretary, { unitId: 9, branchId: null })).toBe(true);
    expect(canReadProblem(secretary, { unitId: 9, branchId: 2 })).toBe(false);
    expect(canReadProblem(member, { unitId: 9, branchId: null })).toBe(false);
    expect(canReadProblem(contact, { unitId: 7, branchId: 2 })).toBe(true);
  });
});
