import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { rowsOf } from '../../lib/backup-catalog.js';

/**
 * Recounts every meeting's attendance tally from its list (`attendance_tallies`, kept by triggers
 * on `attendance`, migration 0023) and answers how many tallies there are and how many were wrong
 * or missing. The triggers keep the table; this is for after a restore, a repair, or doubt.
 */
export async function rebuildAttendanceTallies(tx: Db): Promise<{ rows: number; corrected: number }> {
  await tx.execute(
    sql`create temp table attendance_tallies_before on commit drop as select * from attendance_tallies`,
  );
  await tx.execute(sql`select attendance_tallies_recount(null)`);
  const [row] = await rowsOf<{ rows: number; corrected: number }>(
    tx,
    sql`select (select count(*) from attendance_tallies)::int as rows,
      (select count(*) from (select * from attendance_tallies except select * from attendance_tallies_before) d)::int
      + (select count(*) from attendance_tallies_before b
         where not exists (select 1 from attendance_tallies t where t.record_id = b.record_id))::int as corrected`,
  );
  await tx.execute(sql`drop table attendance_tallies_before`);
  return row!;
}
