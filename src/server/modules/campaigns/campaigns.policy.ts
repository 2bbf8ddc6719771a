import { hasRole, type Actor } from '../../lib/actor.js';
import { forbidden } from '../../lib/errors.js';

/** The committee configures campaigns; everyone signed in may read them (they are the rules). */
export function assertCanConfigureCampaigns(actor: Actor): void {
  if (!hasRole(actor, 'committee', 'admin')) throw forbidden();
}
