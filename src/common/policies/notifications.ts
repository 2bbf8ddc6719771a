import { hasRole, seesAllBranches, type PolicyActor } from './actor.js';

/** Branch robots and campaign ladders: the group's committee and administrators. */
export const canConfigureNotifications = (actor: PolicyActor) => seesAllBranches(actor);

/** The delivery log, retries and test messages: administrators. */
export const canManageDelivery = (actor: PolicyActor) => hasRole(actor, 'admin');
