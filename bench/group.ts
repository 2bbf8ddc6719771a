/**
 * The API at group scale on PostgreSQL, each call against the raw SQL it issues.
 *
 * The app runs on a drizzle instance whose logger records every statement (with its parameters)
 * of one request; those statements are then replayed one after the other on a plain pg client and
 * timed. The ratio API / raw SQL is what the HTTP layer, validation, serialisation and the services'
 * own work add on top of the database. Replaying sequentially is the conservative baseline: where a
 * service issues queries in parallel, the raw figure is the sum, not the longest.
 */
import { performance } from 'node:perf_hooks';
import { drizzle } from 'drizzle-orm/node-postgres';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { buildApp } from '../src/server/app.js';
import { loadConfig } from '../src/server/config.js';
import { openPostgres, postgresPoolConfig, type Database, type Db } from '../src/server/db/client.js';
import * as schema from '../src/server/db/schema/index.js';
import { TestClient } from '../src/server/test/test-client.js';
import { lastPage, matrixPath } from './matrix-path.js';
import { summary } from './stats.js';

export interface GroupRow {
  call: string;
  url: string;
  p50: number;
  p95: number;
  max: number;
  statements: number;
  rawP50: number;
  rawP95: number;
  ratioP50: number;
  ratioP95: number;
  bytes: number;
  /** The slowest statement of one replay, to say where the time goes. */
  slowest: { ms: number; sql: string };
}

interface Statement {
  text: string;
  params: unknown[];
}

/** A browser session on an in-process app, logged in with the demo password. */
export async function loginClient(app: FastifyInstance, username: string): Promise<TestClient> {
  const client = new TestClient(app, '127.0.0.1');
  await client.get('/api/auth/me');
  const res = await client.post('/api/auth/login', { username, password: 'Duibiao@2020' });
  if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
  return client;
}

/** The calls measured at scale, for a campaign of BENCH_YEAR and the secretary of demo branch 2. */
export function scaleCalls(
  committee: TestClient,
  secretary: TestClient,
  campaignId: number,
  branchId: number,
  /** Branches in the campaign, for the matrix's last page. */
  branches: number,
) {
  const c = campaignId;
  const calls: [string, TestClient, string][] = [
    ['workbench (secretary)', secretary, `/api/workbench?campaignId=${c}&periodKey=2025-06`],
    ['review queue (committee)', committee, '/api/records?status=submitted'],
    ['dashboard matrix', committee, matrixPath(c)],
    // The last page should cost what the first does: the page is chosen before tasks are read.
    ['dashboard matrix, last page', committee, matrixPath(c, lastPage(branches))],
    ['branch profile', committee, `/api/dashboard/branches/${branchId}?campaignId=${c}`],
    ['dashboard ranking', committee, `/api/dashboard/ranking?campaignId=${c}`],
    ['indicators', committee, `/api/dashboard/indicators?campaignId=${c}`],
    ['companies compared', committee, `/api/dashboard/companies?campaignId=${c}`],
    ['one company drilled into (ranking)', committee, `/api/dashboard/ranking?campaignId=${c}&companyId=2`],
  ];
  return calls;
}

export async function benchGroup(
  url: string,
  campaignId: number,
  rounds: number,
  log = console.log,
): Promise<GroupRow[]> {
  // Bring the schema up to date (a reused dataset may predate a migration), then close.
  await (await openPostgres(url, 2)).close();

  const pool = new pg.Pool(postgresPoolConfig(url, 10));
  let captured: Statement[] | null = null;
  const db = drizzle(pool, {
    schema,
    logger: { logQuery: (text, params) => captured?.push({ text, params }) },
  }) as unknown as Db;
  const database: Database = { db, kind: 'postgres', close: () => pool.end() };
  // The bench measures the calls, not the first sign-in's password change.
  const config = loadConfig({
    DATABASE_URL: url,
    PASSWORD_HASH_COST: '1024',
    LOG_LEVEL: 'silent',
    DEMO_PASSWORD_CHANGE: '0',
  });
  const app = await buildApp({ config, database, webDir: null });
  await app.ready();
  // The raw replay runs with the app's connection settings, so the ratio compares like with like.
  const raw = new pg.Client(postgresPoolConfig(url, 1));
  await raw.connect();

  const login = (username: string) => loginClient(app, username);
  try {
    const committee = await login('jiguan');
    const secretary = await login('zhibu2');
    // The secretary's own branch (demo branch 2), so the profile is one a secretary also opens.
    const branchId = (
      await raw.query<{ id: number }>(`select branch_id as id from role_grants g
      join users u on u.id = g.user_id where u.username = 'zhibu2'`)
    ).rows[0]!.id;
    const branches = (
      await raw.query<{ n: number }>(
        'select count(*)::int as n from campaign_branches where campaign_id = $1',
        [campaignId],
      )
    ).rows[0]!.n;
    const calls = scaleCalls(committee, secretary, campaignId, branchId, branches);
    const rows: GroupRow[] = [];
    for (const [call, client, path] of calls) {
      // One warm-up request, which is also the one whose statements are captured.
      captured = [];
      const first = await client.get(path);
      const statements = captured;
      captured = null;
      if (first.statusCode !== 200)
        throw new Error(`${path}: ${first.statusCode} ${first.body.slice(0, 200)}`);
      const api: number[] = [];
      for (let i = 0; i < rounds; i++) {
        const start = performance.now();
        const res = await client.get(path);
        api.push(performance.now() - start);
        if (res.statusCode !== 200) throw new Error(`${path}: ${res.statusCode}`);
      }
      const slowest = { ms: 0, sql: '' };
      for (const s of statements) {
        const start = performance.now();
        await raw.query(s.text, s.params);
        const ms = performance.now() - start;
        if (ms > slowest.ms) Object.assign(slowest, { ms: Math.round(ms * 10) / 10, sql: s.text });
      }
      const rawTimes: number[] = [];
      for (let i = 0; i < rounds; i++) {
        const start = performance.now();
        for (const s of statements) await raw.query(s.text, s.params);
        rawTimes.push(performance.now() - start);
      }
      const a = summary(api);
      const r = summary(rawTimes);
      rows.push({
        call,
        url: path,
        ...a,
        statements: statements.length,
        rawP50: r.p50,
        rawP95: r.p95,
        ratioP50: Math.round((a.p50 / Math.max(r.p50, 0.1)) * 100) / 100,
        ratioP95: Math.round((a.p95 / Math.max(r.p95, 0.1)) * 100) / 100,
        bytes: first.body.length,
        slowest,
      });
      log(
        `  ${call}: p50 ${a.p50} ms, p95 ${a.p95} ms; raw SQL p50 ${r.p50} ms (${statements.length} statements)`,
      );
    }
    return rows;
  } finally {
    await raw.end();
    await app.close();
    await database.close();
  }
}
