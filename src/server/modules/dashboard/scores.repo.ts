import { and, eq, inArray, sql, type Column, type SQL } from 'drizzle-orm';
import type { ScoringRules } from '../../../common/api/campaigns.js';
import type { Db } from '../../db/client.js';
import { records, taskStatuses } from '../../db/schema/index.js';
import { taskStatuses as statusList, type TaskStatus } from '../../../common/actions.js';
import { keptStatusAt } from '../tasks/task-statuses.repo.js';

/** What a campaign's cells are scored by, and which of them a statement covers. */
export interface CellsQuery {
  campaignId: number;
  branchIds: number[] | 'all';
  /** Calendar day in China: what "overdue" is measured against. */
  today: string;
  /** Points of each action kind of the campaign, by kind id. */
  points: { id: number; points: number }[];
  optionalPoints: number;
  optionalCap: number;
  rules: ScoringRules;
}

export interface ScoreTotalsQuery extends CellsQuery {
  /** The months whose score is summed apart (the ranking's chosen period), inclusive. */
  from?: string;
  to?: string;
}

export interface BranchScoreTotals {
  branchId: number;
  /** Sums before rounding: the caller rounds as scorePeriod does. */
  score: number;
  max: number;
  periodCells: number;
  periodScore: number;
  periodMax: number;
}

/**
 * Math.round(x * 100) / 100 in float8: the same IEEE arithmetic, halves rounded towards +∞ as
 * JavaScript does (PostgreSQL's round() takes halves away from zero).
 */
const round2 = (x: SQL) =>
  sql`(case when (${x}) * 100 - floor((${x}) * 100) >= 0.5 then ceil((${x}) * 100) else floor((${x}) * 100) end) / 100`;

const float = (n: number) => sql`${n}::float8`;

/** Compared as the service compares strings, by code point, whatever the database's collation. */
export const periodBetween = (col: SQL, from?: string, to?: string) =>
  sql.join(
    [
      sql`true`,
      ...(from ? [sql`${col} collate "C" >= ${from}`] : []),
      ...(to ? [sql`${col} collate "C" <= ${to}`] : []),
    ],
    sql` and `,
  );

/**
 * The campaign's cells (branch × month) as `with` queries, by the rules of scorePeriod:
 * `task_facts` holds every task's status as deriveTaskStatus derives it, its kind and whether its
 * due date has passed; `cell_scores` holds each cell's status counts, the number of its tasks that
 * count towards completion (due by now or done), its maximum and its score, each line computed
 * and rounded as the service computes it. The statuses come from the kept table
 * (`task_statuses`, one row per task, written with every change to its records), which holds all
 * but the step that moves with time: a task begun or not started turns overdue here, against
 * `today` (keptStatusAt). The statements that use it group these rows instead of reading every task of the
 * campaign into the service.
 */
export function cellsWith(q: CellsQuery, range: { from?: string; to?: string } = {}): SQL {
  const inScope = (col: Column) =>
    q.branchIds === 'all' ? sql`true` : inArray(col, q.branchIds.length ? q.branchIds : [-1]);
  const points = q.points.length
    ? sql`case ${taskStatuses.actionKindId} ${sql.join(
        q.points.map((k) => sql`when ${k.id} then ${float(k.points)}`),
        sql` `,
      )} else 0::float8 end`
    : sql`0::float8`;
  const adjust = q.rules.qualityAdjust;
  const count = (status: TaskStatus) => sql`count(*) filter (where status = ${status})::int`;
  const pastDue = sql`${taskStatuses.dueDate} < ${q.today}::date`;
  return sql`
    with task_facts as (
      select ${taskStatuses.branchId} as branch_id, ${taskStatuses.periodKey} as period_key,
             ${taskStatuses.actionKindId} as kind_id, ${points} as points,
             ${keptStatusAt(q.today)} as status,
             ${pastDue} as past_due, ${taskStatuses.best} as best
      from ${taskStatuses}
      where ${and(eq(taskStatuses.campaignId, q.campaignId), inScope(taskStatuses.branchId))}
        and ${periodBetween(sql`${taskStatuses.periodKey}`, range.from, range.to)}
    ), earned as (
      select branch_id, period_key, points, best, status, past_due,
             case status when 'done' then points
                         when 'done_late' then points * ${float(q.rules.latePercent)} / 100 end as base
      from task_facts
    ), cells as (
      select branch_id, period_key, sum(points) as max,
             sum(coalesce(${round2(sql`base`)}, 0) + coalesce(${round2(sql`base * (case best
               when 3 then ${float(adjust.excellent)} when 2 then ${float(adjust.good)}
               when 1 then ${float(adjust.fair)} when 0 then ${float(adjust.poor)} end) / 100`)}, 0)) as lines,
             count(*)::int as total, ${statusColumns(count, (status) => status)},
             count(*) filter (where past_due or status in ('done', 'done_late'))::int as due
      from earned group by branch_id, period_key
    ), extras as (
      -- Only the approved optional actions and highlights: the partial index records_cell_extras.
      select ${records.branchId} as branch_id, ${records.periodKey} as period_key,
             count(*) filter (where ${records.kind} = 'optional') as optional,
             count(*) filter (where ${records.highlight}) as highlights
      from ${records}
      where ${and(eq(records.campaignId, q.campaignId), inScope(records.branchId))}
        and ${records.status} = 'approved' and (${records.kind} = 'optional' or ${records.highlight})
      group by 1, 2
    ), cell_scores as (
      select c.*,
             ${round2(sql`c.lines
             + case when e.optional > 0
                 then ${round2(sql`least(e.optional * ${float(q.optionalPoints)}, ${float(q.optionalCap)})`)}
                 else 0 end
             + case when e.highlights > 0 and ${float(q.rules.highlightBonus)} > 0
                 then ${round2(sql`e.highlights * ${float(q.rules.highlightBonus)}`)}
                 else 0 end`)} as score
      from cells c left join extras e on e.branch_id = c.branch_id and e.period_key = c.period_key
    )`;
}

/**
 * Every branch's score summed over its months, and over the chosen months apart, in one
 * statement: the database returns one row per branch instead of every task of the campaign.
 */
export async function branchScoreTotals(db: Db, q: ScoreTotalsQuery): Promise<BranchScoreTotals[]> {
  const inPeriod = q.from ? periodBetween(sql`period_key`, q.from, q.to ?? q.from) : sql`false`;
  const res = await db.execute(sql`${cellsWith(q)}
    select branch_id as "branchId", sum(score)::float8 as score, sum(max)::float8 as max,
           (count(*) filter (where ${inPeriod}))::int as "periodCells",
           coalesce(sum(score) filter (where ${inPeriod}), 0)::float8 as "periodScore",
           coalesce(sum(max) filter (where ${inPeriod}), 0)::float8 as "periodMax"
    from cell_scores group by branch_id`);
  return (res as unknown as { rows: BranchScoreTotals[] }).rows;
}

/**
 * The per-status columns of a statement: `pick(status)` gives a status's figure (a count over the
 * tasks, or a sum of columns named after the statuses), named by `column(status)`.
 */
export const statusColumns = (pick: (status: TaskStatus) => SQL, column: (status: TaskStatus) => string) =>
  sql.join(
    statusList.map((s) => sql`${pick(s)} as ${sql.identifier(column(s))}`),
    sql`, `,
  );
