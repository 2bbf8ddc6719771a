import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Campaign } from '../../../common/api/campaigns.js';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { profileFromCells } from '../../test/dashboards-from-cells.js';
import { onRandomCampaigns } from '../../test/sql-against-cells.js';
import { json, type TestClient } from '../../test/test-client.js';

/**
 * The branch profile groups the derived statuses in the database. These tests hold it to the
 * computation it replaced (test/dashboards-from-cells.ts): on the demo year (every branch, at
 * several dates) and on random campaigns before, during and after their months.
 */

let t: TestApp;
let committee: TestClient;

async function expectSameProfiles(campaign: Campaign) {
  const names = json<{ branches: { id: number; name: string }[] }>(await committee.get('/api/org/structure'));
  for (const branchId of campaign.branchIds) {
    const res = await committee.get(`/api/dashboard/branches/${branchId}?campaignId=${campaign.id}`);
    expect(res.statusCode, res.body).toBe(200);
    const name = names.branches.find((b) => b.id === branchId)!.name;
    expect(json(res), `branch ${branchId}`).toEqual(await profileFromCells(t, campaign, branchId, name));
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

describe('the branch profile grouped in the database', () => {
  it('matches the in-service computation on the demo year, for every branch, before, during and after it', async () => {
    for (const now of [
      '2020-06-03T09:00:00+08:00',
      '2020-12-10T09:00:00+08:00',
      '2021-02-01T09:00:00+08:00',
    ]) {
      await setNow(now);
      const campaigns = json<{ items: { id: number; year: number }[] }>(
        await committee.get('/api/campaigns'),
      );
      await expectSameProfiles(await campaignOf(campaigns.items.find((c) => c.year === 2020)!.id));
    }
  });

  // Three campaigns at three dates each, every branch: a minute or two on a busy machine.
  it(
    'matches it on random campaigns, before, during and after their months',
    { timeout: 180_000 },
    async () => {
      await onRandomCampaigns(t, [1, 2, 3], async (campaign, client) => {
        committee = client;
        await expectSameProfiles(campaign);
      });
    },
  );
});
