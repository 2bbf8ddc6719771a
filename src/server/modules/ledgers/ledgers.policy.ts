import { branchReadScope, type Actor } from '../../lib/actor.js';
import { forbidden } from '../../lib/errors.js';

/**
 * Ledgers hold personal data (attendance with reasons of absence), so only those who keep the
 * records export them: the committee and administrators every branch, a branch secretary or
 * committee member their own branch. Party members, leaders and grassroots contacts do not.
 */
export function ledgerScope(actor: Actor): 'all' | number[] {
  const scope = branchReadScope(actor);
  if (scope !== 'all' && scope.length === 0) throw forbidden();
  return scope;
}
