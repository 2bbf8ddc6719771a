import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { companies, organisation } from '../../db/schema/index.js';

export async function upsertOrganisation(db: Db, name: string, committeeName: string): Promise<void> {
  await db
    .insert(organisation)
    .values({ id: 1, name, committeeName })
    .onConflictDoUpdate({ target: organisation.id, set: { name, committeeName } });
  // The first company is the organisation itself until the group adds others.
  await db
    .insert(companies)
    .values({ id: 1, name, committeeName })
    .onConflictDoUpdate({ target: companies.id, set: { name, committeeName } });
  await db.execute(
    sql`select setval(pg_get_serial_sequence('companies', 'id'), greatest((select max(id) from companies), 1))`,
  );
}

/** Serialises first-run setup across requests and instances (one transaction-scoped lock). */
export async function lockSetup(tx: Db): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(7301001)`);
}
