import { hasRole, type PolicyActor } from './actor.js';

/**
 * The annual summary is the committee's document about every branch: the committee (and the
 * administrator) read and edit it. Meeting records follow the record's own visibility, bulletins
 * the dashboard's (a branch gets its own copy unless the campaign shares rankings).
 */
export const canReadSummary = (actor: PolicyActor) => hasRole(actor, 'admin', 'committee');
export const canEditSummary = (actor: PolicyActor) => hasRole(actor, 'admin', 'committee');
