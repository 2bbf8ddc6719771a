/**
 * `npm run bench`: measures; asserts nothing.
 *
 * 1. The demo organisation on PGlite (the article's year, five branches): p50/p95 of every page's API.
 *    The same generator at 40 and 200 branches on PGlite (BENCH_PGLITE_SCALES, in companies of 40
 *    branches): where the embedded engine stops serving well.
 * 2. Group scale on PostgreSQL (bench/dataset.ts: 50 companies, 2,000 branches, 120,000 tasks,
 *    ~150,000 records, ~1.5 million attendance rows; generated once, then reused): the workbench,
 *    the review queue, the dashboard matrix, a branch profile (and ranking, indicators), each with
 *    the ratio to the raw SQL it issues (bench/group.ts).
 * 3. The 100,000-row ledger export: time and peak resident memory of the production server that
 *    serves the download (bench/ledger-download.ts), and of the ledgers module alone in a process of
 *    its own (bench/ledger-export.ts).
 * 4. First-load JavaScript of the web client, gzipped (bench/bundle.ts).
 * Then a table against the targets of issue #8, and JSON under bench/results/.
 *
 * Environment: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/duibiao_bench; the
 * database is created, and replaced when its generator version is older), BENCH_ROUNDS (PGlite,
 * default 40), BENCH_GROUP_ROUNDS (default 20), BENCH_LEDGER_KIND (default tasks: the 120,000-row task ledger),
 * BENCH_SKIP=pglite,pglite-scale,group,ledger,bundle to leave parts out.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { createTestApp, type TestApp } from '../src/server/test/harness.js';
import type { TestClient } from '../src/server/test/test-client.js';
import { measureBundle, type BundleSize } from './bundle.js';
import { ensureBenchDataset, pgliteAtScale, type DatasetInfo } from './dataset.js';
import { benchGroup, loginClient, scaleCalls, type GroupRow } from './group.js';
import { matrixPath } from './matrix-path.js';
import { summary } from './stats.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 40);
const GROUP_ROUNDS = Number(process.env.BENCH_GROUP_ROUNDS ?? 20);
const PGLITE_SCALES = (process.env.BENCH_PGLITE_SCALES ?? '1,5').split(',').filter(Boolean).map(Number);
const PGLITE_SCALE_ROUNDS = Number(process.env.BENCH_PGLITE_SCALE_ROUNDS ?? 10);
const LEDGER_KIND = process.env.BENCH_LEDGER_KIND ?? 'tasks';
const GROUP_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/duibiao_bench';
const skip = new Set((process.env.BENCH_SKIP ?? '').split(',').filter(Boolean));
const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');

const TARGETS = {
  matrixP95Ms: 100,
  apiToRawRatio: 2,
  ledgerSeconds: 10,
  ledgerRssMb: 300,
  pgliteP95Ms: 150,
  firstLoadGzipKb: 600,
};

interface PgliteRow {
  call: string;
  p50: number;
  p95: number;
  max: number;
}

async function time(client: TestClient, url: string, rounds = ROUNDS): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const start = performance.now();
    const res = await client.get(url);
    samples.push(performance.now() - start);
    if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body.slice(0, 200)}`);
  }
  return samples;
}

/** Every page's API on the demo organisation, on PGlite. */
async function benchPglite(t: TestApp): Promise<PgliteRow[]> {
  const committee = await t.login('jiguan');
  const secretary = await t.login('zhibu2');
  const campaigns = (await committee.get('/api/campaigns')).json() as {
    items: { id: number; year: number }[];
  };
  const c = campaigns.items.find((x) => x.year === 2020)!.id;
  const calls: [string, TestClient, string][] = [
    ['workbench (secretary)', secretary, `/api/workbench?campaignId=${c}&periodKey=2020-12`],
    ['review queue (committee)', committee, '/api/records?status=submitted'],
    ['dashboard matrix', committee, matrixPath(c)],
    ['dashboard ranking', committee, `/api/dashboard/ranking?campaignId=${c}`],
    ['indicators', committee, `/api/dashboard/indicators?campaignId=${c}`],
    ['companies compared', committee, `/api/dashboard/companies?campaignId=${c}`],
    ['branch profile', committee, `/api/dashboard/branches/1?campaignId=${c}`],
    ['record detail', committee, '/api/records/1'],
    ['revisions register', committee, '/api/revisions'],
    ['problems register', committee, '/api/problems'],
    ['people roster', committee, '/api/people?limit=100'],
    ['tasks (campaign)', committee, `/api/tasks?campaignId=${c}`],
    ['inbox', secretary, '/api/inbox'],
  ];
  const rows: PgliteRow[] = [];
  for (const [call, client, url] of calls) rows.push({ call, ...summary(await time(client, url)) });
  return rows;
}

interface PgliteScaleRow extends PgliteRow {
  branches: number;
  loadSeconds: number;
}

/** The group-scale calls on PGlite at smaller scales: where the embedded engine's line is. */
async function benchPgliteScale(companies: number): Promise<PgliteScaleRow[]> {
  const start = performance.now();
  const t = await pgliteAtScale(companies);
  const loadSeconds = Math.round((performance.now() - start) / 1000);
  try {
    const [committee, secretary] = [await loginClient(t.app, 'jiguan'), await loginClient(t.app, 'zhibu2')];
    const own = (
      (await secretary.get(`/api/workbench?campaignId=${t.campaignId}`)).json() as {
        branch: { id: number };
      }
    ).branch.id;
    const rows: PgliteScaleRow[] = [];
    for (const [call, client, url] of scaleCalls(
      committee,
      secretary,
      t.campaignId,
      own,
      t.counts.branches!,
    )) {
      await client.get(url); // warm-up
      rows.push({
        branches: t.counts.branches!,
        loadSeconds,
        call,
        ...summary(await time(client, url, PGLITE_SCALE_ROUNDS)),
      });
    }
    return rows;
  } finally {
    await t.app.close();
    await t.database.close();
  }
}

interface LedgerResult {
  writer: string;
  rows: number;
  seconds: number;
  peakRssMb: number;
  fileMb: number;
}

interface DownloadResult {
  writer: string;
  seconds: number;
  rssBeforeMb: number;
  peakRssMb: number;
  fileMb: number;
}

/** Runs one of the ledger benches in a process of its own (its peak memory is its own) and reads its JSON line. */
function runLedgerBench<T>(script: string, url: string): T {
  const out = execFileSync(
    path.join(root, 'node_modules/.bin/tsx'),
    [path.join(here, script), url, LEDGER_KIND],
    {
      cwd: root,
      encoding: 'utf8',
    },
  );
  return JSON.parse(out.trim().split('\n').at(-1)!) as T;
}

interface Verdict {
  target: string;
  measured: string;
  met: boolean | null;
}

function verdicts(
  pglite: PgliteRow[] | null,
  pgliteScale: PgliteScaleRow[] | null,
  group: GroupRow[] | null,
  ledger: { module: LedgerResult; server: DownloadResult } | null,
  bundle: BundleSize | null,
): Verdict[] {
  const out: Verdict[] = [];
  if (group) {
    const matrix = group.find((r) => r.call === 'dashboard matrix')!;
    out.push({
      target: `dashboard matrix p95 ≤ ${TARGETS.matrixP95Ms} ms (group scale, PostgreSQL)`,
      measured: `${matrix.p95} ms`,
      met: matrix.p95 <= TARGETS.matrixP95Ms,
    });
    for (const r of group) {
      out.push({
        target: `${r.call}: API ≤ ${TARGETS.apiToRawRatio}× raw SQL (p50)`,
        measured: `${r.ratioP50}× (${r.p50} / ${r.rawP50} ms; p95 ${r.ratioP95}×)`,
        met: r.ratioP50 <= TARGETS.apiToRawRatio,
      });
    }
  }
  if (ledger) {
    const { module, server } = ledger;
    out.push({
      target: `ledger export ${module.rows} rows ≤ ${TARGETS.ledgerSeconds} s (download from the server)`,
      measured: `${server.seconds} s (module alone ${module.seconds} s)`,
      met: server.seconds <= TARGETS.ledgerSeconds,
    });
    out.push({
      target: `ledger export peak RSS ≤ ${TARGETS.ledgerRssMb} MB (the server process)`,
      measured: `${server.peakRssMb} MB, ${server.rssBeforeMb} MB before (module alone ${module.peakRssMb} MB)`,
      met: server.peakRssMb <= TARGETS.ledgerRssMb,
    });
  }
  if (pglite) {
    const worst = pglite.reduce((a, b) => (b.p95 > a.p95 ? b : a));
    out.push({
      target: `PGlite demo: every page's API p95 ≤ ${TARGETS.pgliteP95Ms} ms`,
      measured: `worst ${worst.call} ${worst.p95} ms`,
      met: worst.p95 <= TARGETS.pgliteP95Ms,
    });
  }
  for (const branches of [...new Set((pgliteScale ?? []).map((r) => r.branches))]) {
    const rows = pgliteScale!.filter((r) => r.branches === branches);
    const worst = rows.reduce((a, b) => (b.p95 > a.p95 ? b : a));
    out.push({
      target: `(where the line is) PGlite at ${branches} branches: p95 ≤ ${TARGETS.pgliteP95Ms} ms`,
      measured: `worst ${worst.call} ${worst.p95} ms`,
      met: worst.p95 <= TARGETS.pgliteP95Ms,
    });
  }
  if (bundle) {
    const kb = Math.round(bundle.totalGzipBytes / 1024);
    out.push({
      target: `first page load ≤ ${TARGETS.firstLoadGzipKb} KB JavaScript gzipped`,
      measured: `${kb} KB (${bundle.files.length} files; ${bundle.lazyChunks} lazy chunks not counted)`,
      met: kb <= TARGETS.firstLoadGzipKb,
    });
  }
  return out;
}

async function main() {
  const started = new Date();
  let pglite: PgliteRow[] | null = null;
  let group: GroupRow[] | null = null;
  let dataset: DatasetInfo | null = null;
  let ledger: { module: LedgerResult; server: DownloadResult } | null = null;
  let bundle: BundleSize | null = null;

  if (!skip.has('pglite')) {
    delete process.env.TEST_DATABASE_URL;
    const setupStart = performance.now();
    const t = await createTestApp({ demoActivity: true, env: { PASSWORD_HASH_COST: '1024' } });
    console.log(
      `pglite: demo organisation loaded in ${((performance.now() - setupStart) / 1000).toFixed(1)} s`,
    );
    try {
      pglite = await benchPglite(t);
    } finally {
      await t.close();
    }
    console.log('\nPGlite, demo organisation (ms)');
    console.table(pglite);
  }

  let pgliteScale: PgliteScaleRow[] | null = null;
  if (!skip.has('pglite-scale')) {
    pgliteScale = [];
    for (const companies of PGLITE_SCALES) pgliteScale.push(...(await benchPgliteScale(companies)));
    console.log('\nPGlite at larger scales (the bench generator, companies × 40 branches; ms)');
    console.table(pgliteScale);
  }

  if (!skip.has('group') || !skip.has('ledger')) {
    dataset = await ensureBenchDataset(GROUP_URL);
    console.log(
      `\ngroup-scale dataset ${dataset.reused ? 'reused' : `generated in ${dataset.seconds.toFixed(0)} s`}:`,
      JSON.stringify(dataset.counts),
    );
  }
  if (dataset && !skip.has('group')) {
    group = await benchGroup(dataset.url, dataset.campaignId, GROUP_ROUNDS);
    console.log('\nPostgreSQL, group scale (ms; raw = the same statements replayed on pg)');
    console.table(
      group.map((r) => ({
        call: r.call,
        p50: r.p50,
        p95: r.p95,
        'raw p50': r.rawP50,
        'raw p95': r.rawP95,
        'ratio p50': r.ratioP50,
        'ratio p95': r.ratioP95,
        statements: r.statements,
        'response KB': Math.round(r.bytes / 1024),
      })),
    );
  }
  if (dataset && !skip.has('ledger')) {
    ledger = {
      module: runLedgerBench<LedgerResult>('ledger-export.ts', dataset.url),
      server: runLedgerBench<DownloadResult>('ledger-download.ts', dataset.url),
    };
    console.log(`\nledger export (${ledger.module.writer}):`, ledger.module);
    console.log(`ledger export (${ledger.server.writer}):`, ledger.server);
  }
  if (!skip.has('bundle')) {
    bundle = measureBundle(root);
    console.log('\nfirst-load JavaScript:');
    console.table(bundle.files.map((f) => ({ ...f, gzipKB: Math.round(f.gzipBytes / 1024) })));
  }

  const results = verdicts(pglite, pgliteScale, group, ledger, bundle);
  console.log('\ntargets (2-core machine shared with other work: figures are noisy, rerun before judging)');
  console.table(results.map((v) => ({ target: v.target, measured: v.measured, met: v.met ? 'yes' : 'NO' })));

  mkdirSync(path.join(here, 'results'), { recursive: true });
  const file = path.join(here, 'results', `bench-${started.toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(
    file,
    JSON.stringify(
      {
        at: started.toISOString(),
        node: process.version,
        rounds: { pglite: ROUNDS, group: GROUP_ROUNDS },
        targets: TARGETS,
        dataset,
        pglite,
        pgliteScale,
        group,
        ledger,
        bundle,
        verdicts: results,
      },
      null,
      2,
    ),
  );
  console.log(`written ${path.relative(process.cwd(), file)}`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
