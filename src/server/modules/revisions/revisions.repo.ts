import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import {
  branches,
  departments,
  leaderReviews,
  records,
  revisionFollowups,
  roleGrants,
  users,
} from '../../db/schema/index.js';

export async function revisionRecords(db: Db, branchIds: number[] | 'all') {
  return db
    .select({ record: records, branchName: branches.name })
    .from(records)
    .innerJoin(branches, eq(branches.id, records.branchId))
    .where(
      and(
        eq(records.kind, 'rule_revision'),
        branchIds === 'all' ? undefined : inArray(records.branchId, branchIds.length ? branchIds : [-1]),
      ),
    )
    .orderBy(asc(records.id));
}

export async function leaderReviewsOf(db: Db, recordIds: number[]) {
  if (!recordIds.length) return [];
  return db
    .select({
      recordId: leaderReviews.recordId,
      decision: leaderReviews.decision,
      comment: leaderReviews.comment,
      leader: users.displayName,
      at: leaderReviews.at,
    })
    .from(leaderReviews)
    .innerJoin(users, eq(users.id, leaderReviews.leaderId))
    .where(inArray(leaderReviews.recordId, recordIds))
    .orderBy(asc(leaderReviews.id));
}

export async function followupsOf(db: Db, recordIds: number[]) {
  if (!recordIds.length) return [];
  return db
    .select({
      id: revisionFollowups.id,
      recordId: revisionFollowups.recordId,
      dueOn: revisionFollowups.dueOn,
      note: revisionFollowups.note,
      notedOn: revisionFollowups.notedOn,
      notedBy: users.displayName,
      measuredValue: revisionFollowups.measuredValue,
      evidence: revisionFollowups.evidence,
      verdict: revisionFollowups.verdict,
      nextStep: revisionFollowups.nextStep,
    })
    .from(revisionFollowups)
    .leftJoin(users, eq(users.id, revisionFollowups.notedBy))
    .where(inArray(revisionFollowups.recordId, recordIds))
    .orderBy(asc(revisionFollowups.dueOn));
}

export async function departmentNames(db: Db) {
  const rows = await db.select({ id: departments.id, name: departments.name }).from(departments);
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function insertLeaderReview(db: Db, values: typeof leaderReviews.$inferInsert) {
  await db.insert(leaderReviews).values(values);
}

export async function insertFollowups(db: Db, recordId: number, dueDates: string[]) {
  await db
    .insert(revisionFollowups)
    .values(dueDates.map((dueOn) => ({ recordId, dueOn })))
    .onConflictDoNothing();
}

export async function findFollowup(db: Db, id: number) {
  const [row] = await db.select().from(revisionFollowups).where(eq(revisionFollowups.id, id));
  return row;
}

export async function noteFollowup(
  db: Db,
  id: number,
  values: Pick<
    typeof revisionFollowups.$inferInsert,
    'note' | 'notedOn' | 'notedBy' | 'measuredValue' | 'evidence' | 'verdict' | 'nextStep'
  >,
) {
  await db.update(revisionFollowups).set(values).where(eq(revisionFollowups.id, id));
}

export async function branchName(db: Db, id: number): Promise<string> {
  const [row] = await db.select({ name: branches.name }).from(branches).where(eq(branches.id, id));
  return row?.name ?? '';
}

/** The active accounts leading a department (分管领导): who reviews its revisions. */
export async function leadersOfDepartment(db: Db, departmentId: number): Promise<number[]> {
  const rows = await db
    .selectDistinct({ userId: users.id })
    .from(roleGrants)
    .innerJoin(users, eq(users.id, roleGrants.userId))
    .where(
      and(
        eq(roleGrants.role, 'leader'),
        eq(users.active, true),
        sql`${departmentId} = any(${roleGrants.departmentIds})`,
      ),
    );
  return rows.map((r) => r.userId);
}
