import type { Db } from '../../db/client.js';
import * as repo from './revisions.repo.js';

// A revision's trail as other modules read it (the revision ledger), without reaching into the
// revisions repo: its leader's reviews and its effect follow-ups. The caller authorizes the records.

/** The leader's reviews of the given revisions, oldest first (a returned one may be followed by another). */
export async function leaderReviewsOf(db: Db, recordIds: number[]) {
  return repo.leaderReviewsOf(db, recordIds);
}

/** The effect follow-ups of the given revisions, in due order, with what was found and by whom. */
export async function followupsOf(db: Db, recordIds: number[]) {
  return repo.followupsOf(db, recordIds);
}
