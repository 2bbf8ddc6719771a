/**
 * The monthly loop with the keyboard alone (WCAG 2.1.1, 2.4.7): a branch secretary signs in,
 * tabs to the study session's "填报", fills in the meeting (form, topic, times, place, host,
 * recorder, one agenda item), saves and submits it, without a mouse. Each stop on the way must
 * show where the focus is. Locators only say where the Tab key should arrive; every action is a
 * key press. The record is then checked as submitted through the API.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { startTestServer } from '../src/server/test/harness.js';
import { startCampaign } from '../src/server/test/fixtures.js';
import {
  announceSkip,
  ensureWebBuilt,
  haveChromium,
  launchChromium,
  resultsDir,
  screenshot,
  webDir,
} from './support.js';
import path from 'node:path';

announceSkip('e2e/keyboard-only');

const NOW = new Date('2026-03-20T10:00:00+08:00');
const TOPIC = '键盘填报:学习党章党规';

/** Whether the focused element, or the control box around it, draws a focus indicator. */
function focusShown(page: Page): Promise<{ shown: boolean; what: string }> {
  return page.evaluate(() => {
    const active = document.activeElement;
    const what = active ? `${active.tagName.toLowerCase()} ${active.outerHTML.slice(0, 120)}` : 'none';
    for (let el: Element | null = active, up = 0; el && up < 4; el = el.parentElement, up++) {
      const s = getComputedStyle(el);
      const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;
      if (outline || (s.boxShadow && s.boxShadow !== 'none')) return { shown: true, what };
    }
    return { shown: false, what };
  });
}

/**
 * Presses Tab until `target` has the focus (at most `limit` presses), checking at every stop that
 * the focus can be seen.
 */
async function tabTo(page: Page, target: Locator, limit = 60, key = 'Tab'): Promise<void> {
  // Tab presses before the page has drawn the target (a form, a card after its data) land on
  // elements about to be replaced, and the focus falls back to <body>, where nothing can show it.
  await target.waitFor({ state: 'attached' });
  const focused = () =>
    target.evaluate((el) => el === document.activeElement || el.contains(document.activeElement));
  // Where the page puts the focus there itself (the sign-in form's 用户名), no key is pressed.
  if (await focused()) return;
  const unseen: string[] = [];
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press(key);
    const focus = await focusShown(page);
    if (!focus.shown) unseen.push(focus.what);
    if (await focused()) break;
    if (i === limit - 1) throw new Error(`Tab never reached ${target.toString()}`);
  }
  expect(unseen, `focus not visible on:\n${unseen.join('\n')}`).toEqual([]);
}

describe.skipIf(!haveChromium)('the monthly loop with the keyboard alone', { timeout: 180_000 }, () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;

  beforeAll(async () => {
    ensureWebBuilt();
    server = await startTestServer({ webDir });
    server.testApp.clock.set(NOW);
    await startCampaign(await server.testApp.login('jiguan'), 2026, [1, 2]);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('a secretary records a study session and submits it, tabbing through, no mouse', async () => {
    const context = await browser.newContext({
      viewport: { width: 1366, height: 900 },
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
    });
    const page = await context.newPage();
    await page.clock.setFixedTime(NOW);
    await page.goto(`${server.url}/login`);

    await tabTo(page, page.getByLabel('用户名', { exact: true }));
    await page.keyboard.type('zhibu1');
    await tabTo(page, page.getByLabel('密码', { exact: true }));
    await page.keyboard.type('Duibiao@2020');
    await page.keyboard.press('Enter');
    await page.getByText('支部工作台').first().waitFor();

    const card = page.getByTestId('task-card-study');
    await tabTo(page, card.getByRole('button', { name: /填\s*报/ }), 80);
    await page.keyboard.press('Enter');
    await page.getByText('填报:学习研讨').waitFor();

    // 组织形式: the list opens with the arrow key; Enter takes its first choice, 支部党员大会.
    await tabTo(page, page.getByLabel('组织形式(三会一课)'));
    await page.keyboard.press('ArrowDown');
    await page.locator('.ant-select-dropdown:visible').waitFor();
    await page.keyboard.press('Enter');
    await page.locator('.ant-select:not(.ant-select-open) [title="支部党员大会"]').first().waitFor();

    const typeInto = async (field: Locator, text: string) => {
      await tabTo(page, field);
      await page.keyboard.type(text);
    };
    await typeInto(page.getByLabel('学习主题'), TOPIC);
    await typeInto(page.getByLabel('开始时间'), '14:30');
    await page.keyboard.press('Enter');
    await typeInto(page.getByLabel('结束时间'), '16:00');
    await page.keyboard.press('Enter');
    await typeInto(page.getByLabel('地点', { exact: true }), '三楼党员活动室');
    // The host and the recorder: typed into the searchable list, chosen with Enter.
    await typeInto(page.getByLabel('主持人', { exact: true }), '王建华');
    await page.keyboard.press('Enter');
    await typeInto(page.getByLabel('记录人', { exact: true }), '高志强');
    await page.keyboard.press('Enter');

    // A new agenda item opens above its "添加议题" button: Shift+Tab goes back into it.
    await tabTo(page, page.getByRole('button', { name: '添加议题' }));
    await page.keyboard.press('Enter');
    const item = page.getByTestId('agenda-item');
    await tabTo(page, item.getByLabel('议题', { exact: true }), 20, 'Shift+Tab');
    await page.keyboard.type('学习党章第三章');
    await typeInto(item.getByLabel('发言人'), '王建华');
    await typeInto(item.getByLabel('发言内容摘要'), '结合岗位谈体会。');
    await typeInto(page.getByLabel('会议记录 / 研讨要点'), '书记领学,党员逐一交流。');

    await tabTo(page, page.getByRole('button', { name: '保存草稿' }).first(), 120);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/workbench\/records\/\d+$/);
    await page.getByText('草稿已保存').waitFor();
    const recordId = Number(new URL(page.url()).pathname.split('/').pop());

    // After saving, the page is the record's own: from its top, Tab reaches 提交审核.
    await page.keyboard.press('Escape');
    await page.locator('body').evaluate((body) => (body as HTMLElement).focus());
    await tabTo(page, page.getByRole('button', { name: '提交审核' }).first(), 120);
    await screenshot(page, path.join(resultsDir, 'keyboard-only-submit-focus.png'));
    await page.keyboard.press('Enter');
    await page.getByText('已提交,等待机关党委审核').waitFor();

    const api = await server.testApp.login('zhibu1');
    const record = (await api.get(`/api/records/${recordId}`)).json() as {
      status: string;
      data: { topic?: string };
    };
    expect(record.status).toBe('submitted');
    await context.close();
  });
});
