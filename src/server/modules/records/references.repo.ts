import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { departments, people, records } from '../../db/schema/index.js';

/** The reads that check what a record names: its people, its department, the records it reports on. */

/** Which of `ids` are records of the branch. */
export async function recordsOfBranch(db: Db, ids: number[], branchId: number): Promise<Set<number>> {
  if (!ids.length) return new Set();
  const rows = await db
    .select({ id: records.id })
    .from(records)
    .where(and(inArray(records.id, ids), eq(records.branchId, branchId)));
  return new Set(rows.map((r) => r.id));
}

/** Which of `ids` are active people of the branch. */
export async function activePeopleOfBranch(db: Db, ids: number[], branchId: number): Promise<Set<number>> {
  if (!ids.length) return new Set();
  const rows = await db
    .select({ id: people.id })
    .from(people)
    .where(and(inArray(people.id, ids), eq(people.branchId, branchId), eq(people.active, true)));
  return new Set(rows.map((r) => r.id));
}

export async function activeDepartmentExists(db: Db, id: number): Promise<boolean> {
  const [row] = await db
    .select({ id: departments.id })
    .from(departments)
    .where(and(eq(departments.id, id), eq(departments.active, true)));
  return !!row;
}
