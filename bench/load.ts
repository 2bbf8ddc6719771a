/**
 * `npm run load`: one server instance on PostgreSQL under a mixed read/write workload (autocannon
 * on loopback). Measures; asserts nothing.
 *
 * The script creates a fresh database, starts the server on it as a child process (the real
 * `src/server/main.ts`), logs every connection in once (as a different browser session), gives
 * each connection a draft record of its own, then runs the workload: every connection cycles
 * through its branch workbench, the record list, the dashboard matrix and saving its draft (a
 * versioned PUT); one connection in ten is the committee, reading the matrix, the review queue and
 * the ranking instead. Zero errors are expected (no non-2xx, no timeouts); p95 is computed from
 * every response.
 *
 * Environment: LOAD_CONNECTIONS (200), LOAD_DURATION (60 seconds), LOAD_DATASET (`demo`: the demo
 * organisation with its 2020 year, loaded by the server at start; `bench`: a copy of the group-scale
 * bench dataset, which `npm run bench` must have generated), LOAD_DATABASE_URL (default
 * postgres://postgres@127.0.0.1:5432/duibiao_load; dropped and created again), LOAD_PORT (3917),
 * PASSWORD_HASH_COST (the server's default when unset).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import type { EventEmitter } from 'node:events';
import { mkdirSync, openSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';
import { matrixPath } from './matrix-path.js';
import { percentile, round1 } from './stats.js';

const CONNECTIONS = Number(process.env.LOAD_CONNECTIONS ?? 200);
const DURATION = Number(process.env.LOAD_DURATION ?? 60);
const DATASET = (process.env.LOAD_DATASET ?? 'demo') as 'demo' | 'bench';
const DB_URL = process.env.LOAD_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/duibiao_load';
const BENCH_DB = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/duibiao_bench';
const PORT = Number(process.env.LOAD_PORT ?? 3917);
const PASSWORD = 'Duibiao@2020';
const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const base = `http://127.0.0.1:${PORT}`;

const dbName = (url: string) => new URL(url).pathname.slice(1);
const adminUrl = (url: string) => Object.assign(new URL(url), { pathname: '/postgres' }).toString();

async function freshDatabase() {
  const name = dbName(DB_URL);
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`database name ${name} is not a plain name`);
  const client = new pg.Client({ connectionString: adminUrl(DB_URL) });
  await client.connect();
  try {
    await client.query(`drop database if exists ${name} with (force)`);
    // The bench dataset is copied file by file, which takes seconds instead of a regeneration.
    if (DATASET === 'bench') await client.query(`create database ${name} template ${dbName(BENCH_DB)}`);
    else await client.query(`create database ${name}`);
  } finally {
    await client.end();
  }
}

function startServer(): ChildProcess {
  const env: Record<string, string> = {
    ...(process.env as Record<string, string>),
    DATABASE_URL: DB_URL,
    PORT: String(PORT),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    DATA_DIR: path.join(root, 'data', 'load'),
  };
  if (DATASET === 'demo')
    Object.assign(env, {
      DUIBIAO_ADMIN_PASSWORD: 'Admin@2026x',
      DUIBIAO_DEMO: '1',
      DEMO_PASSWORD_CHANGE: '0',
    });
  // The server's own log goes to a file beside the results, so the summary stays readable.
  mkdirSync(path.join(here, 'results'), { recursive: true });
  const log = openSync(path.join(here, 'results', 'load-server.log'), 'w');
  return spawn(path.join(root, 'node_modules/.bin/tsx'), [path.join(root, 'src/server/main.ts')], {
    cwd: root,
    env,
    stdio: ['ignore', log, log],
  });
}

async function waitForHealth(child: ChildProcess, seconds = 300) {
  const until = Date.now() + seconds * 1000;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      const res = await fetch(`${base}/api/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('server did not become healthy');
}

interface Session {
  username: string;
  cookie: string;
  csrf: string;
  branchId: number | null;
  recordId: number | null;
  version: number;
  committee: boolean;
}

const cookiesOf = (res: Response) =>
  res.headers.getSetCookie().map((c) => c.split(';')[0]!.split('=') as [string, string]);

async function login(username: string): Promise<{ cookie: string; csrf: string }> {
  const jar = new Map<string, string>();
  const me = await fetch(`${base}/api/auth/me`);
  for (const [k, v] of cookiesOf(me)) jar.set(k, v);
  const header = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      cookie: header(),
      'x-csrf-token': jar.get('duibiao_csrf') ?? '',
    },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  for (const [k, v] of cookiesOf(res)) jar.set(k, v);
  return { cookie: header(), csrf: jar.get('duibiao_csrf')! };
}

async function api<T>(s: Session, method: string, url: string, body?: unknown): Promise<T> {
  const res = await fetch(`${base}${url}`, {
    method,
    headers: {
      cookie: s.cookie,
      'x-csrf-token': s.csrf,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

const draftBody = (i: number, round: number) => ({
  title: `压力测试自选动作 ${i}`,
  occurredOn: '',
  data: {
    category: '党建融合',
    description: `第 ${round} 次保存:结合业务开展党员先锋岗活动。`,
    novelty: '党员示范带动业务攻坚',
    tags: ['党建融合'],
  },
});

async function main() {
  const started = new Date();
  await freshDatabase();
  const server = startServer();
  const stop = () => {
    if (server.exitCode === null) server.kill('SIGTERM');
  };
  process.on('exit', stop);
  try {
    const bootStart = performance.now();
    await waitForHealth(server);
    console.log(
      `server up on ${DATASET} dataset in ${((performance.now() - bootStart) / 1000).toFixed(1)} s`,
    );

    const secretaries = DATASET === 'demo' ? 5 : 2000;
    // Log every connection in once, a few at a time as browsers would arrive.
    const loginTimes: number[] = [];
    const sessions: Session[] = [];
    for (let i = 0; i < CONNECTIONS; i += 20) {
      const batch = Array.from({ length: Math.min(20, CONNECTIONS - i) }, (_, j) => i + j);
      sessions.push(
        ...(await Promise.all(
          batch.map(async (n) => {
            const committee = n % 10 === 9;
            const username = committee ? 'jiguan' : `zhibu${(n % secretaries) + 1}`;
            const start = performance.now();
            const { cookie, csrf } = await login(username);
            loginTimes.push(performance.now() - start);
            return { username, cookie, csrf, branchId: null, recordId: null, version: 0, committee };
          }),
        )),
      );
    }
    const campaigns = await api<{ items: { id: number; year: number; status: string }[] }>(
      sessions[0]!,
      'GET',
      '/api/campaigns',
    );
    const campaign = campaigns.items.find((c) => c.status === 'active')!;
    const month = campaign.year === 2020 ? '2020-12' : `${campaign.year}-06`;
    const occurredOn = `${month}-15`;
    // Each secretary connection gets a draft of its own, so versioned saves never collide.
    for (const [i, s] of sessions.entries()) {
      if (s.committee) continue;
      const wb = await api<{ branch: { id: number } | null }>(
        s,
        'GET',
        `/api/workbench?campaignId=${campaign.id}&periodKey=${month}`,
      );
      s.branchId = wb.branch!.id;
      const created = await api<{ id: number; version: number }>(s, 'POST', '/api/records', {
        campaignId: campaign.id,
        branchId: s.branchId,
        kind: 'optional',
        ...draftBody(i, 0),
        occurredOn,
      });
      s.recordId = created.id;
      s.version = created.version;
    }
    console.log(`${sessions.length} sessions logged in, drafts created; running ${DURATION} s`);

    const statuses = new Map<string, Map<number, number>>();
    const tally = (name: string, status: number) => {
      const m = statuses.get(name) ?? new Map<number, number>();
      m.set(status, (m.get(status) ?? 0) + 1);
      statuses.set(name, m);
    };
    const latencies: number[] = [];
    let next = 0;
    const get = (name: string, url: string) => ({
      method: 'GET' as const,
      path: url,
      onResponse: (status: number) => tally(name, status),
    });
    const instance = autocannon({
      url: base,
      connections: CONNECTIONS,
      duration: DURATION,
      timeout: 30,
      setupClient: (client) => {
        const i = next++ % sessions.length;
        const s = sessions[i]!;
        client.setHeaders({ cookie: s.cookie, 'x-csrf-token': s.csrf });
        let round = 0;
        const requests = s.committee
          ? [
              get('matrix', matrixPath(campaign.id)),
              get('review queue', '/api/records?status=submitted'),
              get('ranking', `/api/dashboard/ranking?campaignId=${campaign.id}`),
            ]
          : [
              get('workbench', `/api/workbench?campaignId=${campaign.id}&periodKey=${month}`),
              get('records', `/api/records?campaignId=${campaign.id}&branchId=${s.branchId}&limit=20`),
              get('matrix', matrixPath(campaign.id)),
              {
                method: 'PUT' as const,
                path: `/api/records/${s.recordId}`,
                setupRequest: (req: Record<string, unknown>) => ({
                  ...req,
                  headers: {
                    cookie: s.cookie,
                    'x-csrf-token': s.csrf,
                    'content-type': 'application/json',
                  },
                  body: JSON.stringify({ ...draftBody(i, ++round), occurredOn, version: s.version }),
                }),
                onResponse: (status: number, body: string) => {
                  tally('save draft', status);
                  if (status === 200) s.version = (JSON.parse(body) as { version: number }).version;
                },
              },
            ];
        client.setRequests(requests as never);
      },
      // Without a callback the run is a tracker (an event emitter) that is also awaitable.
    }) as unknown as EventEmitter & PromiseLike<autocannon.Result>;
    instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) =>
      latencies.push(responseTime),
    );
    const result = await instance;
    // Let requests still in flight when the clock ran out finish before the server stops.
    await new Promise((r) => setTimeout(r, 3000));

    latencies.sort((a, b) => a - b);
    const byRequest = Object.fromEntries(
      [...statuses].map(([name, m]) => [name, Object.fromEntries([...m].map(([k, v]) => [String(k), v]))]),
    );
    // autocannon's `errors` already counts the timeouts among the connection errors.
    const errors = result.errors + result.non2xx;
    const summary = {
      dataset: DATASET,
      connections: CONNECTIONS,
      durationSeconds: DURATION,
      requests: result.requests.total,
      requestsPerSecond: round1(result.requests.average),
      latencyMs: {
        p50: round1(percentile(latencies, 50)),
        p90: round1(percentile(latencies, 90)),
        p95: round1(percentile(latencies, 95)),
        p99: round1(percentile(latencies, 99)),
        max: round1(latencies.at(-1) ?? 0),
      },
      errors: {
        total: errors,
        connection: result.errors - result.timeouts,
        timeouts: result.timeouts,
        non2xx: result.non2xx,
      },
      byRequest,
      logins: {
        count: loginTimes.length,
        p50: round1(
          percentile(
            [...loginTimes].sort((a, b) => a - b),
            50,
          ),
        ),
        p95: round1(
          percentile(
            [...loginTimes].sort((a, b) => a - b),
            95,
          ),
        ),
      },
    };
    console.log(JSON.stringify(summary, null, 2));
    console.log(
      `\n${summary.requests} requests in ${DURATION} s (${summary.requestsPerSecond}/s), p95 ${summary.latencyMs.p95} ms, errors ${errors}` +
        ' — 2-core machine shared with other work: figures are noisy, rerun before judging',
    );
    mkdirSync(path.join(here, 'results'), { recursive: true });
    const file = path.join(here, 'results', `load-${started.toISOString().replace(/[:.]/g, '-')}.json`);
    writeFileSync(
      file,
      JSON.stringify({ at: started.toISOString(), node: process.version, ...summary }, null, 2),
    );
    console.log(`written ${path.relative(process.cwd(), file)}`);
  } finally {
    stop();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
