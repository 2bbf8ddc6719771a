import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { branches, campaignActionKinds, records, tasks } from '../../db/schema/index.js';

export interface TaskFilter {
  campaignId?: number;
  branchIds: number[] | 'all';
  branchId?: number;
  periodKey?: string;
  kind?: string;
  taskId?: number;
}

/** The calendar day (China Standard Time) of a timestamp, the same on both engines. */
export const cstDay = (col: SQL | typeof records.firstSubmittedAt) =>
  sql`((${col} at time zone 'UTC') + interval '8 hours')::date`;

const onTime = sql`${records.status} = 'approved' and ${cstDay(records.firstSubmittedAt)} <= ${tasks.dueDate}`;

/**
 * The counts of a task's records that its status is derived from (deriveTaskStatus), for a query
 * of tasks left-joined to their records and grouped by task.
 */
export const recordCounts = {
  approved: sql<number>`count(${records.id}) filter (where ${records.status} = 'approved')::int`,
  approvedOnTime: sql<number>`count(${records.id}) filter (where ${onTime})::int`,
  submitted: sql<number>`count(${records.id}) filter (where ${records.status} = 'submitted')::int`,
  returned: sql<number>`count(${records.id}) filter (where ${records.status} = 'returned')::int`,
  draft: sql<number>`count(${records.id}) filter (where ${records.status} = 'draft')::int`,
};

function taskWhere(f: TaskFilter): SQL | undefined {
  const where: SQL[] = [];
  if (f.campaignId) where.push(eq(tasks.campaignId, f.campaignId));
  if (f.branchIds !== 'all') where.push(inArray(tasks.branchId, f.branchIds.length ? f.branchIds : [-1]));
  if (f.branchId) where.push(eq(tasks.branchId, f.branchId));
  if (f.periodKey) where.push(eq(tasks.periodKey, f.periodKey));
  if (f.kind) where.push(eq(campaignActionKinds.kind, f.kind as 'study'));
  if (f.taskId) where.push(eq(tasks.id, f.taskId));
  return where.length ? and(...where) : undefined;
}

export async function listTasksWithCounts(db: Db, f: TaskFilter) {
  return db
    .select({
      task: tasks,
      branchName: branches.name,
      branchOrder: branches.sortOrder,
      kind: campaignActionKinds.kind,
      title: campaignActionKinds.title,
      kindOrder: campaignActionKinds.sortOrder,
      ...recordCounts,
      recordIds: sql<
        number[]
      >`coalesce(array_agg(${records.id} order by ${records.id}) filter (where ${records.id} is not null), '{}')`,
    })
    .from(tasks)
    .innerJoin(branches, eq(branches.id, tasks.branchId))
    .innerJoin(campaignActionKinds, eq(campaignActionKinds.id, tasks.actionKindId))
    .leftJoin(records, eq(records.taskId, tasks.id))
    .where(taskWhere(f))
    .groupBy(
      tasks.id,
      branches.name,
      branches.sortOrder,
      campaignActionKinds.kind,
      campaignActionKinds.title,
      campaignActionKinds.sortOrder,
    )
    .orderBy(
      asc(tasks.periodStart),
      asc(branches.sortOrder),
      asc(tasks.branchId),
      asc(campaignActionKinds.sortOrder),
    );
}

/**
 * Only what a task's status is derived from, unordered: for screens that count statuses over
 * thousands of tasks (the matrix, the ranking), where the full rows with their record ids cost
 * more to read and map than the counting itself.
 */
export async function listTaskCounts(db: Db, f: TaskFilter) {
  return db
    .select({
      id: tasks.id,
      branchId: tasks.branchId,
      periodKey: tasks.periodKey,
      actionKindId: tasks.actionKindId,
      dueDate: tasks.dueDate,
      requiredCount: tasks.requiredCount,
      ...recordCounts,
    })
    .from(tasks)
    .innerJoin(campaignActionKinds, eq(campaignActionKinds.id, tasks.actionKindId))
    .leftJoin(records, eq(records.taskId, tasks.id))
    .where(taskWhere(f))
    .groupBy(tasks.id);
}

export async function findTask(db: Db, id: number) {
  const [row] = await db.select().from(tasks).where(eq(tasks.id, id));
  return row;
}

export async function findTaskFor(
  db: Db,
  campaignId: number,
  branchId: number,
  actionKindId: number,
  periodKey: string,
) {
  const [row] = await db
    .select()
    .from(tasks)
    .where(
      and(
        eq(tasks.campaignId, campaignId),
        eq(tasks.branchId, branchId),
        eq(tasks.actionKindId, actionKindId),
        eq(tasks.periodKey, periodKey),
      ),
    );
  return row;
}

export async function setDueDate(db: Db, id: number, dueDate: string, reason: string) {
  await db.update(tasks).set({ dueDate, dueChangeReason: reason }).where(eq(tasks.id, id));
}
