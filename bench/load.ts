/**
 * `npm run load`: two instances of the server on one PostgreSQL database behind nginx, under a
 * mixed read/write workload (autocannon on loopback). Measures, then checks that nothing acknowledged
 * was lost and nothing was written or sent twice; asserts no latency.
 *
 * The script creates a fresh database, starts the instances on it as child processes (the real
 * `src/server/main.ts`, one evidence directory between them), puts an nginx of its own in front
 * (bench/load-cluster.ts), logs every connection in once (as a different browser session), gives
 * each secretary connection a draft record of its own, then runs the workload: a secretary
 * connection cycles through its branch workbench, its record list and saving its draft (a versioned
 * PUT); one connection in ten is the committee, opening the dashboard matrix, the review queue and
 * the ranking; beside them an administrator downloads the task ledger again and again. Both
 * instances run the reminder job every 10 s, so the day's reminders are produced during the run.
 * With LOAD_KILL=1 the second instance is killed (SIGKILL) half-way: nginx passes its share to the
 * first. Errors are every non-2xx answer, connection error and timeout; p95 is over every response
 * of the mix (the ledger downloads are reported on their own).
 *
 * Environment: LOAD_CONNECTIONS (200), LOAD_DURATION (60 seconds), LOAD_INSTANCES (2; 1 runs one
 * instance without nginx), LOAD_KILL (0), LOAD_DATASET (`demo`: the demo organisation with its
 * 2020 year, loaded by the server at start; `bench`: a copy of the group-scale bench dataset at
 * BENCH_DATABASE_URL, which `npm run bench` must have generated), LOAD_DATABASE_URL (default
 * postgres://postgres@127.0.0.1:5432/duibiao_load; dropped and created again), PASSWORD_HASH_COST
 * (the server's default when unset), NGINX_BIN. Skips, saying so, when nginx is not installed.
 */
import type { EventEmitter } from 'node:events';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';
import { checkIntegrity, type SaveLedger } from './load-checks.js';
import {
  findNginx,
  freePort,
  startInstance,
  startNginx,
  waitForHealth,
  type Instance,
} from './load-cluster.js';
import { api, draftBody, ledgerLoop, login, type Session } from './load-session.js';
import { matrixPath } from './matrix-path.js';
import { percentile, round1 } from './stats.js';

const CONNECTIONS = Number(process.env.LOAD_CONNECTIONS ?? 200);
const DURATION = Number(process.env.LOAD_DURATION ?? 60);
const INSTANCES = Number(process.env.LOAD_INSTANCES ?? 2);
const KILL = process.env.LOAD_KILL === '1';
const DATASET = (process.env.LOAD_DATASET ?? 'demo') as 'demo' | 'bench';
const DB_URL = process.env.LOAD_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/duibiao_load';
const BENCH_DB = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/duibiao_bench';
const PASSWORD = 'Duibiao@2020';
const ADMIN_PASSWORD = 'Admin@2026x';
const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const results = path.join(here, 'results');

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

function instanceEnv(): Record<string, string> {
  const env: Record<string, string> = {
    DATABASE_URL: DB_URL,
    LOG_LEVEL: 'warn',
    DATA_DIR: path.join(root, 'data', 'load'),
    TRUST_PROXY: 'true',
    NOTIFY_INTERVAL_SECONDS: '10',
    // The load signs in with the demo password; a password change would stop every session.
    DEMO_PASSWORD_CHANGE: '0',
  };
  if (DATASET === 'demo')
    Object.assign(env, {
      DUIBIAO_ADMIN_PASSWORD: ADMIN_PASSWORD,
      DUIBIAO_DEMO: '1',
      DEMO_PASSWORD_CHANGE: '0',
    });
  return env;
}

const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);

async function main() {
  const nginx = INSTANCES > 1 ? findNginx() : null;
  if (INSTANCES > 1 && !nginx) {
    console.log(
      'load: skipped — nginx is not installed (Debian: apt-get install nginx-light); ' +
        'LOAD_INSTANCES=1 runs one instance without it',
    );
    return;
  }
  const started = new Date();
  await freshDatabase();
  const instances: Instance[] = [];
  let proxy: { port: number; stop(): void } | null = null;
  const stop = () => {
    proxy?.stop();
    for (const i of instances) if (i.child.exitCode === null) i.child.kill('SIGTERM');
  };
  process.on('exit', stop);
  try {
    const bootStart = performance.now();
    // The first instance migrates and (demo) seeds the database alone; the others join it after.
    for (let n = 1; n <= INSTANCES; n++) {
      const inst = startInstance(n, await freePort(), instanceEnv(), root, results);
      instances.push(inst);
      await waitForHealth(`http://127.0.0.1:${inst.port}`, () => inst.child.exitCode === null);
    }
    if (nginx)
      proxy = await startNginx(
        nginx,
        instances.map((i) => i.port),
      );
    const base = `http://127.0.0.1:${proxy?.port ?? instances[0]!.port}`;
    console.log(
      `${INSTANCES} instance(s)${proxy ? ' behind nginx' : ''} up on ${DATASET} dataset in ` +
        `${((performance.now() - bootStart) / 1000).toFixed(1)} s`,
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
            const { cookie, csrf } = await login(base, username, PASSWORD);
            loginTimes.push(performance.now() - start);
            return { username, cookie, csrf, branchId: null, recordId: null, version: 0, committee };
          }),
        )),
      );
    }
    const admin = await login(base, 'admin', ADMIN_PASSWORD);
    const campaigns = await api<{ items: { id: number; year: number; status: string }[] }>(
      base,
      sessions[0]!,
      'GET',
      '/api/campaigns',
    );
    const campaign = campaigns.items.find((c) => c.status === 'active')!;
    const month = campaign.year === 2020 ? '2020-12' : `${campaign.year}-06`;
    const occurredOn = `${month}-15`;
    // Each secretary connection gets a draft of its own, so versioned saves never collide.
    const ledgers = new Map<Session, SaveLedger>();
    for (const [i, s] of sessions.entries()) {
      if (s.committee) continue;
      const wb = await api<{ branch: { id: number } | null }>(
        base,
        s,
        'GET',
        `/api/workbench?campaignId=${campaign.id}&periodKey=${month}`,
      );
      s.branchId = wb.branch!.id;
      const created = await api<{ id: number; version: number }>(base, s, 'POST', '/api/records', {
        campaignId: campaign.id,
        branchId: s.branchId,
        kind: 'optional',
        ...draftBody(i, 0),
        occurredOn,
      });
      s.recordId = created.id;
      s.version = created.version;
      ledgers.set(s, {
        recordId: created.id,
        startVersion: created.version,
        sent: 0,
        acknowledged: 0,
        lastAckVersion: created.version,
      });
    }
    console.log(
      `${sessions.length} sessions logged in, drafts created; running ${DURATION} s` +
        (KILL ? `, killing instance ${INSTANCES} after ${DURATION / 2} s` : ''),
    );
    const runStart = new Date();

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
        const ledger = ledgers.get(s);
        const requests = s.committee
          ? [
              get('matrix', matrixPath(campaign.id)),
              get('review queue', '/api/records?status=submitted'),
              get('ranking', `/api/dashboard/ranking?campaignId=${campaign.id}`),
            ]
          : [
              get('workbench', `/api/workbench?campaignId=${campaign.id}&periodKey=${month}`),
              get('records', `/api/records?campaignId=${campaign.id}&branchId=${s.branchId}&limit=20`),
              {
                method: 'PUT' as const,
                path: `/api/records/${s.recordId}`,
                setupRequest: (req: Record<string, unknown>) => {
                  ledger!.sent++;
                  return {
                    ...req,
                    headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': 'application/json' },
                    body: JSON.stringify({ ...draftBody(i, ++round), occurredOn, version: s.version }),
                  };
                },
                onResponse: (status: number, body: string) => {
                  tally('save draft', status);
                  if (status !== 200) return;
                  s.version = (JSON.parse(body) as { version: number }).version;
                  ledger!.acknowledged++;
                  ledger!.lastAckVersion = s.version;
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
    const exports = ledgerLoop(base, admin, campaign.id, Date.now() + DURATION * 1000);
    let killedAt: number | null = null;
    const killer = KILL
      ? setTimeout(
          () => {
            killedAt = performance.now();
            instances.at(-1)!.child.kill('SIGKILL');
          },
          (DURATION * 1000) / 2,
        )
      : null;
    const result = await instance;
    const ledger = await exports;
    if (killer) clearTimeout(killer);
    // Let requests still in flight when the clock ran out finish, and a reminder tick pass.
    await new Promise((r) => setTimeout(r, 3000));
    const integrity = await checkIntegrity(DB_URL, [...ledgers.values()], runStart);

    const lat = sorted(latencies);
    const byRequest = Object.fromEntries(
      [...statuses].map(([name, m]) => [name, Object.fromEntries([...m].map(([k, v]) => [String(k), v]))]),
    );
    // autocannon's `errors` already counts the timeouts among the connection errors.
    const errors = result.errors + result.non2xx;
    const load = os.loadavg().map((x) => x.toFixed(1));
    const summary = {
      dataset: DATASET,
      instances: INSTANCES,
      proxy: proxy ? 'nginx' : 'none',
      killedHalfWay: KILL ? killedAt !== null : false,
      connections: CONNECTIONS,
      durationSeconds: DURATION,
      loadAverageAfter: load.join(' '),
      requests: result.requests.total,
      requestsPerSecond: round1(result.requests.average),
      latencyMs: {
        p50: round1(percentile(lat, 50)),
        p90: round1(percentile(lat, 90)),
        p95: round1(percentile(lat, 95)),
        p99: round1(percentile(lat, 99)),
        max: round1(lat.at(-1) ?? 0),
      },
      errors: {
        total: errors,
        connection: result.errors - result.timeouts,
        timeouts: result.timeouts,
        non2xx: result.non2xx,
      },
      byRequest,
      ledgerExport: {
        downloads: ledger.downloads,
        failed: ledger.failed,
        seconds: ledger.seconds,
        errors: [...new Set(ledger.errors)],
      },
      integrity,
      logins: {
        count: loginTimes.length,
        p50: round1(percentile(sorted(loginTimes), 50)),
        p95: round1(percentile(sorted(loginTimes), 95)),
      },
    };
    console.log(JSON.stringify(summary, null, 2));
    const { saves, reminders } = integrity;
    console.log(
      `\n${summary.requests} requests in ${DURATION} s (${summary.requestsPerSecond}/s) on ${INSTANCES} instance(s)` +
        `${KILL ? ', one killed half-way' : ''}: p95 ${summary.latencyMs.p95} ms, errors ${errors} ` +
        `(timeouts ${result.timeouts}); ledger exports ${ledger.downloads} ok, ${ledger.failed} failed; ` +
        `saves acknowledged ${saves.acknowledged}, lost ${saves.lost}, applied twice ${saves.twice}; ` +
        `reminders today ${reminders.reminders}, in-app digests ${reminders.inApp}, sent twice ${reminders.sentTwice}; ` +
        `load average ${load.join(' ')} — 2-core machine shared with other work: figures are noisy, rerun before judging`,
    );
    mkdirSync(results, { recursive: true });
    const file = path.join(results, `load-${started.toISOString().replace(/[:.]/g, '-')}.json`);
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
