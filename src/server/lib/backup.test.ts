import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { loadConfig } from '../config.js';
import { openPglite, openPostgres, type Database, type Db } from '../db/client.js';
import { createTestApp, DEMO_PASSWORD, type TestApp } from '../test/harness.js';
import { createPostgresDatabaseUrl, testEngine } from '../test/test-db.js';
import { json, TestClient } from '../test/test-client.js';
import { jpeg, pdf, recordOf } from '../test/fixtures.js';
import { runTs } from '../test/cli.js';
import { BackupError, createBackup, MANIFEST_FILE, verifyBackup, type Manifest } from './backup.js';
import { LocalFileStore } from './storage.js';

/**
 * Backup and restore on real data: the demo organisation with its 2020 year, plus a record with
 * evidence uploaded through the API. The restore runs through the real command (`npm run
 * restore`) into an empty data directory (PGlite) or an empty database (PostgreSQL).
 */

const temps: string[] = [];
const tempDir = (prefix: string) => {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  temps.push(dir);
  return dir;
};
const drops: (() => Promise<void>)[] = [];
/** Child processes start PGlite on disk (initdb alone takes seconds on a busy machine). */
const CLI_TIMEOUT = 180_000;

let t: TestApp;
let recordId: number;
let photoEvidenceId: number;
let photo: Buffer;
let backupDir: string;
let manifest: Manifest;

beforeAll(async () => {
  t = await createTestApp({ demoActivity: true });
  const committee = await t.login('jiguan');
  const campaigns = json<{ items: { id: number; year: number }[] }>(await committee.get('/api/campaigns'));
  const campaignId = campaigns.items.find((c) => c.year === 2020)!.id;
  const secretary = await t.login('zhibu1');
  const created = await secretary.post('/api/records', recordOf('study', campaignId, 1, '2020-12-10'));
  expect(created.statusCode, created.body).toBe(200);
  recordId = json<{ id: number }>(created).id;
  photo = await jpeg();
  const up = await secretary.upload(
    `/api/records/${recordId}/evidence`,
    { kind: 'photo' },
    '现场.jpg',
    photo,
  );
  expect(up.statusCode, up.body).toBe(200);
  photoEvidenceId = json<{ id: number }>(up).id;
  const doc = await secretary.upload(
    `/api/records/${recordId}/evidence`,
    { kind: 'minutes' },
    '纪要.pdf',
    pdf(),
  );
  expect(doc.statusCode, doc.body).toBe(200);
  // A withdrawn item too: its row keeps removed_at/removed_by.
  const extra = await secretary.upload(
    `/api/records/${recordId}/evidence`,
    { kind: 'other' },
    '多余.pdf',
    pdf(),
  );
  const extraId = json<{ id: number }>(extra).id;
  expect((await secretary.delete(`/api/records/${recordId}/evidence/${extraId}`)).statusCode).toBe(200);
});

afterAll(async () => {
  await t?.close();
  for (const drop of drops) await drop();
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

const filesDirOf = (dataDir: string) => path.join(dataDir, 'files');

/** Every table's rows as JSON text (UTC timestamps), sorted: equal dumps mean equal data. */
async function contents(db: Db): Promise<Record<string, string[]>> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local time zone 'UTC'`);
    const tables = (await tx.execute(
      sql`select c.relname as "name" from pg_class c join pg_namespace n on n.oid = c.relnamespace
          where n.nspname = 'public' and c.relkind = 'r' order by 1`,
    )) as unknown as { rows: { name: string }[] };
    const out: Record<string, string[]> = {};
    for (const { name } of tables.rows) {
      const rows = (await tx.execute(
        sql`select row_to_json(t)::text as "line" from ${sql.identifier(name)} t order by 1`,
      )) as unknown as { rows: { line: string }[] };
      out[name] = rows.rows.map((r) => r.line);
    }
    return out;
  });
}

/** Relative path → SHA-256 of every file under blobs/ and thumbnails/. */
function fileHashes(filesDir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const folder of ['blobs', 'thumbnails']) {
    const root = path.join(filesDir, folder);
    if (!existsSync(root)) continue;
    for (const e of readdirSync(root, { recursive: true, withFileTypes: true })) {
      if (!e.isFile() || e.name.endsWith('.part')) continue;
      const full = path.join(e.parentPath, e.name);
      const rel = path.relative(filesDir, full).split(path.sep).join('/');
      out[rel] = createHash('sha256').update(readFileSync(full)).digest('hex');
    }
  }
  return out;
}

/** An empty restore target of the engine under test: a fresh data folder, and on PostgreSQL a fresh database. */
async function emptyTarget(): Promise<{ dataDir: string; env: Record<string, string>; url: string | null }> {
  const dataDir = tempDir('duibiao-restore-');
  if (testEngine === 'pglite') return { dataDir, env: { DATA_DIR: dataDir }, url: null };
  const { url, drop } = await createPostgresDatabaseUrl();
  drops.push(drop);
  return { dataDir, env: { DATA_DIR: dataDir, DATABASE_URL: url }, url };
}

async function openTarget(target: { dataDir: string; url: string | null }): Promise<Database> {
  return target.url ? openPostgres(target.url, 3) : openPglite(path.join(target.dataDir, 'pgdata'));
}

describe('backup', { timeout: CLI_TIMEOUT }, () => {
  it('writes every table in foreign-key order, the evidence files and a manifest that verifies', async () => {
    backupDir = path.join(tempDir('duibiao-backup-'), 'backup');
    manifest = await createBackup({
      db: t.database.db,
      engine: t.database.kind,
      files: new LocalFileStore(filesDirOf(t.config.dataDir)),
      target: backupDir,
    });
    const source = await contents(t.database.db);
    // The kept task statuses and attendance tallies are not backed up: the triggers write them
    // again on restore.
    const derived = ['task_statuses', 'attendance_tallies'];
    const backedUp = Object.keys(source).filter((name) => !derived.includes(name));
    expect(manifest.tables.map((x) => x.name).sort()).toEqual(backedUp.sort());
    for (const table of manifest.tables) expect(table.rows, table.name).toBe(source[table.name]!.length);
    expect(manifest.tables.find((x) => x.name === 'records')!.rows).toBeGreaterThan(200);
    expect(manifest.tables.find((x) => x.name === 'audit_log')!.rows).toBeGreaterThan(0);
    const order = manifest.tables.map((x) => x.name);
    for (const [parent, child] of [
      ['branches', 'people'],
      ['people', 'users'],
      ['users', 'sessions'],
      ['campaigns', 'tasks'],
      ['tasks', 'records'],
      ['records', 'record_history'],
      ['records', 'attendance'],
      ['blobs', 'evidence'],
    ]) {
      expect(order.indexOf(parent!), `${parent} before ${child}`).toBeLessThan(order.indexOf(child!));
    }
    // The evidence store as it is on disk: a file per blob row (the two PDFs are one), a thumbnail
    // per photo.
    expect(Object.fromEntries(manifest.files.map((f) => [f.path, f.sha256]))).toEqual(
      fileHashes(filesDirOf(t.config.dataDir)),
    );
    const blobs = source.blobs!.map((line) => JSON.parse(line) as { sha256: string; has_thumbnail: boolean });
    expect(blobs.length).toBeGreaterThanOrEqual(2);
    expect(
      manifest.files
        .filter((f) => f.path.startsWith('blobs/'))
        .map((f) => f.sha256)
        .sort(),
    ).toEqual(blobs.map((b) => b.sha256).sort());
    expect(manifest.files.filter((f) => f.path.startsWith('thumbnails/'))).toHaveLength(
      blobs.filter((b) => b.has_thumbnail).length,
    );
    expect(manifest.warnings).toEqual([]);
    expect(manifest.sequences.map((s) => `${s.table}.${s.column}`)).toContain('audit_log.id');
    expect(manifest.migrations.length).toBeGreaterThanOrEqual(5);
    // Portable JSON lines, one row each.
    const records = manifest.tables.find((x) => x.name === 'records')!;
    const first = JSON.parse(readFileSync(path.join(backupDir, records.file), 'utf8').split('\n')[0]!);
    expect(first).toMatchObject({ id: expect.any(Number), kind: expect.any(String) });

    await expect(verifyBackup(backupDir)).resolves.toMatchObject({ format: 'duibiao-backup' });
    const cli = await runTs('scripts/backup.ts', ['--verify', backupDir], {});
    expect(cli.code, cli.stderr).toBe(0);
    expect(cli.stdout).toContain('backup verified');
  });

  it('refuses to write into a folder that is not empty', async () => {
    const dir = tempDir('duibiao-backup-');
    writeFileSync(path.join(dir, 'something'), 'x');
    await expect(
      createBackup({
        db: t.database.db,
        engine: t.database.kind,
        files: new LocalFileStore(filesDirOf(t.config.dataDir)),
        target: dir,
      }),
    ).rejects.toThrow(/不是空的.*not empty/s);
  });

  it('finds a changed byte in an evidence file and a row added to a table dump', async () => {
    const copy = path.join(tempDir('duibiao-tampered-'), 'b');
    cpSync(backupDir, copy, { recursive: true });
    const blob = manifest.files.find((f) => f.path.startsWith('blobs/'))!;
    const blobPath = path.join(copy, 'files', blob.path);
    const bytes = readFileSync(blobPath);
    bytes[bytes.length - 1] = bytes[bytes.length - 1]! ^ 0xff;
    writeFileSync(blobPath, bytes);
    const users = manifest.tables.find((x) => x.name === 'users')!;
    writeFileSync(
      path.join(copy, users.file),
      readFileSync(path.join(copy, users.file), 'utf8') + '{"id":999,"username":"intruder"}\n',
    );
    const err = await verifyBackup(copy).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BackupError);
    expect((err as BackupError).problems.join('\n')).toContain(blob.path);
    expect((err as BackupError).problems.join('\n')).toContain(users.file);
    const cli = await runTs('scripts/backup.ts', ['--verify', copy], {});
    expect(cli.code).toBe(2);
    expect(cli.stderr).toContain('SHA-256 mismatch');

    const unfinished = path.join(tempDir('duibiao-unfinished-'), 'b');
    cpSync(backupDir, unfinished, { recursive: true });
    rmSync(path.join(unfinished, MANIFEST_FILE));
    await expect(verifyBackup(unfinished)).rejects.toThrow(/not a complete backup/);
  });
});

describe('restore', { timeout: CLI_TIMEOUT }, () => {
  let target: { dataDir: string; env: Record<string, string>; url: string | null };

  it('restores into an empty target with `npm run restore`: same rows, same ids, same files', async () => {
    target = await emptyTarget();
    const res = await runTs('scripts/restore.ts', [backupDir], target.env);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toContain('restore complete');

    const database = await openTarget(target);
    try {
      expect(await contents(database.db)).toEqual(await contents(t.database.db));
    } finally {
      await database.close();
    }
    expect(fileHashes(filesDirOf(target.dataDir))).toEqual(fileHashes(filesDirOf(t.config.dataDir)));
  });

  it('backs the restored installation up again into the same dumps, byte for byte', async () => {
    const again = path.join(tempDir('duibiao-backup-'), 'again');
    const res = await runTs('scripts/backup.ts', [again], target.env);
    expect(res.code, res.stderr).toBe(0);
    const second = JSON.parse(readFileSync(path.join(again, MANIFEST_FILE), 'utf8')) as Manifest;
    expect(second.tables.map((x) => [x.name, x.rows, x.sha256])).toEqual(
      manifest.tables.map((x) => [x.name, x.rows, x.sha256]),
    );
    expect(second.files).toEqual(manifest.files);
  });

  it('gives a restored installation that signs in, serves the record and its photo, and takes new rows', async () => {
    const database = await openTarget(target);
    // Signs in with the published demo password, which would otherwise have to be changed first.
    const config = loadConfig({
      DATA_DIR: target.dataDir,
      PASSWORD_HASH_COST: '1024',
      DEMO_PASSWORD_CHANGE: 'false',
    });
    const app = await buildApp({ config, database, clock: t.clock, webDir: null });
    await app.ready();
    try {
      const client = new TestClient(app, '127.0.0.1');
      await client.get('/api/auth/me');
      const login = await client.post('/api/auth/login', { username: 'zhibu1', password: DEMO_PASSWORD });
      expect(login.statusCode, login.body).toBe(200);
      const record = await client.get(`/api/records/${recordId}`);
      expect(record.statusCode).toBe(200);
      const detail = json<{ evidence: { id: number; originalName: string }[]; attendance: unknown[] }>(
        record,
      );
      expect(detail.evidence.map((e) => e.originalName).sort()).toEqual(['现场.jpg', '纪要.pdf']);
      expect(detail.attendance.length).toBeGreaterThan(0);
      const file = await client.get(`/api/evidence/${photoEvidenceId}/file`);
      expect(file.statusCode).toBe(200);
      expect(file.rawPayload.equals(photo)).toBe(true);
      expect((await client.get(`/api/evidence/${photoEvidenceId}/thumbnail`)).statusCode).toBe(200);

      // Sequences were moved past the restored ids: new rows get new ids, nothing collides.
      const { campaignId } = json<{ campaignId: number }>(record);
      const created = await client.post('/api/records', recordOf('theme_day', campaignId, 1, '2020-12-11'));
      expect(created.statusCode, created.body).toBe(200);
      expect(json<{ id: number }>(created).id).toBeGreaterThan(recordId);
      const up = await client.upload(
        `/api/records/${json<{ id: number }>(created).id}/evidence`,
        { kind: 'photo' },
        '新照片.jpg',
        photo,
      );
      expect(up.statusCode, up.body).toBe(200);
      expect(json<{ id: number }>(up).id).toBeGreaterThan(photoEvidenceId);
    } finally {
      await app.close();
      await database.close();
    }
  });

  it('refuses a target that already holds data, with a message in Chinese and English', async () => {
    const res = await runTs('scripts/restore.ts', [backupDir], target.env);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('恢复目标不是空的');
    expect(res.stderr).toContain('The restore target is not empty');
    expect(res.stderr).toContain('table users has rows');
  });

  it('refuses a data directory that holds evidence files, before creating anything in the database', async () => {
    const fresh = await emptyTarget();
    const stray = path.join(filesDirOf(fresh.dataDir), 'blobs', 'ab', 'cd');
    mkdirSync(stray, { recursive: true });
    writeFileSync(path.join(stray, 'ab'.padEnd(64, '0')), 'left over');
    const res = await runTs('scripts/restore.ts', [backupDir], fresh.env);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('holds files');
    if (fresh.url) {
      const database = await openPostgresAsIs(fresh.url);
      try {
        const tables = (await database.query(
          `select count(*)::int as n from pg_tables where schemaname = 'public'`,
        )) as { rows: { n: number }[] };
        expect(tables.rows[0]!.n).toBe(0);
      } finally {
        await database.end();
      }
    } else {
      expect(existsSync(path.join(fresh.dataDir, 'pgdata'))).toBe(false);
    }
  });

  it('refuses a backup that fails verification, before touching the target', async () => {
    const copy = path.join(tempDir('duibiao-tampered-'), 'b');
    cpSync(backupDir, copy, { recursive: true });
    const thumb = manifest.files.find((f) => f.path.startsWith('thumbnails/'))!;
    writeFileSync(path.join(copy, 'files', thumb.path), 'not a thumbnail');
    const fresh = await emptyTarget();
    const res = await runTs('scripts/restore.ts', [copy], fresh.env);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain(thumb.path);
    expect(existsSync(filesDirOf(fresh.dataDir))).toBe(false);
  });

  it.runIf(testEngine === 'pglite')(
    'backs up the embedded database only while the server is stopped (the data directory lock)',
    async () => {
      // This test process stands for a running server: the lock names a live pid.
      writeFileSync(path.join(target.dataDir, 'duibiao.lock'), String(process.pid));
      const res = await runTs('scripts/backup.ts', [path.join(tempDir('duibiao-backup-'), 'b')], target.env);
      expect(res.code).toBe(2);
      expect(res.stderr).toContain('请先停止对标服务');
      expect(res.stderr).toContain('Stop the Duibiao server');
      const restore = await runTs('scripts/restore.ts', [backupDir], target.env);
      expect(restore.code).toBe(2);
      expect(restore.stderr).toContain('Stop the Duibiao server');
      rmSync(path.join(target.dataDir, 'duibiao.lock'));
    },
  );

  it.runIf(testEngine === 'postgres')(
    'restores a PostgreSQL backup into the embedded engine (the dump is engine-neutral)',
    async () => {
      const dataDir = tempDir('duibiao-cross-');
      const res = await runTs('scripts/restore.ts', [backupDir], { DATA_DIR: dataDir });
      expect(res.code, res.stderr).toBe(0);
      const database = await openPglite(path.join(dataDir, 'pgdata'));
      try {
        expect(await contents(database.db)).toEqual(await contents(t.database.db));
      } finally {
        await database.close();
      }
      expect(fileHashes(filesDirOf(dataDir))).toEqual(fileHashes(filesDirOf(t.config.dataDir)));
    },
  );
});

async function openPostgresAsIs(url: string) {
  const pg = await import('pg');
  const client = new pg.default.Client({ connectionString: url });
  await client.connect();
  return client;
}
