import type { Actor } from '../../lib/actor.js';
import { forbidden } from '../../lib/errors.js';
import type { Campaign } from '../../../common/api/campaigns.js';
import { dashboardScope as scopeOf } from '../../../common/policies/dashboard.js';

/** Whose figures the actor sees in the campaign; someone with no dashboard is refused. */
export function dashboardScope(actor: Actor, campaign: Campaign): NonNullable<ReturnType<typeof scopeOf>> {
  const scope = scopeOf(actor, campaign);
  if (!scope) throw forbidden();
  return scope;
}
