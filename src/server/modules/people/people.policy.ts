import { branchReadScope, canReadBranch, type Actor } from '../../lib/actor.js';
import { forbidden } from '../../lib/errors.js';

/**
 * Admin and committee manage everyone; a branch secretary manages the people of own branch.
 * Members see only their own entry; other roles see no roster.
 */
export function peopleListScope(actor: Actor): 'all' | number[] {
  const scope = branchReadScope(actor);
  if (scope !== 'all' && scope.length === 0) throw forbidden();
  return scope;
}

export function canReadPerson(actor: Actor, person: { id: number; branchId: number | null }): boolean {
  return actor.personId === person.id || canReadBranch(actor, person.branchId);
}

export function canWritePersonIn(actor: Actor, branchId: number | null): boolean {
  return canReadBranch(actor, branchId);
}
