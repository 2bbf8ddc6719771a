import { hasRole, type PolicyActor } from './actor.js';

/** Branch robots and campaign ladders: the committee and administrators. */
export const canConfigureNotifications = (actor: PolicyActor) => hasRole(actor, 'admin', 'committee');

/** The delivery log, retries and test messages: administrators. */
export const canManageDelivery = (actor: PolicyActor) => hasRole(actor, 'admin');
