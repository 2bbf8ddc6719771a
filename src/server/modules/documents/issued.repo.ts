import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { blobs, issuedDocuments } from '../../db/schema/index.js';

export type IssuedRow = typeof issuedDocuments.$inferSelect;
export type IssuedKind = IssuedRow['kind'];

/**
 * Serialises issuing within one series (campaign × kind) until the transaction ends, on both
 * engines: the second of two simultaneous issues waits, then reads the first one's number.
 */
export async function lockSeries(tx: Db, campaignId: number, kind: IssuedKind): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`issued_documents:${kind}`}), ${campaignId})`);
}

/** The latest issue of a series: its number and date, which the next one follows. */
export async function lastOfSeries(db: Db, campaignId: number, kind: IssuedKind) {
  const [row] = await db
    .select({
      seq: issuedDocuments.seq,
      issueNumber: issuedDocuments.issueNumber,
      issuedOn: issuedDocuments.issuedOn,
    })
    .from(issuedDocuments)
    .where(and(eq(issuedDocuments.campaignId, campaignId), eq(issuedDocuments.kind, kind)))
    .orderBy(desc(issuedDocuments.seq))
    .limit(1);
  return row ?? null;
}

export async function insertIssued(db: Db, values: typeof issuedDocuments.$inferInsert): Promise<IssuedRow> {
  const [row] = await db.insert(issuedDocuments).values(values).returning();
  return row!;
}

/** A campaign's issued documents, the latest first. */
export async function listIssued(db: Db, campaignId: number): Promise<IssuedRow[]> {
  return db
    .select()
    .from(issuedDocuments)
    .where(eq(issuedDocuments.campaignId, campaignId))
    .orderBy(desc(issuedDocuments.issuedOn), desc(issuedDocuments.id));
}

export async function findIssued(db: Db, id: number): Promise<IssuedRow | null> {
  const [row] = await db.select().from(issuedDocuments).where(eq(issuedDocuments.id, id));
  return row ?? null;
}

/** Registers the issued file in the content-addressed store's table (kept by backups with the file). */
export async function registerBlob(db: Db, values: typeof blobs.$inferInsert): Promise<void> {
  await db.insert(blobs).values(values).onConflictDoNothing({ target: blobs.sha256 });
}
