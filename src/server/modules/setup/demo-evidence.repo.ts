import { and, asc, eq, inArray, ne } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { attendance, blobs, branches, evidence, people, records } from '../../db/schema/index.js';

/** The demo campaign's meetings that were held and recorded (not drafts), with who was expected. */
export async function demoMeetings(db: Db, campaignId: number) {
  const rows = await db
    .select({
      id: records.id,
      kind: records.kind,
      title: records.title,
      occurredOn: records.occurredOn,
      data: records.data,
      createdBy: records.createdBy,
      createdAt: records.createdAt,
      branchName: branches.name,
    })
    .from(records)
    .innerJoin(branches, eq(branches.id, records.branchId))
    .where(
      and(
        eq(records.campaignId, campaignId),
        inArray(records.kind, ['study', 'theme_day']),
        ne(records.status, 'draft'),
      ),
    )
    .orderBy(asc(records.id));
  const ids = rows.map((r) => r.id);
  const present = ids.length
    ? await db
        .select({ recordId: attendance.recordId, name: people.name, status: attendance.status })
        .from(attendance)
        .innerJoin(people, eq(people.id, attendance.personId))
        .where(inArray(attendance.recordId, ids))
        .orderBy(asc(attendance.recordId), asc(people.id))
    : [];
  return rows.map((r) => ({ ...r, attendance: present.filter((p) => p.recordId === r.id) }));
}

export async function insertDemoEvidence(
  db: Db,
  files: (typeof blobs.$inferInsert)[],
  rows: (typeof evidence.$inferInsert)[],
): Promise<void> {
  if (files.length) await db.insert(blobs).values(files).onConflictDoNothing({ target: blobs.sha256 });
  if (rows.length) await db.insert(evidence).values(rows);
}
