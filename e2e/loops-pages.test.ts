/**
 * Browser test of the publicity register and the exemplary cases on the demo year: the committee
 * filters publicity by channel; a branch secretary sees own branch's items on a phone; a Party
 * member browses every branch's cases on a phone, also by month; the committee narrows them to a
 * month on a desktop, marks a case from its record and takes the mark off from the cases page.
 * Screenshots go to test-results/.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD, startTestServer } from '../src/server/test/harness.js';
import {
  announceSkip,
  chooseOption,
  ensureWebBuilt,
  expectNoSideScroll,
  haveChromium,
  launchChromium,
  resultsDir,
  signIn,
  webDir,
  screenshot,
} from './support.js';

announceSkip('e2e/loops-pages');

const DESKTOP = { width: 1366, height: 900 };
const PHONE = { width: 390, height: 844 };
const shot = (name: string) => path.join(resultsDir, `loops-${name}.png`);

describe.skipIf(!haveChromium)('publicity and exemplary cases in a browser', { timeout: 180_000 }, () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;

  beforeAll(async () => {
    ensureWebBuilt();
    server = await startTestServer({ webDir, demoActivity: true });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function login(username: string, viewport: { width: number; height: number }): Promise<Page> {
    const context = await browser.newContext({ viewport, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const page = await context.newPage();
    await signIn(page, server.url, username);
    return page;
  }

  /** The month with the most exemplary cases, as the API counts them for the user. */
  async function busiestCaseMonth(username: string) {
    const api = await server.testApp.login(username, DEMO_PASSWORD);
    const items = ((await api.get('/api/cases')).json() as { items: { periodKey: string | null }[] }).items;
    const perMonth = new Map<string, number>();
    for (const c of items) if (c.periodKey) perMonth.set(c.periodKey, (perMonth.get(c.periodKey) ?? 0) + 1);
    const [month, count] = [...perMonth].sort((a, b) => b[1] - a[1])[0]!;
    return { month, count, total: items.length };
  }

  /** Types a month into the cases page's month picker (as a keyboard user would). */
  async function pickMonth(page: Page, month: string) {
    const input = page.getByLabel('月份');
    await input.click();
    await input.fill(month);
    await input.press('Enter');
    await page.locator('.ant-picker-dropdown').waitFor({ state: 'hidden' });
  }

  it('the committee reads the publicity register and filters it by channel', async () => {
    const page = await login('jiguan', DESKTOP);
    await page.getByRole('menuitem', { name: '新闻宣传' }).click();
    await page.getByText('新闻宣传台账').waitFor();
    const items = page.getByTestId('publicity-item');
    await items.first().waitFor();
    const summary = page.getByTestId('publicity-summary');
    const all = Number((await summary.textContent())!.match(/共 (\d+) 篇/)![1]);
    expect(all).toBeGreaterThan(20);
    // A long register comes in pages.
    await expect(items.count()).resolves.toBe(20);
    await page.getByText('公司举办首届BIM技术大赛').first().waitFor();
    await page.getByText('阅读量、点赞数仅作记录,不计入任何得分。').waitFor();
    await screenshot(page, shot('publicity-desktop'), { fullPage: true });

    // What a screen reader reads of the channels is their Chinese names, never the codes.
    await page.getByLabel('发布渠道').click();
    const options = page.locator('.ant-select-dropdown [role=option]');
    await options.first().waitFor();
    const read = await options.evaluateAll((els) =>
      els.map((el) => el.getAttribute('aria-label') ?? el.textContent ?? ''),
    );
    expect(read).toContain('微信公众号');
    expect(read.filter((name) => /^[a-z_]+$/.test(name))).toEqual([]);
    await chooseOption(page, page.getByLabel('发布渠道'), '微信公众号');
    await summary
      .getByText(/共 \d+ 篇/)
      .filter({ hasNotText: `共 ${all} 篇` })
      .waitFor();
    const onWechat = await items.count();
    expect(onWechat).toBeGreaterThan(0);
    for (let i = 0; i < onWechat; i++)
      await expect(items.nth(i).textContent()).resolves.toContain('微信公众号');
    await screenshot(page, shot('publicity-wechat-desktop'), { fullPage: true });
    await page.context().close();
  });

  it('a branch secretary sees own branch’s publicity on a phone', async () => {
    const page = await login('zhibu1', PHONE);
    await page.goto(`${server.url}/publicity`);
    const items = page.getByTestId('publicity-item');
    await items.first().waitFor();
    const n = await items.count();
    expect(n).toBeGreaterThan(0);
    for (let i = 0; i < n; i++) await expect(items.nth(i).textContent()).resolves.toContain('机关第一党支部');
    await screenshot(page, shot('publicity-390'), { fullPage: true });
    await expectNoSideScroll(page);
    await page.context().close();
  });

  it('a branch secretary records a problem found on a visit, with its handler, on a phone', async () => {
    const page = await login('zhibu1', PHONE);
    await page.goto(`${server.url}/problems`);
    await page.getByRole('button', { name: '登记走访发现的问题' }).click();
    const modal = page.locator('.ant-modal');
    await modal.getByLabel('基层单位').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
    await chooseOption(page, modal.getByLabel('承办人', { exact: true }), '高志强(宣传委员)');
    await modal.getByLabel('问题', { exact: true }).fill('项目部缺少安全培训教材');
    await modal.getByLabel('问题描述').fill('走访时发现新进场人员培训无教材。');
    // Let the handler's dropdown finish closing, so the picture shows the form.
    await page
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)')
      .waitFor({ state: 'detached' });
    await screenshot(page, shot('problem-found-390'));
    await expectNoSideScroll(page);
    await modal.locator('.ant-modal-footer .ant-btn-primary').click();
    await modal.waitFor({ state: 'hidden' });
    await page.getByText('项目部缺少安全培训教材').first().click();
    await page.locator('.ant-drawer .ant-descriptions').getByText('高志强', { exact: true }).waitFor();
    await page.context().close();
  });

  it('a Party member browses every branch’s exemplary cases on a phone', async () => {
    const page = await login('dangyuan', PHONE);
    await page.goto(`${server.url}/cases`);
    await page.getByText('典型案例').first().waitFor();
    const cards = page.getByTestId('case-card');
    await cards.first().waitFor();
    const texts = await cards.allTextContents();
    // Cases of other branches than the member's own are there to learn from.
    expect(texts.some((t) => !t.includes('机关第一党支部'))).toBe(true);
    await expect(page.getByRole('button', { name: '取消典型案例' }).count()).resolves.toBe(0);
    await screenshot(page, shot('cases-390'), { fullPage: true });
    await expectNoSideScroll(page);

    // The month filter: the busiest month's cases, and only those.
    const { month, count } = await busiestCaseMonth('dangyuan');
    await pickMonth(page, month);
    await expect.poll(() => cards.count(), { timeout: 15_000 }).toBe(count);
    const label = `${Number(month.slice(0, 4))}年${Number(month.slice(5))}月`;
    expect((await cards.allTextContents()).every((t) => t.includes(label))).toBe(true);
    await screenshot(page, shot('cases-month-390'), { fullPage: true });
    await expectNoSideScroll(page);
    await page.context().close();
  });

  it('the committee narrows the cases to a month on a desktop', async () => {
    const { month, count, total } = await busiestCaseMonth('jiguan');
    expect(count).toBeLessThan(total);
    const page = await login('jiguan', DESKTOP);
    await page.goto(`${server.url}/cases`);
    const cards = page.getByTestId('case-card');
    await expect.poll(() => cards.count(), { timeout: 15_000 }).toBe(total);
    await pickMonth(page, month);
    await expect.poll(() => cards.count(), { timeout: 15_000 }).toBe(count);
    await screenshot(page, shot('cases-month-desktop'), { fullPage: true });
    // Clearing the month brings every case back.
    await page.getByLabel('月份').hover();
    await page.locator('.ant-picker-clear').click();
    await expect.poll(() => cards.count(), { timeout: 15_000 }).toBe(total);
    await page.context().close();
  });

  it('the committee marks a case from its record and unmarks it from the cases page', async () => {
    const api = await server.testApp.login('jiguan', DEMO_PASSWORD);
    const optional = (
      (await api.get('/api/records?kind=optional&status=approved&limit=500')).json() as {
        items: { id: number; title: string }[];
      }
    ).items;
    const cases = ((await api.get('/api/cases')).json() as { items: { recordId: number }[] }).items;
    const plain = optional.find((r) => !cases.some((c) => c.recordId === r.id))!;
    expect(plain).toBeDefined();

    const page = await login('jiguan', DESKTOP);
    await page.goto(`${server.url}/review/${plain.id}`);
    const control = page.getByTestId('exemplary-control');
    await control.getByLabel('点评(可选,各支部可见)').fill('做法新颖,值得各支部借鉴');
    await control.getByRole('button', { name: '评为典型案例' }).click();
    await control.getByText('已评为典型案例').waitFor();
    await screenshot(page, shot('marked-desktop'), { fullPage: true });

    await control.getByRole('link', { name: '查看全部典型案例' }).click();
    // Titles repeat month to month; the committee's note singles this one out.
    const card = page.getByTestId('case-card').filter({ hasText: '做法新颖,值得各支部借鉴' });
    await card.getByText(plain.title).first().waitFor();
    await screenshot(page, shot('cases-desktop'), { fullPage: true });
    await card.getByRole('button', { name: '取消典型案例' }).click();
    await page
      .locator('.ant-popconfirm')
      .getByRole('button', { name: /确\s*定|OK/ })
      .click();
    await card.waitFor({ state: 'detached' });
    await page.context().close();
  });
});
