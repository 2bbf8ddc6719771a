/**
 * Browser test of the benchmarking dashboard (对标看板) on the 2020 demo year: the committee sees
 * the matrix of five branches × March–December, opens a cell from the heatmap and from its table
 * view and finds that cell's records, and opens a branch profile; a branch secretary sees own
 * branch only; a leader has no dashboard. Screenshots at 1366 px and 390 px go to test-results/.
 */
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD, startTestServer } from '../src/server/test/harness.js';
import { demoBranches } from '../src/server/modules/setup/demo-organisation.js';
import type { cellSchema, matrixSchema } from '../src/common/api/dashboard.js';
import type { z } from 'zod';
import { matrixCellCentre } from '../src/web/features/dashboard/matrixLayout.js';
import {
  announceSkip,
  ensureWebBuilt,
  haveChromium,
  launchChromium,
  resultsDir,
  signIn,
  webDir,
  screenshot,
} from './support.js';

announceSkip('e2e/dashboard');

type Matrix = z.infer<typeof matrixSchema>;
type Cell = z.infer<typeof cellSchema>;
const months = ['3月', '4月', '5月', '6月', '7月', '8月', '9月', '10月', '11月', '12月'];
const branchNames = demoBranches.map((b) => b.name);
const desktop = { width: 1366, height: 900 };
const phone = { width: 390, height: 844 };

/** The matrix's card: its 图表/表格 switch is one of several now that every chart has a table. */
const matrixCardOf = (page: Page) =>
  page.locator('.ant-card', { has: page.getByText('完成情况矩阵', { exact: true }) });

// Browsers on a busy machine are slow; what is asserted is what users see, never how fast.
describe.skipIf(!haveChromium)('benchmarking dashboard in a browser', { timeout: 120_000 }, () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  let matrix: Matrix;
  /** What the server says a cell holds, to compare with what the drawer shows. */
  let cellOf: (branchId: number, periodKey: string) => Promise<Cell>;

  beforeAll(async () => {
    ensureWebBuilt();
    server = await startTestServer({ webDir, demoActivity: true });
    browser = await launchChromium();
    const api = await server.testApp.login('jiguan', DEMO_PASSWORD);
    const campaigns = (await api.get('/api/campaigns')).json() as { items: { id: number }[] };
    const campaignId = campaigns.items[0]!.id;
    matrix = (await api.get(`/api/dashboard/matrix?campaignId=${campaignId}`)).json() as Matrix;
    cellOf = async (branchId, periodKey) =>
      (
        await api.get(
          `/api/dashboard/cell?campaignId=${campaignId}&branchId=${branchId}&periodKey=${periodKey}`,
        )
      ).json() as Cell;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function login(username: string, viewport: { width: number; height: number }): Promise<Page> {
    const context = await browser.newContext({ viewport, locale: 'zh-CN' });
    const page = await context.newPage();
    await signIn(page, server.url, username);
    return page;
  }

  async function openDashboard(page: Page): Promise<void> {
    await page.goto(`${server.url}/dashboard`);
    await page.getByTestId('matrix-chart').locator('canvas').first().waitFor();
    await page.getByText('完成情况矩阵', { exact: true }).waitFor();
  }

  const drawer = (page: Page) => page.getByRole('dialog').last();

  async function expectDrawerLists(page: Page, cell: Cell): Promise<void> {
    const d = drawer(page);
    await d.getByText(`得分 ${cell.score.score} / 标准 ${cell.score.max}`).waitFor();
    const titles = [...cell.tasks.flatMap((x) => x.records), ...cell.optionalRecords].map((r) => r.title);
    expect(titles.length).toBeGreaterThan(0);
    for (const title of titles) await d.getByRole('button', { name: title, exact: true }).waitFor();
    for (const line of cell.score.lines) await d.getByText(line.rule, { exact: true }).waitFor();
  }

  async function noPageScrollX(page: Page): Promise<void> {
    const [scrollWidth, clientWidth] = await page.evaluate(() => [
      document.documentElement.scrollWidth,
      document.documentElement.clientWidth,
    ]);
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
  }

  it('shows the committee every branch and month; a heatmap cell opens its records and score', async () => {
    expect(matrix.branches.map((b) => b.name)).toEqual(branchNames);
    const page = await login('jiguan', desktop);
    await page.getByRole('menuitem', { name: '对标看板' }).click();
    await page.getByTestId('matrix-chart').locator('canvas').first().waitFor();
    await page.getByText('得分与排名', { exact: true }).waitFor();
    // Ranks: the committee compares branches.
    const ranking = page.locator('.ant-card', { has: page.getByText('得分与排名', { exact: true }) });
    for (const name of branchNames) await ranking.getByRole('link', { name, exact: true }).waitFor();
    await ranking.getByRole('columnheader', { name: '排名' }).waitFor();
    await screenshot(page, path.join(resultsDir, 'dashboard-desktop.png'), { fullPage: true });

    // 保存图片: the matrix comes down as a PNG named after the campaign and the chart.
    const matrixCard = page.locator('.ant-card', { has: page.getByText('完成情况矩阵', { exact: true }) });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      matrixCard.getByRole('button', { name: '保存图片' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`${matrix.campaign.name}-完成情况矩阵.png`);

    // A cell of the heatmap: the fourth branch in May 2020, with missing and late items.
    const row = 3;
    const col = 2;
    const branch = matrix.branches[row]!;
    const periodKey = matrix.periods[col]!;
    const chart = page.getByTestId('matrix-chart');
    const box = (await chart.boundingBox())!;
    const at = matrixCellCentre(box.width, matrix.periods.length, row, col);
    await chart.click({ position: at });
    await drawer(page).getByText(`${branch.name} · 2020年5月`).waitFor();
    await expectDrawerLists(page, await cellOf(branch.id, periodKey));
    await drawer(page).getByText('尚未填报记录').first().waitFor();
    await screenshot(page, path.join(resultsDir, 'dashboard-drawer-desktop.png'));

    // A record opens from the drawer.
    const first = (await cellOf(branch.id, periodKey)).tasks.find((x) => x.records.length)!.records[0]!;
    await drawer(page).getByRole('button', { name: first.title, exact: true }).click();
    await drawer(page).getByText('计入月份').waitFor();
    await drawer(page).getByText('质量评定与亮点').waitFor();
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await page.context().close();
  });

  it('offers the matrix as a table of buttons; branch names lead to the branch profile', async () => {
    const page = await login('jiguan', desktop);
    await openDashboard(page);
    await matrixCardOf(page).getByText('表格', { exact: true }).click();
    const table = page.locator('.ant-card', { has: page.getByText('完成情况矩阵', { exact: true }) });
    for (const name of branchNames) await table.getByRole('link', { name, exact: true }).waitFor();
    for (const month of months) await table.getByRole('columnheader', { name: month, exact: true }).waitFor();
    expect(await table.locator('.dashboard-cell-button').count()).toBe(branchNames.length * months.length);

    // December: the second branch has a returned record and a missing one.
    const second = matrix.branches[1]!;
    await table.getByRole('button', { name: new RegExp(`^${second.name} 2020年12月`) }).click();
    await drawer(page).getByText(`${second.name} · 2020年12月`).waitFor();
    await expectDrawerLists(page, await cellOf(second.id, '2020-12'));
    await drawer(page).getByText('已退回').first().waitFor();
    await page.keyboard.press('Escape');

    // March: a rule revision submitted after its due date is marked 补报.
    await table.getByRole('button', { name: new RegExp(`^${second.name} 2020年3月`) }).click();
    const march = await cellOf(second.id, '2020-03');
    await expectDrawerLists(page, march);
    const late = march.tasks.flatMap((x) => x.records).filter((r) => r.submittedLate);
    expect(late.length).toBeGreaterThan(0);
    for (const r of late) {
      const line = drawer(page).locator('.dashboard-record', {
        has: page.getByRole('button', { name: r.title, exact: true }),
      });
      await line.getByText('补报', { exact: true }).waitFor();
    }
    await drawer(page).getByText('补报完成').first().waitFor();
    await page.keyboard.press('Escape');

    const fourth = matrix.branches[3]!;
    await table.getByRole('link', { name: fourth.name, exact: true }).click();
    await page.getByText(`${fourth.name} · 支部画像`).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/dashboard/branches/${fourth.id}`);
    await page.getByText('月度完成率:本支部与其他支部平均').waitFor();
    await page.getByRole('list', { name: '差距' }).waitFor();
    await page.getByRole('columnheader', { name: '其他支部平均' }).waitFor();
    await screenshot(page, path.join(resultsDir, 'dashboard-profile-desktop.png'), { fullPage: true });
    await page.context().close();
  });

  it('fits a 390 px phone: the matrix scrolls inside its card, drawer and profile fill the screen', async () => {
    const page = await login('jiguan', phone);
    await openDashboard(page);
    await noPageScrollX(page);
    const scroller = page.locator('.dashboard-scroll-x').first();
    const [inner, outer] = await scroller.evaluate((el) => [el.scrollWidth, el.clientWidth]);
    expect(inner).toBeGreaterThan(outer);
    await page.getByText('待审核/未到期').waitFor();
    await screenshot(page, path.join(resultsDir, 'dashboard-phone.png'), { fullPage: true });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '保存图片' }).first().click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.png$/);

    await matrixCardOf(page).getByText('表格', { exact: true }).click();
    const first = matrix.branches[0]!;
    await page.getByRole('button', { name: new RegExp(`^${first.name} 2020年3月`) }).click();
    await expectDrawerLists(page, await cellOf(first.id, '2020-03'));
    await screenshot(page, path.join(resultsDir, 'dashboard-drawer-phone.png'));
    await page.keyboard.press('Escape');

    await page.goto(`${server.url}/dashboard/branches/${matrix.branches[3]!.id}`);
    await page.getByText(`${matrix.branches[3]!.name} · 支部画像`).waitFor();
    await page.getByText('各项动作完成率对比').waitFor();
    await noPageScrollX(page);
    await screenshot(page, path.join(resultsDir, 'dashboard-profile-phone.png'), { fullPage: true });
    await page.context().close();
  });

  it('narrows the matrix by branch name from a link, on a phone too; clearing the search brings all back', async () => {
    const third = branchNames[2]!;
    const page = await login('jiguan', phone);
    // Five branches need no search box; a link with a search shows it, filled in.
    await page.goto(`${server.url}/dashboard?q=${encodeURIComponent('第三')}`);
    const search = page.getByRole('searchbox', { name: '搜索支部名称' });
    await search.waitFor();
    expect(await search.inputValue()).toBe('第三');
    await page.getByText('第 1–1 个,共 1 个支部').waitFor();
    await noPageScrollX(page);
    await screenshot(page, path.join(resultsDir, 'dashboard-search-phone.png'), { fullPage: true });
    await matrixCardOf(page).getByText('表格', { exact: true }).click();
    const card = page.locator('.ant-card', { has: page.getByText('完成情况矩阵', { exact: true }) });
    await card.getByRole('link', { name: third, exact: true }).waitFor();
    expect(await card.getByRole('link').count()).toBe(1);

    await search.fill('');
    for (const name of branchNames) await card.getByRole('link', { name, exact: true }).waitFor();
    expect(new URL(page.url()).searchParams.get('q')).toBeNull();
    await page.context().close();
  });

  it('shows a branch secretary own branch only, against the standard', async () => {
    const page = await login('zhibu1', desktop);
    await openDashboard(page);
    await page.getByText('本活动未开放支部间比较', { exact: false }).first().waitFor();
    const ranking = page.locator('.ant-card', { has: page.getByText('本支部得分', { exact: true }) });
    await ranking.getByRole('link', { name: branchNames[0]!, exact: true }).waitFor();
    expect(await ranking.getByRole('columnheader', { name: '排名' }).count()).toBe(0);
    await matrixCardOf(page).getByText('表格', { exact: true }).click();
    const table = page.locator('.ant-card', { has: page.getByText('完成情况矩阵', { exact: true }) });
    await table.getByRole('link', { name: branchNames[0]!, exact: true }).waitFor();
    const text = await page.locator('main, .ant-layout-content').first().innerText();
    for (const other of branchNames.slice(1)) expect(text).not.toContain(other);
    await screenshot(page, path.join(resultsDir, 'dashboard-branch-desktop.png'), { fullPage: true });
    await page.context().close();
  });

  it('has no dashboard for a leader in charge', async () => {
    const page = await login('lingdao', desktop);
    await page.getByRole('menuitem').first().waitFor();
    expect(await page.getByRole('menuitem', { name: '对标看板' }).count()).toBe(0);
    await page.context().close();
  });

  // Last: it makes the demo organisation a group of two companies.
  it('lets the group committee compare companies and open one', async () => {
    const admin = await server.testApp.login('admin');
    const second = (await admin.post('/api/org/companies', { name: '第二工程公司' })).json() as {
      id: number;
    };
    for (const id of [4, 5]) await admin.patch(`/api/org/branches/${id}`, { companyId: second.id });

    const page = await login('jiguan', desktop);
    await openDashboard(page);
    const companies = page.locator('.ant-card', { has: page.getByText('公司对标', { exact: true }) });
    await companies.getByRole('button', { name: '第二工程公司' }).waitFor();
    await companies.getByText('集团合计', { exact: true }).waitFor();
    expect(await companies.locator('.ant-table-tbody tr.ant-table-row').count()).toBe(2);
    await screenshot(page, path.join(resultsDir, 'dashboard-companies.png'), { fullPage: true });

    await companies.getByRole('button', { name: '第二工程公司' }).click();
    await page.waitForURL(/company=/);
    const ranking = page.locator('.ant-card', { has: page.getByText('得分与排名', { exact: true }) });
    for (const name of branchNames.slice(3)) await ranking.getByRole('link', { name, exact: true }).waitFor();
    await ranking.getByRole('link', { name: branchNames[0]!, exact: true }).waitFor({ state: 'detached' });
    await matrixCardOf(page).getByText('表格', { exact: true }).click();
    const rows = matrixCardOf(page).locator('.ant-table-tbody tr.ant-table-row');
    await expect.poll(() => rows.count()).toBe(2);
    await page.context().close();
  });

  it("shows a company's committee its own branches, and its company against the group unranked", async () => {
    const admin = await server.testApp.login('admin');
    const created = await admin.post('/api/users', {
      username: 'gongsi1',
      displayName: '一公司机关党委',
      initialPassword: DEMO_PASSWORD,
      grants: [{ role: 'committee', companyId: 1 }],
    });
    expect(created.statusCode, created.body).toBe(200);
    await server.testApp.database.db.execute(
      sql`update users set must_change_password = false where username = 'gongsi1'`,
    );
    const page = await login('gongsi1', desktop);
    await openDashboard(page);
    const companies = page.locator('.ant-card', { has: page.getByText('公司对标', { exact: true }) });
    await companies.getByText('集团合计', { exact: true }).waitFor();
    // Its own company only, named but not a link, with no rank column: not the others' positions.
    expect(await companies.locator('.ant-table-tbody tr.ant-table-row').count()).toBe(1);
    await companies.getByRole('columnheader', { name: '排名' }).waitFor({ state: 'detached' });
    expect(await companies.getByRole('button').count()).toBe(0);
    const ranking = page.locator('.ant-card', { has: page.getByText('得分与排名', { exact: true }) });
    for (const name of branchNames.slice(0, 3))
      await ranking.getByRole('link', { name, exact: true }).waitFor();
    await ranking.getByRole('link', { name: branchNames[3]!, exact: true }).waitFor({ state: 'detached' });
    // The group's own areas are not in its menu.
    await page.getByRole('menuitem', { name: '对标看板' }).waitFor();
    expect(await page.getByRole('menuitem', { name: '审计日志' }).count()).toBe(0);
    await screenshot(page, path.join(resultsDir, 'dashboard-company-committee.png'), { fullPage: true });
    await page.context().close();
  });
});
