import { describe, expect, it } from 'vitest';
import type { Grant } from '../api/auth.js';
import { branchReadScope, seesAllBranches } from './actor.js';
import { canConfigureCampaign, canConfigureCampaigns } from './campaigns.js';
import { comparedCompanies, dashboardScope } from './dashboard.js';
import { canIssueDocuments, canReadSummary } from './documents.js';
import { ledgerScope } from './ledgers.js';
import { canConfigureNotifications } from './notifications.js';
import { can } from './problems.js';
import { canReview, recordScope } from './records.js';
import { branchViewScope, canExtendDue } from './tasks.js';

const as = (...gs: (Partial<Grant> & Pick<Grant, 'role'>)[]) => ({
  grants: gs.map((g) => ({ branchId: null, grassrootsUnitId: null, departmentIds: [], ...g })),
});
const campaign = { branchIds: [1, 2], branchesSeeRanking: false };

describe('branch scopes: who sees which branches, and who sees none', () => {
  it('gives the committee every branch and a branch its own, once', () => {
    const secretaryAndMember = as({ role: 'branch_secretary', branchId: 1 }, { role: 'member', branchId: 1 });
    expect(branchViewScope(as({ role: 'committee' }))).toBe('all');
    expect(branchViewScope(secretaryAndMember)).toEqual([1]);
    expect(dashboardScope(secretaryAndMember, campaign)).toEqual({ branchIds: [1], own: [1], view: 'own' });
    expect(dashboardScope(secretaryAndMember, { ...campaign, branchesSeeRanking: true })).toEqual({
      branchIds: 'all',
      own: [1],
      view: 'all',
    });
  });

  it("gives a company's committee its company's branches, and nothing of the group's", () => {
    // Company 2 holds branches 2 and 5; the committee member is also a Party member in branch 7.
    const company = as(
      { role: 'committee', companyId: 2, companyBranchIds: [2, 5] },
      { role: 'member', branchId: 7 },
    );
    expect(seesAllBranches(company)).toBe(false);
    expect(branchReadScope(company)).toEqual([2, 5]);
    expect(branchViewScope(company)).toEqual([2, 5, 7]);
    expect(recordScope(company)).toMatchObject({ all: false, branchIds: [2, 5, 7] });
    expect(dashboardScope(company, { ...campaign, branchesSeeRanking: true })).toEqual({
      branchIds: [2],
      own: [],
      view: 'company',
    });
    // It reviews, grants time and confirms on a unit's behalf for its own branches only.
    expect([canReview(company, 2), canReview(company, 7), canReview(company, 1)]).toEqual([
      true,
      false,
      false,
    ]);
    expect([canExtendDue(company, 5), canExtendDue(company, 1)]).toEqual([true, false]);
    expect(can(company, 'confirmOnBehalf', { unitId: 1, branchId: 5 })).toBe(true);
    expect(can(company, 'confirmOnBehalf', { unitId: 1, branchId: 1 })).toBe(false);
    // What belongs to the whole group stays the group's.
    for (const groupOnly of [canIssueDocuments, canReadSummary, canConfigureNotifications])
      expect(groupOnly(company)).toBe(false);
    // It launches its own company's campaigns, not the group's.
    expect(canConfigureCampaigns(company)).toBe(true);
    expect(canConfigureCampaign(company, { branchIds: [2, 5] })).toBe(true);
    expect(canConfigureCampaign(company, { branchIds: [2, 7] })).toBe(false);
    expect(comparedCompanies(company)).toEqual([2]);
    expect(comparedCompanies(as({ role: 'committee' }))).toBe('all');
    // A company grant read without its branches covers none: it fails closed.
    const unresolved = as({ role: 'committee', companyId: 2 });
    expect(branchReadScope(unresolved)).toEqual([]);
    expect(canReview(unresolved, 2)).toBe(false);
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
