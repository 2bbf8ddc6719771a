import type { Campaign } from '../../common/api/campaigns.js';
import type { TestApp } from './harness.js';
import { randomCampaign } from './random-campaign.js';
import type { TestClient } from './test-client.js';

/**
 * The loop the dashboards' SQL tests share: random campaigns drawn by seed, each checked before,
 * during and after its months (one instant just before midnight in China), by the committee
 * logged in again at each date (a session does not outlive months of simulated time).
 */
export async function onRandomCampaigns(
  t: TestApp,
  seeds: number[],
  check: (campaign: Campaign, committee: TestClient) => Promise<void>,
) {
  for (const seed of seeds) {
    t.clock.set(new Date('2026-03-02T09:00:00+08:00'));
    const campaign = await randomCampaign(t, await t.login('jiguan'), seed);
    for (const now of [
      '2026-03-20T09:00:00+08:00',
      '2026-05-06T23:30:00+08:00',
      '2026-08-01T09:00:00+08:00',
    ]) {
      t.clock.set(new Date(now));
      await check(campaign, await t.login('jiguan'));
    }
  }
}
