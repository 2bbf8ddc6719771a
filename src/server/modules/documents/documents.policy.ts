import { hasRole, type Actor } from '../../lib/actor.js';
import { forbidden } from '../../lib/errors.js';

/**
 * The annual summary is the committee's document about every branch: the committee (and the
 * administrator) read and edit it. Meeting records follow the record's own visibility, bulletins
 * the dashboard's (a branch gets its own copy unless the campaign shares rankings).
 */
export function assertCanReadSummary(actor: Actor): void {
  if (!hasRole(actor, 'admin', 'committee')) throw forbidden();
}

export function assertCanEditSummary(actor: Actor): void {
  if (!hasRole(actor, 'admin', 'committee')) throw forbidden();
}
