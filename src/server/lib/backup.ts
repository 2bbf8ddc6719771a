import { createHash } from 'node:crypto';
import { mkdir, open, rename } from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { Db, DbKind } from '../db/client.js';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  MANIFEST_FILE,
  FETCH_ROWS,
  type ManifestTable,
  type ManifestSequence,
  type ManifestFile,
  type Manifest,
  BackupError,
} from './backup-format.js';
import {
  rowsOf,
  qualified,
  columnList,
  readTables,
  readSequences,
  readMigrations,
} from './backup-catalog.js';
import { storeRelPath, type FileStore, type StoredObject } from './storage.js';
import { syncAndClose, copyHashed, isSha256, storePath, folderIsEmptyOrMissing } from './backup-files.js';

// The modules below are re-exported so that callers keep one import for backup and restore.
export {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  BackupError,
  MANIFEST_FILE,
  summarize,
} from './backup-format.js';
export type {
  BackupSummary,
  Manifest,
  ManifestFile,
  ManifestSequence,
  ManifestTable,
} from './backup-format.js';
export { verifyBackup } from './backup-verify.js';
export { assertEmptyTarget, restoreBackup, type RestoreOptions } from './backup-restore.js';

/**
 * Backup and restore of a whole installation: every table of the `public` schema as JSON lines
 * (one file per table, in foreign-key order, read in one REPEATABLE READ snapshot), the evidence
 * files under DATA_DIR/files (blobs/ and thumbnails/, content-addressed by SHA-256), and a
 * manifest with row counts and hashes. The dump is engine-neutral: a PGlite backup restores into
 * PostgreSQL and the other way round. Restore goes only into an empty database and data folder.
 */

export interface BackupOptions {
  db: Db;
  engine: DbKind;
  /** The evidence file store: the folder DATA_DIR/files or the bucket. */
  files: FileStore;
  /** A folder that does not exist yet or is empty. */
  target: string;
}

/**
 * Writes a backup. The tables are read in one REPEATABLE READ, read-only transaction, so they are
 * consistent with each other even while the server runs (PostgreSQL). The files are copied after
 * the snapshot: an upload writes its file before its database row commits and a file a row names
 * is never deleted, so every blob row of the snapshot already has its file in the store.
 */
export async function createBackup(options: BackupOptions): Promise<Manifest> {
  const { db, engine } = options;
  const target = path.resolve(options.target);
  if (!(await folderIsEmptyOrMissing(target))) {
    throw new BackupError(
      `备份目录 ${target} 不是空的,请指定一个新的或空的目录。` +
        `The backup folder ${target} is not empty; give a new or empty folder.`,
    );
  }
  await mkdir(path.join(target, 'tables'), { recursive: true });

  const warnings: string[] = [];
  const blobRows: { sha256: string; hasThumbnail: boolean }[] = [];

  const snapshot = await db.transaction(
    async (tx) => {
      // Timestamps come out in UTC, whatever the server's time zone: dumps compare byte for byte.
      await tx.execute(sql`set local time zone 'UTC'`);
      const [version] = await rowsOf<{ v: string }>(tx, sql`select version() as "v"`);
      const migrations = (await readMigrations(tx)) ?? [];
      const tables = await readTables(tx);
      const sequences: ManifestSequence[] = [];
      for (const s of await readSequences(tx)) {
        const [state] = await rowsOf<{ lastValue: string | number; isCalled: boolean }>(
          tx,
          sql`select last_value::text as "lastValue", is_called as "isCalled" from ${qualified(s.sequence)}`,
        );
        sequences.push({ ...s, lastValue: String(state!.lastValue), isCalled: state!.isCalled });
      }

      const manifestTables: ManifestTable[] = [];
      for (const [i, table] of tables.entries()) {
        const file = `tables/${String(i + 1).padStart(3, '0')}-${table.name}.jsonl`;
        const handle = await open(path.join(target, file), 'w');
        const hash = createHash('sha256');
        let rows = 0;
        try {
          // A table without a primary key (the kept passages) is dumped in the order of its lines, so
          // a restored installation backs up again into the same bytes.
          const order = table.primaryKey.length
            ? sql` order by ${columnList(table.primaryKey.map((c) => c))}`
            : sql` order by row_to_json(t)::text collate "C"`;
          await tx.execute(
            sql`declare duibiao_dump no scroll cursor for
                select row_to_json(t)::text as "line" from ${qualified(table.name)} t${order}`,
          );
          for (;;) {
            const batch = await rowsOf<{ line: string }>(
              tx,
              sql.raw(`fetch forward ${FETCH_ROWS} from duibiao_dump`),
            );
            if (batch.length === 0) break;
            const text = batch.map((r) => r.line).join('\n') + '\n';
            hash.update(text);
            await handle.write(text);
            rows += batch.length;
            if (table.name === 'blobs') {
              for (const r of batch) {
                const row = JSON.parse(r.line) as { sha256: string; has_thumbnail: boolean };
                blobRows.push({ sha256: row.sha256, hasThumbnail: row.has_thumbnail });
              }
            }
          }
          await tx.execute(sql`close duibiao_dump`);
        } finally {
          await syncAndClose(handle);
        }
        manifestTables.push({
          name: table.name,
          file,
          columns: table.columns,
          rows,
          sha256: hash.digest('hex'),
        });
      }
      return { serverVersion: version?.v ?? '', migrations, tables: manifestTables, sequences };
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );

  const files: ManifestFile[] = [];
  const stored: StoredObject[] = [];
  for await (const o of options.files.list()) stored.push(o);
  const relOf = (o: StoredObject) => storeRelPath(o.sha256, o.kind);
  stored.sort((a, b) => relOf(a).localeCompare(relOf(b)));
  for (const o of stored) {
    const rel = relOf(o);
    const from = o.kind === 'blob' ? options.files.open(o.sha256) : options.files.openThumbnail(o.sha256);
    const copied = await copyHashed(from, path.join(target, 'files', rel));
    const match = storePath.exec(rel);
    if (match?.[1] === 'blobs' && copied.sha256 !== match[4]) {
      warnings.push(`证据文件内容与其 SHA-256 名称不符(已损坏)/ evidence file is corrupted: ${rel}`);
    }
    files.push({ path: rel, ...copied });
  }
  const have = new Set(files.map((f) => f.path));
  for (const blob of blobRows) {
    if (!isSha256(blob.sha256)) continue;
    const blobPath = storeRelPath(blob.sha256, 'blob');
    if (!have.has(blobPath)) {
      warnings.push(`数据库登记的证据文件在磁盘上不存在 / evidence file missing on disk: ${blobPath}`);
    }
    const thumbnailPath = storeRelPath(blob.sha256, 'thumbnail');
    if (blob.hasThumbnail && !have.has(thumbnailPath)) {
      warnings.push(`缩略图在磁盘上不存在 / thumbnail missing on disk: ${thumbnailPath}`);
    }
  }

  const manifest: Manifest = {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    createdAt: new Date().toISOString(),
    engine,
    ...snapshot,
    files,
    warnings,
  };
  // The manifest comes last: a folder without one is an unfinished backup.
  const temp = path.join(target, `${MANIFEST_FILE}.part`);
  const handle = await open(temp, 'w');
  try {
    await handle.write(JSON.stringify(manifest, null, 2) + '\n');
  } finally {
    await syncAndClose(handle);
  }
  await rename(temp, path.join(target, MANIFEST_FILE));
  return manifest;
}
