import { describe, expect, it } from 'vitest';
import type { Grant } from '../api/auth.js';
import { caseCan, isVisibleCase } from './cases.js';

const grant = (g: Partial<Grant> & Pick<Grant, 'role'>): Grant => ({
  branchId: null,
  grassrootsUnitId: null,
  departmentIds: [],
  ...g,
});
const as = (g: Partial<Grant> & Pick<Grant, 'role'>) => ({ grants: [grant(g)] });

describe('case flags: what a reader may do with an exemplary case', () => {
  it('opens the record for its own branch and the committee, and lets only the committee unmark', () => {
    expect(caseCan(as({ role: 'member', branchId: 2 }), { branchId: 2 })).toEqual({
      unmark: false,
      openRecord: true,
    });
    expect(caseCan(as({ role: 'branch_secretary', branchId: 1 }), { branchId: 2 })).toEqual({
      unmark: false,
      openRecord: false,
    });
    expect(caseCan(as({ role: 'committee' }), { branchId: 2 })).toEqual({ unmark: true, openRecord: true });
    expect(caseCan(as({ role: 'admin' }), { branchId: 2 })).toEqual({ unmark: false, openRecord: true });
  });

  it('shows cases to every branch role but not to leaders or grassroots contacts', () => {
    const approvedCase = { kind: 'optional', status: 'approved', exemplary: true };
    expect(isVisibleCase(as({ role: 'member', branchId: 3 }), approvedCase)).toBe(true);
    expect(isVisibleCase(as({ role: 'leader', departmentIds: [1] }), approvedCase)).toBe(false);
    expect(isVisibleCase(as({ role: 'grassroots_contact', grassrootsUnitId: 1 }), approvedCase)).toBe(false);
    expect(isVisibleCase(as({ role: 'committee' }), { ...approvedCase, kind: 'study' })).toBe(false);
  });
});
