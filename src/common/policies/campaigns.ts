import {
  branchReadScope,
  committeeBranchIds,
  isCompanyCommittee,
  seesAllBranches,
  type PolicyActor,
} from './actor.js';

/**
 * Who launches campaigns at all: the group's committee, for all or chosen companies, and a
 * company's committee, for its own company. Everyone signed in may read them (they are the rules),
 * but see canSeeCampaign.
 */
export const canConfigureCampaigns = (actor: PolicyActor) =>
  seesAllBranches(actor) || isCompanyCommittee(actor);

/** The branches a campaign the actor configures may cover: every one, or its company's. */
export function campaignBranchScope(actor: PolicyActor): 'all' | number[] {
  if (seesAllBranches(actor)) return 'all';
  return isCompanyCommittee(actor) ? committeeBranchIds(actor) : [];
}

/**
 * Whether the actor configures (edits, starts, closes) this campaign: the group's committee any; a
 * company's committee its company's own campaigns, those whose every branch is of its company.
 */
export function canConfigureCampaign(
  actor: PolicyActor,
  campaign: { branchIds: readonly number[] },
): boolean {
  const scope = campaignBranchScope(actor);
  if (scope === 'all') return true;
  // A campaign of no branch is nobody's company's own.
  return campaign.branchIds.length > 0 && campaign.branchIds.every((b) => scope.includes(b));
}

/**
 * Whether the actor sees a campaign at all. Campaigns are the rules, read by everyone signed in;
 * but a company's own campaign is that company's business: a company's committee sees the group's
 * campaigns that reach its company and its company's own, never another company's (answered as
 * missing, like every other thing of another company).
 */
export function canSeeCampaign(actor: PolicyActor, campaign: { branchIds: readonly number[] }): boolean {
  if (!isCompanyCommittee(actor)) return true;
  const scope = branchReadScope(actor);
  return scope === 'all' || campaign.branchIds.some((b) => scope.includes(b));
}
