import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import * as schema from './schema/index.js';

export type Schema = typeof schema;
/** Either engine's drizzle database, or a transaction on it (a transaction is a PgDatabase too). */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type DbKind = 'pglite' | 'postgres';

export interface Database {
  db: Db;
  kind: DbKind;
  close(): Promise<void>;
}

const migrationsFolder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../migrations');

/**
 * Opens PGlite in `dataDir` (or in memory when dataDir is null), creating the folder first:
 * PGlite cannot create nested folders itself. `loadDataDir` starts it from a dump (`dumpDataDir`)
 * instead of an empty cluster.
 */
export async function openPglite(
  dataDir: string | null,
  options: { loadDataDir?: Blob } = {},
): Promise<Database> {
  // Loaded here, not at startup: PGlite's modules add about 25 MB of resident memory to the server,
  // which a server on PostgreSQL never uses.
  const [{ PGlite }, { pg_trgm }, { drizzle: drizzlePglite }, { migrate: migratePglite }] = await Promise.all(
    [
      import('@electric-sql/pglite'),
      import('@electric-sql/pglite/contrib/pg_trgm'),
      import('drizzle-orm/pglite'),
      import('drizzle-orm/pglite/migrator'),
    ],
  );
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const client = await PGlite.create(dataDir ?? undefined, {
    extensions: { pg_trgm },
    loadDataDir: options.loadDataDir,
  });
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  await migratePglite(db as never, { migrationsFolder });
  return { db, kind: 'pglite', close: () => client.close() };
}

/**
 * Connection settings of the app's pool. JIT compilation is off: the app's queries are short and
 * the planner's cost estimates at group scale (120,000 tasks) switch JIT on, which then spends more
 * time compiling than executing (EXPLAIN ANALYZE of the task list: 1.4 s of 3.0 s in JIT).
 */
export const postgresPoolConfig = (url: string, poolSize: number): pg.PoolConfig => ({
  connectionString: url,
  max: poolSize,
  options: '-c jit=off',
});

/**
 * Runs statements without parallel workers, in a transaction of their own. On two cores a worker
 * costs more to start than it saves on a small scan (at group scale the indicators' revision
 * follow-ups 124 → 43 ms, counts by kind 77 → 14 ms), and under load the workers take the cores
 * other requests wait for. Per statement, not for the whole pool: the matrix and the branch
 * profile gain from a second worker (docs/PERFORMANCE.md).
 */
export function withoutParallelWorkers<T>(db: Db, run: (tx: Db) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local max_parallel_workers_per_gather = 0`);
    return run(tx as unknown as Db);
  });
}

export async function openPostgres(url: string, poolSize = 10): Promise<Database> {
  const pool = new pg.Pool(postgresPoolConfig(url, poolSize));
  // A pool error on an idle client must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  // Several instances may start at once: one migrates while the others wait on this lock.
  const lockClient = await pool.connect();
  try {
    await lockClient.query('select pg_advisory_lock(7301000)');
    await migratePg(db as never, { migrationsFolder });
  } finally {
    await lockClient.query('select pg_advisory_unlock(7301000)').catch(() => undefined);
    lockClient.release();
  }
  return { db, kind: 'postgres', close: () => pool.end() };
}
