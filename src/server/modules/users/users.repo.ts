import { and, asc, count, eq, inArray, ne } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { definedOnly, isEmpty } from '../../db/values.js';
import {
  branches,
  companies,
  departments,
  grassrootsUnits,
  people,
  roleGrants,
  users,
} from '../../db/schema/index.js';
import type { Grant } from '../../../common/api/auth.js';
import { grantColumns } from '../../db/grant-scope.js';

/** Each account's grants as the policies read them, with whose they are. */
const grantsWithUser = { userId: roleGrants.userId, ...grantColumns };

const userColumns = {
  id: users.id,
  username: users.username,
  displayName: users.displayName,
  personId: users.personId,
  active: users.active,
  mustChangePassword: users.mustChangePassword,
  lockedUntil: users.lockedUntil,
  lastLoginAt: users.lastLoginAt,
};

export async function listUsers(db: Db) {
  const rows = await db.select(userColumns).from(users).orderBy(asc(users.id));
  const grants = await db.select(grantsWithUser).from(roleGrants).orderBy(asc(roleGrants.id));
  return rows.map((u) =>
    withGrants(
      u,
      grants.filter((g) => g.userId === u.id),
    ),
  );
}

export async function getUser(db: Db, id: number) {
  const [row] = await db.select(userColumns).from(users).where(eq(users.id, id));
  if (!row) return undefined;
  const grants = await db
    .select(grantsWithUser)
    .from(roleGrants)
    .where(eq(roleGrants.userId, id))
    .orderBy(asc(roleGrants.id));
  return withGrants(row, grants);
}

function withGrants(
  u: { lockedUntil: Date | null; lastLoginAt: Date | null } & Record<string, unknown>,
  grants: (Grant & { userId: number })[],
) {
  return {
    ...(u as typeof u & {
      id: number;
      username: string;
      displayName: string;
      personId: number | null;
      active: boolean;
      mustChangePassword: boolean;
    }),
    lockedUntil: u.lockedUntil?.toISOString() ?? null,
    lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
    grants: grants.map(({ userId: _, ...grant }) => grant),
  };
}

export async function insertUser(db: Db, values: typeof users.$inferInsert): Promise<number> {
  const [row] = await db.insert(users).values(values).returning({ id: users.id });
  return row!.id;
}

export async function updateUser(
  db: Db,
  id: number,
  values: Partial<typeof users.$inferInsert>,
): Promise<void> {
  const set = definedOnly(values);
  if (!isEmpty(set)) await db.update(users).set(set).where(eq(users.id, id));
}

export async function replaceGrants(db: Db, userId: number, grants: Grant[]): Promise<void> {
  await db.delete(roleGrants).where(eq(roleGrants.userId, userId));
  await db.insert(roleGrants).values(
    grants.map((g) => ({
      userId,
      role: g.role,
      branchId: g.branchId,
      grassrootsUnitId: g.grassrootsUnitId,
      departmentIds: g.departmentIds,
      companyId: g.companyId ?? null,
    })),
  );
}

/** Other active administrators than `userId`. */
export async function otherActiveAdmins(db: Db, userId: number): Promise<number> {
  const rows = await db
    .selectDistinct({ id: users.id })
    .from(users)
    .innerJoin(roleGrants, eq(roleGrants.userId, users.id))
    .where(and(eq(roleGrants.role, 'admin'), eq(users.active, true), ne(users.id, userId)));
  return rows.length;
}

export async function activeIds(
  db: Db,
  what: 'branch' | 'unit' | 'department' | 'person' | 'company',
  ids: number[],
) {
  if (ids.length === 0) return new Set<number>();
  const table = {
    branch: branches,
    unit: grassrootsUnits,
    department: departments,
    person: people,
    company: companies,
  }[what];
  const rows = await db
    .select({ id: table.id })
    .from(table)
    .where(and(inArray(table.id, ids), eq(table.active, true)));
  return new Set(rows.map((r) => r.id));
}

/** Accounts of any state: none at all means the first run has not happened. */
export async function userCount(db: Db): Promise<number> {
  const [row] = await db.select({ n: count() }).from(users);
  return row?.n ?? 0;
}
