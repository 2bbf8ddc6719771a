import type { Role } from '../../common/roles';
import type { SessionUser } from '../features/auth/auth.api';

/** Mirrors the server's policy so the UI hides what would be refused anyway; the server still decides. */
export function hasRole(user: SessionUser, ...wanted: Role[]): boolean {
  return user.grants.some((g) => wanted.includes(g.role));
}

export const seesAllBranches = (user: SessionUser) => hasRole(user, 'admin', 'committee');

/** Branches the user serves as branch secretary / committee member. */
export function secretaryBranchIds(user: SessionUser): number[] {
  const ids = user.grants.filter((g) => g.role === 'branch_secretary' && g.branchId !== null);
  return [...new Set(ids.map((g) => g.branchId as number))];
}

/** Admins and the committee manage everyone; a branch secretary manages own branch's people. */
export function canEditPeopleOf(user: SessionUser, branchId: number | null): boolean {
  if (seesAllBranches(user)) return true;
  return branchId !== null && secretaryBranchIds(user).includes(branchId);
}

export function canCreatePeople(user: SessionUser): boolean {
  return seesAllBranches(user) || secretaryBranchIds(user).length > 0;
}
