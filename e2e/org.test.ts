/**
 * Browser test of the organisation page: the administrator logs in through the real login page
 * and sees the demo branches and people, on a desktop and on a 390 px phone. Screenshots go to
 * test-results/ for a human to look at. Needs Chromium (Debian's /usr/bin/chromium, or
 * CHROMIUM_PATH); without it the suite is skipped with a message, never failed.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ADMIN_PASSWORD, startTestServer } from '../src/server/test/harness.js';
import { demoBranches, demoPeople } from '../src/server/modules/setup/demo-organisation.js';
import {
  announceSkip,
  chooseOption,
  ensureWebBuilt,
  haveChromium,
  launchChromium,
  resultsDir,
  webDir,
  screenshot,
} from './support.js';

announceSkip('e2e/org');

describe.skipIf(!haveChromium)('organisation page in a browser', { timeout: 120_000 }, () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;

  beforeAll(async () => {
    ensureWebBuilt();
    server = await startTestServer({ webDir });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function loginAsAdmin(viewport: { width: number; height: number }): Promise<Page> {
    const context = await browser.newContext({ viewport, locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    // Signed out, any address leads to the login page.
    await page.getByLabel('用户名', { exact: true }).fill('admin');
    await page.getByLabel('密码', { exact: true }).fill(ADMIN_PASSWORD);
    await page.getByRole('button', { name: /登\s*录/ }).click();
    // For now home is the organisation page.
    await page.getByRole('tab', { name: '支部' }).waitFor();
    return page;
  }

  it('shows the demo branches and their people on a desktop', async () => {
    const page = await loginAsAdmin({ width: 1366, height: 800 });
    expect(new URL(page.url()).pathname).toBe('/org');

    const branchesCard = page.locator('.ant-card-type-inner', {
      has: page.locator('.ant-card-head-title', { hasText: /^党支部$/ }),
    });
    for (const branch of demoBranches) {
      await branchesCard.getByText(branch.name, { exact: true }).waitFor();
    }
    const branchRows = branchesCard.locator('.ant-table-tbody tr.ant-table-row');
    expect(await branchRows.count()).toBe(demoBranches.length);

    await page.getByRole('tab', { name: '人员' }).click();
    const people = demoPeople();
    const firstPerson = people[0]!;
    await page.getByRole('cell', { name: firstPerson.name, exact: true }).waitFor();
    await page.getByText(`共 ${people.length} 条`).waitFor();
    const rows = page.getByRole('tabpanel').locator('.ant-table-tbody tr.ant-table-row');
    expect(await rows.count()).toBeGreaterThan(0);
    const firstRow = rows.filter({ hasText: firstPerson.name });
    await expect(firstRow.textContent()).resolves.toContain(firstPerson.employeeNo);
    await expect(firstRow.textContent()).resolves.toContain(demoBranches[0]!.name);

    await screenshot(page, path.join(resultsDir, 'org-desktop.png'), { fullPage: true });
    await page.context().close();
  });

  it('fits a 390 px phone: menu in a drawer, the table scrolls inside its card', async () => {
    const page = await loginAsAdmin({ width: 390, height: 844 });
    await page.getByRole('tab', { name: '人员' }).click();
    await page.getByRole('cell', { name: demoPeople()[0]!.name, exact: true }).waitFor();

    const [scrollWidth, clientWidth] = await page.evaluate(() => [
      document.documentElement.scrollWidth,
      document.documentElement.clientWidth,
    ]);
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
    await screenshot(page, path.join(resultsDir, 'org-phone.png'), { fullPage: true });

    // No sider on a phone; the menu button opens the navigation.
    await page.getByRole('button', { name: '菜单' }).click();
    await page.getByRole('menuitem', { name: '账号管理' }).waitFor();
    await page.context().close();
  });

  it('adds a second company, a branch that names it, and a campaign that takes it whole', async () => {
    const page = await loginAsAdmin({ width: 1366, height: 800 });
    await page.getByRole('tab', { name: '公司' }).click();
    await page.getByText('本系统目前只服务一个公司').waitFor();
    await page.getByRole('button', { name: '新增公司' }).click();
    const companyForm = page.getByRole('dialog', { name: '新增公司' });
    await companyForm.getByLabel('公司名称').fill('第二工程公司');
    await companyForm.getByRole('button', { name: /保\s*存/ }).click();
    await companyForm.waitFor({ state: 'detached' });
    await page.getByRole('cell', { name: '第二工程公司', exact: true }).waitFor();

    await page.getByRole('tab', { name: '支部' }).click();
    await page.getByRole('columnheader', { name: '所属公司' }).waitFor();
    await page.getByRole('button', { name: '新增支部' }).click();
    const branchForm = page.getByRole('dialog', { name: '新增支部' });
    await chooseOption(page, branchForm.getByLabel('所属公司'), '第二工程公司');
    await branchForm.getByLabel('支部名称').fill('二公司第一党支部');
    await branchForm.getByRole('button', { name: /保\s*存/ }).click();
    await branchForm.waitFor({ state: 'detached' });
    const row = page.getByRole('row', { name: /二公司第一党支部/ });
    await expect(row.textContent()).resolves.toContain('第二工程公司');
    await screenshot(page, path.join(resultsDir, 'org-companies.png'), { fullPage: true });

    // A new campaign takes whole companies (by default every active branch): a company's box
    // takes its branches out and puts them back.
    await page.goto(`${server.url}/campaigns`);
    await page.getByRole('button', { name: '新建活动' }).click();
    const drawer = page.getByRole('dialog', { name: '新建活动' });
    const second = drawer.locator('.ant-collapse-item', { hasText: '第二工程公司' });
    await second.getByText('(已选 1/1 个支部)').waitFor();
    await second.getByRole('checkbox').first().uncheck();
    await second.getByText('(已选 0/1 个支部)').waitFor();
    await second.getByRole('checkbox').first().check();
    await second.getByText('(已选 1/1 个支部)').waitFor();
    await screenshot(page, path.join(resultsDir, 'campaign-companies.png'));
    await page.keyboard.press('Escape');

    // The second company gets its own organ committee: a committee role that names the company.
    await page.goto(`${server.url}/users`);
    await page.getByRole('button', { name: '新增账号' }).click();
    const userForm = page.getByRole('dialog', { name: '新增账号' });
    await userForm.getByLabel('用户名').fill('ergongsi');
    await userForm.getByLabel('姓名').fill('二公司机关党委');
    await userForm.getByLabel('初始密码').fill('Ergongsi@2026');
    await chooseOption(page, userForm.getByLabel('角色', { exact: true }), '机关党委');
    await chooseOption(page, userForm.getByLabel('所属公司'), '第二工程公司');
    await screenshot(page, path.join(resultsDir, 'user-company-committee.png'));
    await userForm.getByRole('button', { name: /保\s*存/ }).click();
    await userForm.waitFor({ state: 'detached' });
    await page.getByText('机关党委 · 第二工程公司').waitFor();
    await page.context().close();
  });
});
