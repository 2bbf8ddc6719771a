import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { resultRows } from '../db/values.js';
import { schedulerLeases } from '../db/schema/index.js';

// A job's lease: one instance at a time works the named job; the row also keeps its last run.

/**
 * Takes or renews the named lease for `holder` until `until`, unless another holder's lease is
 * still running. One statement, so two instances racing for it cannot both win.
 */
export async function acquireLease(db: Db, name: string, holder: string, now: Date, until: Date) {
  const res = await db.execute(sql`
    insert into scheduler_leases (name, holder, expires_at) values (${name}, ${holder}, ${until})
    on conflict (name) do update set holder = excluded.holder, expires_at = excluded.expires_at
      where scheduler_leases.expires_at <= ${now} or scheduler_leases.holder = excluded.holder
    returning holder`);
  return resultRows<{ holder: string }>(res).length === 1;
}

export async function markLeaseRun(db: Db, name: string, holder: string, at: Date) {
  await db
    .update(schedulerLeases)
    .set({ lastRunAt: at })
    .where(and(eq(schedulerLeases.name, name), eq(schedulerLeases.holder, holder)));
}

export async function releaseLease(db: Db, name: string, holder: string) {
  await db
    .update(schedulerLeases)
    .set({ expiresAt: new Date(0) })
    .where(and(eq(schedulerLeases.name, name), eq(schedulerLeases.holder, holder)));
}

export async function findLease(db: Db, name: string) {
  const [row] = await db.select().from(schedulerLeases).where(eq(schedulerLeases.name, name));
  return row;
}
