import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Campaign } from '../../../common/api/campaigns.js';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { indicatorTasksFromCells } from '../../test/dashboards-from-cells.js';
import { onRandomCampaigns } from '../../test/sql-against-cells.js';
import { json, type TestClient } from '../../test/test-client.js';

/**
 * The indicators' task figures and their month-by-month trend are summed in the database. These
 * tests hold them to the computation they replaced (test/dashboards-from-cells.ts) on random
 * campaigns before, during and after their months: every branch together, one branch, and a
 * range of months.
 */

let t: TestApp;

async function expectSameIndicators(campaign: Campaign, committee: TestClient) {
  const month = (m: number) => `${campaign.year}-${String(m).padStart(2, '0')}`;
  const asks: { branchId?: number; from?: string; to?: string }[] = [
    {},
    { branchId: campaign.branchIds[0] },
    { from: month(campaign.months[1] ?? campaign.months[0]!), to: month(campaign.months.at(-1)!) },
  ];
  for (const ask of asks) {
    const query = Object.entries(ask)
      .map(([k, v]) => `&${k}=${v}`)
      .join('');
    const res = await committee.get(`/api/dashboard/indicators?campaignId=${campaign.id}${query}`);
    expect(res.statusCode, res.body).toBe(200);
    const { tasks, trend } = json<{ tasks: unknown; trend: unknown }>(res);
    const expected = await indicatorTasksFromCells(t, campaign, ask.branchId ? [ask.branchId] : 'all', ask);
    expect({ tasks, trend }, JSON.stringify(ask)).toEqual(expected);
  }
}

beforeAll(async () => {
  t = await createTestApp();
}, 300_000);
afterAll(async () => t.close());

describe('the indicators summed in the database', () => {
  // Three campaigns at three dates each: a minute or two on a busy machine.
  it(
    'match the in-service computation on random campaigns, before, during and after their months',
    { timeout: 180_000 },
    async () => {
      await onRandomCampaigns(t, [1, 2, 3], expectSameIndicators);
    },
  );
});
