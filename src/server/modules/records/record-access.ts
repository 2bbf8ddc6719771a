import type { Db } from '../../db/client.js';
import * as repo from './records.repo.js';
import { checklistOfRow } from './record-detail.js';

// What other modules may read and change of a record, without reaching into the records repo:
// the stored row (the caller authorizes it with the records policy), who wrote it, the blocking
// items and last return a workbench card shows, and the versioned update a revision's leader
// review applies.

export type { RecordRow } from './records.repo.js';

export async function findRecordRow(db: Db, id: number): Promise<repo.RecordRow | undefined> {
  return repo.findRecord(db, id);
}

/** The row locked until the transaction ends, as every change to a record or its evidence takes it. */
export async function lockRecordRow(db: Db, id: number): Promise<repo.RecordRow | undefined> {
  return repo.lockRecord(db, id);
}

/** Everyone who created, edited or submitted each record: they do not review it. */
export async function authorsOf(db: Db, rows: { id: number; createdBy: number | null }[]) {
  return repo.authorsOf(db, rows);
}

/** Optimistic concurrency: the change applies only to the version the caller saw. */
export async function updateRecordVersion(
  db: Db,
  id: number,
  version: number,
  values: Pick<Partial<repo.RecordRow>, 'leaderStatus'>,
): Promise<boolean> {
  return repo.updateRecordVersioned(db, id, version, values);
}

/** What still blocks a record in hand, as a workbench card lists it; nothing once it is submitted. */
export async function blockingItems(db: Db, id: number) {
  const row = await repo.findRecord(db, id);
  if (!row || row.status === 'approved' || row.status === 'submitted') return [];
  return (await checklistOfRow(db, row))
    .filter((i) => i.blocking && !i.done)
    .map((i) => ({ key: i.key, label: i.label, labelEn: i.labelEn }));
}

/** The committee's latest return of a record, with its comment. */
export async function lastReturnOf(db: Db, id: number) {
  const returned = (await repo.reviewsOf(db, id)).filter((r) => r.decision === 'returned').at(-1);
  return returned
    ? { comment: returned.comment, reviewer: returned.reviewer, at: returned.at.toISOString() }
    : null;
}
