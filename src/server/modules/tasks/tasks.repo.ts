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

export async function listTasksWithCounts(db: Db, f: TaskFilter) {
  const where: SQL[] = [];
  if (f.campaignId) where.push(eq(tasks.campaignId, f.campaignId));
  if (f.branchIds !== 'all') where.push(inArray(tasks.branchId, f.branchIds.length ? f.branchIds : [-1]));
  if (f.branchId) where.push(eq(tasks.branchId, f.branchId));
  if (f.periodKey) where.push(eq(tasks.periodKey, f.periodKey));
  if (f.kind) where.push(eq(campaignActionKinds.kind, f.kind as 'study'));
  if (f.taskId) where.push(eq(tasks.id, f.taskId));
  // Each task's records are counted in a lateral subquery on records_task: one index probe per
  // task instead of joining every record and grouping the wide task rows (at group scale, 120,000
  // tasks, the grouped join sorted on disk and took seconds).
  const counts = sql`lateral (
    select
      count(*) filter (where r.status = 'approved')::int as approved,
      count(*) filter (where r.status = 'approved' and ${cstDay(sql`r.first_submitted_at`)} <= ${tasks.dueDate})::int as approved_on_time,
      count(*) filter (where r.status = 'submitted')::int as submitted,
      count(*) filter (where r.status = 'returned')::int as returned,
      count(*) filter (where r.status = 'draft')::int as draft,
      coalesce(array_agg(r.id order by r.id), '{}') as record_ids
    from ${records} r where r.task_id = ${tasks.id}
  ) as rc`;
  return db
    .select({
      task: tasks,
      branchName: branches.name,
      branchOrder: branches.sortOrder,
      kind: campaignActionKinds.kind,
      title: campaignActionKinds.title,
      kindOrder: campaignActionKinds.sortOrder,
      approved: sql<number>`rc.approved`,
      approvedOnTime: sql<number>`rc.approved_on_time`,
      submitted: sql<number>`rc.submitted`,
      returned: sql<number>`rc.returned`,
      draft: sql<number>`rc.draft`,
      recordIds: sql<number[]>`rc.record_ids`,
    })
    .from(tasks)
    .innerJoin(branches, eq(branches.id, tasks.branchId))
    .innerJoin(campaignActionKinds, eq(campaignActionKinds.id, tasks.actionKindId))
    .innerJoin(counts, sql`true`)
    .where(where.length ? and(...where) : undefined)
    .orderBy(
      asc(tasks.periodStart),
      asc(branches.sortOrder),
      asc(tasks.branchId),
      asc(campaignActionKinds.sortOrder),
    );
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
