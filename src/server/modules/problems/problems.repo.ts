import { and, asc, eq, inArray, ne, or, isNull, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { branches, grassrootsUnits, people, problemEvents, problems, users } from '../../db/schema/index.js';

export type ProblemRow = typeof problems.$inferSelect;

export interface ProblemScope {
  all: boolean;
  branchIds: number[];
  unitIds: number[];
  /** Branches may see problems nobody has taken on yet, to accept them. */
  unassigned: boolean;
}

/** The problems a scope reaches; the same rule as `canReadProblem`, in SQL. */
function scopeCondition(scope: ProblemScope): SQL | undefined {
  if (scope.all) return undefined;
  const parts: SQL[] = [];
  if (scope.branchIds.length) parts.push(inArray(problems.branchId, scope.branchIds));
  if (scope.unitIds.length) parts.push(inArray(problems.unitId, scope.unitIds));
  if (scope.unassigned) parts.push(isNull(problems.branchId));
  return parts.length ? or(...parts)! : eq(problems.id, -1);
}

/** A problem with the names the register shows beside it. */
function selectListed(db: Db, where: SQL[]) {
  return db
    .select({
      problem: problems,
      unitName: grassrootsUnits.name,
      branchName: branches.name,
      handlerName: people.name,
    })
    .from(problems)
    .innerJoin(grassrootsUnits, eq(grassrootsUnits.id, problems.unitId))
    .leftJoin(branches, eq(branches.id, problems.branchId))
    .leftJoin(people, eq(people.id, problems.handlerPersonId))
    .where(where.length ? and(...where) : undefined);
}

export async function listProblems(
  db: Db,
  scope: ProblemScope,
  f: { unitId?: number; branchId?: number; state?: string; category?: string },
) {
  const where: SQL[] = [];
  const inScope = scopeCondition(scope);
  if (inScope) where.push(inScope);
  if (f.unitId) where.push(eq(problems.unitId, f.unitId));
  if (f.branchId) where.push(eq(problems.branchId, f.branchId));
  if (f.state) where.push(eq(problems.state, f.state as 'raised'));
  if (f.category) where.push(eq(problems.category, f.category));
  return selectListed(db, where).orderBy(asc(problems.id));
}

/** One problem as the register lists it, or nothing when it is outside the scope. */
export async function findListedProblem(db: Db, scope: ProblemScope, id: number) {
  const inScope = scopeCondition(scope);
  const [row] = await selectListed(db, inScope ? [eq(problems.id, id), inScope] : [eq(problems.id, id)]);
  return row;
}

export async function findProblem(db: Db, id: number): Promise<ProblemRow | undefined> {
  const [row] = await db.select().from(problems).where(eq(problems.id, id));
  return row;
}

/** The monthly record a problem counts in: one record per problem, one problem per record. */
export async function pointProblemAtRecord(
  db: Db,
  problemId: number | null,
  recordId: number,
): Promise<void> {
  await db
    .update(problems)
    .set({ recordId: null })
    .where(
      problemId
        ? and(eq(problems.recordId, recordId), ne(problems.id, problemId))
        : eq(problems.recordId, recordId),
    );
  if (problemId) await db.update(problems).set({ recordId }).where(eq(problems.id, problemId));
}

export async function insertProblem(db: Db, values: typeof problems.$inferInsert): Promise<number> {
  const [row] = await db.insert(problems).values(values).returning({ id: problems.id });
  return row!.id;
}

/** Optimistic concurrency, as for records. */
export async function updateProblem(
  db: Db,
  id: number,
  version: number,
  values: Partial<typeof problems.$inferInsert>,
) {
  const rows = await db
    .update(problems)
    .set({ ...values, version: version + 1 })
    .where(and(eq(problems.id, id), eq(problems.version, version)))
    .returning({ id: problems.id });
  return rows.length === 1;
}

export async function addEvent(db: Db, values: typeof problemEvents.$inferInsert) {
  await db.insert(problemEvents).values(values);
}

export async function eventsOf(db: Db, ids: number[]) {
  if (!ids.length) return [];
  return db
    .select({
      problemId: problemEvents.problemId,
      type: problemEvents.type,
      at: problemEvents.at,
      by: users.displayName,
      data: problemEvents.data,
    })
    .from(problemEvents)
    .leftJoin(users, eq(users.id, problemEvents.userId))
    .where(inArray(problemEvents.problemId, ids))
    .orderBy(asc(problemEvents.id));
}

export async function activeUnit(db: Db, id: number): Promise<boolean> {
  const [row] = await db
    .select({ id: grassrootsUnits.id })
    .from(grassrootsUnits)
    .where(and(eq(grassrootsUnits.id, id), eq(grassrootsUnits.active, true)));
  return !!row;
}

/** A handler is an active person of the branch that takes the problem on. */
export async function activePersonOfBranch(db: Db, personId: number, branchId: number): Promise<boolean> {
  const [row] = await db
    .select({ id: people.id })
    .from(people)
    .where(and(eq(people.id, personId), eq(people.branchId, branchId), eq(people.active, true)));
  return !!row;
}
