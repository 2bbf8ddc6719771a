import { sql } from 'drizzle-orm';
import type { Db } from './client.js';
import { resultRows } from './values.js';

/**
 * Rewrites a table that triggers keep from others (the task statuses, the attendance tallies) by
 * `rewrite`, and answers how many rows it has and how many were wrong or missing before: for
 * after a restore, a manual repair of the data, or doubt.
 */
export async function rewriteDerivedTable(
  tx: Db,
  table: string,
  key: string,
  rewrite: () => Promise<unknown>,
): Promise<{ rows: number; corrected: number }> {
  const kept = sql.identifier(table);
  const before = sql.identifier(`${table}_before`);
  const id = sql.identifier(key);
  await tx.execute(sql`create temp table ${before} on commit drop as select * from ${kept}`);
  await rewrite();
  const res = await tx.execute(sql`select (select count(*) from ${kept})::int as rows,
      (select count(*) from (select * from ${kept} except select * from ${before}) d)::int
      + (select count(*) from ${before} b
         where not exists (select 1 from ${kept} k where k.${id} = b.${id}))::int as corrected`);
  await tx.execute(sql`drop table ${before}`);
  return resultRows<{ rows: number; corrected: number }>(res)[0]!;
}
