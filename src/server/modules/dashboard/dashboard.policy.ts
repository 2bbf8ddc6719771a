import { memberBranchIds, seesAllBranches, type Actor } from '../../lib/actor.js';
import { forbidden } from '../../lib/errors.js';
import type { Campaign } from '../../../common/api/campaigns.js';

/**
 * Whose figures a caller sees. The committee sees every branch. A branch sees its own against the
 * standard; other branches' scores only when the campaign allows it (ranking for show is the
 * formalism users complain of, so it is off by default). Others have no dashboard.
 */
export function dashboardScope(
  actor: Actor,
  campaign: Campaign,
): { branchIds: number[] | 'all'; own: number[] } {
  if (seesAllBranches(actor)) return { branchIds: 'all', own: [] };
  const own = [...new Set(memberBranchIds(actor))].filter((b) => campaign.branchIds.includes(b));
  if (!own.length) throw forbidden();
  return { branchIds: campaign.branchesSeeRanking ? 'all' : own, own };
}
