import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, type Stats } from 'node:fs';
import { mkdir, open, readdir, readFile, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { sql, type SQL } from 'drizzle-orm';
import type { Db, DbKind } from '../db/client.js';

/**
 * Backup and restore of a whole installation: every table of the `public` schema as JSON lines
 * (one file per table, in foreign-key order, read in one REPEATABLE READ snapshot), the evidence
 * files under DATA_DIR/files (blobs/ and thumbnails/, content-addressed by SHA-256), and a
 * manifest with row counts and hashes. The dump is engine-neutral: a PGlite backup restores into
 * PostgreSQL and the other way round. Restore goes only into an empty database and data folder.
 */

export const BACKUP_FORMAT = 'duibiao-backup';
export const BACKUP_FORMAT_VERSION = 1;
export const MANIFEST_FILE = 'manifest.json';
/** The folders of the file store that hold data (tmp/ holds uploads in progress only). */
const FILE_FOLDERS = ['blobs', 'thumbnails'] as const;
const FETCH_ROWS = 1000;
const INSERT_BATCH_ROWS = 500;
const INSERT_BATCH_BYTES = 4 * 1024 * 1024;

export interface ManifestTable {
  name: string;
  /** Relative to the backup folder. */
  file: string;
  columns: string[];
  rows: number;
  sha256: string;
}

export interface ManifestSequence {
  table: string;
  column: string;
  sequence: string;
  /** As read in the snapshot (bigint, as text). */
  lastValue: string;
  isCalled: boolean;
}

export interface ManifestFile {
  /** Relative to the file store root, e.g. blobs/ab/cd/abcd…; the copy sits under files/ in the backup. */
  path: string;
  size: number;
  sha256: string;
}

export interface Manifest {
  format: typeof BACKUP_FORMAT;
  formatVersion: number;
  createdAt: string;
  engine: DbKind;
  serverVersion: string;
  /** drizzle migrations applied to the source (created_at is the migration's folder timestamp). */
  migrations: { hash: string; createdAt: string }[];
  tables: ManifestTable[];
  sequences: ManifestSequence[];
  files: ManifestFile[];
  /** Problems found in the source while backing up (e.g. an evidence file missing on disk). */
  warnings: string[];
}

export interface BackupSummary {
  tables: number;
  rows: number;
  files: number;
  bytes: number;
}

/** A backup or restore that cannot proceed; the message is Chinese and English. */
export class BackupError extends Error {
  constructor(
    message: string,
    readonly problems: string[] = [],
  ) {
    super(problems.length ? `${message}\n  - ${problems.join('\n  - ')}` : message);
  }
}

// ---------------------------------------------------------------------------------------------
// Catalog

interface TableInfo {
  name: string;
  columns: string[];
  primaryKey: string[];
  /** Has a GENERATED ALWAYS identity column: inserts need OVERRIDING SYSTEM VALUE. */
  identityAlways: boolean;
}

interface SequenceInfo {
  table: string;
  column: string;
  sequence: string;
}

async function rowsOf<T>(db: Db, query: SQL): Promise<T[]> {
  const res = (await db.execute(query)) as unknown as { rows: T[] };
  return res.rows;
}

const qualified = (table: string) => sql`${sql.identifier('public')}.${sql.identifier(table)}`;
const columnList = (columns: string[]) =>
  sql.join(
    columns.map((c) => sql.identifier(c)),
    sql`, `,
  );

/** Tables of the public schema, parents before children (foreign keys), ties by name. */
async function readTables(db: Db): Promise<TableInfo[]> {
  const cols = await rowsOf<{ table: string; column: string; identity: string }>(
    db,
    sql`select c.relname as "table", a.attname as "column", a.attidentity::text as "identity"
        from pg_class c
        join pg_namespace n on n.oid = c.relnamespace
        join pg_attribute a on a.attrelid = c.oid
        where n.nspname = 'public' and c.relkind = 'r' and a.attnum > 0 and not a.attisdropped
          and a.attgenerated = ''
        order by c.relname, a.attnum`,
  );
  const pks = await rowsOf<{ table: string; column: string; pos: number }>(
    db,
    sql`select c.relname as "table", a.attname as "column",
               array_position(i.indkey::int2[], a.attnum)::int as "pos"
        from pg_index i
        join pg_class c on c.oid = i.indrelid
        join pg_namespace n on n.oid = c.relnamespace
        join pg_attribute a on a.attrelid = c.oid and a.attnum = any(i.indkey::int2[])
        where i.indisprimary and n.nspname = 'public'`,
  );
  const fks = await rowsOf<{ child: string; parent: string }>(
    db,
    sql`select child.relname as "child", parent.relname as "parent"
        from pg_constraint k
        join pg_class child on child.oid = k.conrelid
        join pg_class parent on parent.oid = k.confrelid
        join pg_namespace n on n.oid = child.relnamespace
        where k.contype = 'f' and n.nspname = 'public'`,
  );

  const tables = new Map<string, TableInfo>();
  for (const c of cols) {
    let t = tables.get(c.table);
    if (!t) tables.set(c.table, (t = { name: c.table, columns: [], primaryKey: [], identityAlways: false }));
    t.columns.push(c.column);
    if (c.identity === 'a') t.identityAlways = true;
  }
  for (const p of [...pks].sort((a, b) => a.pos - b.pos)) tables.get(p.table)?.primaryKey.push(p.column);

  // Kahn's algorithm; a table referring to itself does not wait for itself.
  const parents = new Map<string, Set<string>>();
  for (const name of tables.keys()) parents.set(name, new Set());
  for (const fk of fks) {
    if (fk.child !== fk.parent && tables.has(fk.parent)) parents.get(fk.child)?.add(fk.parent);
  }
  const ordered: TableInfo[] = [];
  const done = new Set<string>();
  for (;;) {
    const ready = [...tables.keys()]
      .filter((n) => !done.has(n) && [...parents.get(n)!].every((p) => done.has(p)))
      .sort();
    if (ready.length === 0) break;
    for (const n of ready) {
      done.add(n);
      ordered.push(tables.get(n)!);
    }
  }
  // A cycle of foreign keys (none today) cannot be ordered: keep those tables last, by name.
  for (const n of [...tables.keys()].sort()) if (!done.has(n)) ordered.push(tables.get(n)!);
  return ordered;
}

/** Sequences owned by columns of public tables (serial, bigserial, identity). */
async function readSequences(db: Db): Promise<SequenceInfo[]> {
  return rowsOf<SequenceInfo>(
    db,
    sql`select c.relname as "table", a.attname as "column", s.relname as "sequence"
        from pg_depend d
        join pg_class s on s.oid = d.objid and s.relkind = 'S'
        join pg_class c on c.oid = d.refobjid
        join pg_namespace n on n.oid = c.relnamespace
        join pg_attribute a on a.attrelid = c.oid and a.attnum = d.refobjsubid
        where d.classid = 'pg_class'::regclass and d.refclassid = 'pg_class'::regclass
          and d.deptype in ('a', 'i') and n.nspname = 'public'
        order by c.relname, a.attname`,
  );
}

async function readMigrations(db: Db): Promise<{ hash: string; createdAt: string }[] | null> {
  const [present] = await rowsOf<{ present: boolean }>(
    db,
    sql`select to_regclass('drizzle.__drizzle_migrations') is not null as "present"`,
  );
  if (!present?.present) return null;
  const found = await rowsOf<{ hash: string; createdAt: string | number }>(
    db,
    sql`select hash as "hash", created_at::text as "createdAt" from drizzle.__drizzle_migrations order by id`,
  );
  return found.map((m) => ({ hash: m.hash, createdAt: String(m.createdAt) }));
}

// ---------------------------------------------------------------------------------------------
// Files

async function listFiles(root: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw err;
    }
    for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) await walk(full);
      // Half-written thumbnails (*.part) are not data.
      else if (e.isFile() && !e.name.endsWith('.part')) out.push(full);
    }
  };
  for (const folder of FILE_FOLDERS) await walk(path.join(root, folder));
  return out.map((f) => path.relative(root, f).split(path.sep).join('/'));
}

async function hashFile(file: string): Promise<{ sha256: string; size: number }> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    size += chunk.length;
  }
  return { sha256: hash.digest('hex'), size };
}

async function syncAndClose(handle: FileHandle): Promise<void> {
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Copies a file through a temporary name, hashing the bytes; fsyncs before the rename. */
async function copyHashed(from: string, to: string): Promise<{ sha256: string; size: number }> {
  await mkdir(path.dirname(to), { recursive: true });
  const temp = `${to}.${randomBytes(6).toString('hex')}.part`;
  const hash = createHash('sha256');
  let size = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      hash.update(chunk);
      size += chunk.length;
      done(null, chunk);
    },
  });
  try {
    await pipeline(createReadStream(from), meter, createWriteStream(temp));
    await syncAndClose(await open(temp, 'r+'));
    await rename(temp, to);
  } catch (err) {
    await rm(temp, { force: true });
    throw err;
  }
  return { sha256: hash.digest('hex'), size };
}

const isSha256 = (s: string) => /^[0-9a-f]{64}$/.test(s);
/** A relative path inside the file store as the manifest gives it: blobs|thumbnails/xx/yy/<sha256>. */
const storePath = /^(blobs|thumbnails)\/([0-9a-f]{2})\/([0-9a-f]{2})\/([0-9a-f]{64})$/;

async function folderIsEmptyOrMissing(dir: string): Promise<boolean> {
  try {
    return (await readdir(dir)).length === 0;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return true;
    throw err;
  }
}

// ---------------------------------------------------------------------------------------------
// Backup

export interface BackupOptions {
  db: Db;
  engine: DbKind;
  /** The evidence file store root: DATA_DIR/files. */
  filesDir: string;
  /** A folder that does not exist yet or is empty. */
  target: string;
}

/**
 * Writes a backup. The tables are read in one REPEATABLE READ, read-only transaction, so they are
 * consistent with each other even while the server runs (PostgreSQL). The files are copied after
 * the snapshot: an upload writes its file before its database row commits and files are never
 * deleted, so every blob row of the snapshot already has its file on disk.
 */
export async function createBackup(options: BackupOptions): Promise<Manifest> {
  const { db, engine, filesDir } = options;
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
          const order = table.primaryKey.length
            ? sql` order by ${columnList(table.primaryKey.map((c) => c))}`
            : sql``;
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
  for (const rel of await listFiles(filesDir)) {
    const copied = await copyHashed(path.join(filesDir, rel), path.join(target, 'files', rel));
    const match = storePath.exec(rel);
    if (match?.[1] === 'blobs' && copied.sha256 !== match[4]) {
      warnings.push(`证据文件内容与其 SHA-256 名称不符(已损坏)/ evidence file is corrupted: ${rel}`);
    }
    files.push({ path: rel, ...copied });
  }
  const have = new Set(files.map((f) => f.path));
  for (const blob of blobRows) {
    if (!isSha256(blob.sha256)) continue;
    const rel = (folder: string) =>
      `${folder}/${blob.sha256.slice(0, 2)}/${blob.sha256.slice(2, 4)}/${blob.sha256}`;
    if (!have.has(rel('blobs'))) {
      warnings.push(`数据库登记的证据文件在磁盘上不存在 / evidence file missing on disk: ${rel('blobs')}`);
    }
    if (blob.hasThumbnail && !have.has(rel('thumbnails'))) {
      warnings.push(`缩略图在磁盘上不存在 / thumbnail missing on disk: ${rel('thumbnails')}`);
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

export function summarize(manifest: Manifest): BackupSummary {
  return {
    tables: manifest.tables.length,
    rows: manifest.tables.reduce((n, t) => n + t.rows, 0),
    files: manifest.files.length,
    bytes: manifest.files.reduce((n, f) => n + f.size, 0),
  };
}

// ---------------------------------------------------------------------------------------------
// Verify

async function readManifest(dir: string): Promise<Manifest> {
  let text: string;
  try {
    text = await readFile(path.join(dir, MANIFEST_FILE), 'utf8');
  } catch {
    throw new BackupError(
      `${dir} 中没有 ${MANIFEST_FILE}:这不是一个完整的备份。` +
        `${dir} has no ${MANIFEST_FILE}: not a complete backup.`,
    );
  }
  let manifest: Manifest;
  try {
    manifest = JSON.parse(text) as Manifest;
  } catch {
    throw new BackupError(`${MANIFEST_FILE} 已损坏 / ${MANIFEST_FILE} is not valid JSON`);
  }
  if (
    manifest.format !== BACKUP_FORMAT ||
    !Array.isArray(manifest.tables) ||
    !Array.isArray(manifest.files)
  ) {
    throw new BackupError(`${dir} 不是对标的备份 / ${dir} is not a Duibiao backup`);
  }
  if (manifest.formatVersion > BACKUP_FORMAT_VERSION) {
    throw new BackupError(
      `备份格式版本 ${manifest.formatVersion} 比本程序新,请升级后再恢复。` +
        `Backup format ${manifest.formatVersion} is newer than this program understands; upgrade first.`,
    );
  }
  return manifest;
}

async function countLines(file: string): Promise<{ lines: number; sha256: string }> {
  const hash = createHash('sha256');
  let lines = 0;
  for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    for (const byte of chunk) if (byte === 10) lines++;
  }
  return { lines, sha256: hash.digest('hex') };
}

const inside = (root: string, rel: string) => {
  const full = path.resolve(root, rel);
  return full.startsWith(path.resolve(root) + path.sep) ? full : null;
};

/**
 * Checks a backup against its manifest: every table dump's hash and row count, every file's size
 * and SHA-256 (and that each blob's content matches its name). Throws a BackupError listing every
 * problem; answers the manifest when all is well.
 */
export async function verifyBackup(dir: string): Promise<Manifest> {
  const manifest = await readManifest(dir);
  const problems: string[] = [];
  for (const t of manifest.tables) {
    const file = inside(dir, t.file);
    if (!file) {
      problems.push(`表 ${t.name} 的文件路径无效 / invalid path for table ${t.name}: ${t.file}`);
      continue;
    }
    try {
      const found = await countLines(file);
      if (found.sha256 !== t.sha256) problems.push(`表文件哈希不符 / table dump hash mismatch: ${t.file}`);
      if (found.lines !== t.rows) {
        problems.push(`表 ${t.name} 行数为 ${found.lines},应为 ${t.rows} / row count mismatch: ${t.file}`);
      }
    } catch {
      problems.push(`缺少表文件 / table dump missing: ${t.file}`);
    }
  }
  for (const f of manifest.files) {
    const match = storePath.exec(f.path);
    if (!match) {
      problems.push(`文件路径无效 / invalid file path: ${f.path}`);
      continue;
    }
    if (match[1] === 'blobs' && match[4] !== f.sha256) {
      problems.push(`证据文件哈希与名称不符 / blob hash does not match its name: ${f.path}`);
    }
    let st: Stats;
    try {
      st = await stat(path.join(dir, 'files', f.path));
    } catch {
      problems.push(`缺少文件 / file missing: files/${f.path}`);
      continue;
    }
    if (st.size !== f.size) {
      problems.push(`文件大小不符 / size mismatch: files/${f.path}`);
      continue;
    }
    const { sha256 } = await hashFile(path.join(dir, 'files', f.path));
    if (sha256 !== f.sha256) problems.push(`文件哈希不符 / SHA-256 mismatch: files/${f.path}`);
  }
  if (problems.length) {
    throw new BackupError(`备份校验失败 / the backup failed verification (${dir}):`, problems);
  }
  return manifest;
}

// ---------------------------------------------------------------------------------------------
// Restore

/**
 * Refuses a target that holds anything: a row in any table of the public schema, or a file in
 * the file store. Works on a database before or after migrations; null stands for a database that
 * does not exist yet.
 */
export async function assertEmptyTarget(db: Db | null, filesDir: string): Promise<void> {
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
  const present = await listFiles(filesDir);
  for (const folder of FILE_FOLDERS) {
    const dir = path.join(filesDir, folder);
    if (present.some((f) => f.startsWith(`${folder}/`))) {
      problems.push(`目录 ${dir} 中已有文件 / ${dir} holds files`);
    }
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
  /** The evidence file store root: DATA_DIR/files. */
  filesDir: string;
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
  const { db, filesDir, source } = options;
  const log = options.log ?? (() => undefined);
  const manifest = options.manifest ?? (await verifyBackup(source));
  log(`备份已校验 / backup verified: ${manifest.tables.length} tables, ${manifest.files.length} files`);
  await assertEmptyTarget(db, filesDir);

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

  const written: string[] = [];
  try {
    for (const f of manifest.files) {
      const to = path.join(filesDir, f.path);
      const copied = await copyHashed(path.join(source, 'files', f.path), to);
      written.push(to);
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
    for (const file of written) await rm(file, { force: true });
    throw err;
  }
  const summary = summarize(manifest);
  log(`数据已恢复 / rows restored: ${summary.rows} in ${summary.tables} tables`);
  return summary;
}

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

async function loadTable(db: Db, table: ManifestTable, info: TableInfo, file: string): Promise<void> {
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
