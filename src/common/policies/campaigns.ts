import { seesAllBranches, type PolicyActor } from './actor.js';

/**
 * The group's committee configures campaigns (a company's committee runs the ones it is given);
 * everyone signed in may read them (they are the rules).
 */
export const canConfigureCampaigns = (actor: PolicyActor) => seesAllBranches(actor);
