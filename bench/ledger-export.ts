/**
 * The group-scale ledger export, run in a process of its own so its peak resident memory is its own:
 * the campaign's monthly task ledger (台账: 2,000 branches × 12 months × 5 actions = 120,000 rows)
 * written by the ledgers module's streaming writer to a file, as an administrator exports it.
 *
 * Usage: tsx bench/ledger-export.ts <database url> [ledger kind]; prints one JSON line.
 */
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { finished } from 'node:stream/promises';
import { loadConfig } from '../src/server/config.js';
import { openPostgres } from '../src/server/db/client.js';
import { systemClock } from '../src/server/lib/clock.js';
import { CampaignsService } from '../src/server/modules/campaigns/campaigns.service.js';
import { LedgersService } from '../src/server/modules/ledgers/ledgers.service.js';
import type { AuthedContext } from '../src/server/lib/actor.js';
import type { LedgerKind } from '../src/common/api/ledgers.js';
import { campaignOfDataset } from './dataset-info.js';

const [url, kindArg] = process.argv.slice(2);
if (!url) throw new Error('usage: tsx bench/ledger-export.ts <database url> [ledger kind]');
const kind = (kindArg ?? 'tasks') as LedgerKind;

const admin: AuthedContext = {
  actor: {
    userId: 1,
    username: 'admin',
    displayName: '基准测试',
    personId: null,
    grants: [{ role: 'admin', branchId: null, grassrootsUnitId: null, departmentIds: [] }],
  },
  ip: null,
};

const campaignId = await campaignOfDataset(url);
const dir = mkdtempSync(path.join(tmpdir(), 'duibiao-ledger-'));
const file = path.join(dir, 'ledger.xlsx');
const database = await openPostgres(url, 2);
try {
  const config = loadConfig({ ...process.env, DATA_DIR: dir });
  const deps = { db: database.db, config, clock: systemClock };
  const ledgers = new LedgersService(deps, { campaigns: new CampaignsService(deps) });
  const start = performance.now();
  const out = createWriteStream(file);
  const { rows } = await ledgers.writeLedger(admin, kind, { campaignId }, out);
  if (!out.writableFinished) await finished(out);
  const seconds = (performance.now() - start) / 1000;
  console.log(
    JSON.stringify({
      writer: `ledgers module, ${kind} ledger`,
      rows,
      seconds: Math.round(seconds * 100) / 100,
      peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
      fileMb: Math.round((statSync(file).size / 1024 / 1024) * 10) / 10,
    }),
  );
} finally {
  await database.close();
  rmSync(dir, { recursive: true, force: true });
}
