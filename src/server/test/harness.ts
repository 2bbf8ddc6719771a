import type { AddressInfo } from 'node:net';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.js';
import { loadConfig, type Config } from '../config.js';
import type { Database } from '../db/client.js';
import { ManualClock } from '../lib/clock.js';
import { LocalFileStore } from '../lib/storage.js';
import { createTestDatabase, placeSnapshot, snapshotFilesDir, type DatabaseSnapshot } from './test-db.js';
import { TestClient } from './test-client.js';

export const ADMIN_PASSWORD = 'Admin@2026x';
/** The built web client (npm run build:web). */
export const defaultWebDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../dist/web');
export { DEMO_PASSWORD } from '../modules/setup/demo-organisation.js';

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  clock: ManualClock;
  config: Config;
  /** A client with no session yet (it has fetched a CSRF token). */
  anonymous(ip?: string): Promise<TestClient>;
  /** Logs in through the real login endpoint. */
  login(username: string, password?: string, ip?: string): Promise<TestClient>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** Create `admin` and load the demo organisation (default true). */
  seed?: boolean;
  env?: Record<string, string>;
  /** Also load the demo year of records (2020); off by default to keep suites fast. */
  demoActivity?: boolean;
  webDir?: string | null;
  /** startTestServer's port, when something must know the address beforehand (0: any free one). */
  port?: number;
}

/** Where every test app's clock starts, seeding included. */
const startsAt = new Date('2026-03-02T09:00:00+08:00');

/**
 * The starting data of an app: what the unattended start (`bootstrapFromEnv`) writes for these
 * settings, at the start time. Only the settings it reads name it, so apps that differ in others
 * (mail, limits) share one build.
 */
function seedSnapshot(config: Config, demoActivity: boolean): DatabaseSnapshot {
  const env = {
    PASSWORD_HASH_COST: String(config.passwordHashCost),
    DUIBIAO_ADMIN_PASSWORD: config.adminPassword ?? '',
    DUIBIAO_DEMO: config.demo ? '1' : '0',
  };
  return {
    key: JSON.stringify({ ...env, demoActivity, startsAt }),
    async prepare(database, filesDir) {
      const dataDir = mkdtempSync(path.join(tmpdir(), 'duibiao-seed-'));
      const seeder = await buildApp({
        config: loadConfig({ ...env, DATA_DIR: dataDir }),
        database,
        files: new LocalFileStore(filesDir),
        clock: new ManualClock(startsAt),
        webDir: null,
        logger: false,
      });
      try {
        await seeder.services.setup.bootstrapFromEnv({ demoActivity });
      } finally {
        await seeder.close();
        rmSync(dataDir, { recursive: true, force: true });
      }
    },
  };
}

/**
 * A data folder (and on PostgreSQL a database) holding the seeded start of `serverEnv`'s settings,
 * for tests of the real server process: it starts on the demo's data instead of loading it.
 */
export async function seededServerData(
  options: { demoActivity?: boolean } = {},
): Promise<{ dataDir: string; databaseUrl: string | null; drop: () => Promise<void> }> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'duibiao-server-'));
  const config = loadConfig({
    DATA_DIR: dataDir,
    PASSWORD_HASH_COST: '1024',
    DUIBIAO_ADMIN_PASSWORD: ADMIN_PASSWORD,
    DUIBIAO_DEMO: '1',
  });
  const snapshot = seedSnapshot(config, options.demoActivity ?? true);
  const placed = await placeSnapshot(snapshot, dataDir);
  cpSync(snapshotFilesDir(snapshot), path.join(dataDir, 'files'), { recursive: true });
  return { dataDir, ...placed };
}

/**
 * A real app on a real database (PGlite in memory, or a fresh PostgreSQL database), with a manual
 * clock. Password hashing uses a low scrypt cost so suites stay fast; the algorithm is the same.
 * The database is a copy of one migrated and seeded once per kind of start (see test-db.ts).
 */
export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const seed = options.seed ?? true;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'duibiao-test-'));
  const config = loadConfig({
    DATA_DIR: dataDir,
    PASSWORD_HASH_COST: '1024',
    // Suites sign in as the demo accounts throughout; deployment-defaults.test.ts covers the change.
    DEMO_PASSWORD_CHANGE: '0',
    // The slow-down of sign-ins from a throttled address is real time; keep suites quick.
    LOGIN_SLOWDOWN_MS: '10',
    ...(seed ? { DUIBIAO_ADMIN_PASSWORD: ADMIN_PASSWORD, DUIBIAO_DEMO: '1' } : {}),
    ...options.env,
  });
  const snapshot = seedSnapshot(config, options.demoActivity ?? false);
  const database = await createTestDatabase(snapshot);
  // The files the seeding stored (the demo year's photos and sign-in sheets), as the app's own.
  cpSync(snapshotFilesDir(snapshot), path.join(dataDir, 'files'), { recursive: true });
  const clock = new ManualClock(startsAt);
  // TEST_LOG=1 shows the server log (e.g. the cause of a 500) while debugging a test.
  const app = await buildApp({
    config,
    database,
    clock,
    webDir: options.webDir ?? null,
    logger: !!process.env.TEST_LOG,
  });
  await app.ready();

  const anonymous = async (ip = '127.0.0.1') => {
    const client = new TestClient(app, ip);
    await client.get('/api/auth/me');
    return client;
  };
  return {
    app,
    database,
    clock,
    config,
    anonymous,
    async login(username, password, ip) {
      const client = await anonymous(ip);
      const res = await client.post('/api/auth/login', {
        username,
        password: password ?? (username === 'admin' ? ADMIN_PASSWORD : 'Duibiao@2020'),
      });
      if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
      return client;
    },
    async close() {
      await app.close();
      await database.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** For browser tests: the same app, listening on a free loopback port and serving the web client. */
export async function startTestServer(
  options: TestAppOptions = {},
): Promise<{ url: string; testApp: TestApp; close(): Promise<void> }> {
  const testApp = await createTestApp({
    ...options,
    webDir: options.webDir === undefined ? defaultWebDir : options.webDir,
  });
  await testApp.app.listen({ port: options.port ?? 0, host: '127.0.0.1' });
  const { port } = testApp.app.server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, testApp, close: () => testApp.close() };
}
