import type { Db } from '../../db/client.js';
import { takeContentLock } from '../../db/content-lock.js';
import type { FileStore } from '../../lib/storage.js';
import { unreferencedContent } from './evidence.repo.js';

/** Longer than any upload takes between writing its object and committing the row that names it. */
export const SWEEP_GRACE_MS = 24 * 60 * 60 * 1000;

export interface SweepResult {
  /** Originals and thumbnails looked at. */
  scanned: number;
  /** Content addresses deleted (the original and its thumbnail). */
  removed: string[];
}

/**
 * Deletes stored objects no blob row references: uploads whose transaction was refused or cut off
 * after their bytes were written. An object younger than `graceMs` may belong to an upload still
 * running in some instance, so it stays. Each candidate is checked again and deleted under its
 * content lock (db/content-lock.ts): an upload committing its row meanwhile either comes first
 * (the row is found, the object stays) or finds its object gone and is refused, never a row
 * pointing at nothing. One rewritten meanwhile by a new upload of the same bytes is young again
 * and stays too.
 */
export async function sweepUnreferenced(
  db: Db,
  files: FileStore,
  now: Date,
  graceMs = SWEEP_GRACE_MS,
): Promise<SweepResult> {
  const cutoff = now.getTime() - graceMs;
  // An address is a candidate when its original and thumbnail (whichever exist) are both old.
  const old = new Set<string>();
  const young = new Set<string>();
  let scanned = 0;
  for await (const o of files.list()) {
    scanned++;
    (o.modifiedAt.getTime() < cutoff ? old : young).add(o.sha256);
  }
  const candidates = [...old].filter((sha) => !young.has(sha));
  const removed: string[] = [];
  for (let i = 0; i < candidates.length; i += 500) {
    for (const sha256 of await unreferencedContent(db, candidates.slice(i, i + 500))) {
      const gone = await db.transaction(async (tx) => {
        await takeContentLock(tx, sha256);
        if (!(await unreferencedContent(tx, [sha256])).length) return false;
        const current = await files.head(sha256);
        if (current && current.modifiedAt.getTime() >= cutoff) return false;
        await files.remove(sha256);
        return true;
      });
      if (gone) removed.push(sha256);
    }
  }
  return { scanned, removed };
}
