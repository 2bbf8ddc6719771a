import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { citableFigures, type RecordEffect, type ReviewContext } from '../src/common/api/fusion.js';
import type { RecordDetail } from '../src/common/api/records.js';
import type { Browser } from 'playwright-core';
import { startTestServer } from '../src/server/test/harness.js';
import {
  announceSkip,
  ensureWebBuilt,
  expectNoSideScroll,
  haveChromium,
  launchChromium,
  resultsDir,
  screenshot,
  signIn,
  webDir,
} from './support.js';

announceSkip('e2e/fusion');

describe.skipIf(!haveChromium)('融合成效 on the demo year', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  beforeAll(async () => {
    ensureWebBuilt();
    server = await startTestServer({ webDir, demoActivity: true });
    browser = await launchChromium();
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows the committee every branch and a branch its own, from the menu, on a desk and a phone', async () => {
    for (const [user, viewport] of [
      ['jiguan', { width: 1366, height: 900 }],
      ['jiguan', { width: 390, height: 844 }],
      ['zhibu1', { width: 390, height: 844 }],
    ] as const) {
      const context = await browser.newContext({ viewport, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
      const page = await context.newPage();
      await signIn(page, server.url, user);
      await page.goto(`${server.url}/fusion`);
      await page.getByText('指标改进合计').first().waitFor();
      await page.getByText('审批环节').first().waitFor();
      await page.getByText('达到目标的修订').first().waitFor();
      if (user === 'zhibu1') await page.getByText('以下为本支部的成效').waitFor();
      else await page.getByText('各支部').first().waitFor();
      if (viewport.width === 390) await expectNoSideScroll(page);
      await screenshot(page, path.join(resultsDir, `fusion-${user}-${viewport.width}.png`), {
        fullPage: true,
      });
      await context.close();
    }
  }, 180_000);

  it('shows a reviewer a revision’s effect beside the branch’s three months before, on a phone', async () => {
    const committee = await server.testApp.login('jiguan');
    const revisions = committee
      .get('/api/revisions')
      .then(
        (r) => r.json() as { items: { recordId: number; branchId: number; publishedOn: string | null }[] },
      );
    const june = (await revisions).items.find(
      (r) => r.branchId === 1 && r.publishedOn?.startsWith('2020-06'),
    )!;
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
    });
    const page = await context.newPage();
    await signIn(page, server.url, 'jiguan');
    await page.goto(`${server.url}/review/${june.recordId}`);
    await page.getByText('成效与近三个月同类动作').waitFor();
    await page.getByText('2020-05').first().waitFor();
    await expectNoSideScroll(page);
    await screenshot(page, path.join(resultsDir, 'fusion-review-390.png'), { fullPage: true });
    await context.close();
  }, 120_000);

  it('lets the committee grade a record citing its effect, and shows the basis in the review history', async () => {
    const committee = await server.testApp.login('jiguan');
    const waiting = (await committee.get('/api/records?status=submitted&limit=200')).json() as {
      items: { id: number }[];
    };
    let target: { id: number; effect: RecordEffect } | undefined;
    for (const r of waiting.items) {
      const ctx = (await committee.get(`/api/fusion/records/${r.id}/review-context`)).json() as ReviewContext;
      if (citableFigures(ctx.effect).length) {
        target = { id: r.id, effect: ctx.effect };
        break;
      }
    }
    expect(target).toBeDefined();
    const figure = citableFigures(target!.effect)[0]!;

    const context = await browser.newContext({
      viewport: { width: 1366, height: 900 },
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
    });
    const page = await context.newPage();
    await signIn(page, server.url, 'jiguan');
    await page.goto(`${server.url}/review/${target!.id}`);
    await page.getByText('成效与近三个月同类动作').waitFor();
    const fields = page.getByTestId('grade-fields');
    await fields.getByText('优', { exact: true }).click();
    await fields.locator('.ant-checkbox-wrapper').first().click();
    await fields.getByPlaceholder('依据说明(选填,200字以内)').fill('成效达到目标');
    await screenshot(page, path.join(resultsDir, 'fusion-grade-1366.png'), { fullPage: true });
    await page.getByRole('button', { name: /^通\s*过$/ }).click();
    await page.waitForURL(/\/review$/);

    const saved = (await committee.get(`/api/records/${target!.id}`)).json() as RecordDetail;
    expect(saved.quality).toBe('excellent');
    expect(saved.reviews.at(-1)?.gradeBasis).toMatchObject({ figures: [figure], note: '成效达到目标' });

    // The approved record's own view shows the grade and what it rested on, on a desk and a phone.
    for (const width of [1366, 390]) {
      await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
      await page.goto(`${server.url}/review/${target!.id}`);
      const grade = page.getByTestId('review-grade');
      await grade.getByText('评定:优').waitFor();
      await grade.getByText('成效达到目标').waitFor();
      await grade.getByText('评定依据').waitFor();
      if (width === 390) await expectNoSideScroll(page);
      await screenshot(page, path.join(resultsDir, `fusion-graded-${width}.png`), { fullPage: true });
    }

    // The dashboard opens the same record in its drawer, with the grade and its basis.
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.goto(`${server.url}/dashboard`);
    const matrix = page.locator('.ant-card', { has: page.getByText('完成情况矩阵', { exact: true }) });
    await matrix.getByText('表格', { exact: true }).click();
    const [year, month] = saved.periodKey!.split('-');
    const cell = new RegExp(`^${saved.branchName} ${year}年${Number(month)}月`);
    await matrix.getByRole('button', { name: cell }).click();
    await page.getByRole('dialog').last().getByRole('button', { name: saved.title, exact: true }).click();
    const drawerGrade = page.getByRole('dialog').last().getByTestId('review-grade');
    await drawerGrade.getByText('评定:优').waitFor();
    await drawerGrade.getByText('评定依据').waitFor();
    await drawerGrade.getByText('成效达到目标').waitFor();
    await screenshot(page, path.join(resultsDir, 'fusion-graded-drawer.png'));
    await context.close();
  }, 180_000);
});
