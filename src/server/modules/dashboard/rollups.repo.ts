import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { resultRows } from '../../db/values.js';
import { branches } from '../../db/schema/index.js';
import { cellsWith, statusColumns, taskGroupSums, taskGroupsWith, type CellsQuery } from './scores.repo.js';
import { countKey, type StatusCounts } from './status-counts.js';
import { taskStatuses as statusList } from '../../../common/actions.js';

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

/** The columns of taskGroupSums but its lines, from the row named `alias`. */
const summedColumns = (alias: string) =>
  sql.join(
    ['total', ...statusList.map(countKey), 'due', 'max'].map(
      (column) => sql`${sql.identifier(alias)}.${sql.identifier(column)}`,
    ),
    sql`, `,
  );

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
  const res = await db.execute(sql`${taskGroupsWith(q, q, [{ name: 'period_key', expr: sql`period_key` }])}
    , month_sums as (
      select period_key, ${taskGroupSums(countKey)} from task_groups group by rollup (period_key)
    ), month_bonuses as (
      select period_key, sum(bonus)::float8 as bonus from cell_bonuses group by rollup (period_key)
    )
    select s.period_key as "periodKey", ${summedColumns('s')}, s.lines + coalesce(b.bonus, 0) as score
    from month_sums s left join month_bonuses b on b.period_key is not distinct from s.period_key`);
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
  // The side is computed once per group and grouped by name: a parameter repeated in GROUP BY
  // would be a different expression to the planner.
  const side = { name: 'side', expr: sql`case when branch_id = ${branchId} then 'mine' else 'others' end` };
  const month = { name: 'period_key', expr: sql`period_key` };
  const res = await db.execute(sql`${taskGroupsWith(q, {}, [side, month], side)}
    , side_sums as (
      select side, period_key, ${taskGroupSums(countKey)}
      from task_groups group by grouping sets ((side, period_key), (side))
    ), side_bonuses as (
      select side, period_key, sum(bonus)::float8 as bonus
      from cell_bonuses group by grouping sets ((side, period_key), (side))
    )
    select s.side, s.period_key as "periodKey", null::int as "kindId",
           case when s.period_key is null then coalesce(g.branches, 0) end as branches,
           ${summedColumns('s')}, s.lines + coalesce(b.bonus, 0) as score
    from side_sums s
    left join side_bonuses b on b.side = s.side and b.period_key is not distinct from s.period_key
    left join group_branches g on g.side = s.side and s.period_key is null
    union all
    select side, null, kind_id, null, ${summedColumns('k')}, 0::float8
    from (select side, kind_id, ${taskGroupSums(countKey)} from task_groups group by side, kind_id) k`);
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
