import { and, asc, eq, gte, inArray, lte, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { branches, grassrootsUnits, records, reviews } from '../../db/schema/index.js';

export interface DocFilter {
  campaignId: number;
  branchIds: number[] | 'all';
  from: string;
  to: string;
}

function inRange(f: DocFilter): SQL[] {
  const where: SQL[] = [
    eq(records.campaignId, f.campaignId),
    gte(records.periodKey, f.from),
    lte(records.periodKey, f.to),
  ];
  if (f.branchIds !== 'all') where.push(inArray(records.branchId, f.branchIds.length ? f.branchIds : [-1]));
  return where;
}

/**
 * Approved records with their fields, in the same range and scope as the dashboard's counts
 * (approved, by the period they count for), so lists and numbers agree.
 */
export async function approvedRecords(db: Db, f: DocFilter) {
  return db
    .select({
      id: records.id,
      branchId: records.branchId,
      branchName: branches.name,
      kind: records.kind,
      title: records.title,
      occurredOn: records.occurredOn,
      countsOn: records.countsOn,
      periodKey: records.periodKey,
      data: records.data,
      highlight: records.highlight,
      highlightNote: records.highlightNote,
      exemplary: records.exemplary,
      exemplaryNote: records.exemplaryNote,
    })
    .from(records)
    .innerJoin(branches, eq(branches.id, records.branchId))
    .where(and(...inRange(f), eq(records.status, 'approved')))
    .orderBy(asc(records.countsOn), asc(branches.sortOrder), asc(records.id));
}
export type ApprovedRecord = Awaited<ReturnType<typeof approvedRecords>>[number];

/** Records of the range that were returned at least once, with each return's reason. */
export async function returnsIn(db: Db, f: DocFilter) {
  return db
    .select({
      recordId: records.id,
      branchName: branches.name,
      kind: records.kind,
      title: records.title,
      status: records.status,
      at: reviews.at,
      comment: reviews.comment,
    })
    .from(reviews)
    .innerJoin(records, eq(records.id, reviews.recordId))
    .innerJoin(branches, eq(branches.id, records.branchId))
    .where(and(...inRange(f), eq(reviews.decision, 'returned')))
    .orderBy(asc(branches.sortOrder), asc(reviews.at));
}

export async function unitNames(db: Db): Promise<Map<number, string>> {
  const rows = await db.select({ id: grassrootsUnits.id, name: grassrootsUnits.name }).from(grassrootsUnits);
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function branchOrder(db: Db): Promise<Map<number, number>> {
  const rows = await db.select({ id: branches.id, sortOrder: branches.sortOrder }).from(branches);
  return new Map(rows.map((r) => [r.id, r.sortOrder]));
}
