import { and, eq, inArray, sql, type Column, type SQL } from 'drizzle-orm';
import type { ScoringRules } from '../../../common/api/campaigns.js';
import type { Db } from '../../db/client.js';
import { resultRows } from '../../db/values.js';
import { records, taskStatuses } from '../../db/schema/index.js';
import { taskStatuses as statusList, type TaskStatus } from '../../../common/actions.js';
import { keptStatusAt } from '../tasks/task-statuses.repo.js';
import { scorePeriod, type Quality } from './scoring.js';

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
  /** Tasks in the chosen months (none: the branch has no cell there). */
  periodTasks: number;
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

/** The grades a kept `best` stands for (3 excellent … 0 poor), and -1 for a task without one. */
const gradeOfBest: [number, Quality | null][] = [
  [3, 'excellent'],
  [2, 'good'],
  [1, 'fair'],
  [0, 'poor'],
  [-1, null],
];

/**
 * What one done task adds to its cell's score, for each action kind, each way of being done and
 * each best grade: its lines as scorePeriod writes them (the points, rounded; the grade's
 * adjustment, rounded), summed. Computed here by scorePeriod itself, a few dozen rows, so the
 * statement looks each task's figure up instead of working it out for every one of the campaign's
 * tasks (at group scale 120,000 rows of float arithmetic were most of the statement's time).
 */
function taskLineValues(q: CellsQuery): SQL {
  const rows = q.points.flatMap((kind) =>
    (['done', 'done_late'] as const).flatMap((status) =>
      gradeOfBest.map(([best, quality]) => {
        const { lines } = scorePeriod(
          {
            tasks: [{ kindTitle: '', points: kind.points, status, qualities: [quality] }],
            optionalApproved: 0,
            optionalPoints: 0,
            optionalCap: 0,
            highlights: 0,
          },
          q.rules,
        );
        const line = lines.reduce((sum, l) => sum + l.points, 0);
        return sql`(${kind.id}::int, ${status}::text, ${best}::int, ${float(line)})`;
      }),
    ),
  );
  return rows.length ? sql.join(rows, sql`, `) : sql`(null::int, null::text, null::int, 0::float8)`;
}

/** Only the branches a statement covers (all of the campaign's, or those listed). */
const inScopeOf = (q: CellsQuery) => (col: Column) =>
  q.branchIds === 'all' ? sql`true` : inArray(col, q.branchIds.length ? q.branchIds : [-1]);

/**
 * Each cell's approved optional actions and highlights, the figures its bonus is worked out from
 * (only those records: the partial index records_cell_extras covers them).
 */
function cellExtras(q: CellsQuery, range: { from?: string; to?: string }): SQL {
  return sql`
      select ${records.branchId} as branch_id, ${records.periodKey} as period_key,
             count(*) filter (where ${records.kind} = 'optional') as optional,
             count(*) filter (where ${records.highlight}) as highlights
      from ${records}
      where ${and(eq(records.campaignId, q.campaignId), inScopeOf(q)(records.branchId))}
        and ${periodBetween(sql`${records.periodKey}`, range.from, range.to)}
        and ${records.status} = 'approved' and (${records.kind} = 'optional' or ${records.highlight})
      group by 1, 2`;
}

/** What a cell's optional actions (capped) and highlights add to its score, each rounded as scorePeriod does. */
function extraScore(q: CellsQuery, e: string): SQL {
  const x = sql.identifier(e);
  return sql`case when ${x}.optional > 0
                 then ${round2(sql`least(${x}.optional * ${float(q.optionalPoints)}, ${float(q.optionalCap)})`)}
                 else 0 end
             + case when ${x}.highlights > 0 and ${float(q.rules.highlightBonus)} > 0
                 then ${round2(sql`${x}.highlights * ${float(q.rules.highlightBonus)}`)}
                 else 0 end`;
}

/**
 * Every task the statement covers, one row each: its branch, month, kind, points, status on
 * `today`, whether its due date has passed and its best grade.
 */
function taskFacts(q: CellsQuery, range: { from?: string; to?: string }): SQL {
  const points = q.points.length
    ? sql`case ${taskStatuses.actionKindId} ${sql.join(
        q.points.map((k) => sql`when ${k.id} then ${float(k.points)}`),
        sql` `,
      )} else 0::float8 end`
    : sql`0::float8`;
  return sql`
      select ${taskStatuses.branchId} as branch_id, ${taskStatuses.periodKey} as period_key,
             ${taskStatuses.actionKindId} as kind_id, ${points} as points,
             ${keptStatusAt(q.today)} as status,
             ${taskStatuses.dueDate} < ${q.today}::date as past_due, ${taskStatuses.best} as best
      from ${taskStatuses}
      where ${and(eq(taskStatuses.campaignId, q.campaignId), inScopeOf(q)(taskStatuses.branchId))}
        and ${periodBetween(sql`${taskStatuses.periodKey}`, range.from, range.to)}`;
}

/** The `with` queries every scoring statement starts from: `task_facts` and `task_lines`. */
function tasksAndLinesWith(q: CellsQuery, range: { from?: string; to?: string }): SQL {
  return sql`with task_facts as (${taskFacts(q, range)}
    ), task_lines (kind_id, status, best, line) as (
      values ${taskLineValues(q)}
    )`;
}

/** The join that gives the rows named `alias` (tasks or groups of them) their score line. */
const lineOf = (alias: string) => {
  const t = sql.identifier(alias);
  return sql`left join task_lines l on l.kind_id = ${t}.kind_id and l.status = ${t}.status and l.best = coalesce(${t}.best, -1)`;
};

/**
 * Each cell's bonus (`bonus`) with `columns` over its `branch_id` and `period_key`, for the cells
 * that have tasks, as `cell_scores` counts them: the bonus records are merged with the kept
 * statuses in index order.
 */
function bonusesOfCellsWithTasks(q: CellsQuery, range: { from?: string; to?: string }, columns: SQL): SQL {
  return sql`select ${columns}, ${extraScore(q, 'e')} as bonus
      from (${cellExtras(q, range)}) e
      where exists (select from ${taskStatuses} s where s.campaign_id = ${q.campaignId}
                    and s.branch_id = e.branch_id and s.period_key = e.period_key)`;
}

/**
 * The campaign's cells (branch × month) as `with` queries, by the rules of scorePeriod:
 * `task_facts` holds every task's status as deriveTaskStatus derives it, its kind and whether its
 * due date has passed; `cell_scores` holds each cell's status counts, the number of its tasks that
 * count towards completion (due by now or done), its maximum and its score: its tasks' lines
 * (looked up in `task_lines`, computed by scorePeriod) and its optional actions and highlights,
 * rounded as the service rounds them. The statuses come from the kept table
 * (`task_statuses`, one row per task, written with every change to its records), which holds all
 * but the step that moves with time: a task begun or not started turns overdue here, against
 * `today` (keptStatusAt). The statements that use it group these rows instead of reading every task of the
 * campaign into the service.
 */
export function cellsWith(q: CellsQuery, range: { from?: string; to?: string } = {}): SQL {
  const count = (status: TaskStatus) => sql`count(*) filter (where t.status = ${status})::int`;
  return sql`
    ${tasksAndLinesWith(q, range)}, cells as (
      select t.branch_id, t.period_key, sum(t.points) as max, sum(coalesce(l.line, 0)) as lines,
             count(*)::int as total, ${statusColumns(count, (status) => status)},
             count(*) filter (where t.past_due or t.status in ('done', 'done_late'))::int as due
      from task_facts t
      ${lineOf('t')}
      group by t.branch_id, t.period_key
    ), extras as (${cellExtras(q, range)}), cell_scores as (
      select c.*, ${round2(sql`c.lines + ${extraScore(q, 'e')}`)} as score
      from cells c left join extras e on e.branch_id = c.branch_id and e.period_key = c.period_key
    )`;
}

/** What the tasks and the cells are grouped by: an expression over `branch_id` and `period_key`. */
export interface GroupKey {
  name: string;
  expr: SQL;
}

/**
 * The figures of scorePeriod summed by group without going through cells, as `with` queries:
 * `task_groups` holds the tasks grouped by the `keys` and by what a task's score line depends on
 * (kind, status, best grade, past due: a few hundred groups by month), with their count (`n`),
 * maximum and lines; `cell_bonuses` each cell's bonus (its optional actions, capped, and its
 * highlights) with its keys. A cell's score is its tasks' lines plus its bonus, each already
 * rounded to the cent, so a group's score is its lines plus its bonuses summed apart, as
 * `cell_scores` summed would give it; and the lines are looked up for the groups instead of for
 * each of 120,000 tasks at group scale. As in `cell_scores`, a bonus counts only in a cell that
 * has tasks: the bonus records are merged with the kept statuses in index order.
 */
export function taskGroupsWith(
  q: CellsQuery,
  range: { from?: string; to?: string },
  keys: GroupKey[],
  /** Adds `group_branches`: the branches with a task, counted by this key of a branch. */
  branchesBy?: GroupKey,
): SQL {
  const columns = sql.join(
    keys.map((k) => sql`${k.expr} as ${sql.identifier(k.name)}`),
    sql`, `,
  );
  const names = sql.join(
    keys.map((k) => sql.identifier(k.name)),
    sql`, `,
  );
  return sql`
    ${tasksAndLinesWith(q, range)}, task_groups as (
      select g.*, coalesce(l.line, 0) * g.n as lines
      from (select ${columns}, kind_id, status, best, past_due, count(*)::int as n, sum(points) as max
            from task_facts group by ${names}, kind_id, status, best, past_due) g
      ${lineOf('g')}
    ), cell_bonuses as (
      ${bonusesOfCellsWithTasks(q, range, columns)}
    )${
      branchesBy
        ? sql`, group_branches as (
      select ${branchesBy.expr} as ${sql.identifier(branchesBy.name)}, count(*)::int as branches
      from (select distinct ${taskStatuses.branchId} as branch_id from ${taskStatuses}
            where ${and(eq(taskStatuses.campaignId, q.campaignId), inScopeOf(q)(taskStatuses.branchId))}
              and ${periodBetween(sql`${taskStatuses.periodKey}`, range.from, range.to)}) d
      group by 1
    )`
        : sql``
    }`;
}

/** The sums of `task_groups` rows: counts by status, tasks due by now or done, maximum, lines. */
export const taskGroupSums = (count: (status: TaskStatus) => string) => {
  const sumOf = (where: SQL) => sql`coalesce(sum(n) filter (where ${where}), 0)::int`;
  return sql`coalesce(sum(n), 0)::int as total,
    ${statusColumns((status) => sumOf(sql`status = ${status}`), count)},
    ${sumOf(sql`past_due or status in ('done', 'done_late')`)} as due,
    coalesce(sum(max), 0)::float8 as max, coalesce(sum(lines), 0)::float8 as lines`;
};

/**
 * Every branch's score summed over its months, and over the chosen months apart, in one
 * statement: the database returns one row per branch instead of every task of the campaign. As
 * in taskGroupsWith, a branch's score is its tasks' lines plus its cells' bonuses summed apart:
 * each task is joined to its line and summed by branch (and whether in the chosen months), which
 * groups 4,000 rows at group scale where the cells were 24,000.
 */
export async function branchScoreTotals(db: Db, q: ScoreTotalsQuery): Promise<BranchScoreTotals[]> {
  const inPeriod = (periodKey: SQL) =>
    q.from ? sql`(${periodBetween(periodKey, q.from, q.to ?? q.from)})` : sql`false`;
  const res = await db.execute(sql`
    ${tasksAndLinesWith(q, {})}, branch_lines as (
      select t.branch_id, ${inPeriod(sql`t.period_key`)} as in_period, count(*)::int as n,
             sum(t.points) as max, sum(coalesce(l.line, 0)) as lines
      from task_facts t
      ${lineOf('t')}
      group by 1, 2
    ), branch_bonuses as (
      select branch_id, in_period, sum(bonus) as bonus
      from (${bonusesOfCellsWithTasks(q, {}, sql`branch_id, ${inPeriod(sql`period_key`)} as in_period`)}) b
      group by 1, 2
    ), halves as (
      select l.branch_id, l.in_period, l.n, l.max, l.lines + coalesce(b.bonus, 0) as score
      from branch_lines l
      left join branch_bonuses b on b.branch_id = l.branch_id and b.in_period = l.in_period
    )
    select branch_id as "branchId", sum(score)::float8 as score, sum(max)::float8 as max,
           coalesce(sum(n) filter (where in_period), 0)::int as "periodTasks",
           coalesce(sum(score) filter (where in_period), 0)::float8 as "periodScore",
           coalesce(sum(max) filter (where in_period), 0)::float8 as "periodMax"
    from halves group by branch_id`);
  return resultRows<BranchScoreTotals>(res);
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
