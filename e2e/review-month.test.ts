/**
 * Counts the committee's interactions (clicks, fills, picks) in reviewing one branch-month of five
 * submitted records, seeded through the API: open 审核, open the branch's month, return one record
 * with a reason and approve the other four at once. Printed, and failing above 8, at desktop width
 * and at 390 × 844. Also counts the leader in charge approving a revision from sign-in on.
 * Signing in is not counted. Screenshots go to test-results/. Needs Chromium; skipped without it.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { startTestServer } from '../src/server/test/harness.js';
import { recordOf, startCampaign, submittedMonth } from '../src/server/test/fixtures.js';
import type { BranchMonth } from '../src/common/api/review.js';
import {
  announceSkip,
  ensureWebBuilt,
  expectNoSideScroll,
  haveChromium,
  launchChromium,
  resultsDir,
  signIn,
  webDir,
  screenshot,
} from './support.js';

announceSkip('e2e/review-month');

const NOW = new Date('2026-04-20T10:00:00+08:00');
const DESKTOP = { width: 1366, height: 900 };
const PHONE = { width: 390, height: 844 };
const REVIEW_LIMIT = 8;
const REASON = '主题党日活动小结过于简单,请补充党员交流情况。';
const LEADER_RULES = ['公司党委巡察工作实施办法', '公司党费收缴使用管理办法'];
const shot = (name: string) => path.join(resultsDir, `review-month-${name}.png`);

/** Every click, fill and pick the user makes goes through here, so none escapes the count. */
class Interactions {
  readonly steps: string[] = [];
  async click(target: Locator, what: string) {
    this.steps.push(`click ${what}`);
    await target.click();
  }
  async fill(target: Locator, value: string, what: string) {
    this.steps.push(`fill ${what}`);
    await target.fill(value);
  }
  report(who: string) {
    console.log(`[interactions] ${who}: ${this.steps.length}\n  ${this.steps.join('\n  ')}`);
    return this.steps.length;
  }
}

describe.skipIf(!haveChromium)('reviewing a branch-month, counted', { timeout: 240_000 }, () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  const revisionIds: number[] = [];

  beforeAll(async () => {
    ensureWebBuilt();
    server = await startTestServer({ webDir });
    const app = server.testApp;
    app.clock.set(NOW);
    const campaignId = (await startCampaign(await app.login('jiguan'))).id;
    for (const [branchId, secretary] of [
      [1, 'zhibu1'],
      [2, 'zhibu2'],
    ] as const) {
      const client = await app.login(secretary);
      // Last month's study, handed in, to show beside this month's.
      const march = (
        await client.post('/api/records', recordOf('study', campaignId, branchId, '2026-03-18'))
      ).json() as { id: number; version: number };
      await client.post(`/api/records/${march.id}/submit`, { version: march.version });
      await submittedMonth((u) => app.login(u), client, campaignId, branchId, '2026-04-16');
    }
    // Two revisions complete with their publication facts, waiting for the leader in charge.
    const secretary = await app.login('zhibu1');
    for (const rule of LEADER_RULES) {
      const body = recordOf('rule_revision', campaignId, 1, '2026-03-19');
      const created = (
        await secretary.post('/api/records', {
          ...body,
          title: `修订《${rule}》`,
          data: { ...body.data, ruleTitle: rule },
        })
      ).json() as { id: number; version: number };
      await secretary.post(`/api/records/${created.id}/leader-submit`, { version: created.version });
      revisionIds.push(created.id);
    }
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function login(username: string, viewport: typeof DESKTOP): Promise<Page> {
    const context = await browser.newContext({ viewport, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const page = await context.newPage();
    await page.clock.setFixedTime(NOW);
    await signIn(page, server.url, username);
    return page;
  }

  const monthOf = async (branchId: number) =>
    (
      await (
        await server.testApp.login('jiguan')
      ).get(`/api/records/branch-month?branchId=${branchId}&periodKey=2026-04`)
    ).json() as BranchMonth;

  async function reviewMonth(viewport: typeof DESKTOP, branchId: number, label: string) {
    const page = await login('jiguan', viewport);
    const act = new Interactions();
    const phone = viewport.width < 768;
    if (phone) await act.click(page.getByRole('button', { name: '菜单' }), '菜单');
    await act.click(page.getByRole('menuitem', { name: '审核' }), '审核');
    const branch = branchId === 1 ? '机关第一党支部' : '机关第二党支部';
    await act.click(page.getByRole('link', { name: `${branch} 2026年4月 审核本月` }), '支部本月');
    const theme = page.getByTestId('month-record-theme_day');
    await theme.getByText('参观党建文化长廊').waitFor();
    // Side by side: each record's checklist, its evidence as a thumbnail, last month's counterpart.
    await expect(page.locator('[data-testid^="month-record-"]').count()).resolves.toBe(5);
    await page.getByTestId('month-record-study').getByTestId('evidence-tile').locator('img').waitFor();
    await page.getByTestId('month-record-study').getByTestId('previous-month').getByRole('link').waitFor();
    await screenshot(page, shot(`${label}-before`), { fullPage: true });
    if (phone) await expectNoSideScroll(page);

    await act.click(theme.getByRole('button', { name: '退回修改' }), '退回修改');
    await act.fill(theme.getByLabel('退回原因'), REASON, '退回原因');
    await act.click(theme.getByRole('button', { name: '确认退回' }), '确认退回');
    await theme.locator('.ant-tag', { hasText: '已退回' }).waitFor();
    await act.click(page.getByRole('button', { name: '全部通过(4)' }), '全部通过');
    await act.click(page.locator('.ant-popconfirm').getByRole('button', { name: /通\s*过/ }), '确认通过');
    await page.getByRole('button', { name: '全部通过(0)' }).waitFor();
    expect(await page.getByText('以下记录未通过').count()).toBe(0);
    // The page stays on the branch's month: nothing to pick again.
    await page.getByTestId('month-record-study').locator('.ant-tag', { hasText: '已通过' }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/review/month/${branchId}/2026-04`);
    await screenshot(page, shot(`${label}-after`), { fullPage: true });

    const month = await monthOf(branchId);
    expect(month.records.map((r) => [r.kind, r.status])).toEqual([
      ['study', 'approved'],
      ['theme_day', 'returned'],
      ['rule_revision', 'approved'],
      ['grassroots_problem', 'approved'],
      ['publicity', 'approved'],
    ]);
    expect(month.records[1]!.reviews.at(-1)?.comment).toBe(REASON);
    await page.context().close();
    return act.report(`committee reviews a branch-month (${viewport.width}×${viewport.height})`);
  }

  it('at desktop width, in at most 8 interactions', async () => {
    expect(await reviewMonth(DESKTOP, 1, 'desktop')).toBeLessThanOrEqual(REVIEW_LIMIT);
  });

  it('on a phone (390 × 844), in at most 8 interactions', async () => {
    expect(await reviewMonth(PHONE, 2, 'phone')).toBeLessThanOrEqual(REVIEW_LIMIT);
  });

  it('the leader’s notification, there the moment a revision was sent, opens straight on it', async () => {
    const page = await login('lingdao', PHONE);
    await page.getByRole('button', { name: /^通知 \(\d+\)$/ }).click();
    const line = `机关第一党支部报送的制度修订「修订《${LEADER_RULES[0]}》」待您审核。`;
    await page.getByText(line).first().click();
    await page.waitForURL((url) => url.pathname === `/review/${revisionIds[0]}`);
    // Approve and return, one screen: no list or tab between the notification and the decision.
    for (const name of [/通\s*过/, /退\s*回/])
      await page.getByRole('button', { name }).filter({ visible: true }).first().waitFor();
    await page.screenshot({ path: shot('leader-notified-phone'), fullPage: false });
    await page.context().close();
  });

  /** The leader signs in, finds the revision waiting on their home page and approves it there. */
  async function leaderApproves(viewport: typeof DESKTOP, index: number, label: string) {
    const page = await login('lingdao', viewport);
    const act = new Interactions();
    // Home of a leader in charge: what waits for them, not an empty review queue.
    expect(new URL(page.url()).pathname).toBe('/review');
    await page.getByText('待您审核的制度修订').waitFor();
    expect(await page.getByText('没有待审核的记录').count()).toBe(0);
    await page.screenshot({ path: shot(`leader-home-${label}`), fullPage: true });
    await act.click(page.getByRole('link', { name: `修订《${LEADER_RULES[index]}》` }), '修订');
    await page.waitForURL(/\/review\/\d+$/);
    const approve = page
      .getByRole('button', { name: /通\s*过/ })
      .filter({ visible: true })
      .first();
    await approve.waitFor();
    await page.screenshot({ path: shot(`leader-revision-${label}`), fullPage: !label.includes('phone') });
    await act.click(approve, '通过');
    await act.click(page.locator('.ant-modal-footer .ant-btn-primary'), '确定');
    await page.locator('.ant-modal').waitFor({ state: 'hidden' });
    // Complete with its publication facts, the approval sent it on to the committee.
    await page.getByText('机关党委审核中').first().waitFor();
    const record = (
      await (await server.testApp.login('jiguan')).get(`/api/records/${revisionIds[index]}`)
    ).json() as { status: string };
    expect(record.status).toBe('submitted');
    await page.context().close();
    return act.report(`leader approves a revision (${viewport.width}×${viewport.height})`);
  }

  it('the leader approves a revision from their home page, at desktop width and on a phone', async () => {
    expect(await leaderApproves(DESKTOP, 0, 'desktop')).toBeLessThanOrEqual(3);
    expect(await leaderApproves(PHONE, 1, 'phone')).toBeLessThanOrEqual(3);
  });
});
