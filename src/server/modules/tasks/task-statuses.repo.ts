import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { resultRows } from '../../db/values.js';
import { rewriteDerivedTable } from '../../db/derived-tables.js';
import { taskStatuses } from '../../db/schema/index.js';

/**
 * A kept status as deriveTaskStatus answers it on `today` (the calendar day in China): the kept
 * row holds every step but the one that moves with time, so a task begun or not started turns
 * overdue here once its due date has passed.
 */
export const keptStatusAt = (today: string) => sql<string>`case
  when ${taskStatuses.status} in ('in_progress', 'not_started') and ${taskStatuses.dueDate} < ${today}::date
  then 'overdue' else ${taskStatuses.status} end`;

/** A row of the kept task statuses (db/schema/task-statuses.ts), as compared and rebuilt. */
export interface KeptStatus {
  taskId: number;
  campaignId: number;
  branchId: number;
  periodKey: string;
  actionKindId: number;
  dueDate: string;
  status: string;
  best: number | null;
}

/** The kept rows, in task order. */
export async function keptStatuses(db: Db): Promise<KeptStatus[]> {
  return resultRows<KeptStatus>(
    await db.execute(sql`select task_id as "taskId", campaign_id as "campaignId", branch_id as "branchId",
      period_key as "periodKey", action_kind_id as "actionKindId", due_date::text as "dueDate", status, best
      from task_statuses order by task_id`),
  );
}

/**
 * Recomputes every task's kept status from its records, in one transaction (call it inside one),
 * and answers how many rows the table had and how many of them were wrong or missing. The
 * triggers keep the table; this is for after a restore, a manual repair of the data, or doubt.
 */
export function rebuildTaskStatuses(tx: Db): Promise<{ rows: number; corrected: number }> {
  return rewriteDerivedTable(tx, 'task_statuses', 'task_id', async () => {
    await tx.execute(sql`delete from task_statuses`);
    await tx.execute(sql`select task_statuses_write(null)`);
  });
}
