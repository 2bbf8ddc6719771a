import { sql } from 'drizzle-orm';
import type { Db } from './client.js';

/*
 * A stored object and the row that names it are written in two steps: the object first, then the
 * row. The lock of the object's content address keeps the sweep of unreferenced objects out of
 * that gap: an upload holds it shared in the transaction that inserts its row (and checks there
 * that the object is still stored), the sweep holds it exclusively in the transaction that finds
 * no row naming the object and deletes it. Transaction-scoped, so a crash releases it.
 */

/** Taken by every transaction that inserts a row naming stored content; any number at once. */
export async function shareContentLock(tx: Db, sha256: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock_shared(7301002, hashtext(${sha256}))`);
}

/** Taken by the sweep before it checks and deletes an object; waits for those uploads to end. */
export async function takeContentLock(tx: Db, sha256: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(7301002, hashtext(${sha256}))`);
}
