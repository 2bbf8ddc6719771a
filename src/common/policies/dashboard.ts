import type { Campaign } from '../api/campaigns.js';
import { memberBranchIds, seesAllBranches, type PolicyActor } from './actor.js';

/**
 * Whose figures a caller sees. The committee sees every branch. A branch sees its own against the
 * standard; other branches' scores only when the campaign allows it (ranking for show is the
 * formalism users complain of, so it is off by default). Others have no dashboard (null).
 */
export function dashboardScope(
  actor: PolicyActor,
  campaign: Pick<Campaign, 'branchIds' | 'branchesSeeRanking'>,
): { branchIds: number[] | 'all'; own: number[] } | null {
  if (seesAllBranches(actor)) return { branchIds: 'all', own: [] };
  const own = memberBranchIds(actor).filter((b) => campaign.branchIds.includes(b));
  if (!own.length) return null;
  return { branchIds: campaign.branchesSeeRanking ? 'all' : own, own };
}

/**
 * The comparison of companies is the group committee's: it reads every company's figures. (A
 * company's own committee will see its company against the group's average, not the others.)
 */
export const canCompareCompanies = (actor: PolicyActor) => seesAllBranches(actor);
