/**
 * Browser test of the reports page (报表台账) on the 2020 demo year: the committee downloads a
 * bulletin's draft and a meeting record, issues a quarter's bulletin and downloads it, edits the annual summary's prose with a placeholder,
 * saves it and exports it; a branch secretary sees own branch's meetings and no summary. The
 * record page offers the meeting record. Screenshots at 1366 px and 390 px go to test-results/.
 */
import path from 'node:path';
import mammoth from 'mammoth';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD, startTestServer } from '../src/server/test/harness.js';
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

announceSkip('e2e/reports');

const desktop = { width: 1366, height: 900 };
const phone = { width: 390, height: 844 };

describe.skipIf(!haveChromium)('reports page in a browser', { timeout: 180_000 }, () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  let campaignId: number;
  let studies: number;

  beforeAll(async () => {
    ensureWebBuilt();
    server = await startTestServer({ webDir, demoActivity: true });
    browser = await launchChromium();
    const api = await server.testApp.login('jiguan', DEMO_PASSWORD);
    const campaigns = (await api.get('/api/campaigns')).json() as { items: { id: number; year: number }[] };
    campaignId = campaigns.items.find((c) => c.year === 2020)!.id;
    const view = (await api.get(`/api/documents/summary?campaignId=${campaignId}`)).json() as {
      placeholders: { name: string; value: string }[];
    };
    studies = Number(view.placeholders.find((p) => p.name === '学习次数')!.value);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function login(username: string, viewport: { width: number; height: number }): Promise<Page> {
    const context = await browser.newContext({ viewport, locale: 'zh-CN', acceptDownloads: true });
    const page = await context.newPage();
    await signIn(page, server.url, username);
    return page;
  }

  async function downloadText(
    page: Page,
    click: () => Promise<void>,
  ): Promise<{ name: string; text: string }> {
    const [download] = await Promise.all([page.waitForEvent('download'), click()]);
    const file = await download.path();
    const text = (await mammoth.extractRawText({ buffer: readFileSync(file) })).value;
    return { name: download.suggestedFilename(), text };
  }

  it('committee: bulletin and meeting records of a month, then the annual summary edited and exported', async () => {
    const page = await login('jiguan', desktop);
    await page.goto(`${server.url}/reports?campaign=${campaignId}&month=2020-10`);
    await page.getByText('通报', { exact: true }).first().waitFor();
    // The live bulletin is a draft, and says so.
    const bulletin = await downloadText(page, () =>
      page.getByRole('button', { name: '草稿预览 Word' }).first().click(),
    );
    expect(bulletin.name).toBe('2020年10月对标活动通报（草稿）.docx');
    expect(bulletin.text).toContain('关于2020年10月机关党支部“五个一”对标活动开展情况的通报');
    expect(bulletin.text).toContain('草稿（未印发）');
    // Ten meetings a month: a study and a theme day per branch.
    const meetingRows = page.locator('.reports-meeting');
    await meetingRows.first().waitFor();
    expect(await meetingRows.count()).toBe(10);
    const record = await downloadText(page, () =>
      meetingRows.first().getByRole('button', { name: 'Word' }).click(),
    );
    expect(record.text).toMatch(/会议记录|主题党日活动记录/);
    await screenshot(page, path.join(resultsDir, 'reports-desktop.png'), { fullPage: true });

    // Issue the fourth quarter's bulletin, dated today: it is numbered, listed and downloadable.
    const card = page.locator('.ant-card', { hasText: '草稿按当前数据生成' });
    await card.getByRole('combobox', { name: '期间类型' }).click();
    await page.getByTitle('按季度').click();
    await card.getByText('2020年第四季度').waitFor();
    await card.getByRole('button', { name: /^印\s*发$/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('印发后系统自动编期号', { exact: false }).waitFor();
    await screenshot(page, path.join(resultsDir, 'issue-dialog-desktop.png'));
    await dialog.getByRole('button', { name: /^印\s*发$/ }).click();
    await page.getByText('已印发:2020年第1期').waitFor();
    const row = page.locator('.reports-issued').first();
    await row.getByText('2020年第1期').waitFor();
    const issued = await downloadText(page, () => row.getByRole('button', { name: 'Word' }).click());
    expect(issued.name).toBe('2020年第四季度对标活动通报（2020年第1期）.docx');
    expect(issued.text).toContain('中共华远工程有限公司机关委员会');
    expect(issued.text).not.toContain('草稿');
    // Issuing the same quarter again is allowed, and the dialog says what it would add to.
    await card.getByRole('button', { name: /^印\s*发$/ }).click();
    await page.getByRole('dialog').getByText('已印发过:2020年第1期', { exact: false }).waitFor();
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /^取\s*消$/ })
      .click();

    await page.getByRole('button', { name: '编辑年度总结' }).click();
    await page.waitForURL(/\/reports\/summary/);
    const study = page.getByRole('textbox', { name: '学习研讨 文字(可编辑)' });
    await study.waitFor();
    await study.fill('全年组织学习研讨');
    await page.locator('.summary-placeholder', { hasText: '{学习次数}' }).click();
    await study.press('End');
    await study.pressSequentially('次,其中 3 次在现场。');
    await page.getByText('“3 次”是手写的数字', { exact: false }).waitFor();
    await page.getByText(`全年组织学习研讨${studies}次`, { exact: false }).first().waitFor();
    await screenshot(page, path.join(resultsDir, 'summary-editor-desktop.png'), { fullPage: true });
    await page
      .getByRole('button', { name: '保 存' })
      .or(page.getByRole('button', { name: '保存' }))
      .click();
    await page.getByText('第 1 版', { exact: false }).waitFor();
    const summary = await downloadText(page, () =>
      page.getByRole('button', { name: '年度总结 Word' }).click(),
    );
    expect(summary.text).toContain(`全年组织学习研讨${studies}次`);
    await page.context().close();
  });

  it('committee on a phone: the reports page with its issued list, and the issue dialog, fit 390 px', async () => {
    const page = await login('jiguan', phone);
    await page.goto(`${server.url}/reports?campaign=${campaignId}&month=2020-10`);
    await page.locator('.reports-issued').first().waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);
    await page
      .getByRole('button', { name: /^印\s*发$/ })
      .first()
      .click();
    await page.getByRole('dialog').getByText('印发日期').first().waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);
    await screenshot(page, path.join(resultsDir, 'issue-dialog-phone.png'));
    await page.context().close();
  });

  it('committee on a phone: the summary editor fits 390 px', async () => {
    const page = await login('jiguan', phone);
    await page.goto(`${server.url}/reports/summary?campaign=${campaignId}`);
    await page.getByText('可用占位符').waitFor();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(phone.width);
    await screenshot(page, path.join(resultsDir, 'summary-editor-phone.png'), { fullPage: true });
    await page.context().close();
  });

  it('committee: picks the summary’s examples, and the draft cites only those', async () => {
    const page = await login('jiguan', desktop);
    await page.goto(`${server.url}/reports?campaign=${campaignId}&month=2020-10`);
    const card = page.locator('.ant-card', { hasText: '总结中引用的事例' });
    const boxes = card.locator('.reports-examples .ant-checkbox-wrapper');
    await boxes.first().waitFor();
    const total = await boxes.count();
    expect(total).toBeGreaterThan(2);
    // By default every highlight and case is ticked; keep the first two only.
    await card.getByText(`已选 ${total} / ${total} 项`).waitFor();
    for (let i = 2; i < total; i++) await boxes.nth(i).click();
    await card.getByText(`已选 2 / ${total} 项`).waitFor();
    await page.screenshot({ path: path.join(resultsDir, 'summary-examples-desktop.png'), fullPage: true });
    const summary = await downloadText(page, () =>
      card.getByRole('button', { name: '草稿预览 Word' }).click(),
    );
    const api = await server.testApp.login('jiguan', DEMO_PASSWORD);
    const view = (await api.get(`/api/documents/summary?campaignId=${campaignId}`)).json() as {
      examples: { id: number; title: string; chosen: boolean }[];
    };
    // Saved before the download: the two ticked, and the file cites them and nothing else.
    expect(view.examples.filter((e) => e.chosen)).toHaveLength(2);
    for (const e of view.examples.filter((x) => x.chosen)) expect(summary.text).toContain(e.title);
    const cited = summary.text.match(/典型事例有[:：][^。]*。/g) ?? [];
    // One sentence per kind of action, its examples joined by “、”.
    expect(cited.reduce((n, c) => n + c.split('、').length, 0)).toBe(2);
    await page.context().close();

    const phonePage = await login('jiguan', phone);
    await phonePage.goto(`${server.url}/reports?campaign=${campaignId}&month=2020-10`);
    await phonePage.getByText(`已选 2 / ${total} 项`).waitFor();
    expect(await phonePage.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      phone.width,
    );
    await phonePage
      .locator('.ant-card', { hasText: '总结中引用的事例' })
      .screenshot({ path: path.join(resultsDir, 'summary-examples-phone.png') });
    await phonePage.context().close();
  });

  it('branch secretary: the month’s meeting record book, contents first, approved meetings in date order', async () => {
    const page = await login('zhibu1', phone);
    await page.goto(`${server.url}/reports?campaign=${campaignId}&month=2020-10`);
    const rows = page.locator('.reports-meeting');
    await rows.first().waitFor();
    const book = await downloadText(page, () =>
      page.getByRole('button', { name: '导出本月会议记录 Word' }).click(),
    );
    expect(book.name).toBe('机关第一党支部会议记录本（2020年10月）.docx');
    expect(book.text).toContain('目录');
    // Every approved meeting of the month listed on the page is in the book, the earlier one first.
    const approved = (await rows.allInnerTexts()).filter((t) => t.includes('已通过'));
    expect(approved.length).toBeGreaterThan(0);
    const dates = approved.map((t) => t.match(/\d{4}-\d{2}-\d{2}/)![0]).sort();
    const at = dates.map((d) => {
      const [, m, day] = d.split('-').map(Number);
      return book.text.indexOf(`2020年${m}月${day}日`);
    });
    for (const i of at) expect(i).toBeGreaterThan(0);
    expect(at).toEqual([...at].sort((a, b) => a - b));
    // The branch's month page offers the same book.
    await page.goto(`${server.url}/workbench?campaignId=${campaignId}&branchId=1&periodKey=2020-10`);
    const fromMonth = await downloadText(page, () =>
      page.getByRole('button', { name: '导出本月会议记录 Word' }).click(),
    );
    expect(fromMonth.name).toBe(book.name);
    await page.getByRole('button', { name: '导出全年会议记录 Word' }).waitFor();
    await page.goto(`${server.url}/reports?campaign=${campaignId}&month=2020-10`);
    await rows.first().waitFor();
    await page.locator('.reports-book').screenshot({ path: path.join(resultsDir, 'meeting-book-phone.png') });
    await page.context().close();
  });

  it('branch secretary on a phone: own branch’s meetings and bulletin, no summary', async () => {
    const page = await login('zhibu1', phone);
    await page.goto(`${server.url}/reports?campaign=${campaignId}&month=2020-10`);
    await page.getByText('您将得到本支部的通报。', { exact: false }).waitFor();
    const rows = page.locator('.reports-meeting');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(2);
    for (const text of await rows.allInnerTexts()) expect(text).toContain('机关第一党支部');
    expect(await page.getByText('编辑年度总结').count()).toBe(0);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(phone.width);
    await screenshot(page, path.join(resultsDir, 'reports-phone.png'), { fullPage: true });

    // The record page of a meeting offers its record too. A study offers its 会议记录, a theme day
    // its 活动记录 (the document's own title): read from the row before it is left behind.
    const kind = await rows.first().innerText();
    const label = kind.includes('主题党日') ? '活动记录 Word' : '会议记录 Word';
    await rows.first().getByRole('link').click();
    await page.waitForURL(/\/workbench\/records\/\d+/);
    const doc = await downloadText(page, () => page.getByRole('button', { name: label }).click());
    expect(doc.text).toContain('机关第一党支部');
    await screenshot(page, path.join(resultsDir, 'record-meeting-download-phone.png'));
    await page.context().close();
  });
});
