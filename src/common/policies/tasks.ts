import { hasRole, memberBranchIds, seesAllBranches, type PolicyActor } from './actor.js';

/**
 * Tasks and records of a branch are seen by the committee and by the branch itself (secretary,
 * committee members and Party members). Others have no branch view (null).
 */
export function branchViewScope(actor: PolicyActor): 'all' | number[] | null {
  if (seesAllBranches(actor)) return 'all';
  const own = memberBranchIds(actor);
  return own.length ? own : null;
}

/** The committee grants a branch more time on a task. */
export const canExtendDue = (actor: PolicyActor) => hasRole(actor, 'committee');
