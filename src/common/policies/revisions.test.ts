import { describe, expect, it } from 'vitest';
import type { Grant } from '../api/auth.js';
import { hasLeaderQueue, revisionCan, reviewsOnlyRevisions } from './revisions.js';

const grant = (g: Partial<Grant> & Pick<Grant, 'role'>): Grant => ({
  branchId: null,
  grassrootsUnitId: null,
  departmentIds: [],
  ...g,
});
const secretary = { grants: [grant({ role: 'branch_secretary', branchId: 1 })] };
const member = { grants: [grant({ role: 'member', branchId: 1 })] };
const leader = { grants: [grant({ role: 'leader', departmentIds: [3] })] };
const committee = { grants: [grant({ role: 'committee' })] };
const none = { sendToLeader: false, leaderReview: false, noteFollowup: false };
const revision = { branchId: 1, departmentId: 3 };

describe('revision flags: the buttons a rule revision shows', () => {
  it("lets the branch's secretary send a draft or a returned revision to the leader", () => {
    for (const stage of ['drafting', 'leader_returned'] as const) {
      expect(revisionCan(secretary, { ...revision, stage })).toEqual({ ...none, sendToLeader: true });
      expect(revisionCan(member, { ...revision, stage })).toEqual(none);
      expect(revisionCan(secretary, { ...revision, branchId: 2, stage })).toEqual(none);
    }
  });

  it('asks only the leader of the owning department to review', () => {
    const waiting = { ...revision, stage: 'leader_review' as const };
    expect(revisionCan(leader, waiting)).toEqual({ ...none, leaderReview: true });
    expect(revisionCan(leader, { ...waiting, departmentId: 4 })).toEqual(none);
    expect(revisionCan(leader, { ...waiting, departmentId: null })).toEqual(none);
    expect(revisionCan(committee, waiting)).toEqual(none);
    expect(revisionCan(secretary, waiting)).toEqual(none);
  });

  it('leaves the follow-up notes of a published rule to its branch', () => {
    const tracking = { ...revision, stage: 'tracking' as const };
    expect(revisionCan(secretary, tracking)).toEqual({ ...none, noteFollowup: true });
    expect(revisionCan(committee, tracking)).toEqual(none);
    expect(revisionCan(secretary, { ...revision, stage: 'committee_review' })).toEqual(none);
  });
});

describe('where a leader in charge works', () => {
  const admin = { grants: [grant({ role: 'admin' })] };
  it('opens the revisions on their own queue', () => {
    expect([leader, secretary, committee].map(hasLeaderQueue)).toEqual([true, false, false]);
  });

  it('shows the revisions in the review area, unless the leader also reviews or administers', () => {
    expect(reviewsOnlyRevisions(leader)).toBe(true);
    expect(reviewsOnlyRevisions({ grants: [...leader.grants, ...committee.grants] })).toBe(false);
    expect(reviewsOnlyRevisions({ grants: [...leader.grants, ...admin.grants] })).toBe(false);
    expect(reviewsOnlyRevisions({ grants: [...leader.grants, ...secretary.grants] })).toBe(true);
    expect([committee, admin, secretary].map(reviewsOnlyRevisions)).toEqual([false, false, false]);
  });
});
