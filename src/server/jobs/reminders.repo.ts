import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import {
  branches,
  campaigns,
  grassrootsUnits,
  problemEvents,
  problems,
  records,
  revisionFollowups,
} from '../db/schema/index.js';

/** Queries the reminder ladder reads: what is open, waiting or due. Plain reads, no changes. */

export async function activeCampaigns(db: Db) {
  return db.select({ id: campaigns.id }).from(campaigns).where(eq(campaigns.status, 'active'));
}

/** Open follow-ups of approved revisions, due from `from` to `to`. */
export async function dueFollowups(db: Db, from: string, to: string) {
  return db
    .select({
      id: revisionFollowups.id,
      dueOn: revisionFollowups.dueOn,
      recordId: records.id,
      campaignId: records.campaignId,
      branchId: records.branchId,
      title: records.title,
      data: records.data,
    })
    .from(revisionFollowups)
    .innerJoin(records, eq(records.id, revisionFollowups.recordId))
    .where(
      and(
        eq(records.status, 'approved'),
        isNull(revisionFollowups.notedOn),
        sql`${revisionFollowups.dueOn} between ${from} and ${to}`,
      ),
    );
}

/** Records waiting for the committee's review. */
export async function submittedRecords(db: Db) {
  return db
    .select({
      id: records.id,
      version: records.version,
      campaignId: records.campaignId,
      branchId: records.branchId,
      branchName: branches.name,
      title: records.title,
      submittedAt: records.submittedAt,
    })
    .from(records)
    .innerJoin(branches, eq(branches.id, records.branchId))
    .where(eq(records.status, 'submitted'));
}

/** Revisions waiting for the leader in charge. */
export async function leaderPendingRecords(db: Db) {
  return db
    .select({
      id: records.id,
      version: records.version,
      campaignId: records.campaignId,
      branchName: branches.name,
      title: records.title,
      data: records.data,
    })
    .from(records)
    .innerJoin(branches, eq(branches.id, records.branchId))
    .where(and(eq(records.kind, 'rule_revision'), eq(records.leaderStatus, 'pending')));
}

/** Problems marked solved and not yet confirmed, with when they were (last) marked solved. */
export async function solvedProblems(db: Db) {
  const rows = await db
    .select({
      id: problems.id,
      unitId: problems.unitId,
      branchId: problems.branchId,
      unitName: grassrootsUnits.name,
      title: problems.title,
      solvedAt: sql<Date>`max(${problemEvents.at})`,
    })
    .from(problems)
    .innerJoin(grassrootsUnits, eq(grassrootsUnits.id, problems.unitId))
    .innerJoin(problemEvents, and(eq(problemEvents.problemId, problems.id), eq(problemEvents.type, 'solved')))
    .where(eq(problems.state, 'solved'))
    .groupBy(problems.id, grassrootsUnits.name);
  return rows.map((r) => ({ ...r, solvedAt: new Date(r.solvedAt) }));
}

/** Confirmed problems with the months of the rechecks recorded so far (problem-recheck.ts). */
export async function confirmedProblems(db: Db) {
  const rows = await db
    .select({
      id: problems.id,
      unitId: problems.unitId,
      branchId: problems.branchId,
      title: problems.title,
      confirmedOn: problems.confirmedOn,
      recorded: sql<
        (number | string)[] | null
      >`array_agg((${problemEvents.data}->>'months')::int) filter (where ${problemEvents.type} = 'recheck')`,
    })
    .from(problems)
    .leftJoin(problemEvents, eq(problemEvents.problemId, problems.id))
    .where(eq(problems.state, 'confirmed'))
    .groupBy(problems.id);
  return rows.map((r) => ({ ...r, recorded: (r.recorded ?? []).map(Number) }));
}

export async function branchNames(db: Db, ids: number[]) {
  if (!ids.length) return new Map<number, string>();
  const rows = await db
    .select({ id: branches.id, name: branches.name })
    .from(branches)
    .where(inArray(branches.id, ids));
  return new Map(rows.map((r) => [r.id, r.name]));
}
