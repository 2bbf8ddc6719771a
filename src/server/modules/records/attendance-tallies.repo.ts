import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { rewriteDerivedTable } from '../../db/derived-tables.js';

/**
 * Recounts every meeting's attendance tally from its list (`attendance_tallies`, kept by triggers
 * on `attendance`, migration 0023) and answers how many tallies there are and how many were wrong
 * or missing. The triggers keep the table; this is for after a restore, a repair, or doubt.
 */
export function rebuildAttendanceTallies(tx: Db): Promise<{ rows: number; corrected: number }> {
  return rewriteDerivedTable(tx, 'attendance_tallies', 'record_id', () =>
    tx.execute(sql`select attendance_tallies_recount(null)`),
  );
}
