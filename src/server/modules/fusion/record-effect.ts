import type { Db } from '../../db/client.js';
import type { RecordEffect } from '../../../common/api/fusion.js';
import { measuredFollowups, problemIdOfRecord, recheckEvents } from './fusion.repo.js';
import { effectOfRecord } from './fusion-figures.js';

/** One record's effect now, as the review screen shows it (its own data, follow-ups and rechecks). */
export async function effectOfRecordNow(db: Db, recordId: number, data: unknown): Promise<RecordEffect> {
  const problemId = await problemIdOfRecord(db, recordId);
  const [measures, rechecks] = await Promise.all([
    measuredFollowups(db, [recordId]),
    recheckEvents(db, problemId === null ? [] : [problemId]),
  ]);
  return effectOfRecord(
    data,
    measures,
    rechecks.map((r) => r.data),
  );
}
