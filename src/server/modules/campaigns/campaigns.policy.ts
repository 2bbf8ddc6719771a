import type { Actor } from '../../lib/actor.js';
import { AppError, forbidden } from '../../lib/errors.js';
import { canConfigureCampaign, canConfigureCampaigns } from '../../../common/policies/campaigns.js';

export { campaignBranchScope, canSeeCampaign } from '../../../common/policies/campaigns.js';

export function assertCanConfigureCampaigns(actor: Actor): void {
  if (!canConfigureCampaigns(actor)) throw forbidden();
}

/** A company's committee configures its own company's campaigns only, and covers only its branches. */
export function assertCanConfigureCampaign(actor: Actor, campaign: { branchIds: readonly number[] }): void {
  if (!canConfigureCampaign(actor, campaign)) throw new AppError('CAMPAIGN_OUTSIDE_COMPANY');
}
