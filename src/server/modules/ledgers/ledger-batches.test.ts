import { afterAll, beforeAll, expect, it } from 'vitest';
import { branches } from '../../db/schema/index.js';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { startCampaign } from '../../test/fixtures.js';
import { json } from '../../test/test-client.js';
import { readXlsx } from '../../test/xlsx-fixtures.js';

// The task ledger is read a few dozen branches at a time: with 65 branches each month takes two
// batches, and the branches' display order (sort order, then id) runs against their ids.
const EXTRA_BRANCHES = 60;

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
  await t.database.db.insert(branches).values(
    Array.from({ length: EXTRA_BRANCHES }, (_, i) => ({
      name: `测试第${i + 1}党支部`,
      sortOrder: EXTRA_BRANCHES - i,
    })),
  );
});
afterAll(async () => t.close());

it('a task ledger of several batches holds every task once, in the task list’s order', async () => {
  const committee = await t.login('jiguan');
  const all = await t.database.db.select({ id: branches.id }).from(branches);
  const campaign = await startCampaign(
    committee,
    2026,
    all.map((b) => b.id),
  );

  const tasks = json<{ items: { branchName: string; periodKey: string; title: string }[] }>(
    await committee.get(`/api/tasks?campaignId=${campaign.id}`),
  ).items;
  const res = await committee.get(`/api/ledgers/tasks?campaignId=${campaign.id}`);
  expect(res.statusCode).toBe(200);
  const sheet = (await readXlsx(res.rawPayload)).worksheets[0]!;

  let header = 0;
  for (let r = 1; !header; r++) if (sheet.getCell(r, 1).value === '序号') header = r;
  const lines: string[] = [];
  for (let r = header + 1; typeof sheet.getCell(r, 1).value === 'number'; r++) {
    expect(sheet.getCell(r, 1).value).toBe(lines.length + 1);
    lines.push([2, 3, 4].map((c) => String(sheet.getCell(r, c).value)).join(' '));
  }
  expect(lines).toEqual(tasks.map((x) => `${x.branchName} ${x.periodKey} ${x.title}`));
});
