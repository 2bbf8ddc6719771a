import type { Actor } from '../../lib/actor.js';
import { forbidden } from '../../lib/errors.js';
import { ledgerScope as scopeOf } from '../../../common/policies/ledgers.js';

/** The branches whose ledgers the actor exports; someone who keeps no records is refused. */
export function ledgerScope(actor: Actor): 'all' | number[] {
  const scope = scopeOf(actor);
  if (!scope) throw forbidden();
  return scope;
}
