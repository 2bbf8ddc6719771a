/**
 * What the bench scripts that run on an existing group-scale dataset need to know of it, kept
 * apart from the generator so that a measuring process loads nothing more than it must.
 */
import pg from 'pg';

/** The administrator password the generator sets (bench/dataset.ts). */
export const BENCH_ADMIN_PASSWORD = 'Admin@2026x';

/** The campaign of the newest dataset generated into the database at `url`. */
export async function campaignOfDataset(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ campaign_id: number }>(
      'select campaign_id from bench_dataset order by version desc limit 1',
    );
    if (!rows[0]) throw new Error('no bench dataset in this database: run npm run bench first');
    return rows[0].campaign_id;
  } finally {
    await client.end();
  }
}
