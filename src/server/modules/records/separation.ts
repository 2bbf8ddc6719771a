import type { AuthedContext } from '../../lib/actor.js';
import { AppError } from '../../lib/errors.js';
import type { Db } from '../../db/client.js';
import * as repo from './records.repo.js';

/**
 * Separation of duties, for the committee's review and the leader's review of a revision alike:
 * whoever created, edited or submitted a record does not review it, whatever roles they hold.
 */
export async function assertNotAuthor(db: Db, ctx: AuthedContext, record: repo.RecordRow): Promise<void> {
  const authors = (await repo.authorsOf(db, [record])).get(record.id)!;
  if (authors.has(ctx.actor.userId)) throw new AppError('REVIEWER_IS_AUTHOR');
}
