import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { branches, records } from '../../db/schema/index.js';

// A case is an approved optional action the committee marked exemplary: the flag and its note
// are columns of the record, and this module is the one that reads and sets them.

export type CaseRecord = typeof records.$inferSelect;

export async function listCases(db: Db, f: { campaignId?: number; periodKey?: string }) {
  return db
    .select({ record: records, branchName: branches.name })
    .from(records)
    .innerJoin(branches, eq(branches.id, records.branchId))
    .where(
      and(
        // Only optional actions are cases: the same test as the case evidence check.
        eq(records.kind, 'optional'),
        eq(records.exemplary, true),
        eq(records.status, 'approved'),
        f.campaignId ? eq(records.campaignId, f.campaignId) : undefined,
        f.periodKey ? eq(records.periodKey, f.periodKey) : undefined,
      ),
    )
    .orderBy(desc(records.occurredOn));
}

export async function findCaseRecord(db: Db, id: number): Promise<CaseRecord | undefined> {
  const [row] = await db.select().from(records).where(eq(records.id, id));
  return row;
}

/** Optimistic concurrency, as for every record update: applies only to the version the caller saw. */
export async function setExemplary(
  db: Db,
  id: number,
  version: number,
  values: { exemplary: boolean; exemplaryNote: string | null },
): Promise<boolean> {
  const rows = await db
    .update(records)
    .set({ ...values, version: version + 1 })
    .where(and(eq(records.id, id), eq(records.version, version)))
    .returning({ id: records.id });
  return rows.length === 1;
}
