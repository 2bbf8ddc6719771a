import { memberBranchIds, seesAllBranches, type Actor } from '../../lib/actor.js';
import { forbidden } from '../../lib/errors.js';

/**
 * Tasks and records of a branch are seen by the committee and by the branch itself (secretary,
 * committee members and Party members). Others have no branch view.
 */
export function branchViewScope(actor: Actor): 'all' | number[] {
  if (seesAllBranches(actor)) return 'all';
  const own = [...new Set(memberBranchIds(actor))];
  if (!own.length) throw forbidden();
  return own;
}

export function assertCanExtendDue(actor: Actor): void {
  if (!actor.grants.some((g) => g.role === 'committee')) throw forbidden();
}
