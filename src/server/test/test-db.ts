import { createHash, randomBytes } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { openPglite, openPostgres, type Database } from '../db/client.js';

/**
 * The suite runs on PGlite by default and on PostgreSQL when TEST_DATABASE_URL points at a server
 * (`.ci/run` does both). On PostgreSQL every test file gets a database of its own, dropped after.
 */
export const testDatabaseUrl = process.env.TEST_DATABASE_URL || null;
export const testEngine = testDatabaseUrl ? 'postgres' : 'pglite';

/**
 * What a test database starts from: migrated, then written by `prepare` (seeded). Migrating and
 * seeding cost seconds and every test app wants the same few starting points, so each is built once
 * and copied per database: a PGlite dump in a file cache, a template database on PostgreSQL.
 */
export interface DatabaseSnapshot {
  /** Names what `prepare` writes: equal keys must mean equal data. */
  key: string;
  /** Seeds the database; files it stores (the demo's evidence) go to the file store at `filesDir`. */
  prepare(database: Database, filesDir: string): Promise<void>;
}

/**
 * The evidence files a snapshot's seeding stored, kept beside the build so each test app starts
 * with its own copy: a database row never points at a file the app does not have.
 */
export function snapshotFilesDir(snapshot: DatabaseSnapshot): string {
  return path.join(cacheDir, `${sourceHash()}-${keyHash(snapshot)}.files`);
}

/** Runs `prepare` with a fresh files directory, kept as the snapshot's once seeding succeeded. */
async function prepareWithFiles(snapshot: DatabaseSnapshot, database: Database): Promise<void> {
  const files = snapshotFilesDir(snapshot);
  const partial = `${files}.${process.pid}.${randomBytes(3).toString('hex')}`;
  mkdirSync(partial, { recursive: true });
  try {
    await snapshot.prepare(database, partial);
    // Another test file may have finished the same build first: its files are the same.
    if (!existsSync(files)) renameSync(partial, files);
  } finally {
    rmSync(partial, { recursive: true, force: true });
  }
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
/** Builds older than this that belong to other sources are removed (a run still using one rebuilds it). */
const STALE_MS = 60 * 60 * 1000;

/**
 * A fresh database of its own for one test app: migrated from empty without a snapshot, else a copy
 * of the snapshot's build.
 */
export async function createTestDatabase(snapshot?: DatabaseSnapshot): Promise<Database> {
  if (!testDatabaseUrl) {
    if (!snapshot) return openPglite(null);
    return openPglite(null, { loadDataDir: await pgliteSnapshot(snapshot) });
  }
  const name = `duibiao_t_${randomBytes(6).toString('hex')}`;
  if (snapshot) await createFromTemplate(name, snapshot);
  else await adminQuery(`CREATE DATABASE ${name}`);
  const database = await openPostgres(databaseUrl(name), 5);
  return {
    ...database,
    close: async () => {
      await database.close();
      await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

/** A fresh, empty PostgreSQL database URL for tests that start real server processes. */
export async function createPostgresDatabaseUrl(): Promise<{ url: string; drop: () => Promise<void> }> {
  if (!testDatabaseUrl) throw new Error('TEST_DATABASE_URL is not set');
  const name = `duibiao_t_${randomBytes(6).toString('hex')}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  return { url: databaseUrl(name), drop: () => adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

/**
 * A snapshot's start placed where a real server process finds it: PGlite's data folder under
 * `dataDir/pgdata`, or a PostgreSQL database of its own (its URL given). The server then starts on
 * seeded data instead of seeding at start, which for the demo year costs half a minute.
 */
export async function placeSnapshot(
  snapshot: DatabaseSnapshot,
  dataDir: string,
): Promise<{ databaseUrl: string | null; drop: () => Promise<void> }> {
  if (!testDatabaseUrl) {
    const database = await openPglite(path.join(dataDir, 'pgdata'), {
      loadDataDir: await pgliteSnapshot(snapshot),
    });
    await database.close();
    return { databaseUrl: null, drop: async () => undefined };
  }
  const name = `duibiao_t_${randomBytes(6).toString('hex')}`;
  await createFromTemplate(name, snapshot);
  return {
    databaseUrl: databaseUrl(name),
    drop: () => adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

function databaseUrl(name: string): string {
  const url = new URL(testDatabaseUrl!);
  url.pathname = `/${name}`;
  return url.toString();
}

async function adminQuery(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: testDatabaseUrl! });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

let sourceHashMemo: string | null = null;
/**
 * Names the code that shapes a build: the migrations, the server and shared code that seeding runs
 * through, and the PGlite version (its dumps are its own format). Any change builds afresh.
 */
function sourceHash(): string {
  if (sourceHashMemo) return sourceHashMemo;
  const hash = createHash('sha256');
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name < b.name ? -1 : 1,
    )) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (!entry.name.endsWith('.test.ts'))
        hash.update(path.relative(root, full)).update(readFileSync(full));
    }
  };
  for (const dir of ['migrations', 'src/server', 'src/common']) walk(path.join(root, dir));
  hash.update(readFileSync(path.join(root, 'node_modules/@electric-sql/pglite/package.json')));
  return (sourceHashMemo = hash.digest('hex').slice(0, 16));
}

const keyHash = (snapshot: DatabaseSnapshot) =>
  createHash('sha256').update(snapshot.key).digest('hex').slice(0, 12);

// --- PGlite: a dump file under node_modules/.cache, shared by the test files of a run and later runs.

const cacheDir = path.join(root, 'node_modules/.cache/duibiao-test-db');
const dumps = new Map<string, Promise<Blob>>();

function pgliteSnapshot(snapshot: DatabaseSnapshot): Promise<Blob> {
  const file = path.join(cacheDir, `${sourceHash()}-${keyHash(snapshot)}.tar`);
  let dump = dumps.get(file);
  if (!dump) {
    dump = readOrBuildDump(file, snapshot);
    dumps.set(file, dump);
    dump.catch(() => dumps.delete(file));
  }
  return dump;
}

function readBuiltDump(file: string, snapshot: DatabaseSnapshot): Blob | null {
  try {
    if (existsSync(snapshotFilesDir(snapshot))) return new Blob([readFileSync(file)]);
  } catch {
    // Not built yet (or removed by a run of other sources).
  }
  return null;
}

/** A build older than this is taken for one whose process died; its lock is broken. */
const BUILD_LOCK_STALE_MS = 5 * 60 * 1000;

/**
 * One process builds a dump, the others wait for it: the test processes of a run start together
 * and want the same snapshots, and each build of the demo year costs half a minute of a core.
 * The lock is a folder (made atomically); PostgreSQL's templates use an advisory lock instead.
 */
async function readOrBuildDump(file: string, snapshot: DatabaseSnapshot): Promise<Blob> {
  mkdirSync(cacheDir, { recursive: true });
  const lock = `${file}.lock`;
  for (;;) {
    const built = readBuiltDump(file, snapshot);
    if (built) return built;
    try {
      mkdirSync(lock);
      break;
    } catch (err) {
      if ((err as { code?: string }).code !== 'EEXIST') throw err;
      try {
        if (Date.now() - statSync(lock).mtimeMs > BUILD_LOCK_STALE_MS) rmSync(lock, { recursive: true });
      } catch {
        // Released meanwhile.
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  try {
    return readBuiltDump(file, snapshot) ?? (await buildDump(file, snapshot));
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

async function buildDump(file: string, snapshot: DatabaseSnapshot): Promise<Blob> {
  const database = await openPglite(null);
  let dump: Blob;
  try {
    await prepareWithFiles(snapshot, database);
    dump = await (database.db as unknown as { $client: PGlite }).$client.dumpDataDir('none');
  } finally {
    await database.close();
  }
  mkdirSync(cacheDir, { recursive: true });
  // Written aside and renamed: a parallel test file never reads half a dump.
  const partial = `${file}.${process.pid}.${randomBytes(3).toString('hex')}`;
  writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
  renameSync(partial, file);
  const current = sourceHash();
  for (const name of readdirSync(cacheDir)) {
    const other = path.join(cacheDir, name);
    if (!name.startsWith(current) && Date.now() - statSync(other).mtimeMs > STALE_MS)
      rmSync(other, { recursive: true, force: true });
  }
  return dump;
}

// --- PostgreSQL: a template database per snapshot, kept on the server for the next runs.

const templates = new Map<string, Promise<string>>();

async function createFromTemplate(name: string, snapshot: DatabaseSnapshot): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const template = templateOf(snapshot);
    try {
      await adminQuery(`CREATE DATABASE ${name} TEMPLATE ${await template}`);
      return;
    } catch (err) {
      // 3D000: the template was removed meanwhile by a run of other sources; build it again.
      if ((err as { code?: string }).code !== '3D000' || attempt > 1) throw err;
      templates.clear();
    }
  }
}

function templateOf(snapshot: DatabaseSnapshot): Promise<string> {
  const name = `duibiao_tpl_${sourceHash()}_${keyHash(snapshot)}`;
  let template = templates.get(name);
  if (!template) {
    template = buildTemplate(name, snapshot).then(() => name);
    templates.set(name, template);
    template.catch(() => templates.delete(name));
  }
  return template;
}

/** Builds the template unless it exists; test files of a run (and other runs) wait on one lock. */
async function buildTemplate(name: string, snapshot: DatabaseSnapshot): Promise<void> {
  const admin = new pg.Client({ connectionString: testDatabaseUrl! });
  await admin.connect();
  try {
    await admin.query('select pg_advisory_lock(hashtext($1))', [name]);
    const found = await admin.query('select 1 from pg_database where datname = $1', [name]);
    if (found.rowCount && existsSync(snapshotFilesDir(snapshot))) return;
    // Kept on the server by an earlier checkout, whose files this one lacks: built again with them.
    if (found.rowCount) await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
    // Built under another name and renamed when complete: a failed build leaves no template.
    const building = `${name}_${randomBytes(3).toString('hex')}`;
    await admin.query(`CREATE DATABASE ${building}`);
    try {
      const database = await openPostgres(databaseUrl(building), 5);
      try {
        await prepareWithFiles(snapshot, database);
      } finally {
        await database.close();
      }
      await admin.query(`ALTER DATABASE ${building} RENAME TO ${name}`);
      await admin.query(`COMMENT ON DATABASE ${name} IS '${new Date().toISOString()}'`);
    } catch (err) {
      await admin.query(`DROP DATABASE IF EXISTS ${building} WITH (FORCE)`);
      throw err;
    }
    await dropStaleTemplates(admin);
  } finally {
    await admin.query('select pg_advisory_unlock(hashtext($1))', [name]).catch(() => undefined);
    await admin.end();
  }
}

/**
 * Templates of other sources built over an hour ago (one still being built has no date yet); one
 * being copied right now stays, as the drop fails.
 */
async function dropStaleTemplates(admin: pg.Client): Promise<void> {
  const { rows } = await admin.query<{ datname: string; built: string | null }>(
    `select datname, shobj_description(oid, 'pg_database') as built from pg_database
      where datname like 'duibiao\\_tpl\\_%' and datname not like $1`,
    [`duibiao\\_tpl\\_${sourceHash()}\\_%`],
  );
  for (const { datname, built } of rows) {
    if (!built || !(Date.now() - Date.parse(built) > STALE_MS)) continue;
    await admin.query(`DROP DATABASE IF EXISTS ${datname}`).catch(() => undefined);
  }
}
