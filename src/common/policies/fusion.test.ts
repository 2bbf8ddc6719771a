import { describe, expect, it } from 'vitest';
import type { Grant } from '../api/auth.js';
import { canReadReviewContext, fusionScope } from './fusion.js';

const grant = (g: Partial<Grant> & Pick<Grant, 'role'>): Grant => ({
  branchId: null,
  grassrootsUnitId: null,
  departmentIds: [],
  ...g,
});
const campaign = { branchIds: [1, 2] };

describe('fusion scope', () => {
  it('gives the committee every branch and a branch only its own', () => {
    expect(fusionScope({ grants: [grant({ role: 'committee' })] }, campaign)).toEqual({ branchIds: 'all' });
    expect(fusionScope({ grants: [grant({ role: 'branch_secretary', branchId: 1 })] }, campaign)).toEqual({
      branchIds: [1],
    });
    expect(fusionScope({ grants: [grant({ role: 'member', branchId: 2 })] }, campaign)).toEqual({
      branchIds: [2],
    });
    expect(fusionScope({ grants: [grant({ role: 'member', branchId: 3 })] }, campaign)).toBeNull();
    expect(fusionScope({ grants: [grant({ role: 'leader', departmentIds: [1] })] }, campaign)).toBeNull();
  });

  it('lets only the committee read the review history', () => {
    expect(canReadReviewContext({ grants: [grant({ role: 'committee' })] }, 1)).toBe(true);
    expect(canReadReviewContext({ grants: [grant({ role: 'branch_secretary', branchId: 1 })] }, 1)).toBe(
      false,
    );
    const company = { grants: [grant({ role: 'committee', companyId: 2, companyBranchIds: [3, 4] })] };
    expect(canReadReviewContext(company, 3)).toBe(true);
    expect(canReadReviewContext(company, 1)).toBe(false);
  });
});
