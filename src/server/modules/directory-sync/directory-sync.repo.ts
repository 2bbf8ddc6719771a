import { asc, eq, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { branches, departments, people, personMoves } from '../../db/schema/index.js';
import type { KnownBranch, KnownDepartment, KnownPerson, MoveKind } from './sync-plan.js';

/** The organisation as the sync compares it: branches, departments, people with a 工号. */
export async function readOrganisation(
  db: Db,
): Promise<{ branches: KnownBranch[]; departments: KnownDepartment[]; people: KnownPerson[] }> {
  // Qualified by hand: a bare column here would be read as person_moves' own id.
  const lastMove = sql<MoveKind | null>`(select m.kind from person_moves m
    where m.person_id = "people"."id" order by m.id desc limit 1)`;
  const found = await db
    .select({
      id: people.id,
      employeeNo: people.employeeNo,
      name: people.name,
      phone: people.phone,
      branchId: people.branchId,
      departmentId: people.departmentId,
      active: people.active,
      lastMove,
    })
    .from(people)
    .where(isNotNull(people.employeeNo))
    .orderBy(asc(people.id));
  return {
    branches: await db
      .select({
        id: branches.id,
        name: branches.name,
        shortName: branches.shortName,
        active: branches.active,
      })
      .from(branches)
      .orderBy(asc(branches.id)),
    departments: await db
      .select({
        id: departments.id,
        name: departments.name,
        branchId: departments.branchId,
        active: departments.active,
      })
      .from(departments)
      .orderBy(asc(departments.id)),
    people: found.map((p) => ({ ...p, employeeNo: p.employeeNo! })),
  };
}

export async function insertDepartment(db: Db, values: { name: string; branchId: number }) {
  const [row] = await db
    .insert(departments)
    .values({ ...values, kind: 'department' })
    .returning();
  return row!;
}

export async function moveDepartment(db: Db, id: number, branchId: number) {
  const [row] = await db
    .update(departments)
    .set({ branchId, active: true })
    .where(eq(departments.id, id))
    .returning();
  return row!;
}

export async function departmentIdByName(db: Db, name: string): Promise<number | null> {
  const [row] = await db.select({ id: departments.id }).from(departments).where(eq(departments.name, name));
  return row?.id ?? null;
}

export async function personRow(db: Db, id: number) {
  const [row] = await db.select().from(people).where(eq(people.id, id));
  return row!;
}

export async function insertPerson(db: Db, values: typeof people.$inferInsert): Promise<number> {
  const [row] = await db.insert(people).values(values).returning({ id: people.id });
  return row!.id;
}

export async function updatePerson(db: Db, id: number, values: Partial<typeof people.$inferInsert>) {
  await db.update(people).set(values).where(eq(people.id, id));
}

export async function insertMove(db: Db, values: typeof personMoves.$inferInsert): Promise<void> {
  await db.insert(personMoves).values(values);
}
