import { isAdmin, type Actor } from '../../lib/actor.js';
import { forbidden } from '../../lib/errors.js';

/** Anyone signed in may read the structure (names of branches and units are not confidential). */
export function assertCanEditOrganisation(actor: Actor): void {
  if (!isAdmin(actor)) throw forbidden();
}
