import type { Actor } from '../../lib/actor.js';
import { forbidden } from '../../lib/errors.js';
import { canConfigureCampaigns } from '../../../common/policies/campaigns.js';

export function assertCanConfigureCampaigns(actor: Actor): void {
  if (!canConfigureCampaigns(actor)) throw forbidden();
}
