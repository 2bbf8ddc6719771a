import { and, asc, count, desc, eq, inArray, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import {
  attendance,
  auditLog,
  branches,
  people,
  recordHistory,
  records,
  reviews,
  tasks,
  users,
} from '../../db/schema/index.js';
import { cstDay } from '../tasks/tasks.repo.js';
import type { BranchPost, MemberStatus } from '../../../common/enums.js';
import type { GradeBasis } from '../../../common/api/records.js';
import { evidenceOfRecords } from '../evidence/evidence.repo.js';

export type RecordRow = typeof records.$inferSelect;

/** Which records a caller may see; built by the policy from the caller's grants. */
export interface RecordScope {
  all: boolean;
  branchIds: number[];
  leaderDepartmentIds: number[];
  contactUnitIds: number[];
}

function scopeCondition(s: RecordScope): SQL | undefined {
  if (s.all) return undefined;
  const parts: SQL[] = [];
  if (s.branchIds.length) parts.push(inArray(records.branchId, s.branchIds));
  if (s.leaderDepartmentIds.length) {
    parts.push(
      sql`(${records.kind} = 'rule_revision' and (${records.data}->>'departmentId')::int in ${sql.raw(`(${s.leaderDepartmentIds.map(Number).join(',')})`)})`,
    );
  }
  if (s.contactUnitIds.length) {
    parts.push(
      sql`(${records.kind} = 'grassroots_problem' and (${records.data}->>'unitId')::int in ${sql.raw(`(${s.contactUnitIds.map(Number).join(',')})`)})`,
    );
  }
  return parts.length ? or(...parts) : sql`false`;
}

const summaryColumns = {
  id: records.id,
  campaignId: records.campaignId,
  branchId: records.branchId,
  branchName: branches.name,
  kind: records.kind,
  title: records.title,
  occurredOn: records.occurredOn,
  countsOn: records.countsOn,
  periodKey: records.periodKey,
  taskId: records.taskId,
  status: records.status,
  leaderStatus: records.leaderStatus,
  submittedLate: sql<boolean>`coalesce(${cstDay(records.firstSubmittedAt)} > ${tasks.dueDate}, false)`,
  submittedAt: records.submittedAt,
  version: records.version,
  createdAt: records.createdAt,
  updatedAt: records.updatedAt,
};

export interface RecordFilter {
  campaignId?: number;
  branchId?: number;
  kind?: string;
  status?: string;
  periodKey?: string;
  taskId?: number;
  limit: number;
  offset: number;
}

export async function listRecords(db: Db, scope: RecordScope, f: RecordFilter) {
  const where: SQL[] = [];
  const sc = scopeCondition(scope);
  if (sc) where.push(sc);
  if (f.campaignId) where.push(eq(records.campaignId, f.campaignId));
  if (f.branchId) where.push(eq(records.branchId, f.branchId));
  if (f.kind) where.push(eq(records.kind, f.kind as 'study'));
  if (f.status) where.push(eq(records.status, f.status as 'draft'));
  if (f.periodKey) where.push(eq(records.periodKey, f.periodKey));
  if (f.taskId) where.push(eq(records.taskId, f.taskId));
  const condition = where.length ? and(...where) : undefined;
  const [total] = await db.select({ n: count() }).from(records).where(condition);
  const rows = await db
    .select(summaryColumns)
    .from(records)
    .innerJoin(branches, eq(branches.id, records.branchId))
    .leftJoin(tasks, eq(tasks.id, records.taskId))
    .where(condition)
    // The review queue reads oldest submission first; other lists newest activity first.
    .orderBy(
      ...(f.status === 'submitted'
        ? [asc(records.submittedAt)]
        : [desc(records.occurredOn), desc(records.id)]),
    )
    .limit(f.limit)
    .offset(f.offset);
  return { total: total?.n ?? 0, items: rows.map(serialiseSummary) };
}

export function serialiseSummary<T extends { submittedAt: Date | null; createdAt: Date; updatedAt: Date }>(
  r: T,
) {
  return {
    ...r,
    submittedAt: r.submittedAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

export async function findRecord(db: Db, id: number): Promise<RecordRow | undefined> {
  const [row] = await db.select().from(records).where(eq(records.id, id));
  return row;
}

/**
 * The record, its row locked until the transaction ends: every change to a record or its evidence
 * takes this lock first, so a state check inside the transaction still holds when it commits.
 */
export async function lockRecord(db: Db, id: number): Promise<RecordRow | undefined> {
  const [row] = await db.select().from(records).where(eq(records.id, id)).for('update');
  return row;
}

export async function findSummary(db: Db, id: number) {
  const [row] = await db
    .select(summaryColumns)
    .from(records)
    .innerJoin(branches, eq(branches.id, records.branchId))
    .leftJoin(tasks, eq(tasks.id, records.taskId))
    .where(eq(records.id, id));
  return row ? serialiseSummary(row) : undefined;
}

export async function insertRecord(db: Db, values: typeof records.$inferInsert): Promise<number> {
  const [row] = await db.insert(records).values(values).returning({ id: records.id });
  return row!.id;
}

/** Optimistic concurrency: the update only applies to the version the caller saw. */
export async function updateRecordVersioned(
  db: Db,
  id: number,
  version: number,
  values: Partial<typeof records.$inferInsert>,
): Promise<boolean> {
  const rows = await db
    .update(records)
    .set({ ...values, version: version + 1 })
    .where(and(eq(records.id, id), eq(records.version, version)))
    .returning({ id: records.id });
  return rows.length === 1;
}

export async function attendanceOf(db: Db, recordId: number) {
  return db
    .select({
      personId: attendance.personId,
      name: people.name,
      status: attendance.status,
      reason: attendance.reason,
      signedInAt: attendance.signedInAt,
      memberStatus: attendance.memberStatus,
      post: attendance.post,
    })
    .from(attendance)
    .innerJoin(people, eq(people.id, attendance.personId))
    .where(eq(attendance.recordId, recordId))
    .orderBy(asc(people.id));
}

export async function replaceAttendance(
  db: Db,
  recordId: number,
  rows: {
    personId: number;
    status: 'present' | 'leave' | 'absent';
    reason?: string | null;
    memberStatus: MemberStatus;
    post: BranchPost | null;
  }[],
) {
  // A QR sign-in is a fact of its own: an edit of the list keeps when each person signed in.
  const signed = await db
    .select({ personId: attendance.personId, signedInAt: attendance.signedInAt })
    .from(attendance)
    .where(eq(attendance.recordId, recordId));
  const signedAt = new Map(signed.map((r) => [r.personId, r.signedInAt]));
  await db.delete(attendance).where(eq(attendance.recordId, recordId));
  if (rows.length) {
    await db.insert(attendance).values(
      rows.map((r) => ({
        recordId,
        personId: r.personId,
        status: r.status,
        reason: r.reason ?? null,
        signedInAt: signedAt.get(r.personId) ?? null,
        memberStatus: r.memberStatus,
        post: r.post,
      })),
    );
  }
}

/** Which of these people exist and are active, whatever their branch. */
export async function activePeople(db: Db, ids: number[]): Promise<Set<number>> {
  if (!ids.length) return new Set();
  const rows = await db
    .select({ id: people.id })
    .from(people)
    .where(and(inArray(people.id, ids), eq(people.active, true)));
  return new Set(rows.map((r) => r.id));
}

/** Which of these people are active people of the branch. */
export async function activePeopleOfBranch(db: Db, branchId: number, ids: number[]): Promise<Set<number>> {
  if (!ids.length) return new Set();
  const rows = await db
    .select({ id: people.id })
    .from(people)
    .where(and(inArray(people.id, ids), eq(people.branchId, branchId), eq(people.active, true)));
  return new Set(rows.map((r) => r.id));
}

export async function evidenceOf(db: Db, recordId: number) {
  return (await evidenceOfRecords(db, [recordId])).map(({ recordId: _, ...item }) => item);
}

export async function reviewsOf(db: Db, recordId: number) {
  return db
    .select({
      at: reviews.at,
      reviewer: users.displayName,
      decision: reviews.decision,
      comment: reviews.comment,
      quality: reviews.quality,
      // Written only through gradeBasisInput plus the effect then (review.service.ts).
      gradeBasis: sql<GradeBasis | null>`${reviews.gradeBasis}`,
    })
    .from(reviews)
    .innerJoin(users, eq(users.id, reviews.reviewerId))
    .where(eq(reviews.recordId, recordId))
    .orderBy(asc(reviews.id));
}

export async function insertReview(db: Db, values: typeof reviews.$inferInsert) {
  await db.insert(reviews).values(values);
}

export async function insertHistory(db: Db, values: typeof recordHistory.$inferInsert) {
  await db.insert(recordHistory).values(values);
}

export async function historyOf(db: Db, recordId: number) {
  return db
    .select({
      version: recordHistory.version,
      at: recordHistory.at,
      by: users.displayName,
      change: recordHistory.change,
      snapshot: recordHistory.snapshot,
    })
    .from(recordHistory)
    .leftJoin(users, eq(users.id, recordHistory.userId))
    .where(eq(recordHistory.recordId, recordId))
    .orderBy(asc(recordHistory.id));
}

export async function personNames(
  db: Db,
  ids: (number | null | undefined)[],
): Promise<Record<string, string>> {
  const wanted = [...new Set(ids.filter((x): x is number => typeof x === 'number'))];
  if (!wanted.length) return {};
  const rows = await db
    .select({ id: people.id, name: people.name })
    .from(people)
    .where(inArray(people.id, wanted));
  return Object.fromEntries(rows.map((r) => [String(r.id), r.name]));
}

export async function userName(db: Db, id: number | null): Promise<string | null> {
  if (!id) return null;
  const [row] = await db.select({ name: users.displayName }).from(users).where(eq(users.id, id));
  return row?.name ?? null;
}

export async function latestOfKind(db: Db, branchId: number, kind: string, excludeId?: number) {
  const [row] = await db
    .select()
    .from(records)
    .where(
      and(
        eq(records.branchId, branchId),
        eq(records.kind, kind as 'study'),
        excludeId ? ne(records.id, excludeId) : undefined,
      ),
    )
    .orderBy(desc(records.occurredOn), desc(records.id))
    .limit(1);
  return row;
}

/**
 * What writing a record means for separation of duties: creating it, changing its fields or
 * evidence, and submitting it to the committee or the leader in charge. Read from the audit log,
 * which holds every such change in its own transaction.
 */
const AUTHORING_ACTIONS = [
  'record.create',
  'record.update',
  'record.submit',
  'evidence.add',
  'evidence.remove',
  'revision.to_leader',
];

/** The users who wrote each record (its creator included), by record id. */
export async function authorsOf(db: Db, rows: { id: number; createdBy: number | null }[]) {
  const authors = new Map(rows.map((r) => [r.id, new Set(r.createdBy === null ? [] : [r.createdBy])]));
  if (!rows.length) return authors;
  const found = await db
    .selectDistinct({ entityId: auditLog.entityId, userId: auditLog.actorUserId })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.entityType, 'record'),
        inArray(
          auditLog.entityId,
          rows.map((r) => String(r.id)),
        ),
        inArray(auditLog.action, AUTHORING_ACTIONS),
      ),
    );
  for (const f of found) if (f.userId !== null) authors.get(Number(f.entityId))?.add(f.userId);
  return authors;
}
