import type { Actor } from '../../lib/actor.js';
import { AppError, forbidden, notFound } from '../../lib/errors.js';
import {
  canConfigureCampaign,
  canConfigureCampaigns,
  canSeeCampaign,
} from '../../../common/policies/campaigns.js';

export { campaignBranchScope, canSeeCampaign } from '../../../common/policies/campaigns.js';

/** The campaign, if the actor may see it: a missing one and another company's own both answer 404. */
export function visibleCampaign<T extends { branchIds: readonly number[] }>(
  actor: Actor,
  campaign: T | undefined,
): T {
  if (!campaign || !canSeeCampaign(actor, campaign)) throw notFound();
  return campaign;
}

export function assertCanConfigureCampaigns(actor: Actor): void {
  if (!canConfigureCampaigns(actor)) throw forbidden();
}

/** A company's committee configures its own company's campaigns only, and covers only its branches. */
export function assertCanConfigureCampaign(actor: Actor, campaign: { branchIds: readonly number[] }): void {
  if (!canConfigureCampaign(actor, campaign)) throw new AppError('CAMPAIGN_OUTSIDE_COMPANY');
}
