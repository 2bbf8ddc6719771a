import type { Actor } from '../../lib/actor.js';
import { forbidden } from '../../lib/errors.js';
import { canEditOrganisation } from '../../../common/policies/org.js';

export function assertCanEditOrganisation(actor: Actor): void {
  if (!canEditOrganisation(actor)) throw forbidden();
}
