import { branchReadScope, canReadBranch, type PolicyActor } from './actor.js';

/**
 * Admin and committee manage everyone; a branch secretary manages the people of own branch.
 * Members see only their own entry; other roles see no roster (null).
 */
export function peopleListScope(actor: PolicyActor): 'all' | number[] | null {
  const scope = branchReadScope(actor);
  return scope !== 'all' && scope.length === 0 ? null : scope;
}

export function canReadPerson(actor: PolicyActor, person: { id: number; branchId: number | null }): boolean {
  return (actor.personId ?? null) === person.id || canReadBranch(actor, person.branchId);
}

/** Adding, editing or moving a person needs the rights on the branch they are (or go) in. */
export const canEditPeopleOf = (actor: PolicyActor, branchId: number | null): boolean =>
  canReadBranch(actor, branchId);

/** Whether the roster shows an "add person" button at all. */
export const canCreatePeople = (actor: PolicyActor): boolean => peopleListScope(actor) !== null;
