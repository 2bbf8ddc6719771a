import type { Campaign } from '../api/campaigns.js';
import { branchViewIds, isAdmin, isCommitteeFor, seesAllBranches, type PolicyActor } from './actor.js';

/**
 * Whose 融合成效 a caller sees: the committee every branch; a branch (its secretary and members)
 * its own only, whatever the campaign says about rankings, since these are its own results.
 * Null: no view at all.
 */
export function fusionScope(
  actor: PolicyActor,
  campaign: Pick<Campaign, 'branchIds'>,
): { branchIds: number[] | 'all' } | null {
  if (seesAllBranches(actor)) return { branchIds: 'all' };
  const own = branchViewIds(actor).filter((b) => campaign.branchIds.includes(b));
  return own.length ? { branchIds: own } : null;
}

/** The review screen's history of a branch: its committee's, who review (and the administrator's). */
export const canReadReviewContext = (actor: PolicyActor, branchId: number) =>
  isAdmin(actor) || isCommitteeFor(actor, branchId);
