import { createReadStream } from 'node:fs';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import {
  INSERT_BATCH_ROWS,
  INSERT_BATCH_BYTES,
  type ManifestTable,
  type Manifest,
  type BackupSummary,
  BackupError,
  summarize,
} from './backup-format.js';
import {
  type TableInfo,
  rowsOf,
  qualified,
  columnList,
  readTables,
  readSequences,
  readMigrations,
} from './backup-catalog.js';
import { storePath } from './backup-files.js';
import type { FileStore } from './storage.js';
import { verifyBackup } from './backup-verify.js';

// Restore of a verified backup into an empty database and data folder.

/**
 * Refuses a target that holds anything: a row in any table of the public schema, or a file in
 * the file store. Works on a database before or after migrations; null stands for a database that
 * does not exist yet.
 */
export async function assertEmptyTarget(db: Db | null, files: FileStore): Promise<void> {
  const problems: string[] = [];
  if (db) {
    for (const table of await readTables(db)) {
      const [row] = await rowsOf<{ any: boolean }>(
        db,
        sql`select exists (select 1 from ${qualified(table.name)}) as "any"`,
      );
      if (row?.any) problems.push(`表 ${table.name} 中已有数据 / table ${table.name} has rows`);
    }
  }
  for await (const o of files.list()) {
    problems.push(`文件存储中已有文件(如 ${o.sha256})/ the file store holds files (e.g. ${o.sha256})`);
    break;
  }
  if (problems.length) {
    throw new BackupError(
      '恢复目标不是空的:恢复只能写入空的数据库和空的数据目录,拒绝覆盖现有数据。' +
        'The restore target is not empty: a backup is restored only into an empty database and data ' +
        'directory; refusing to overwrite existing data.',
      problems,
    );
  }
}

export interface RestoreOptions {
  /** A migrated, empty database. */
  db: Db;
  /** The evidence file store: the folder DATA_DIR/files or the bucket. */
  files: FileStore;
  /** The backup folder. */
  source: string;
  /** Progress lines for the operator. */
  log?: (line: string) => void;
  /** The manifest, when verifyBackup(source) has just been run; otherwise it runs here. */
  manifest?: Manifest;
}

/**
 * Restores a verified backup into a migrated, empty database and file store: files first (each
 * SHA-256 checked as it is written), then every row in one transaction, ids kept, sequences moved
 * past the restored ids. A failure leaves the target empty again.
 */
export async function restoreBackup(options: RestoreOptions): Promise<BackupSummary> {
  const { db, files, source } = options;
  const log = options.log ?? (() => undefined);
  const manifest = options.manifest ?? (await verifyBackup(source));
  log(`备份已校验 / backup verified: ${manifest.tables.length} tables, ${manifest.files.length} files`);
  await assertEmptyTarget(db, files);

  const applied = await readMigrations(db);
  if (!applied) {
    throw new BackupError('目标数据库尚未迁移 / the target database has not been migrated');
  }
  const known = new Set(applied.map((m) => m.createdAt));
  const unknown = (manifest.migrations ?? []).filter((m) => !known.has(m.createdAt));
  if (unknown.length) {
    throw new BackupError(
      '备份来自更新版本的对标(含本程序没有的数据库迁移),请先升级程序。' +
        'The backup comes from a newer Duibiao version (it has migrations this program lacks); upgrade first.',
      unknown.map((m) => `migration ${m.createdAt}`),
    );
  }
  const targetTables = new Map((await readTables(db)).map((t) => [t.name, t]));
  const schemaProblems: string[] = [];
  for (const t of manifest.tables) {
    const there = targetTables.get(t.name);
    if (!there) {
      schemaProblems.push(`目标没有表 ${t.name} / table ${t.name} does not exist in the target`);
      continue;
    }
    for (const c of t.columns) {
      if (!there.columns.includes(c)) schemaProblems.push(`目标表 ${t.name} 没有列 ${c} / missing column`);
    }
  }
  if (schemaProblems.length) {
    throw new BackupError(
      '备份与目标数据库结构不符 / the backup does not fit the target schema',
      schemaProblems,
    );
  }

  const written = new Set<string>();
  try {
    for (const f of manifest.files) {
      const match = storePath.exec(f.path)!;
      const sha256 = match[4]!;
      const from = path.join(source, 'files', f.path);
      written.add(sha256);
      let copied: { sha256: string; size: number };
      if (match[1] === 'blobs') {
        const ingested = await files.ingest(createReadStream(from), Number.MAX_SAFE_INTEGER);
        copied = ingested;
        if (ingested.sha256 === f.sha256) await files.commit(ingested.tempPath, sha256);
        else await files.discard(ingested.tempPath);
      } else {
        const bytes = await readFile(from);
        copied = { sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.length };
        if (copied.sha256 === f.sha256) await files.putThumbnail(sha256, bytes);
      }
      if (copied.sha256 !== f.sha256 || copied.size !== f.size) {
        throw new BackupError(`恢复的文件校验失败 / restored file does not match its SHA-256: ${f.path}`);
      }
    }
    log(`文件已恢复并校验 / files restored and verified: ${manifest.files.length}`);

    await db.transaction(async (tx) => {
      for (const t of manifest.tables) {
        const info = targetTables.get(t.name)!;
        await loadTable(tx, t, info, path.join(source, t.file));
      }
      const floors = new Map(
        (manifest.sequences ?? []).map((s) => [
          `${s.table}.${s.column}`,
          s.isCalled ? BigInt(s.lastValue) : BigInt(s.lastValue) - 1n,
        ]),
      );
      for (const s of await readSequences(tx)) {
        const floor = floors.get(`${s.table}.${s.column}`) ?? 0n;
        await tx.execute(
          sql`select case when g > 0 then setval(${`public.${quoteIdent(s.sequence)}`}::regclass, g, true)
                          else setval(${`public.${quoteIdent(s.sequence)}`}::regclass, 1, false) end
              from (select greatest(
                      coalesce((select max(${sql.identifier(s.column)}) from ${qualified(s.table)}), 0)::bigint,
                      ${floor.toString()}::bigint) as g) x`,
        );
      }
      const wrong: string[] = [];
      for (const t of manifest.tables) {
        const [row] = await rowsOf<{ n: number | string }>(
          tx,
          sql`select count(*)::int as "n" from ${qualified(t.name)}`,
        );
        if (Number(row?.n) !== t.rows) wrong.push(`${t.name}: ${row?.n} ≠ ${t.rows}`);
      }
      if (wrong.length) throw new BackupError('恢复后的行数不符 / row counts differ after restore', wrong);
    });
  } catch (err) {
    // Leave the target as empty as it was, so the restore can be run again.
    for (const sha256 of written) await files.remove(sha256);
    throw err;
  }
  const summary = summarize(manifest);
  log(`数据已恢复 / rows restored: ${summary.rows} in ${summary.tables} tables`);
  return summary;
}

export const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

export async function loadTable(db: Db, table: ManifestTable, info: TableInfo, file: string): Promise<void> {
  const columns = columnList(table.columns);
  const overriding = info.identityAlways ? sql` overriding system value` : sql``;
  let batch: string[] = [];
  let bytes = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    const json = `[${batch.join(',')}]`;
    await db.execute(
      sql`insert into ${qualified(table.name)} (${columns})${overriding}
          select ${columns} from json_populate_recordset(null::${qualified(table.name)}, ${json}::json)`,
    );
    batch = [];
    bytes = 0;
  };
  const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  for await (const line of lines) {
    if (line === '') continue;
    batch.push(line);
    bytes += line.length;
    if (batch.length >= INSERT_BATCH_ROWS || bytes >= INSERT_BATCH_BYTES) await flush();
  }
  await flush();
}
