import type { Actor } from '../../lib/actor.js';
import { forbidden } from '../../lib/errors.js';
import { canManageUsers } from '../../../common/policies/users.js';

export function assertCanManageUsers(actor: Actor): void {
  if (!canManageUsers(actor)) throw forbidden();
}
