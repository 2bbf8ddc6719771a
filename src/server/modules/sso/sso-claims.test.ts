import { describe, expect, it } from 'vitest';
import { grantsFor, type SsoIdentity } from './sso-claims.js';

const identity = (...groups: string[]): SsoIdentity => ({
  subject: 's',
  username: 'u',
  employeeNo: null,
  name: null,
  groups,
});
const roleMap = {
  'dj-committee': { role: 'committee' as const },
  'sub3-committee': { role: 'committee' as const, companyId: 3 },
  'dj-members': { role: 'member' as const, companyId: 3 },
};

describe('grants from the company sign-in', () => {
  it("gives a company's committee group its company, and the group's committee none", () => {
    expect(grantsFor(identity('sub3-committee'), { roleMap }, null)).toEqual([
      { role: 'committee', branchId: null, companyId: 3 },
    ]);
    expect(grantsFor(identity('dj-committee', 'sub3-committee'), { roleMap }, null)).toEqual([
      { role: 'committee', branchId: null, companyId: null },
      { role: 'committee', branchId: null, companyId: 3 },
    ]);
  });

  it('ignores a company on a role that is not a committee', () => {
    expect(grantsFor(identity('dj-members'), { roleMap }, 4)).toEqual([
      { role: 'member', branchId: 4, companyId: null },
    ]);
  });
});
