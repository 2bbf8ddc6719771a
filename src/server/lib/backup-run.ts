import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import type { Config } from '../config.js';
import { openPglite, openPostgres, type Database, type Db } from '../db/client.js';
import * as schema from '../db/schema/index.js';
import { DataDirLockedError, lockDataDir } from './data-lock.js';
import { fileStoreFor } from './file-store.js';
import {
  assertEmptyTarget,
  BackupError,
  createBackup,
  restoreBackup,
  verifyBackup,
  type BackupSummary,
  type Manifest,
} from './backup.js';

/**
 * What `npm run backup` and `npm run restore` do around src/server/lib/backup.ts: pick the engine
 * from the configuration, take the data directory lock of the embedded engine, open the database
 * (without migrating it for a backup), and close everything afterwards.
 */

const pgdataOf = (config: Config) => path.join(config.dataDir, 'pgdata');

/** Opens a database as it is, without applying migrations. */
async function openAsIs(config: Config): Promise<Database> {
  if (config.databaseUrl) {
    const pool = new pg.Pool({ connectionString: config.databaseUrl, max: 2 });
    pool.on('error', () => undefined);
    const db = drizzlePg(pool, { schema }) as unknown as Db;
    return { db, kind: 'postgres', close: () => pool.end() };
  }
  const client = await PGlite.create(pgdataOf(config), { extensions: { pg_trgm } });
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return { db, kind: 'pglite', close: () => client.close() };
}

/** The embedded engine's folder is locked while a server runs: backup and restore need it stopped. */
function lockEmbedded(config: Config, what: 'backup' | 'restore'): () => void {
  if (config.databaseUrl) return () => undefined;
  try {
    return lockDataDir(config.dataDir);
  } catch (err) {
    if (err instanceof DataDirLockedError) {
      throw new BackupError(
        `${err.message}\n` +
          (what === 'backup'
            ? '备份嵌入式数据库(PGlite)前请先停止对标服务。Stop the Duibiao server before backing up the embedded (PGlite) database.'
            : '恢复前请先停止对标服务。Stop the Duibiao server before restoring.'),
      );
    }
    throw err;
  }
}

const hasContent = (dir: string) => existsSync(dir) && readdirSync(dir).length > 0;

export async function runBackup(config: Config, target: string): Promise<Manifest> {
  if (!config.databaseUrl && !hasContent(pgdataOf(config))) {
    throw new BackupError(
      `${pgdataOf(config)} 中没有数据库,请检查 DATA_DIR。No database in ${pgdataOf(config)}; check DATA_DIR.`,
    );
  }
  const release = lockEmbedded(config, 'backup');
  try {
    const database = await openAsIs(config);
    try {
      return await createBackup({
        db: database.db,
        engine: database.kind,
        files: fileStoreFor(config),
        target,
      });
    } finally {
      await database.close();
    }
  } finally {
    release();
  }
}

export async function runRestore(
  config: Config,
  source: string,
  log: (line: string) => void = () => undefined,
): Promise<BackupSummary> {
  // Check the backup before touching the target at all.
  const manifest = await verifyBackup(source);
  const release = lockEmbedded(config, 'restore');
  try {
    // Refuse a target with data before migrations would change it.
    if (config.databaseUrl || hasContent(pgdataOf(config))) {
      const existing = await openAsIs(config);
      try {
        await assertEmptyTarget(existing.db, fileStoreFor(config));
      } finally {
        await existing.close();
      }
    } else {
      await assertEmptyTarget(null, fileStoreFor(config));
    }
    const database = config.databaseUrl
      ? await openPostgres(config.databaseUrl, 2)
      : await openPglite(pgdataOf(config));
    try {
      return await restoreBackup({ db: database.db, files: fileStoreFor(config), source, log, manifest });
    } finally {
      await database.close();
    }
  } finally {
    release();
  }
}
