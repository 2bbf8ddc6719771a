import { and, asc, eq, gte, inArray, isNotNull, lte, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { attendance, branches, people, problems, records, tasks } from '../../db/schema/index.js';
import { cstDay } from '../tasks/tasks.repo.js';

/** What every ledger is limited to: the campaign, the caller's branches and the filters on screen. */
export interface LedgerFilter {
  campaignId: number;
  branchIds: number[] | 'all';
  /** First and last day of the month range, both included (the counting date decides). */
  fromDate?: string;
  toDate?: string;
  status?: string;
}

/** The date a record counts for (published, solved, first released…), or its activity date. */
const countingDate = sql<string>`coalesce(${records.countsOn}, ${records.occurredOn})`;

function recordWhere(f: LedgerFilter, kinds: string[]): SQL {
  const where: SQL[] = [eq(records.campaignId, f.campaignId), inArray(records.kind, kinds as 'study'[])];
  if (f.branchIds !== 'all') where.push(inArray(records.branchId, f.branchIds.length ? f.branchIds : [-1]));
  if (f.fromDate) where.push(gte(countingDate, f.fromDate));
  if (f.toDate) where.push(lte(countingDate, f.toDate));
  if (f.status) where.push(eq(records.status, f.status as 'draft'));
  return and(...where)!;
}

/** Where a batch ended: rows are read in (branch order, branch, date, id) order, BATCH at a time. */
export interface RecordCursor {
  branchOrder: number;
  branchId: number;
  date: string;
  id: number;
}

/**
 * One batch of a kind's records in ledger order, after the cursor. Reading in batches keeps a
 * 100,000-row ledger out of memory: each batch is written and dropped before the next is read.
 */
export async function recordBatch(
  db: Db,
  f: LedgerFilter,
  kind: string,
  after: RecordCursor | null,
  limit: number,
) {
  const where = [recordWhere(f, [kind])];
  if (after) {
    where.push(
      sql`(${branches.sortOrder}, ${branches.id}, ${countingDate}, ${records.id}) > (${after.branchOrder}, ${after.branchId}, ${after.date}::date, ${after.id})`,
    );
  }
  return db
    .select({
      id: records.id,
      branchId: records.branchId,
      branchName: branches.name,
      branchOrder: branches.sortOrder,
      title: records.title,
      occurredOn: records.occurredOn,
      date: sql<string>`${countingDate}::text`,
      periodKey: records.periodKey,
      status: records.status,
      data: records.data,
      firstSubmittedAt: records.firstSubmittedAt,
      approvedAt: records.approvedAt,
      quality: records.quality,
      highlight: records.highlight,
      exemplary: records.exemplary,
      leaderStatus: records.leaderStatus,
      dueDate: tasks.dueDate,
      late: sql<boolean>`coalesce(${cstDay(records.firstSubmittedAt)} > ${tasks.dueDate}, false)`,
    })
    .from(records)
    .innerJoin(branches, eq(branches.id, records.branchId))
    .leftJoin(tasks, eq(tasks.id, records.taskId))
    .where(and(...where))
    .orderBy(asc(branches.sortOrder), asc(branches.id), asc(countingDate), asc(records.id))
    .limit(limit);
}
export type LedgerRecord = Awaited<ReturnType<typeof recordBatch>>[number];

/** Attendance of the given records, with names, in the order people were entered. */
export async function attendanceOfRecords(db: Db, recordIds: number[]) {
  if (!recordIds.length) return [];
  return db
    .select({
      recordId: attendance.recordId,
      name: people.name,
      status: attendance.status,
      reason: attendance.reason,
    })
    .from(attendance)
    .innerJoin(people, eq(people.id, attendance.personId))
    .where(inArray(attendance.recordId, recordIds))
    .orderBy(asc(attendance.recordId), asc(people.id));
}

export async function personNames(db: Db, ids: number[]): Promise<Map<number, string>> {
  if (!ids.length) return new Map();
  const rows = await db
    .select({ id: people.id, name: people.name })
    .from(people)
    .where(inArray(people.id, ids));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The register's side of problem records: the unit's confirmation and satisfaction. */
export async function problemsOfRecords(db: Db, recordIds: number[]) {
  if (!recordIds.length) return [];
  return db
    .select({
      recordId: problems.recordId,
      state: problems.state,
      confirmation: problems.confirmation,
      confirmedOn: problems.confirmedOn,
      satisfaction: problems.satisfaction,
      onBehalf: problems.confirmedOnBehalfReason,
    })
    .from(problems)
    .where(inArray(problems.recordId, recordIds));
}

/** Each member's attendance totals over the meetings in the filter, against 应到. */
export async function attendanceTotalsByPerson(db: Db, f: LedgerFilter) {
  return db
    .select({
      personId: people.id,
      name: people.name,
      employeeNo: people.employeeNo,
      branchName: branches.name,
      expected: sql<number>`count(*)::int`,
      present: sql<number>`count(*) filter (where ${attendance.status} = 'present')::int`,
      leave: sql<number>`count(*) filter (where ${attendance.status} = 'leave')::int`,
      absent: sql<number>`count(*) filter (where ${attendance.status} = 'absent')::int`,
    })
    .from(attendance)
    .innerJoin(records, eq(records.id, attendance.recordId))
    .innerJoin(branches, eq(branches.id, records.branchId))
    .innerJoin(people, eq(people.id, attendance.personId))
    .where(recordWhere(f, ['study', 'theme_day']))
    .groupBy(people.id, people.name, people.employeeNo, branches.name, branches.sortOrder, branches.id)
    .orderBy(asc(branches.sortOrder), asc(branches.id), asc(people.id));
}

export interface AttendanceCursor {
  branchOrder: number;
  branchId: number;
  personId: number;
  date: string;
  recordId: number;
}

/** One batch of attendance lines (member × meeting) in ledger order, after the cursor. */
export async function attendanceBatch(
  db: Db,
  f: LedgerFilter,
  after: AttendanceCursor | null,
  limit: number,
) {
  const where = [recordWhere(f, ['study', 'theme_day'])];
  if (after) {
    where.push(
      sql`(${branches.sortOrder}, ${branches.id}, ${people.id}, ${records.occurredOn}, ${records.id}) > (${after.branchOrder}, ${after.branchId}, ${after.personId}, ${after.date}::date, ${after.recordId})`,
    );
  }
  return db
    .select({
      branchOrder: branches.sortOrder,
      branchId: branches.id,
      branchName: branches.name,
      personId: people.id,
      name: people.name,
      employeeNo: people.employeeNo,
      recordId: records.id,
      kind: records.kind,
      title: records.title,
      date: sql<string>`${records.occurredOn}::text`,
      recordStatus: records.status,
      status: attendance.status,
      reason: attendance.reason,
      signedInAt: attendance.signedInAt,
    })
    .from(attendance)
    .innerJoin(records, eq(records.id, attendance.recordId))
    .innerJoin(branches, eq(branches.id, records.branchId))
    .innerJoin(people, eq(people.id, attendance.personId))
    .where(and(...where))
    .orderBy(
      asc(branches.sortOrder),
      asc(branches.id),
      asc(people.id),
      asc(records.occurredOn),
      asc(records.id),
    )
    .limit(limit);
}

/** Per task: when its records were first submitted and approved, and their grades. */
export async function taskRecordFacts(db: Db, campaignId: number) {
  return db
    .select({
      taskId: records.taskId,
      firstSubmittedAt: sql<Date | null>`min(${records.firstSubmittedAt})`.mapWith(records.firstSubmittedAt),
      approvedAt: sql<Date | null>`max(${records.approvedAt})`.mapWith(records.approvedAt),
      qualities: sql<
        (string | null)[]
      >`coalesce(array_agg(${records.quality}) filter (where ${records.status} = 'approved'), '{}')`,
    })
    .from(records)
    .where(and(eq(records.campaignId, campaignId), isNotNull(records.taskId)))
    .groupBy(records.taskId);
}
