import type { Actor } from '../../lib/actor.js';
import { hasRole } from '../../lib/actor.js';
import { forbidden, notFound } from '../../lib/errors.js';
import { branchViewScope as scopeOf, canExtendDue } from '../../../common/policies/tasks.js';

/** The branches whose tasks the actor sees; someone with no branch view is refused. */
export function branchViewScope(actor: Actor): 'all' | number[] {
  const scope = scopeOf(actor);
  if (!scope) throw forbidden();
  return scope;
}

/** Granting time is a committee's; a task of a branch outside its company answers 404. */
export function assertCanExtendDue(actor: Actor, branchId?: number): void {
  if (!hasRole(actor, 'committee')) throw forbidden();
  if (branchId !== undefined && !canExtendDue(actor, branchId)) throw notFound();
}
