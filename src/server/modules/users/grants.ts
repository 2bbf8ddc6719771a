import type { Grant } from '../../../common/api/auth.js';
import type { GrantInput } from '../../../common/api/users.js';
import { roleScope } from '../../../common/roles.js';
import type { Db } from '../../db/client.js';
import { AppError } from '../../lib/errors.js';
import { activeIds } from './users.repo.js';

/**
 * Normalises grants to exactly the scope their role needs (a committee grant carries no branch
 * but may name a company, a leader's carries departments, …) and checks every referenced unit exists and is active.
 */
export async function normaliseGrants(db: Db, input: GrantInput[]): Promise<Grant[]> {
  const grants: Grant[] = input.map((g) => {
    const scope = roleScope[g.role];
    const grant: Grant = {
      role: g.role,
      branchId: scope === 'branch' ? (g.branchId ?? null) : null,
      grassrootsUnitId: scope === 'unit' ? (g.grassrootsUnitId ?? null) : null,
      departmentIds: scope === 'departments' ? [...new Set(g.departmentIds ?? [])] : [],
      // A company's organ committee; without a company, the group's committee.
      companyId: g.role === 'committee' ? (g.companyId ?? null) : null,
    };
    const complete =
      (scope !== 'branch' || grant.branchId !== null) &&
      (scope !== 'unit' || grant.grassrootsUnitId !== null) &&
      (scope !== 'departments' || grant.departmentIds.length > 0);
    if (!complete) throw new AppError('ROLE_SCOPE_INVALID');
    return grant;
  });
  const branchIds = grants.flatMap((g) => (g.branchId ? [g.branchId] : []));
  const unitIds = grants.flatMap((g) => (g.grassrootsUnitId ? [g.grassrootsUnitId] : []));
  const deptIds = grants.flatMap((g) => g.departmentIds);
  const companyIds = grants.flatMap((g) => (g.companyId ? [g.companyId] : []));
  const [b, u, d, c] = await Promise.all([
    activeIds(db, 'branch', branchIds),
    activeIds(db, 'unit', unitIds),
    activeIds(db, 'department', deptIds),
    activeIds(db, 'company', companyIds),
  ]);
  if (
    branchIds.some((id) => !b.has(id)) ||
    companyIds.some((id) => !c.has(id)) ||
    unitIds.some((id) => !u.has(id)) ||
    deptIds.some((id) => !d.has(id))
  ) {
    throw new AppError('INVALID_REFERENCE');
  }
  const seen = new Set<string>();
  return grants.filter((g) => {
    const key = JSON.stringify(g);
    return seen.has(key) ? false : (seen.add(key), true);
  });
}
