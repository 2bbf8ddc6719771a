import { and, asc, eq, isNull, ne } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { blobs, branches, evidence, problems, recordHistory, records } from '../../db/schema/index.js';

export interface DemoRecord {
  id: number;
  kind: string;
  title: string;
  status: string;
  branchOrder: number;
  periodKey: string | null;
  occurredOn: string;
  createdAt: Date;
  createdBy: number | null;
  data: Record<string, unknown>;
}

/** The demo campaign's handed-in records, branch by branch (in the branches' order), month by month. */
export async function demoRecords(db: Db, campaignId: number): Promise<DemoRecord[]> {
  const rows = await db
    .select({
      id: records.id,
      kind: records.kind,
      title: records.title,
      status: records.status,
      branchOrder: branches.sortOrder,
      branchId: records.branchId,
      periodKey: records.periodKey,
      occurredOn: records.occurredOn,
      createdAt: records.createdAt,
      createdBy: records.createdBy,
      data: records.data,
    })
    .from(records)
    .innerJoin(branches, eq(branches.id, records.branchId))
    .where(and(eq(records.campaignId, campaignId), ne(records.status, 'draft')))
    .orderBy(asc(branches.sortOrder), asc(branches.id), asc(records.periodKey), asc(records.id));
  const order = [...new Set(rows.map((r) => r.branchId))];
  return rows.map(({ branchId, ...r }) => ({
    ...r,
    branchOrder: order.indexOf(branchId),
    data: r.data as Record<string, unknown>,
  }));
}

/** The first photo still on the record, if any. */
export async function photoOf(db: Db, recordId: number): Promise<string | undefined> {
  const [row] = await db
    .select({ sha256: evidence.sha256 })
    .from(evidence)
    .where(and(eq(evidence.recordId, recordId), eq(evidence.kind, 'photo'), isNull(evidence.removedAt)))
    .orderBy(asc(evidence.id))
    .limit(1);
  return row?.sha256;
}

export async function setImageHash(db: Db, sha256: string, hash: bigint | null): Promise<void> {
  await db.update(blobs).set({ imageHash: hash }).where(eq(blobs.sha256, sha256));
}

export async function setRecord(
  db: Db,
  id: number,
  values: Partial<
    Pick<
      typeof records.$inferInsert,
      'title' | 'data' | 'createdAt' | 'submittedAt' | 'firstSubmittedAt' | 'updatedAt'
    >
  >,
): Promise<void> {
  await db.update(records).set(values).where(eq(records.id, id));
}

/** The register entry behind a problem record follows the record's unit, title and description. */
export async function setProblemOfRecord(
  db: Db,
  recordId: number,
  values: { unitId: number; title: string; description: string },
): Promise<void> {
  await db.update(problems).set(values).where(eq(problems.recordId, recordId));
}

/** Moves the record's history steps of a change (create, submit) to the time given. */
export async function setHistoryTime(db: Db, recordId: number, change: string, at: Date): Promise<void> {
  await db
    .update(recordHistory)
    .set({ at })
    .where(and(eq(recordHistory.recordId, recordId), eq(recordHistory.change, change)));
}
