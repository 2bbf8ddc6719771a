import { describe, expect, it } from 'vitest';
import type { Grant } from '../api/auth.js';
import { dashboardScope } from './dashboard.js';
import { ledgerScope } from './ledgers.js';
import { branchViewScope } from './tasks.js';

const as = (...gs: (Partial<Grant> & Pick<Grant, 'role'>)[]) => ({
  grants: gs.map((g) => ({ branchId: null, grassrootsUnitId: null, departmentIds: [], ...g })),
});
const campaign = { branchIds: [1, 2], branchesSeeRanking: false };

describe('branch scopes: who sees which branches, and who sees none', () => {
  it('gives the committee every branch and a branch its own, once', () => {
    const secretaryAndMember = as({ role: 'branch_secretary', branchId: 1 }, { role: 'member', branchId: 1 });
    expect(branchViewScope(as({ role: 'committee' }))).toBe('all');
    expect(branchViewScope(secretaryAndMember)).toEqual([1]);
    expect(dashboardScope(secretaryAndMember, campaign)).toEqual({ branchIds: [1], own: [1] });
    expect(dashboardScope(secretaryAndMember, { ...campaign, branchesSeeRanking: true })).toEqual({
      branchIds: 'all',
      own: [1],
    });
  });

  it('answers null, not an exception, for those with no view at all', () => {
    const leader = as({ role: 'leader', departmentIds: [1] });
    expect(branchViewScope(leader)).toBeNull();
    expect(dashboardScope(as({ role: 'member', branchId: 3 }), campaign)).toBeNull();
    // Party members keep records' attendance out of their reach: no ledgers.
    expect(ledgerScope(as({ role: 'member', branchId: 1 }))).toBeNull();
    expect(ledgerScope(as({ role: 'branch_secretary', branchId: 2 }))).toEqual([2]);
  });
});
