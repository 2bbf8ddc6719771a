import { hasRole, type PolicyActor } from './actor.js';

/** The committee configures campaigns; everyone signed in may read them (they are the rules). */
export const canConfigureCampaigns = (actor: PolicyActor) => hasRole(actor, 'committee', 'admin');
