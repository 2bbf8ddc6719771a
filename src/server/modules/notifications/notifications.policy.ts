import type { Actor } from '../../lib/actor.js';
import { forbidden } from '../../lib/errors.js';
import { canConfigureNotifications, canManageDelivery } from '../../../common/policies/notifications.js';

export function assertCanConfigure(actor: Actor): void {
  if (!canConfigureNotifications(actor)) throw forbidden();
}

export function assertAdmin(actor: Actor): void {
  if (!canManageDelivery(actor)) throw forbidden();
}
