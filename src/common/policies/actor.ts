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

/** The group's committee: a committee grant tied to no company. It runs the whole group. */
export const isGroupCommittee = (a: PolicyActor) =>
  a.grants.some((g) => g.role === 'committee' && (g.companyId ?? null) === null);

/** The group's committee sees all branches; administrators see everything too. */
export const seesAllBranches = (a: PolicyActor) => isAdmin(a) || isGroupCommittee(a);

const unique = (ids: number[]) => [...new Set(ids)];

/**
 * The branches whose committee the actor is: 'all' for the group's committee, a company's branches
 * for that company's committee (a grant without its resolved branches covers none), else empty.
 */
export function committeeBranchIds(a: PolicyActor): 'all' | number[] {
  if (isGroupCommittee(a)) return 'all';
  return unique(
    a.grants
      .filter((g) => g.role === 'committee')
      .flatMap((g) => (g.companyId ? (g.companyBranchIds ?? []) : [])),
  );
}

/** Whether the actor acts as committee (reviews, grants time, confirms on a unit's behalf) for a branch. */
export function isCommitteeFor(a: PolicyActor, branchId: number | null): boolean {
  const scope = committeeBranchIds(a);
  return scope === 'all' || (branchId !== null && scope.includes(branchId));
}

/** A company's committee (not the group's): it sees its own company against the group, not the others. */
export const isCompanyCommittee = (a: PolicyActor) =>
  !seesAllBranches(a) && a.grants.some((g) => g.role === 'committee' && !!g.companyId);

/** The companies whose committee the actor is (for a company committee's own figures). */
export function committeeCompanyIds(a: PolicyActor): number[] {
  return unique(a.grants.filter((g) => g.role === 'committee' && g.companyId).map((g) => g.companyId!));
}

/** The branches the actor oversees or belongs to, when it does not see all of them. */
const withCommitteeBranches = (a: PolicyActor, ids: number[]): number[] => {
  const committee = committeeBranchIds(a);
  return unique([...(committee === 'all' ? [] : committee), ...ids]);
};

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
  return withCommitteeBranches(a, secretaryBranchIds(a));
}

/** The branches whose records and tasks the actor reads: its company's (as committee) and its own. */
export function branchViewIds(a: PolicyActor): number[] {
  return withCommitteeBranches(a, memberBranchIds(a));
}

export function canReadBranch(a: PolicyActor, branchId: number | null): boolean {
  const scope = branchReadScope(a);
  return scope === 'all' || (branchId !== null && scope.includes(branchId));
}
