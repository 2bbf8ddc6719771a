import { branchReadScope, type PolicyActor } from './actor.js';

/**
 * Ledgers hold personal data (attendance with reasons of absence), so only those who keep the
 * records export them: the committee and administrators every branch, a branch secretary or
 * committee member their own branch. Party members, leaders and grassroots contacts do not (null).
 */
export function ledgerScope(actor: PolicyActor): 'all' | number[] | null {
  const scope = branchReadScope(actor);
  return scope !== 'all' && scope.length === 0 ? null : scope;
}
