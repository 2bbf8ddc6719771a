import { hasRole, type Actor } from '../../lib/actor.js';
import { forbidden } from '../../lib/errors.js';

/** Branch robots and campaign ladders: the committee and administrators. */
export function assertCanConfigure(actor: Actor): void {
  if (!hasRole(actor, 'admin', 'committee')) throw forbidden();
}

/** The delivery log, retries and test messages: administrators. */
export function assertAdmin(actor: Actor): void {
  if (!hasRole(actor, 'admin')) throw forbidden();
}
