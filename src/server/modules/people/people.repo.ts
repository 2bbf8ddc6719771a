import { and, asc, count, eq, ilike, inArray, or, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { definedOnly, isEmpty } from '../../db/values.js';
import { departments, partyGroups, people, users } from '../../db/schema/index.js';

export type PersonRow = typeof people.$inferSelect;

const personColumns = {
  id: people.id,
  name: people.name,
  employeeNo: people.employeeNo,
  gender: people.gender,
  branchId: people.branchId,
  partyGroupId: people.partyGroupId,
  departmentId: people.departmentId,
  memberStatus: people.memberStatus,
  branchPost: people.branchPost,
  phone: people.phone,
  email: people.email,
  joinedPartyOn: people.joinedPartyOn,
  active: people.active,
  username: users.username,
};

export interface PeopleFilter {
  branchIds: number[] | 'all';
  branchId?: number;
  q?: string;
  includeInactive: boolean;
  limit: number;
  offset: number;
}

/** Escapes LIKE wildcards so a search for "50%" finds that text, not everything. */
const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export async function listPeople(db: Db, f: PeopleFilter) {
  const where: SQL[] = [];
  if (f.branchIds !== 'all') where.push(inArray(people.branchId, f.branchIds.length ? f.branchIds : [-1]));
  if (f.branchId) where.push(eq(people.branchId, f.branchId));
  if (!f.includeInactive) where.push(eq(people.active, true));
  if (f.q) {
    const p = likePattern(f.q);
    where.push(or(ilike(people.name, p), ilike(people.employeeNo, p), ilike(people.phone, p))!);
  }
  const condition = where.length ? and(...where) : undefined;
  const [total] = await db.select({ n: count() }).from(people).where(condition);
  const items = await db
    .select(personColumns)
    .from(people)
    .leftJoin(users, eq(users.personId, people.id))
    .where(condition)
    .orderBy(asc(people.branchId), asc(people.id))
    .limit(f.limit)
    .offset(f.offset);
  return { total: total?.n ?? 0, items };
}

export async function getPerson(db: Db, id: number) {
  const [row] = await db
    .select(personColumns)
    .from(people)
    .leftJoin(users, eq(users.personId, people.id))
    .where(eq(people.id, id));
  return row;
}

export async function insertPerson(db: Db, values: typeof people.$inferInsert): Promise<number> {
  const [row] = await db.insert(people).values(values).returning({ id: people.id });
  return row!.id;
}

export async function updatePerson(
  db: Db,
  id: number,
  values: Partial<typeof people.$inferInsert>,
): Promise<void> {
  const set = definedOnly(values);
  if (!isEmpty(set)) await db.update(people).set(set).where(eq(people.id, id));
}

export async function partyGroupBranch(db: Db, id: number): Promise<number | null> {
  const [row] = await db
    .select({ branchId: partyGroups.branchId })
    .from(partyGroups)
    .where(and(eq(partyGroups.id, id), eq(partyGroups.active, true)));
  return row?.branchId ?? null;
}

export async function departmentExists(db: Db, id: number): Promise<boolean> {
  const [row] = await db
    .select({ id: departments.id })
    .from(departments)
    .where(and(eq(departments.id, id), eq(departments.active, true)));
  return !!row;
}
