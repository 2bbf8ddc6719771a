import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { resultRows } from '../../db/values.js';
import { branches } from '../../db/schema/index.js';
import { cellsWith, totalsByMonth, statusColumns, type CellsQuery } from './scores.repo.js';
import { countKey, type StatusCounts } from './status-counts.js';

/** Counts of a group of tasks by derived status, with its cells' maximum and score (summed, not rounded). */
export type StatusTotals = StatusCounts & {
  /** Tasks due by now or already done: what completion is measured against. */
  due: number;
  score: number;
  max: number;
};

/** The counts of `cell_scores` rows summed, then their scores and maxima. */
const cellSums = sql`sum(total)::int as total,
  ${statusColumns((status) => sql`sum(${sql.identifier(status)})::int`, countKey)},
  sum(due)::int as due, coalesce(sum(score), 0)::float8 as score, coalesce(sum(max), 0)::float8 as max`;

/** The same counts straight from `task_facts` rows (a kind's tasks: no score, which is a month's). */
const taskSums = sql`count(*)::int as total,
  ${statusColumns((status) => sql`count(*) filter (where status = ${status})::int`, countKey)},
  count(*) filter (where past_due or status in ('done', 'done_late'))::int as due,
  0::float8 as score, 0::float8 as max`;

export interface PeriodTotals extends StatusTotals {
  /** Null on the row that sums every month of the range. */
  periodKey: string | null;
}

/**
 * The indicators' task figures in one statement: each month of the range over the branches in
 * scope (the trend), and the whole range (the row whose month is null).
 */
export async function totalsByPeriod(
  db: Db,
  q: CellsQuery & { from?: string; to?: string },
): Promise<PeriodTotals[]> {
  const res = await db.execute(totalsByMonth(q, q, countKey));
  return resultRows<PeriodTotals>(res);
}

export interface SideTotals extends StatusTotals {
  /** The branch profiled, or all the other branches together. */
  side: 'mine' | 'others';
  /** Set on a month's row. */
  periodKey: string | null;
  /** Set on an action kind's row (counts only). */
  kindId: number | null;
  /** Branches with at least one task, on the rows that are neither a month's nor a kind's. */
  branches: number | null;
}

/**
 * The branch profile's figures in one statement: the branch against all the others, per month,
 * over the campaign, and per action kind. Grouping sets over the derived statuses, so the
 * database returns a few dozen rows instead of every task of the campaign.
 */
export async function profileTotals(db: Db, q: CellsQuery, branchId: number): Promise<SideTotals[]> {
  // The side is computed once per row and grouped by name: a parameter repeated in GROUP BY
  // would be a different expression to the planner.
  const side = sql`case when branch_id = ${branchId} then 'mine' else 'others' end as side`;
  const res = await db.execute(sql`${cellsWith(q)}
    select side, period_key as "periodKey", null::int as "kindId",
           case when grouping(period_key) = 1 then count(distinct branch_id)::int end as branches,
           ${cellSums}
    from (select *, ${side} from cell_scores) c group by grouping sets ((side, period_key), (side))
    union all
    select side, null, kind_id, null, ${taskSums}
    from (select *, ${side} from task_facts) t group by side, kind_id`);
  return resultRows<SideTotals>(res);
}

export interface CompanyTotals extends StatusTotals {
  /** Null on the row that sums the whole group. */
  companyId: number | null;
  /** Branches with at least one task in the range. */
  branches: number;
}

/**
 * The group committee's comparison in one statement: the cells grouped by their branch's company,
 * and the whole group (the row whose company is null).
 */
export async function totalsByCompany(
  db: Db,
  q: CellsQuery & { from?: string; to?: string },
): Promise<CompanyTotals[]> {
  const res = await db.execute(sql`${cellsWith(q, q)}
    select b.company_id as "companyId", count(distinct c.branch_id)::int as branches, ${cellSums}
    from cell_scores c join ${branches} b on b.id = c.branch_id
    group by rollup (b.company_id)`);
  return resultRows<CompanyTotals>(res);
}
