import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { branches, records } from '../../db/schema/index.js';

export async function publicityRecords(
  db: Db,
  branchIds: number[] | 'all',
  f: { campaignId?: number; branchId?: number },
) {
  return db
    .select({ record: records, branchName: branches.name })
    .from(records)
    .innerJoin(branches, eq(branches.id, records.branchId))
    .where(
      and(
        eq(records.kind, 'publicity'),
        branchIds === 'all' ? undefined : inArray(records.branchId, branchIds.length ? branchIds : [-1]),
        f.campaignId ? eq(records.campaignId, f.campaignId) : undefined,
        f.branchId ? eq(records.branchId, f.branchId) : undefined,
      ),
    )
    .orderBy(asc(records.countsOn), asc(records.id));
}

export async function recordTitles(db: Db, ids: number[]) {
  if (!ids.length) return [];
  return db
    .select({ id: records.id, kind: records.kind, title: records.title, branchId: records.branchId })
    .from(records)
    .where(inArray(records.id, ids));
}
