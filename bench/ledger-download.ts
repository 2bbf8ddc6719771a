/**
 * The group-scale ledger export as users get it: the production server (`tsx src/server/main.ts`,
 * what `npm start` runs) started on the dataset, an administrator logs in and downloads the
 * campaign's task ledger (120,000 rows) over HTTP. Reports the time of the download and the
 * server process's resident memory before it and at its peak (Linux: /proc VmRSS and VmHWM).
 *
 * Usage: tsx bench/ledger-download.ts <database url> [ledger kind]; prints one JSON line.
 * The dataset's admin password is the generator's (bench/dataset.ts). Writes what a login and an
 * export write: a session and audit rows.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { BENCH_ADMIN_PASSWORD, campaignOfDataset } from './dataset-info.js';

const [url, kind = 'tasks'] = process.argv.slice(2);
if (!url) throw new Error('usage: tsx bench/ledger-download.ts <database url> [ledger kind]');
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Resident memory of a process in MB, now (VmRSS) or at its peak (VmHWM). */
function memoryOf(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(new RegExp(`^${field}:\\s+(\\d+)`, 'm').exec(status)?.[1]);
  return Math.round(kb / 1024);
}

/** The tsx command runs the server in a child node process: that child is the server. */
function serverPid(tsxPid: number): number {
  const children = readFileSync(`/proc/${tsxPid}/task/${tsxPid}/children`, 'utf8').trim().split(/\s+/);
  const pid = Number(children[0]);
  if (!pid) throw new Error('server process not found');
  return pid;
}

const campaignId = await campaignOfDataset(url);
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const server = spawn(path.join(root, 'node_modules/.bin/tsx'), ['src/server/main.ts'], {
  cwd: root,
  env: {
    ...process.env,
    DATABASE_URL: url,
    PORT: String(port),
    NOTIFY_SCHEDULER: 'false',
    LOG_LEVEL: 'warn',
  },
  stdio: ['ignore', 'ignore', 'inherit'],
});
try {
  for (let up = false; !up;) {
    await sleep(200);
    up = await fetch(`${base}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
  }
  const pid = serverPid(server.pid!);

  const jar = new Map<string, string>();
  const keep = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [k, v] = c.split(';')[0]!.split('=') as [string, string];
      jar.set(k, v);
    }
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  keep(await fetch(`${base}/api/auth/me`));
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      cookie: cookie(),
      'x-csrf-token': jar.get('duibiao_csrf') ?? '',
    },
    body: JSON.stringify({ username: 'admin', password: BENCH_ADMIN_PASSWORD }),
  });
  if (login.status !== 200) throw new Error(`login: ${login.status} ${await login.text()}`);
  keep(login);

  const rssBefore = memoryOf(pid, 'VmRSS');
  const start = performance.now();
  const res = await fetch(`${base}/api/ledgers/${kind}?campaignId=${campaignId}`, {
    headers: { cookie: cookie() },
  });
  if (res.status !== 200) throw new Error(`export: ${res.status} ${await res.text()}`);
  let bytes = 0;
  for await (const chunk of res.body!) bytes += (chunk as Uint8Array).length;
  const seconds = (performance.now() - start) / 1000;
  console.log(
    JSON.stringify({
      writer: `production server, ${kind} ledger over HTTP`,
      seconds: Math.round(seconds * 100) / 100,
      rssBeforeMb: rssBefore,
      peakRssMb: memoryOf(pid, 'VmHWM'),
      fileMb: Math.round((bytes / 1024 / 1024) * 10) / 10,
    }),
  );
} finally {
  server.kill('SIGTERM');
}
