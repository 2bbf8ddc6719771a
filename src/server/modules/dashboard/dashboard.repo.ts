import { and, asc, desc, eq, gte, inArray, isNotNull, lte, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { resultRows } from '../../db/values.js';
import {
  attendanceTallies,
  branches,
  companies,
  problemEvents,
  problems,
  records,
  revisionFollowups,
} from '../../db/schema/index.js';

export interface FactFilter {
  campaignId: number;
  branchIds: number[] | 'all';
  from?: string;
  to?: string;
}

/** Every branch's id, name and company in the organisation's order: all the dashboards need of the structure. */
export async function branchesInOrder(db: Db) {
  return db
    .select({ id: branches.id, name: branches.name, companyId: branches.companyId })
    .from(branches)
    .orderBy(asc(branches.sortOrder), asc(branches.id));
}

/** Every company's id and name in the organisation's order. */
export async function companiesInOrder(db: Db) {
  return db
    .select({ id: companies.id, name: companies.name })
    .from(companies)
    .orderBy(asc(companies.sortOrder), asc(companies.id));
}

function approvedIn(f: FactFilter, ...more: SQL[]): SQL {
  const where: SQL[] = [eq(records.campaignId, f.campaignId), eq(records.status, 'approved'), ...more];
  if (f.branchIds !== 'all') where.push(inArray(records.branchId, f.branchIds.length ? f.branchIds : [-1]));
  if (f.from) where.push(gte(records.periodKey, f.from));
  if (f.to) where.push(lte(records.periodKey, f.to));
  return and(...where)!;
}

/** Quality grades of approved records, per task. */
export async function qualitiesByTask(db: Db, f: FactFilter) {
  return db
    .select({ taskId: records.taskId, quality: records.quality })
    .from(records)
    .where(approvedIn(f, isNotNull(records.taskId)));
}

/** Approved optional actions and highlights per branch and period. */
export async function extrasByPeriod(db: Db, f: FactFilter) {
  return db
    .select({
      branchId: records.branchId,
      periodKey: records.periodKey,
      optional: sql<number>`count(*) filter (where ${records.kind} = 'optional')::int`,
      highlights: sql<number>`count(*) filter (where ${records.highlight})::int`,
    })
    .from(records)
    .where(approvedIn(f))
    .groupBy(records.branchId, records.periodKey);
}

/**
 * Attendance of approved meetings, against those who should attend (应到): each meeting's kept
 * tally (attendance_tallies) added up, not its attendance rows counted.
 */
export async function attendanceTotals(db: Db, f: FactFilter) {
  const [row] = await db
    .select({
      expected: sql<number>`coalesce(sum(${attendanceTallies.expected}), 0)::int`,
      present: sql<number>`coalesce(sum(${attendanceTallies.present}), 0)::int`,
      leave: sql<number>`coalesce(sum(${attendanceTallies.leave}), 0)::int`,
    })
    .from(attendanceTallies)
    .innerJoin(records, eq(records.id, attendanceTallies.recordId))
    .where(approvedIn(f, inArray(records.kind, ['study', 'theme_day'])));
  return row ?? { expected: 0, present: 0, leave: 0 };
}

/**
 * Approved study sessions counted by their 三会一课 form and their mode (in person, online …) in
 * one read of the records: the caller adds up each side.
 */
export async function studyFormsAndModes(db: Db, f: FactFilter) {
  const form = sql<string | null>`${records.data}->>'form'`;
  const mode = sql<string | null>`${records.data}->>'mode'`;
  return db
    .select({ form, mode, n: sql<number>`count(*)::int` })
    .from(records)
    .where(approvedIn(f, eq(records.kind, 'study')))
    .groupBy(form, mode);
}

export async function countByKind(db: Db, f: FactFilter) {
  return db
    .select({ kind: records.kind, n: sql<number>`count(*)::int` })
    .from(records)
    .where(approvedIn(f))
    .groupBy(records.kind);
}

/**
 * Publicity releases per channel (one item may be released on several). The approved items are
 * read in a subquery fenced with `offset 0`: the planner guesses a hundred elements per array
 * (one or two here), and on that guess would scan the whole records table in parallel workers
 * instead of the campaign's approved items by index (at group scale about 200 ms against 35).
 */
export async function publicityByChannel(db: Db, f: FactFilter) {
  const res = await db.execute(sql`
    select c.value->>'channel' as channel, count(*)::int as n
    from (select ${records.data}->'channels' as channels from ${records}
          where ${approvedIn(f, eq(records.kind, 'publicity'))} offset 0) items,
         jsonb_array_elements(items.channels) as c(value)
    group by 1`);
  return resultRows<{ channel: string; n: number }>(res);
}

/**
 * The highlights of the range with how many there are: all of them in the order they happened (a
 * bulletin lists every one), or the `latest` few newest first (a dashboard card, which at group
 * scale would otherwise carry thousands). The count comes with the rows, from one statement.
 */
export async function highlightsList(db: Db, f: FactFilter, latest?: number) {
  const query = db
    .select({
      recordId: records.id,
      branchName: branches.name,
      kind: records.kind,
      title: records.title,
      periodKey: records.periodKey,
      note: records.highlightNote,
      total: sql<number>`(count(*) over ())::int`,
    })
    .from(records)
    .innerJoin(branches, eq(branches.id, records.branchId))
    .where(approvedIn(f, eq(records.highlight, true)))
    .$dynamic();
  const rows = await (latest === undefined
    ? query.orderBy(asc(records.periodKey), asc(records.id))
    : query.orderBy(sql`${records.periodKey} desc nulls last`, desc(records.id)).limit(latest));
  return { count: rows[0]?.total ?? 0, items: rows.map(({ total: _total, ...row }) => row) };
}

/** Satisfaction and reopenings of the problems behind approved problem records. */
export async function problemQuality(db: Db, f: FactFilter) {
  const [row] = await db
    .select({
      rated: sql<number>`count(${problems.satisfaction})::int`,
      average: sql<number | null>`avg(${problems.satisfaction})::float8`,
      reopened: sql<number>`coalesce(sum((select count(*) from ${problemEvents} e where e.problem_id = ${problems.id} and e.type = 'reopened')), 0)::int`,
    })
    .from(problems)
    .innerJoin(records, eq(records.id, problems.recordId))
    .where(approvedIn(f, eq(records.kind, 'grassroots_problem')));
  return row ?? { rated: 0, average: null, reopened: 0 };
}

/** Follow-up status of approved revisions: noted, open and overdue notes. */
export async function followupStatus(db: Db, f: FactFilter, today: string) {
  const [row] = await db
    .select({
      noted: sql<number>`count(*) filter (where ${revisionFollowups.notedOn} is not null)::int`,
      open: sql<number>`count(*) filter (where ${revisionFollowups.notedOn} is null)::int`,
      overdue: sql<number>`count(*) filter (where ${revisionFollowups.notedOn} is null and ${revisionFollowups.dueOn} < ${today})::int`,
    })
    .from(revisionFollowups)
    .innerJoin(records, eq(records.id, revisionFollowups.recordId))
    .where(approvedIn(f));
  return row ?? { noted: 0, open: 0, overdue: 0 };
}

export async function exemplaryCount(db: Db, f: FactFilter): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(records)
    .where(approvedIn(f, eq(records.exemplary, true)));
  return row?.n ?? 0;
}

/** One branch's id and name, for a screen about that branch alone. */
export async function branchById(db: Db, id: number) {
  const [row] = await db
    .select({ id: branches.id, name: branches.name })
    .from(branches)
    .where(eq(branches.id, id));
  return row;
}
