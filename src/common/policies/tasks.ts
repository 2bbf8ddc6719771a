import { branchViewIds, isCommitteeFor, seesAllBranches, type PolicyActor } from './actor.js';

/**
 * Tasks and records of a branch are seen by the committee (the group's every branch, a
 * company's its own) and by the branch itself (secretary, committee members and Party members). Others have no branch view (null).
 */
export function branchViewScope(actor: PolicyActor): 'all' | number[] | null {
  if (seesAllBranches(actor)) return 'all';
  const own = branchViewIds(actor);
  return own.length ? own : null;
}

/** The branch's committee (the group's, or its company's) grants it more time on a task. */
export const canExtendDue = (actor: PolicyActor, branchId: number) => isCommitteeFor(actor, branchId);
