import { count, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { organisation, users } from '../../db/schema/index.js';

export async function userCount(db: Db): Promise<number> {
  const [row] = await db.select({ n: count() }).from(users);
  return row?.n ?? 0;
}

export async function organisationName(db: Db): Promise<string | null> {
  const [row] = await db.select({ name: organisation.name }).from(organisation);
  return row?.name ?? null;
}

export async function upsertOrganisation(db: Db, name: string, committeeName: string): Promise<void> {
  await db
    .insert(organisation)
    .values({ id: 1, name, committeeName })
    .onConflictDoUpdate({ target: organisation.id, set: { name, committeeName } });
}

/** Serialises first-run setup across requests and instances (one transaction-scoped lock). */
export async function lockSetup(tx: Db): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(7301001)`);
}
