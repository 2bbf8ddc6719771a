import type { Grant } from '../../common/api/auth.js';
import type { Role } from '../../common/roles.js';

/** Who is calling, resolved from the session. Services authorize against this, never against HTTP. */
export interface Actor {
  userId: number;
  username: string;
  displayName: string;
  personId: number | null;
  grants: Grant[];
}

export interface RequestContext {
  actor: Actor | null;
  ip: string | null;
}

export interface AuthedContext extends RequestContext {
  actor: Actor;
}

export function hasRole(actor: Actor, ...wanted: Role[]): boolean {
  return actor.grants.some((g) => wanted.includes(g.role));
}

export const isAdmin = (a: Actor) => hasRole(a, 'admin');
/** The committee sees all branches; administrators see everything too. */
export const seesAllBranches = (a: Actor) => hasRole(a, 'admin', 'committee');

/** Branches where the actor acts as secretary / committee member. */
export function secretaryBranchIds(a: Actor): number[] {
  return a.grants.filter((g) => g.role === 'branch_secretary' && g.branchId).map((g) => g.branchId!);
}

/** Branches the actor belongs to as a Party member or works for as secretary. */
export function memberBranchIds(a: Actor): number[] {
  return a.grants
    .filter((g) => (g.role === 'member' || g.role === 'branch_secretary') && g.branchId)
    .map((g) => g.branchId!);
}

/**
 * Which branches' people and records the actor may read at branch level: 'all', or a list
 * (possibly empty). Services turn an out-of-scope object into 404, never 403, so ids do not leak.
 */
export function branchReadScope(a: Actor): 'all' | number[] {
  if (seesAllBranches(a)) return 'all';
  return [...new Set(secretaryBranchIds(a))];
}

export function canReadBranch(a: Actor, branchId: number | null): boolean {
  const scope = branchReadScope(a);
  return scope === 'all' || (branchId !== null && scope.includes(branchId));
}
