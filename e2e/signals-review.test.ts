import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startTestServer } from '../src/server/test/harness.js';
import { startCampaign, submittedMonth } from '../src/server/test/fixtures.js';
import {
  announceSkip,
  ensureWebBuilt,
  haveChromium,
  launchChromium,
  resultsDir,
  signIn,
  webDir,
} from './support.js';

announceSkip('e2e/signals-review');
const NOW = new Date('2026-04-20T10:00:00+08:00');

describe.skipIf(!haveChromium)('the review screen of a flagged record', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  let flagged: number;
  beforeAll(async () => {
    ensureWebBuilt();
    server = await startTestServer({ webDir });
    const app = server.testApp;
    app.clock.set(NOW);
    const campaignId = (await startCampaign(await app.login('jiguan'))).id;
    await submittedMonth((u) => app.login(u), await app.login('zhibu1'), campaignId, 1, '2026-04-16');
    // Branch 2 hands in the same photo and the same minutes: its study is flagged.
    const ids = await submittedMonth(
      (u) => app.login(u),
      await app.login('zhibu2'),
      campaignId,
      2,
      '2026-04-16',
    );
    flagged = ids[0]!;
    browser = await launchChromium();
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows the signals with their evidence beside the record, and marks one', async () => {
    const steps: string[] = [];
    for (const viewport of [
      { width: 1366, height: 900 },
      { width: 390, height: 844 },
    ]) {
      const context = await browser.newContext({ viewport, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
      const page = await context.newPage();
      await signIn(page, server.url, 'jiguan');
      await page.goto(`${server.url}/review/${flagged}`);
      await page.getByText('核查提示').first().waitFor();
      await page.getByText('照片雷同').first().waitFor();
      await page.screenshot({
        path: path.join(resultsDir, `signals-review-${viewport.width}.png`),
        fullPage: false,
      });
      if (viewport.width > 400) {
        steps.push('fill note');
        await page.getByPlaceholder('核实情况(标记已核实时必填)').first().fill('两支部联合开展');
        steps.push('click 已核实');
        await page.getByRole('button', { name: '已核实' }).first().click();
        await page.getByText('已核实', { exact: true }).first().waitFor();
      }
      await context.close();
    }
    console.log(`marking one signal: ${steps.length} interactions`);
    expect(steps.length).toBe(2);
  });
});
