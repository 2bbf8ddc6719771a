import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { people, roleGrants, users } from '../../db/schema/index.js';
import type { ExternalGrant } from './sso-claims.js';

export type SsoUser = Pick<
  typeof users.$inferSelect,
  'id' | 'username' | 'displayName' | 'personId' | 'active'
>;
export interface SsoPerson {
  id: number;
  name: string;
  branchId: number | null;
  active: boolean;
}

const userColumns = {
  id: users.id,
  username: users.username,
  displayName: users.displayName,
  personId: users.personId,
  active: users.active,
};

export async function findPersonByEmployeeNo(db: Db, employeeNo: string): Promise<SsoPerson | undefined> {
  const [row] = await db
    .select({ id: people.id, name: people.name, branchId: people.branchId, active: people.active })
    .from(people)
    .where(eq(people.employeeNo, employeeNo));
  return row;
}

/** The one person with this phone number; none when nobody or several share it. */
export async function findPersonByPhone(db: Db, phone: string): Promise<SsoPerson | undefined> {
  const found = await db
    .select({ id: people.id, name: people.name, branchId: people.branchId, active: people.active })
    .from(people)
    .where(eq(people.phone, phone))
    .limit(2);
  return found.length === 1 ? found[0] : undefined;
}

export async function findUserByPerson(db: Db, personId: number): Promise<SsoUser | undefined> {
  const [row] = await db.select(userColumns).from(users).where(eq(users.personId, personId));
  return row;
}

export async function findUserByUsername(db: Db, username: string): Promise<SsoUser | undefined> {
  const [row] = await db.select(userColumns).from(users).where(eq(users.username, username));
  return row;
}

export async function insertUser(
  db: Db,
  values: { username: string; displayName: string; personId: number | null; passwordHash: string },
): Promise<SsoUser> {
  const [row] = await db
    .insert(users)
    .values({ ...values, mustChangePassword: false })
    .returning(userColumns);
  return row!;
}

export async function grantsOfUser(db: Db, userId: number): Promise<ExternalGrant[]> {
  return db
    .select({ role: roleGrants.role, branchId: roleGrants.branchId, companyId: roleGrants.companyId })
    .from(roleGrants)
    .where(eq(roleGrants.userId, userId));
}

export async function insertGrants(db: Db, userId: number, grants: ExternalGrant[]): Promise<void> {
  if (grants.length === 0) return;
  await db
    .insert(roleGrants)
    .values(grants.map((g) => ({ userId, role: g.role, branchId: g.branchId, companyId: g.companyId })));
}
