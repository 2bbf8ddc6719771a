import { and, asc, eq, gte, inArray, isNull, lte, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import {
  attendance,
  branches,
  campaignActionKinds,
  evidence,
  people,
  problems,
  records,
  tasks,
} from '../../db/schema/index.js';
import { cstDay, recordCounts } from '../tasks/tasks.repo.js';

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

const ledgerOrder = [asc(branches.sortOrder), asc(branches.id), asc(countingDate), asc(records.id)];

/**
 * The ids of a kind's records in ledger order (branch, counting date). One sorted query; the
 * rows themselves are then read a batch at a time by id, so a 100,000-row ledger never sits in
 * memory and the database sorts once, not once per batch.
 */
export async function recordIds(db: Db, f: LedgerFilter, kind: string): Promise<number[]> {
  const rows = await db
    .select({ id: records.id })
    .from(records)
    .innerJoin(branches, eq(branches.id, records.branchId))
    .where(recordWhere(f, [kind]))
    .orderBy(...ledgerOrder);
  return rows.map((r) => r.id);
}

/** The ledger's columns of the given records, in ledger order. */
export async function recordsByIds(db: Db, ids: number[]) {
  if (!ids.length) return [];
  return db
    .select({
      id: records.id,
      branchId: records.branchId,
      branchName: branches.name,
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
    .where(inArray(records.id, ids))
    .orderBy(...ledgerOrder);
}
export type LedgerRecord = Awaited<ReturnType<typeof recordsByIds>>[number];

/**
 * Attendance of the given records, one row each, summed in the database: 应到 (everyone listed),
 * present, on leave, absent, and who was not there with the reason given.
 */
export async function attendanceOfRecords(db: Db, recordIds: number[]) {
  if (!recordIds.length) return [];
  const away = sql`${people.name} || '(' || case ${attendance.status} when 'leave' then '请假' else '缺席' end
    || coalesce(':' || nullif(${attendance.reason}, ''), '') || ')'`;
  return db
    .select({
      recordId: attendance.recordId,
      expected: sql<number>`count(*)::int`,
      present: sql<number>`count(*) filter (where ${attendance.status} = 'present')::int`,
      leave: sql<number>`count(*) filter (where ${attendance.status} = 'leave')::int`,
      absent: sql<number>`count(*) filter (where ${attendance.status} = 'absent')::int`,
      absentees: sql<
        string | null
      >`string_agg(${away}, '、' order by ${people.id}) filter (where ${attendance.status} <> 'present')`,
    })
    .from(attendance)
    .innerJoin(people, eq(people.id, attendance.personId))
    .where(inArray(attendance.recordId, recordIds))
    .groupBy(attendance.recordId);
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

/** The evidence still attached to the given records (removed files are not evidence any more). */
export async function evidenceOfRecords(db: Db, recordIds: number[]) {
  if (!recordIds.length) return [];
  return db
    .select({
      id: evidence.id,
      recordId: evidence.recordId,
      kind: evidence.kind,
      name: evidence.originalName,
      caption: evidence.caption,
    })
    .from(evidence)
    .where(and(inArray(evidence.recordId, recordIds), isNull(evidence.removedAt)))
    .orderBy(asc(evidence.recordId), asc(evidence.id));
}
export type EvidenceFile = Awaited<ReturnType<typeof evidenceOfRecords>>[number];

/** The evidence of the given tasks' records, counted by kind: the task ledger's evidence column. */
export async function evidenceCountsOfTasks(db: Db, taskIds: number[]) {
  if (!taskIds.length) return [];
  return db
    .select({ taskId: records.taskId, kind: evidence.kind, files: sql<number>`count(*)::int` })
    .from(evidence)
    .innerJoin(records, eq(records.id, evidence.recordId))
    .where(and(inArray(records.taskId, taskIds), isNull(evidence.removedAt)))
    .groupBy(records.taskId, evidence.kind)
    .orderBy(asc(records.taskId), asc(evidence.kind));
}

/** Each member's attendance totals over the meetings in the filter, against 应到. */
export async function attendanceTotalsByPerson(db: Db, f: LedgerFilter) {
  return db
    .select({
      personId: people.id,
      name: people.name,
      employeeNo: people.employeeNo,
      branchId: branches.id,
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

/**
 * The attendance lines (member × meeting) of some members of one branch, in ledger order. The
 * ledger walks the members from the totals a group at a time, so each query reads a bounded set
 * through the person index instead of sorting every line again.
 */
export async function attendanceOfMembers(db: Db, f: LedgerFilter, branchId: number, personIds: number[]) {
  if (!personIds.length) return [];
  return db
    .select({
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
    .where(
      and(
        recordWhere(f, ['study', 'theme_day']),
        eq(records.branchId, branchId),
        inArray(attendance.personId, personIds),
      ),
    )
    .orderBy(asc(people.id), asc(records.occurredOn), asc(records.id));
}

/** The campaign's task periods in calendar order: the task ledger is read period by period. */
export async function taskPeriods(db: Db, campaignId: number) {
  return db
    .selectDistinct({ periodKey: tasks.periodKey, periodStart: tasks.periodStart })
    .from(tasks)
    .where(eq(tasks.campaignId, campaignId))
    .orderBy(asc(tasks.periodStart), asc(tasks.periodKey));
}

/**
 * The task ledger's rows of some branches in one period, in ledger order (branch, then action):
 * each task with the counts its status is derived from and its records' facts, in one query.
 */
export async function taskLedgerRows(db: Db, campaignId: number, periodKey: string, branchIds: number[]) {
  if (!branchIds.length) return [];
  return db
    .select({
      id: tasks.id,
      branchName: branches.name,
      actionKindId: tasks.actionKindId,
      title: campaignActionKinds.title,
      periodKey: tasks.periodKey,
      periodStart: tasks.periodStart,
      periodEnd: tasks.periodEnd,
      scheduledDueDate: tasks.scheduledDueDate,
      dueDate: tasks.dueDate,
      dueChangeReason: tasks.dueChangeReason,
      requiredCount: tasks.requiredCount,
      ...recordCounts,
      recordCount: sql<number>`count(${records.id})::int`,
      firstSubmittedAt: sql<Date | null>`min(${records.firstSubmittedAt})`.mapWith(records.firstSubmittedAt),
      approvedAt: sql<Date | null>`max(${records.approvedAt})`.mapWith(records.approvedAt),
      qualities: sql<
        (string | null)[]
      >`coalesce(array_agg(${records.quality}) filter (where ${records.status} = 'approved'), '{}')`,
      highlights: sql<number>`count(*) filter (where ${records.status} = 'approved' and ${records.highlight})::int`,
    })
    .from(tasks)
    .innerJoin(branches, eq(branches.id, tasks.branchId))
    .innerJoin(campaignActionKinds, eq(campaignActionKinds.id, tasks.actionKindId))
    .leftJoin(records, eq(records.taskId, tasks.id))
    .where(
      and(
        eq(tasks.campaignId, campaignId),
        eq(tasks.periodKey, periodKey),
        inArray(tasks.branchId, branchIds),
      ),
    )
    .groupBy(
      tasks.id,
      branches.name,
      branches.sortOrder,
      campaignActionKinds.title,
      campaignActionKinds.sortOrder,
    )
    .orderBy(asc(branches.sortOrder), asc(tasks.branchId), asc(campaignActionKinds.sortOrder));
}
export type TaskLedgerRow = Awaited<ReturnType<typeof taskLedgerRows>>[number];
