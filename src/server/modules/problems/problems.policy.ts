import type { Actor } from '../../lib/actor.js';
import { forbidden } from '../../lib/errors.js';
import { problemScope as scopeOf, type ProblemScope } from '../../../common/policies/problems.js';

/** The problems the actor's ledger lists; someone with no ledger at all is refused. */
export function problemScope(actor: Actor): ProblemScope {
  const scope = scopeOf(actor);
  if (!scope) throw forbidden();
  return scope;
}
