import type { Campaign } from '../api/campaigns.js';
import {
  committeeBranchIds,
  committeeCompanyIds,
  isCompanyCommittee,
  memberBranchIds,
  seesAllBranches,
  type PolicyActor,
} from './actor.js';

/**
 * Whose figures a caller sees. The committee sees every branch. A branch sees its own against the
 * standard; other branches' scores only when the campaign allows it (ranking for show is the
 * formalism users complain of, so it is off by default). Others have no dashboard (null).
 */
export function dashboardScope(
  actor: PolicyActor,
  campaign: Pick<Campaign, 'branchIds' | 'branchesSeeRanking'>,
): { branchIds: number[] | 'all'; own: number[]; view: 'all' | 'company' | 'own' } | null {
  if (seesAllBranches(actor)) return { branchIds: 'all', own: [], view: 'all' };
  if (isCompanyCommittee(actor)) {
    const committee = committeeBranchIds(actor);
    const company = committee === 'all' ? [] : committee.filter((b) => campaign.branchIds.includes(b));
    return company.length ? { branchIds: company, own: [], view: 'company' } : null;
  }
  const own = memberBranchIds(actor).filter((b) => campaign.branchIds.includes(b));
  if (!own.length) return null;
  return campaign.branchesSeeRanking
    ? { branchIds: 'all', own, view: 'all' }
    : { branchIds: own, own, view: 'own' };
}

/**
 * The comparison of companies: the group committee reads every company's figures; a company's own
 * committee its own company against the group's average, not the others' positions.
 */
export const canCompareCompanies = (actor: PolicyActor) =>
  seesAllBranches(actor) || isCompanyCommittee(actor);
/**
 * Whether the dashboard may be narrowed to a company: the group's committee any company's, a
 * company's committee its own; for anyone else another company is out of scope (404).
 */
export function canNarrowToCompany(actor: PolicyActor, companyId: number): boolean {
  const shown = comparedCompanies(actor);
  return shown === 'all' || shown.includes(companyId);
}

/** Which companies' rows the comparison shows: 'all', or the company committee's own. */
export const comparedCompanies = (actor: PolicyActor): 'all' | number[] =>
  seesAllBranches(actor) ? 'all' : committeeCompanyIds(actor);
