/**
 * Browser test of the notification centre on a phone (390 px): the scheduler (ticked with the
 * manual clock) produces the branch's 5-days-before digest; the secretary sees the count on the
 * bell, opens the centre and follows a line to the workbench, which marks it read; the
 * administrator sees the delivery and sends a test message; a new notification reaches the bell
 * within a minute while the page is in view, and not while it is hidden. Screenshots go to
 * test-results/.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startTestServer } from '../src/server/test/harness.js';
import { startCampaign } from '../src/server/test/fixtures.js';
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

announceSkip('e2e/notifications');

const NOW = new Date('2026-03-31T09:00:00+08:00');
const PHONE = { width: 390, height: 844 };
const shot = (name: string) => path.join(resultsDir, `notifications-${name}.png`);

describe.skipIf(!haveChromium)('the notification centre in a browser', { timeout: 180_000 }, () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;

  beforeAll(async () => {
    ensureWebBuilt();
    server = await startTestServer({ webDir });
    server.testApp.clock.set(NOW);
    await startCampaign(await server.testApp.login('jiguan'), 2026, [1]);
    await server.testApp.app.services.notifications.jobs.tick();
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** With `timers`, the page's clock runs from NOW and the test can move it on, timers and all. */
  async function login(username: string, password = 'Duibiao@2020', timers = false): Promise<Page> {
    const context = await browser.newContext({
      viewport: PHONE,
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
    });
    const page = await context.newPage();
    if (timers) await page.clock.install({ time: NOW });
    else await page.clock.setFixedTime(NOW);
    await signIn(page, server.url, username, password);
    return page;
  }

  it('the secretary sees the bell, reads the digest and follows it', async () => {
    const page = await login('zhibu1');
    const bell = page.getByRole('button', { name: '通知 (1)' });
    await bell.waitFor();
    await bell.click();
    await page.getByText('对标提醒 · 3月31日:5 项待办').waitFor();
    await expectNoSideScroll(page);
    await screenshot(page, shot('inbox'), { fullPage: true });

    await page.getByText(/组织一次学习研讨」\(3月\)还有 5 天到期/).click();
    await page.waitForURL((url) => url.pathname === '/workbench');
    await page.getByRole('button', { name: '通知', exact: true }).waitFor();

    await page.goto(`${server.url}/notifications?tab=preferences`);
    await page.getByText('收件邮箱').waitFor();
    await expectNoSideScroll(page);
    await screenshot(page, shot('preferences'), { fullPage: true });
  });

  it('the administrator sees the delivery log and sends a test message', async () => {
    const page = await login('admin', 'Admin@2026x');
    await page.goto(`${server.url}/notifications?tab=admin`);
    await page.getByText('发送记录').waitFor();
    await page.getByRole('button', { name: /发送测试消息 · 站内通知/ }).click();
    await page.locator('.ant-message-notice').getByText('测试消息已发送').waitFor();
    await page.getByRole('button', { name: '通知 (1)' }).waitFor();
    await expectNoSideScroll(page);
    await screenshot(page, shot('admin'), { fullPage: true });
  });

  it('a new notification reaches the bell within a minute without a reload, only while in view', async () => {
    const page = await login('admin', 'Admin@2026x', true);
    const api = await server.testApp.login('admin', 'Admin@2026x');
    const unread = async () =>
      ((await api.get('/api/notifications/unread-count')).json() as { unread: number }).unread;
    const sendTest = async () =>
      expect((await api.post('/api/notifications/admin/test', { channel: 'in_app' })).statusCode).toBe(200);
    const bell = (n: number) => page.getByRole('button', { name: n ? `通知 (${n})` : '通知', exact: true });
    const before = await unread();
    await bell(before).waitFor();

    await sendTest();
    expect(await unread()).toBe(before + 1);
    await page.clock.fastForward('01:01');
    await bell(before + 1).waitFor();

    // A tab out of view does not ask; back in view, the next minute brings the news.
    await page.evaluate(() => {
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
      document.dispatchEvent(new Event('visibilitychange'));
    });
    await sendTest();
    await page.clock.fastForward('03:00');
    await expect(bell(before + 1).isVisible()).resolves.toBe(true);
    await page.evaluate(() => {
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'visible' });
      document.dispatchEvent(new Event('visibilitychange'));
    });
    await page.clock.fastForward('01:01');
    await bell(before + 2).waitFor();
    await page.context().close();
  });
});
