/**
 * `npm run bench`: API latency on the demo organisation (the article's year, five branches), on
 * PGlite and — when BENCH_DATABASE_URL points at a PostgreSQL server — on PostgreSQL too.
 * Prints p50/p95 per call and writes JSON under bench/results/. Measures; asserts nothing.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { createTestApp, type TestApp } from '../src/server/test/harness.js';
import type { TestClient } from '../src/server/test/test-client.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 40);
const here = path.dirname(fileURLToPath(import.meta.url));

interface Row {
  engine: string;
  call: string;
  p50: number;
  p95: number;
  max: number;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

async function time(client: TestClient, url: string): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const start = performance.now();
    const res = await client.get(url);
    samples.push(performance.now() - start);
    if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body.slice(0, 200)}`);
  }
  return samples.sort((a, b) => a - b);
}

async function benchEngine(engine: string, t: TestApp): Promise<Row[]> {
  const committee = await t.login('jiguan');
  const secretary = await t.login('zhibu2');
  const campaigns = (await committee.get('/api/campaigns')).json() as {
    items: { id: number; year: number }[];
  };
  const c = campaigns.items.find((x) => x.year === 2020)!.id;
  const calls: [string, TestClient, string][] = [
    ['workbench (secretary)', secretary, `/api/workbench?campaignId=${c}&periodKey=2020-12`],
    ['review queue (committee)', committee, '/api/records?status=submitted'],
    ['dashboard matrix', committee, `/api/dashboard/matrix?campaignId=${c}`],
    ['dashboard ranking', committee, `/api/dashboard/ranking?campaignId=${c}`],
    ['indicators', committee, `/api/dashboard/indicators?campaignId=${c}`],
    ['branch profile', committee, `/api/dashboard/branches/1?campaignId=${c}`],
    ['record detail', committee, '/api/records/1'],
    ['revisions register', committee, '/api/revisions'],
    ['problems register', committee, '/api/problems'],
    ['people roster', committee, '/api/people?limit=100'],
  ];
  const rows: Row[] = [];
  for (const [call, client, url] of calls) {
    const s = await time(client, url);
    rows.push({
      engine,
      call,
      p50: +percentile(s, 50).toFixed(1),
      p95: +percentile(s, 95).toFixed(1),
      max: +s.at(-1)!.toFixed(1),
    });
  }
  return rows;
}

async function main() {
  const rows: Row[] = [];
  const engines: [string, string | undefined][] = [['pglite', undefined]];
  if (process.env.BENCH_DATABASE_URL) engines.push(['postgres', process.env.BENCH_DATABASE_URL]);
  for (const [engine, url] of engines) {
    if (url) process.env.TEST_DATABASE_URL = url;
    else delete process.env.TEST_DATABASE_URL;
    const setupStart = performance.now();
    const t = await createTestApp({ demoActivity: true, env: { PASSWORD_HASH_COST: '1024' } });
    console.log(
      `${engine}: demo organisation loaded in ${((performance.now() - setupStart) / 1000).toFixed(1)} s`,
    );
    try {
      rows.push(...(await benchEngine(engine, t)));
    } finally {
      await t.close();
    }
  }
  console.table(rows);
  mkdirSync(path.join(here, 'results'), { recursive: true });
  const file = path.join(here, 'results', `api-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, JSON.stringify({ rounds: ROUNDS, node: process.version, rows }, null, 2));
  console.log(`written ${path.relative(process.cwd(), file)}`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
