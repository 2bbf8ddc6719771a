import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { blobs, evidence, users } from '../../db/schema/index.js';

export async function upsertBlob(db: Db, values: typeof blobs.$inferInsert): Promise<void> {
  await db.insert(blobs).values(values).onConflictDoNothing({ target: blobs.sha256 });
}

export async function insertEvidence(db: Db, values: typeof evidence.$inferInsert): Promise<number> {
  const [row] = await db.insert(evidence).values(values).returning({ id: evidence.id });
  return row!.id;
}

export async function findEvidence(db: Db, id: number) {
  const [row] = await db
    .select({ evidence, blob: blobs })
    .from(evidence)
    .innerJoin(blobs, eq(blobs.sha256, evidence.sha256))
    .where(and(eq(evidence.id, id), isNull(evidence.removedAt)));
  return row;
}

export async function markRemoved(db: Db, id: number, at: Date, by: number): Promise<void> {
  await db.update(evidence).set({ removedAt: at, removedBy: by }).where(eq(evidence.id, id));
}

/** The files of the records, oldest first, without withdrawn ones: one query for any number of records. */
export async function evidenceOfRecords(db: Db, recordIds: number[]) {
  if (!recordIds.length) return [];
  return db
    .select({
      recordId: evidence.recordId,
      id: evidence.id,
      kind: evidence.kind,
      originalName: evidence.originalName,
      mime: blobs.mime,
      size: blobs.size,
      validOn: evidence.validOn,
      caption: evidence.caption,
      uploadedAt: evidence.uploadedAt,
      uploadedBy: users.displayName,
      hasThumbnail: blobs.hasThumbnail,
    })
    .from(evidence)
    .innerJoin(blobs, eq(blobs.sha256, evidence.sha256))
    .leftJoin(users, eq(users.id, evidence.uploadedBy))
    .where(and(inArray(evidence.recordId, recordIds), isNull(evidence.removedAt)))
    .orderBy(asc(evidence.id));
}

/** Those of the given content addresses that no blob row names (no evidence, no issued document). */
export async function unreferencedContent(db: Db, sha256s: string[]): Promise<string[]> {
  if (!sha256s.length) return [];
  const known = await db.select({ sha256: blobs.sha256 }).from(blobs).where(inArray(blobs.sha256, sha256s));
  const referenced = new Set(known.map((r) => r.sha256));
  return sha256s.filter((s) => !referenced.has(s));
}
