import type { Grant } from '../api/auth.js';
import type { Role } from '../roles.js';

/**
 * Who is asking, as far as a policy cares: the roles the user holds, each with its scope. The
 * server builds it from the session, the web from the signed-in user; the same rules run on both.
 */
export interface PolicyActor {
  personId?: number | null;
  grants: readonly Grant[];
}

export function hasRole(a: PolicyActor, ...wanted: Role[]): boolean {
  return a.grants.some((g) => wanted.includes(g.role));
}

export const isAdmin = (a: PolicyActor) => hasRole(a, 'admin');
/** The committee sees all branches; administrators see everything too. */
export const seesAllBranches = (a: PolicyActor) => hasRole(a, 'admin', 'committee');

const unique = (ids: number[]) => [...new Set(ids)];

/** Branches where the actor acts as secretary / committee member. */
export function secretaryBranchIds(a: PolicyActor): number[] {
  return unique(a.grants.filter((g) => g.role === 'branch_secretary' && g.branchId).map((g) => g.branchId!));
}

/** Branches the actor belongs to as a Party member or works for as secretary. */
export function memberBranchIds(a: PolicyActor): number[] {
  return unique(
    a.grants
      .filter((g) => (g.role === 'member' || g.role === 'branch_secretary') && g.branchId)
      .map((g) => g.branchId!),
  );
}

/** Units the actor reports for as grassroots contact. */
export function contactUnitIds(a: PolicyActor): number[] {
  return unique(
    a.grants
      .filter((g) => g.role === 'grassroots_contact' && g.grassrootsUnitId)
      .map((g) => g.grassrootsUnitId!),
  );
}

/** Departments the actor is the leader in charge of. */
export function leaderDepartmentIds(a: PolicyActor): number[] {
  return unique(a.grants.filter((g) => g.role === 'leader').flatMap((g) => g.departmentIds));
}

/**
 * Which branches' people and records the actor may read at branch level: 'all', or a list
 * (possibly empty). Services turn an out-of-scope object into 404, never 403, so ids do not leak.
 */
export function branchReadScope(a: PolicyActor): 'all' | number[] {
  if (seesAllBranches(a)) return 'all';
  return secretaryBranchIds(a);
}

export function canReadBranch(a: PolicyActor, branchId: number | null): boolean {
  const scope = branchReadScope(a);
  return scope === 'all' || (branchId !== null && scope.includes(branchId));
}
