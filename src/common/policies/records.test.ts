import { describe, expect, it } from 'vitest';
import type { Grant } from '../api/auth.js';
import { opensRecordsInWorkbench, recordCan, worksFromReviewQueue, type RecordFacts } from './records.js';

const grant = (g: Partial<Grant> & Pick<Grant, 'role'>): Grant => ({
  branchId: null,
  grassrootsUnitId: null,
  departmentIds: [],
  ...g,
});
const secretary = { grants: [grant({ role: 'branch_secretary', branchId: 1 })] };
const member = { grants: [grant({ role: 'member', branchId: 1 })] };
const committee = { grants: [grant({ role: 'committee' })] };
const admin = { grants: [grant({ role: 'admin' })] };
/** A committee member who is also a branch's secretary: may write for the branch, never review it. */
const both = { grants: [...committee.grants, ...secretary.grants] };

const draft: RecordFacts = {
  branchId: 1,
  status: 'draft',
  leaderStatus: 'none',
  campaignActive: true,
  wroteIt: false,
};
const submitted: RecordFacts = { ...draft, status: 'submitted' };

describe('record flags: whether a record offers its form and its review', () => {
  it("lets the branch's secretary edit a draft or a returned record, nobody else", () => {
    for (const status of ['draft', 'returned']) {
      expect(recordCan(secretary, { ...draft, status })).toEqual({ edit: true, review: false, grade: false });
      expect(recordCan(member, { ...draft, status })).toEqual({ edit: false, review: false, grade: false });
      expect(recordCan(committee, { ...draft, status })).toEqual({
        edit: false,
        review: false,
        grade: false,
      });
      expect(recordCan(admin, { ...draft, status })).toEqual({ edit: false, review: false, grade: false });
      expect(recordCan(secretary, { ...draft, status, branchId: 2 }).edit).toBe(false);
    }
  });

  it('locks the record once sent, while the leader holds it, and when the campaign has closed', () => {
    expect(recordCan(secretary, submitted).edit).toBe(false);
    expect(recordCan(secretary, { ...draft, status: 'approved' }).edit).toBe(false);
    expect(recordCan(secretary, { ...draft, leaderStatus: 'pending' }).edit).toBe(false);
    expect(recordCan(secretary, { ...draft, leaderStatus: 'returned' }).edit).toBe(true);
    expect(recordCan(secretary, { ...draft, campaignActive: false }).edit).toBe(false);
  });

  it('asks the committee to review a submitted record it did not write', () => {
    expect(recordCan(committee, submitted)).toEqual({ edit: false, review: true, grade: false });
    expect(recordCan(committee, { ...submitted, wroteIt: true }).review).toBe(false);
    expect(recordCan(committee, draft).review).toBe(false);
    expect(recordCan(committee, { ...submitted, status: 'approved' }).review).toBe(false);
    expect(recordCan(secretary, submitted).review).toBe(false);
    expect(recordCan(admin, submitted).review).toBe(false);
    expect(recordCan(both, submitted).review).toBe(true);
    expect(recordCan(both, { ...submitted, wroteIt: true }).review).toBe(false);
  });

  it('lets the committee grade an approved record only', () => {
    const approved = { ...draft, status: 'approved' };
    expect(recordCan(committee, approved)).toEqual({ edit: false, review: false, grade: true });
    // Writing the record does not stop the grade: the review was someone else's.
    expect(recordCan(committee, { ...approved, wroteIt: true }).grade).toBe(true);
    expect(recordCan(committee, submitted).grade).toBe(false);
    expect(recordCan(secretary, approved).grade).toBe(false);
    expect(recordCan(admin, approved).grade).toBe(false);
  });
});

describe('where a record opens', () => {
  const leader = { grants: [grant({ role: 'leader', departmentIds: [3] })] };
  const contact = { grants: [grant({ role: 'grassroots_contact', grassrootsUnitId: 2 })] };
  it('leads the committee and administrators back to the review queue', () => {
    expect([committee, admin, secretary, member, leader].map(worksFromReviewQueue)).toEqual([
      true,
      true,
      false,
      false,
      false,
    ]);
  });

  it('opens a record on the workbench for the roles that have one, in the review area for a leader', () => {
    expect([committee, admin, secretary, member, leader, contact].map(opensRecordsInWorkbench)).toEqual([
      true,
      true,
      true,
      true,
      false,
      false,
    ]);
  });
});
