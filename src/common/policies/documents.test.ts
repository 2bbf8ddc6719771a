import { describe, expect, it } from 'vitest';
import type { Grant } from '../api/auth.js';
import type { Role } from '../roles.js';
import { canIssueDocuments, canReadIssuedDocuments } from './documents.js';

const as = (role: Role, branchId: number | null = null) => ({
  grants: [{ role, branchId, grassrootsUnitId: null, departmentIds: [] } satisfies Grant],
});

describe('issued documents: who issues and who reads', () => {
  it('lets only the committee issue, and the committee and the administrator read', () => {
    expect(canIssueDocuments(as('committee'))).toBe(true);
    expect(canIssueDocuments(as('admin'))).toBe(false);
    expect(canIssueDocuments(as('branch_secretary', 1))).toBe(false);
    expect(canReadIssuedDocuments(as('committee'))).toBe(true);
    expect(canReadIssuedDocuments(as('admin'))).toBe(true);
    for (const role of ['branch_secretary', 'member', 'leader', 'grassroots_contact'] as const) {
      expect(canReadIssuedDocuments(as(role, 1))).toBe(false);
    }
  });
});
