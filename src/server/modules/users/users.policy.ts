import { isAdmin, type Actor } from '../../lib/actor.js';
import { forbidden } from '../../lib/errors.js';

/** Accounts and their roles are the administrator's alone. */
export function assertCanManageUsers(actor: Actor): void {
  if (!isAdmin(actor)) throw forbidden();
}
