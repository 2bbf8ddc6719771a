import { and, asc, eq, inArray, or, isNull, type SQL } from 'drizzle-orm';
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

export async function listProblems(
  db: Db,
  scope: ProblemScope,
  f: { unitId?: number; branchId?: number; state?: string; category?: string },
) {
  const where: SQL[] = [];
  if (!scope.all) {
    const parts: SQL[] = [];
    if (scope.branchIds.length) parts.push(inArray(problems.branchId, scope.branchIds));
    if (scope.unitIds.length) parts.push(inArray(problems.unitId, scope.unitIds));
    if (scope.unassigned) parts.push(isNull(problems.branchId));
    where.push(parts.length ? or(...parts)! : eq(problems.id, -1));
  }
  if (f.unitId) where.push(eq(problems.unitId, f.unitId));
  if (f.branchId) where.push(eq(problems.branchId, f.branchId));
  if (f.state) where.push(eq(problems.state, f.state as 'raised'));
  if (f.category) where.push(eq(problems.category, f.category));
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
    .where(where.length ? and(...where) : undefined)
    .orderBy(asc(problems.id));
}

export async function findProblem(db: Db, id: number): Promise<ProblemRow | undefined> {
  const [row] = await db.select().from(problems).where(eq(problems.id, id));
  return row;
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
