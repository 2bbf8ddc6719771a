import type { Actor } from '../../lib/actor.js';
import { forbidden } from '../../lib/errors.js';
import { canReview, recordScope as scopeOf, type RecordScope } from '../../../common/policies/records.js';

export {
  canReadRecord,
  canReview,
  canWriteForBranch,
  isEditableStatus,
} from '../../../common/policies/records.js';

/** The records the actor may list; someone who sees no records at all is refused. */
export function recordScope(actor: Actor): RecordScope {
  const scope = scopeOf(actor);
  if (!scope) throw forbidden();
  return scope;
}

export const safeRecordScope = (actor: Actor): RecordScope | null => scopeOf(actor);

export function assertCanReview(actor: Actor): void {
  if (!canReview(actor)) throw forbidden();
}
