import type { Actor } from '../../lib/actor.js';
import { forbidden } from '../../lib/errors.js';
import { peopleListScope as scopeOf } from '../../../common/policies/people.js';

export { canReadPerson, canEditPeopleOf as canWritePersonIn } from '../../../common/policies/people.js';

/** The roster the actor sees; someone with no roster at all is refused. */
export function peopleListScope(actor: Actor): 'all' | number[] {
  const scope = scopeOf(actor);
  if (!scope) throw forbidden();
  return scope;
}
