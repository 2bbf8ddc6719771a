import type { Actor } from '../../lib/actor.js';
import { forbidden } from '../../lib/errors.js';
import { branchViewScope as scopeOf, canExtendDue } from '../../../common/policies/tasks.js';

/** The branches whose tasks the actor sees; someone with no branch view is refused. */
export function branchViewScope(actor: Actor): 'all' | number[] {
  const scope = scopeOf(actor);
  if (!scope) throw forbidden();
  return scope;
}

export function assertCanExtendDue(actor: Actor): void {
  if (!canExtendDue(actor)) throw forbidden();
}
