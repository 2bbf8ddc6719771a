import { and, asc, eq, gte, inArray, isNotNull, lte, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { branches, problemEvents, problems, records, revisionFollowups } from '../../db/schema/index.js';

export interface FusionFilter {
  campaignId: number;
  branchIds: number[] | 'all';
  from?: string;
  to?: string;
}

/** Approved records of a kind in the months, as the dashboards count them (by their period). */
function approvedOfKind(f: FusionFilter, kind: 'rule_revision' | 'grassroots_problem'): SQL {
  const where: SQL[] = [
    eq(records.campaignId, f.campaignId),
    eq(records.kind, kind),
    eq(records.status, 'approved'),
  ];
  if (f.from) where.push(gte(records.periodKey, f.from));
  if (f.to) where.push(lte(records.periodKey, f.to));
  if (f.branchIds !== 'all') where.push(inArray(records.branchId, f.branchIds.length ? f.branchIds : [-1]));
  return and(...where)!;
}

const recordColumns = {
  id: records.id,
  branchId: records.branchId,
  branchName: branches.name,
  title: records.title,
  data: records.data,
};

export async function approvedRevisions(db: Db, f: FusionFilter) {
  return db
    .select(recordColumns)
    .from(records)
    .innerJoin(branches, eq(branches.id, records.branchId))
    .where(approvedOfKind(f, 'rule_revision'))
    .orderBy(asc(branches.sortOrder), asc(records.countsOn), asc(records.id));
}

/** The problems behind approved problem records, with the register's confirmation. */
export async function approvedProblems(db: Db, f: FusionFilter) {
  return db
    .select({
      ...recordColumns,
      problemId: problems.id,
      state: problems.state,
      confirmedOn: problems.confirmedOn,
    })
    .from(records)
    .innerJoin(branches, eq(branches.id, records.branchId))
    .leftJoin(problems, eq(problems.recordId, records.id))
    .where(approvedOfKind(f, 'grassroots_problem'))
    .orderBy(asc(branches.sortOrder), asc(records.countsOn), asc(records.id));
}

/** Follow-ups that measured the indicator, oldest first (the last one stands). */
export async function measuredFollowups(db: Db, recordIds: number[]) {
  if (!recordIds.length) return [];
  return db
    .select({
      recordId: revisionFollowups.recordId,
      notedOn: revisionFollowups.notedOn,
      measuredValue: revisionFollowups.measuredValue,
      verdict: revisionFollowups.verdict,
    })
    .from(revisionFollowups)
    .where(and(inArray(revisionFollowups.recordId, recordIds), isNotNull(revisionFollowups.measuredValue)))
    .orderBy(asc(revisionFollowups.notedOn), asc(revisionFollowups.id));
}

export async function recheckEvents(db: Db, problemIds: number[]) {
  if (!problemIds.length) return [];
  return db
    .select({ problemId: problemEvents.problemId, data: problemEvents.data })
    .from(problemEvents)
    .where(and(inArray(problemEvents.problemId, problemIds), eq(problemEvents.type, 'recheck')))
    .orderBy(asc(problemEvents.id));
}

/** The facts of one record the review screen needs to find its history. */
export async function recordHead(db: Db, id: number) {
  const [row] = await db
    .select({
      id: records.id,
      campaignId: records.campaignId,
      branchId: records.branchId,
      branchName: branches.name,
      kind: records.kind,
      periodKey: records.periodKey,
      data: records.data,
    })
    .from(records)
    .innerJoin(branches, eq(branches.id, records.branchId))
    .where(eq(records.id, id));
  return row;
}

/** A branch's records of one kind in some periods, handed in (drafts are not history yet). */
export async function branchKindRecords(
  db: Db,
  q: { campaignId: number; branchId: number; kind: string; periodKeys: string[] },
) {
  if (!q.periodKeys.length) return [];
  return db
    .select({
      id: records.id,
      title: records.title,
      status: records.status,
      quality: records.quality,
      periodKey: records.periodKey,
      kind: records.kind,
      data: records.data,
      problemId: problems.id,
      confirmedOn: problems.confirmedOn,
    })
    .from(records)
    .leftJoin(problems, eq(problems.recordId, records.id))
    .where(
      and(
        eq(records.campaignId, q.campaignId),
        eq(records.branchId, q.branchId),
        eq(records.kind, q.kind as 'study'),
        inArray(records.periodKey, q.periodKeys),
        inArray(records.status, ['submitted', 'returned', 'approved']),
      ),
    )
    .orderBy(asc(records.periodKey), asc(records.id));
}

/** The problem a record reports, if it is one (its before / after and rechecks are the record's effect). */
export async function problemIdOfRecord(db: Db, recordId: number): Promise<number | null> {
  const [row] = await db
    .select({ id: problems.id })
    .from(problems)
    .where(eq(problems.recordId, recordId))
    .limit(1);
  return row?.id ?? null;
}
