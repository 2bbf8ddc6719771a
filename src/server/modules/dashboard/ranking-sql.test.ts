import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Campaign } from '../../../common/api/campaigns.js';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { json, type TestClient } from '../../test/test-client.js';
import { loadCellStatuses, type CellSources } from './dashboard.facts.js';
import { branchesInOrder } from './dashboard.repo.js';
import { onRandomCampaigns } from '../../test/sql-against-cells.js';
import { companiesFromCells } from '../../test/dashboards-from-cells.js';

/**
 * The ranking sums scores in the database. These tests hold it to the computation it replaced:
 * every task's status derived in the service, each branch's months scored by scorePeriod (the
 * matrix still computes its cells that way), then summed and ranked per branch. Same rows, same
 * order, same ranks: on the demo year and on random campaigns whose points, rules and records
 * are drawn at random (late percentages and grades that produce half cents, several records per
 * task, times on either side of midnight in China).
 */

interface Row {
  branchId: number;
  branchName: string;
  score: number | null;
  max: number | null;
  cumulative: number;
  cumulativeMax: number;
  rank: number | null;
}

let t: TestApp;
let committee: TestClient;

const sources = (): CellSources => ({ db: t.database.db, tasks: t.app.services.tasks });

/** The ranking as the service computed it from the matrix's cells before it moved to SQL. */
async function rankingFromCells(campaign: Campaign, periodKey?: string): Promise<Row[]> {
  const cells = await loadCellStatuses(sources(), campaign, 'all');
  const inCampaign = new Set(campaign.branchIds);
  const branches = (await branchesInOrder(t.database.db)).filter((b) => inCampaign.has(b.id));
  const round = (n: number) => Math.round(n * 100) / 100;
  const rows = branches.map((b) => {
    const mine = cells.filter((c) => c.branchId === b.id);
    const inPeriod = periodKey ? mine.filter((c) => c.periodKey === periodKey) : [];
    return {
      branchId: b.id,
      branchName: b.name,
      score: inPeriod.length ? round(inPeriod.reduce((s, c) => s + c.score.score, 0)) : null,
      max: inPeriod.length ? inPeriod.reduce((s, c) => s + c.score.max, 0) : null,
      cumulative: round(mine.reduce((s, c) => s + c.score.score, 0)),
      cumulativeMax: mine.reduce((s, c) => s + c.score.max, 0),
    };
  });
  const by = (r: (typeof rows)[number]) => (periodKey ? (r.score ?? 0) : r.cumulative);
  const sorted = [...rows].sort((a, b) => by(b) - by(a));
  return sorted.map((r) => ({ ...r, rank: sorted.findIndex((x) => by(x) === by(r)) + 1 }));
}

async function expectSameRanking(campaign: Campaign) {
  const periods = [
    undefined,
    ...campaign.months.map((m) => `${campaign.year}-${String(m).padStart(2, '0')}`),
  ];
  for (const periodKey of periods) {
    const query = periodKey ? `&periodKey=${periodKey}` : '';
    const res = await committee.get(`/api/dashboard/ranking?campaignId=${campaign.id}${query}`);
    expect(res.statusCode, res.body).toBe(200);
    const answer = json<{ rows: Row[] }>(res);
    expect(answer.rows, `period ${periodKey ?? 'all'}`).toEqual(await rankingFromCells(campaign, periodKey));
  }
}

/** Moves the clock and logs in again: a session does not outlive months of simulated time. */
async function setNow(instant: string) {
  t.clock.set(new Date(instant));
  committee = await t.login('jiguan');
}

const campaignOf = async (id: number) => json<Campaign>(await committee.get(`/api/campaigns/${id}`));

// Loading the demo year into PGlite takes minutes on a busy machine.
beforeAll(async () => {
  t = await createTestApp({ demoActivity: true });
}, 300_000);
afterAll(async () => t.close());

describe('the ranking summed in the database', () => {
  it('matches the scores of the matrix cells on the demo year, for the whole year and every month', async () => {
    await setNow('2020-12-10T09:00:00+08:00');
    const campaigns = json<{ items: { id: number; year: number }[] }>(await committee.get('/api/campaigns'));
    const demo = await campaignOf(campaigns.items.find((c) => c.year === 2020)!.id);
    await expectSameRanking(demo);
  });

  // Four campaigns at three dates each: a minute or two on a busy machine.
  it(
    'matches them on random campaigns, before, during and after their months',
    { timeout: 180_000 },
    async () => {
      await onRandomCampaigns(t, [1, 2, 3, 4], async (campaign, client) => {
        committee = client;
        await expectSameRanking(campaign);
      });
    },
  );
});

describe('the companies compared in the database', () => {
  /** Branches 4 and 5 of the demo organisation become a second company's. */
  let companyOf: Map<number, { id: number; name: string }>;
  let secondId: number;

  beforeAll(async () => {
    const admin = await t.login('admin');
    secondId = json<{ id: number }>(await admin.post('/api/org/companies', { name: '第二工程公司' })).id;
    for (const id of [4, 5]) await admin.patch(`/api/org/branches/${id}`, { companyId: secondId });
    const structure = json<{
      companies: { id: number; name: string }[];
      branches: { id: number; companyId: number }[];
    }>(await admin.get('/api/org/structure'));
    companyOf = new Map(
      structure.branches.map((b) => [b.id, structure.companies.find((c) => c.id === b.companyId)!]),
    );
  });

  async function expectSameComparison(campaign: Campaign, range: { from?: string; to?: string } = {}) {
    const query = new URLSearchParams({ campaignId: String(campaign.id), ...range });
    const res = await committee.get(`/api/dashboard/companies?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(json(res)).toEqual(await companiesFromCells(t, campaign, companyOf, range));
  }

  it('matches the matrix cells of each company’s branches on the demo year, whole and by quarter', async () => {
    await setNow('2020-12-10T09:00:00+08:00');
    const campaigns = json<{ items: { id: number; year: number }[] }>(await committee.get('/api/campaigns'));
    const demo = await campaignOf(campaigns.items.find((c) => c.year === 2020)!.id);
    await expectSameComparison(demo);
    await expectSameComparison(demo, { from: '2020-04', to: '2020-06' });
    const answer = json<{ rows: { companyId: number; branches: number }[]; group: { branches: number } }>(
      await committee.get(`/api/dashboard/companies?campaignId=${demo.id}`),
    );
    expect(answer.rows.map((r) => [r.companyId, r.branches]).sort()).toEqual([
      [1, 3],
      [secondId, 2],
    ]);
    expect(answer.group.branches).toBe(5);
  });

  it('drills down into one company: its branches ranked among themselves, its indicators', async () => {
    await setNow('2020-12-10T09:00:00+08:00');
    const campaigns = json<{ items: { id: number; year: number }[] }>(await committee.get('/api/campaigns'));
    const demo = campaigns.items.find((c) => c.year === 2020)!.id;
    const ranking = json<{ rows: { branchId: number; rank: number | null }[] }>(
      await committee.get(`/api/dashboard/ranking?campaignId=${demo}&companyId=${secondId}`),
    );
    expect(ranking.rows.map((r) => r.branchId).sort()).toEqual([4, 5]);
    expect(ranking.rows.map((r) => r.rank).sort()).toEqual(
      ranking.rows[0]!.rank === ranking.rows[1]!.rank ? [1, 1] : [1, 2],
    );
    const matrix = json<{ branches: { id: number }[]; paging: { total: number } }>(
      await committee.get(`/api/dashboard/matrix?campaignId=${demo}&companyId=${secondId}`),
    );
    expect(matrix.paging.total).toBe(2);
    const ofCompany = json<{ tasks: { total: number; score: number } }>(
      await committee.get(`/api/dashboard/indicators?campaignId=${demo}&companyId=${secondId}`),
    );
    const [four, five] = await Promise.all(
      [4, 5].map(async (b) =>
        json<{ tasks: { total: number; score: number } }>(
          await committee.get(`/api/dashboard/indicators?campaignId=${demo}&branchId=${b}`),
        ),
      ),
    );
    expect(ofCompany.tasks.total).toBe(four!.tasks.total + five!.tasks.total);
    expect(ofCompany.tasks.score).toBeCloseTo(four!.tasks.score + five!.tasks.score, 2);
  });

  it('is the group committee’s: a branch secretary is refused', async () => {
    const campaigns = json<{ items: { id: number; year: number }[] }>(await committee.get('/api/campaigns'));
    const demo = campaigns.items.find((c) => c.year === 2020)!.id;
    const secretary = await t.login('zhibu1');
    expect((await secretary.get(`/api/dashboard/companies?campaignId=${demo}`)).statusCode).toBe(403);
  });

  it(
    'matches them on random campaigns, before, during and after their months',
    { timeout: 180_000 },
    async () => {
      await onRandomCampaigns(t, [5, 6], async (campaign, client) => {
        committee = client;
        await expectSameComparison(campaign);
      });
    },
  );
});
