import { and, asc, eq, gte, inArray, lte, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { meetingKinds } from '../../../common/record-fields/index.js';
import {
  attendance,
  branches,
  grassrootsUnits,
  problemEvents,
  problems,
  records,
  revisionFollowups,
  reviews,
} from '../../db/schema/index.js';

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

const approvedIn = (f: DocFilter, ...more: SQL[]) =>
  and(...inRange(f), eq(records.status, 'approved'), ...more);

/**
 * Attendance of the approved meetings (study sessions and theme days) per branch: expected is
 * everyone listed, so expected = present + leave + absent.
 */
export async function attendanceByBranch(db: Db, f: DocFilter) {
  return db
    .select({
      branchId: records.branchId,
      branchName: branches.name,
      expected: sql<number>`count(*)::int`,
      present: sql<number>`count(*) filter (where ${attendance.status} = 'present')::int`,
      leave: sql<number>`count(*) filter (where ${attendance.status} = 'leave')::int`,
      absent: sql<number>`count(*) filter (where ${attendance.status} = 'absent')::int`,
    })
    .from(attendance)
    .innerJoin(records, eq(records.id, attendance.recordId))
    .innerJoin(branches, eq(branches.id, records.branchId))
    .where(approvedIn(f, inArray(records.kind, ['study', 'theme_day'])))
    .groupBy(records.branchId, branches.name, branches.sortOrder)
    .orderBy(asc(branches.sortOrder));
}

/**
 * The unit's own verdict on each problem behind an approved problem record: its rating (1–5),
 * its words, whether it said solved or only partly, and how often it came back.
 */
export async function problemVerdicts(db: Db, f: DocFilter) {
  return db
    .select({
      recordId: records.id,
      satisfaction: problems.satisfaction,
      confirmation: problems.confirmation,
      comment: problems.confirmComment,
      onBehalf: problems.confirmedOnBehalfReason,
      reopened: sql<number>`(select count(*) from ${problemEvents} e where e.problem_id = ${problems.id} and e.type = 'reopened')::int`,
    })
    .from(problems)
    .innerJoin(records, eq(records.id, problems.recordId))
    .where(approvedIn(f, eq(records.kind, 'grassroots_problem')));
}

/** Effect follow-ups of the approved revisions: how many were due and how many were written up. */
export async function revisionEvidence(db: Db, f: DocFilter) {
  return db
    .select({
      recordId: records.id,
      noted: sql<number>`count(${revisionFollowups.notedOn})::int`,
      due: sql<number>`count(${revisionFollowups.id})::int`,
    })
    .from(records)
    .leftJoin(revisionFollowups, eq(revisionFollowups.recordId, records.id))
    .where(approvedIn(f, eq(records.kind, 'rule_revision')))
    .groupBy(records.id);
}

export async function branchNames(db: Db, ids: number[]) {
  return db
    .select({ id: branches.id, name: branches.name })
    .from(branches)
    .where(inArray(branches.id, ids.length ? ids : [-1]));
}

/**
 * The meetings (study sessions and theme days) a branch held in a campaign, or in one month of it,
 * in the order they were held; drafts are not meetings on record yet.
 */
export async function meetingIds(
  db: Db,
  f: { campaignId: number; branchId: number; periodKey?: string; includeUnapproved?: 'true' | 'false' },
): Promise<number[]> {
  const rows = await db
    .select({ id: records.id })
    .from(records)
    .where(
      and(
        eq(records.campaignId, f.campaignId),
        eq(records.branchId, f.branchId),
        inArray(records.kind, meetingKinds),
        inArray(
          records.status,
          f.includeUnapproved === 'true' ? ['submitted', 'returned', 'approved'] : ['approved'],
        ),
        ...(f.periodKey ? [eq(records.periodKey, f.periodKey)] : []),
      ),
    )
    .orderBy(asc(records.occurredOn), sql`${records.data}->>'startTime'`, asc(records.id));
  return rows.map((r) => r.id);
}
