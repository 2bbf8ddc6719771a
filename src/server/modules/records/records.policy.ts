import type { Actor } from '../../lib/actor.js';
import { forbidden, notFound } from '../../lib/errors.js';
import {
  canReview,
  reviewsRecords,
  recordScope as scopeOf,
  type RecordScope,
} from '../../../common/policies/records.js';

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

/** Reviewing is a committee's: anyone else is refused outright. */
export function assertCanReview(actor: Actor): void {
  if (!reviewsRecords(actor)) throw forbidden();
}

/** A branch outside the reviewer's company answers 404, as if it did not exist. */
export function assertReviewsBranch(actor: Actor, branchId: number): void {
  if (!canReview(actor, branchId)) throw notFound();
}
