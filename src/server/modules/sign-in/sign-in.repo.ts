import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { attendance, branches, records, signInLinks } from '../../db/schema/index.js';

export async function insertLink(db: Db, values: typeof signInLinks.$inferInsert): Promise<void> {
  await db.insert(signInLinks).values(values);
}

export async function findLink(db: Db, idHash: string) {
  const [row] = await db
    .select({ link: signInLinks, record: records, branchName: branches.name })
    .from(signInLinks)
    .innerJoin(records, eq(records.id, signInLinks.recordId))
    .innerJoin(branches, eq(branches.id, records.branchId))
    .where(eq(signInLinks.id, idHash));
  return row;
}

export async function attendanceLine(db: Db, recordId: number, personId: number) {
  const [row] = await db
    .select()
    .from(attendance)
    .where(and(eq(attendance.recordId, recordId), eq(attendance.personId, personId)));
  return row;
}

export async function markPresent(db: Db, recordId: number, personId: number, at: Date): Promise<void> {
  await db
    .update(attendance)
    .set({ status: 'present', reason: null, signedInAt: at })
    .where(and(eq(attendance.recordId, recordId), eq(attendance.personId, personId)));
}
