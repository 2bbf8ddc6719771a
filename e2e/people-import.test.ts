/**
 * Browser test of the member import (导入党员) on a 390 px phone: the administrator opens the
 * people tab, downloads the template, uploads a file with mistakes and sees each one by row and
 * column, then uploads a corrected file and sees what was created. Screenshots go to test-results/.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { ADMIN_PASSWORD, startTestServer } from '../src/server/test/harness.js';
import { importFile } from '../src/server/test/xlsx-fixtures.js';
import {
  announceSkip,
  ensureWebBuilt,
  haveChromium,
  launchChromium,
  resultsDir,
  webDir,
  screenshot,
} from './support.js';

announceSkip('e2e/people-import');

const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe.skipIf(!haveChromium)('member import in a browser', { timeout: 120_000 }, () => {
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

  it('reports every mistake by row and column, then imports the corrected file', async () => {
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      locale: 'zh-CN',
      acceptDownloads: true,
    });
    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    await page.getByLabel('用户名', { exact: true }).fill('admin');
    await page.getByLabel('密码', { exact: true }).fill(ADMIN_PASSWORD);
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.getByRole('tab', { name: '人员' }).click();
    await page.getByRole('button', { name: '导入党员' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('第一步').waitFor();

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      dialog.getByRole('button', { name: '下载导入模板' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('党员信息导入模板.xlsx');

    const wrong = await importFile([
      ['HY80001', '赵一', '男', '机关第一党支部', '', '', '正式党员'],
      ['HY80002', '', '女', '机关第一党支部', '', '', '正式党员'],
      ['HY80003', '钱二', '男', '机关第九党支部', '', '', '预备党员'],
      ['HY80004', '孙三', '男', '机关第二党支部', '', '', '党员'],
    ]);
    await dialog
      .locator('input[type=file]')
      .setInputFiles({ name: '党员信息.xlsx', mimeType: xlsx, buffer: wrong });
    await dialog.getByText('文件中有 3 处错误,未导入任何数据', { exact: false }).waitFor();
    const rows = dialog.locator('.ant-table-tbody tr.ant-table-row');
    expect(await rows.count()).toBe(3);
    expect(await rows.nth(0).innerText()).toContain('姓名');
    expect(await rows.nth(1).innerText()).toContain('党支部');
    expect(await rows.nth(2).innerText()).toContain('政治面貌');
    const [scrollWidth, clientWidth] = await page.evaluate(() => [
      document.documentElement.scrollWidth,
      document.documentElement.clientWidth,
    ]);
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
    await screenshot(page, path.join(resultsDir, 'people-import-errors-phone.png'), { fullPage: true });

    const right = await importFile([
      ['HY80001', '赵一', '男', '机关第一党支部', '', '', '正式党员'],
      ['HY80002', '周二', '女', '机关第一党支部', '', '', '正式党员'],
    ]);
    await dialog
      .locator('input[type=file]')
      .setInputFiles({ name: '党员信息.xlsx', mimeType: xlsx, buffer: right });
    await dialog.getByText('导入完成:新增 2 人,更新 0 人,无变化 0 人').waitFor();
    await screenshot(page, path.join(resultsDir, 'people-import-done-phone.png'), { fullPage: true });
    await context.close();
  });
});
