/**
 * Browser test of a rule revision's lifecycle, driven from its record page: the branch secretary
 * drafts it and sends it to the leader in charge; the leader returns it with a comment; the
 * secretary fixes it and sends it again; the leader approves on a phone (390 px), from the bar at
 * the bottom of the screen; the secretary (on a phone too) fills in the publication with its 文号
 * and submits; the committee approves; three months later
 * the secretary notes both follow-ups and the revision is closed, counted in its publication month.
 * Screenshots go to test-results/. Needs Chromium; without it the suite is skipped.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startTestServer } from '../src/server/test/harness.js';
import { startCampaign } from '../src/server/test/fixtures.js';
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

announceSkip('e2e/revisions');

const NOW = new Date('2026-03-20T10:00:00+08:00');
const LATER = new Date('2026-06-22T10:00:00+08:00');
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };
const RULE = '公司党委巡察工作实施办法';
const RETURN_COMMENT = '请补充征求意见情况';
const DOC_NO = '华远党〔2026〕8号';
const shot = (name: string) => path.join(resultsDir, `revisions-${name}.png`);

describe.skipIf(!haveChromium)('a rule revision in a browser', { timeout: 240_000 }, () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  let now = NOW;
  let recordPath = '';

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

  async function login(username: string, viewport = DESKTOP): Promise<Page> {
    const context = await browser.newContext({ viewport, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const page = await context.newPage();
    await page.clock.setFixedTime(now);
    await signIn(page, server.url, username);
    return page;
  }

  const panel = (page: Page) => page.getByTestId('revision-panel');

  async function submitModal(page: Page) {
    await page.locator('.ant-modal-footer .ant-btn-primary').click();
    await page.locator('.ant-modal').waitFor({ state: 'hidden' });
  }

  /** The leader opens the revision from the queue waiting for them. */
  async function leaderOpens(viewport = DESKTOP): Promise<Page> {
    const page = await login('lingdao', viewport);
    await page.goto(`${server.url}/revisions`);
    await page.getByRole('tab', { name: '待我审核' }).waitFor();
    await page
      .getByRole('link', { name: `修订《${RULE}》` })
      .first()
      .click();
    await page.waitForURL(/\/review\/\d+$/);
    await panel(page).getByText('分管领导审核中').first().waitFor();
    return page;
  }

  it('the secretary drafts a revision and sends it to the leader in charge', async () => {
    const page = await login('zhibu1');
    await page
      .getByTestId('task-card-rule_revision')
      .getByRole('button', { name: /填\s*报/ })
      .click();
    await page.getByText('填报:制度修订').waitFor();
    await page.getByLabel('标题', { exact: true }).fill(`修订《${RULE}》`);
    await page.getByLabel('制度 / 流程名称').fill(RULE);
    await chooseOption(page, page.getByLabel('归口部门'), '党委办公室(总经理办公室)');
    await page.getByLabel('发现的漏洞或不足').fill('巡察整改跟踪缺少时限要求。');
    await page.getByLabel('修订内容摘要').fill('增加巡察整改台账和整改时限。');
    // What it should improve: the figures appear once the indicator is named.
    await page.getByLabel('成效指标', { exact: true }).fill('整改销号天数');
    await page.getByLabel('单位', { exact: true }).fill('天');
    await page.getByLabel('修订前数值').fill('30');
    await page.getByLabel('目标值').fill('15');
    await page.getByRole('button', { name: '保存草稿' }).first().click();
    await page.waitForURL(/\/workbench\/records\/\d+$/);
    recordPath = new URL(page.url()).pathname;
    // The leader's approval is one of the checklist's blocking items, live on the form.
    await expect(
      page
        .getByRole('list', { name: '完成情况' })
        .locator('li', { hasText: '分管领导已审核同意' })
        .getAttribute('data-done'),
    ).resolves.toBe('false');
    await panel(page).getByRole('button', { name: '报分管领导审核' }).click();
    await page.getByText('已报分管领导审核').first().waitFor();
    // While the leader has it, the page is read-only.
    await panel(page).getByText('审核期间不能修改').waitFor();
    // The editor's flags come with the record, refetched a moment after the panel's: wait for them.
    await page.getByRole('button', { name: '保存草稿' }).waitFor({ state: 'detached' });
    // The header says where it is, beside 草稿.
    await page.locator('.ant-tag').getByText('待分管领导审核', { exact: true }).waitFor();
    await screenshot(page, shot('sent-desktop'), { fullPage: true });
    // The month's card says where the revision is, not that an approval is missing.
    await page.goto(`${server.url}/workbench`);
    const card = page.getByTestId('task-card-rule_revision');
    await card.getByText('待分管领导审核', { exact: true }).waitFor();
    await expect(card.getByText(/分管领导审核同意/).count()).resolves.toBe(0);
    await page.context().close();
  });

  it('the leader returns it with a comment', async () => {
    const page = await leaderOpens();
    await panel(page)
      .getByRole('button', { name: /退\s*回/ })
      .click();
    await page.getByLabel('审核意见').fill(RETURN_COMMENT);
    await submitModal(page);
    await panel(page).getByText('分管领导退回').first().waitFor();
    await panel(page).getByTestId('leader-trail').getByText(RETURN_COMMENT).waitFor();
    await screenshot(page, shot('returned-leader-desktop'), { fullPage: true });
    await page.context().close();
  });

  it('the secretary fixes it and sends it again; the leader approves', async () => {
    const page = await login('zhibu1');
    await page.goto(`${server.url}${recordPath}`);
    await panel(page).getByTestId('leader-trail').getByText(RETURN_COMMENT).waitFor();
    await page.getByLabel('征求意见情况').fill('向各部门和基层单位征求意见 15 条,采纳 9 条。');
    await panel(page).getByRole('button', { name: '重新报分管领导审核' }).click();
    await panel(page).getByText('审核期间不能修改').waitFor();
    // The fix was saved before it went: the read-only page shows it.
    await page.getByText('采纳 9 条').first().waitFor();
    await page.context().close();

    // On a phone the record comes first and the panel far below: the decision waits at the bottom
    // of the screen, in view from the start, and only there.
    const leader = await leaderOpens(PHONE);
    await leader.getByText('采纳 9 条').first().waitFor();
    const bar = leader.getByTestId('leader-decision-bar');
    const approve = bar.getByRole('button', { name: /通\s*过/ });
    await approve.waitFor();
    const box = (await approve.boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(PHONE.height);
    await expect(
      panel(leader)
        .getByRole('button', { name: /通\s*过/ })
        .count(),
    ).resolves.toBe(0);
    await expect(bar.getByRole('button', { name: /退\s*回/ }).isVisible()).resolves.toBe(true);
    await screenshot(leader, shot('leader-390'));
    await expectNoSideScroll(leader);
    await approve.click();
    await submitModal(leader);
    await panel(leader).getByText('领导已审核,待发布报送').first().waitFor();
    await bar.waitFor({ state: 'detached' });
    await expect(
      panel(leader).getByTestId('leader-trail').locator('.ant-tag').allTextContents(),
    ).resolves.toEqual(['退回', '通过']);
    await leader.context().close();
  });

  it('on a phone, the secretary publishes it with its 文号 and submits it to the committee', async () => {
    const page = await login('zhibu1', PHONE);
    await page.goto(`${server.url}${recordPath}`);
    await panel(page).getByText('领导已审核,待发布报送').first().waitFor();
    await page.getByLabel('发布日期').click();
    await page.getByLabel('发布日期').fill('2026-03-19');
    await page.getByLabel('发布日期').press('Enter');
    await page.getByLabel('文号').fill(DOC_NO);
    await page.getByLabel('发布形式').fill('党委正式发文');
    await screenshot(page, shot('publish-390'), { fullPage: true });
    await expectNoSideScroll(page);
    await page.getByRole('button', { name: '提交审核' }).last().click();
    await page.getByText('已提交,等待机关党委审核').waitFor();
    await panel(page).getByText('机关党委审核中').first().waitFor();
    await panel(page).getByText(DOC_NO).waitFor();
    await screenshot(page, shot('submitted-390'), { fullPage: true });
    await expectNoSideScroll(page);
    await page.context().close();

    const committee = await login('jiguan');
    await committee.goto(`${server.url}${recordPath.replace('/workbench/records/', '/review/')}`);
    await committee.getByText('审核意见').first().waitFor();
    // The reviewer sees what the revision should improve.
    await committee.getByText('整改销号天数 30 → 15 天').first().waitFor();
    await committee.getByRole('button', { name: /通\s*过/ }).click();
    await committee.getByText('没有待审核的记录').waitFor();
    await committee.context().close();
  });

  it('three months on, the secretary notes both follow-ups and the revision closes in its month', async () => {
    now = LATER;
    server.testApp.clock.set(LATER);
    const page = await login('zhibu1');
    await page.goto(`${server.url}${recordPath}`);
    const followups = panel(page).getByTestId('followups');
    await followups.getByText('应于 2026-04-18 前记录').waitFor();
    await followups.getByText('应于 2026-06-17 前记录').waitFor();
    await expect(followups.getByText('已逾期').count()).resolves.toBe(2);
    await screenshot(page, shot('tracking-desktop'), { fullPage: true });

    // Each follow-up measures the indicator (lower is better, target 15 days): 20 is 待改进 and
    // asks for the next step, 12 is 已见效.
    const notes = [
      { note: '巡察整改台账已建立,整改时限明确。', value: '20', next: '逾期事项每周通报。' },
      { note: '两轮巡察整改均按期完成,效果良好。', value: '12', next: null },
    ];
    for (const { note, value, next } of notes) {
      await followups.getByRole('button', { name: '记录跟踪情况' }).first().click();
      await page.getByLabel('跟踪情况', { exact: true }).fill(note);
      await page.getByLabel(/实测值/).fill(value);
      await page.getByLabel('测量依据').fill('巡察整改台账导出');
      if (next) await page.getByLabel('下一步改进措施').fill(next);
      await submitModal(page);
      await followups.getByText(note).waitFor();
    }
    await followups.getByText('逾期事项每周通报。').waitFor();
    await expect(followups.getByTestId('verdict').allTextContents()).resolves.toEqual(['待改进', '已见效']);
    await panel(page).getByText('整改销号天数 30 → 15 天').first().waitFor();
    await panel(page).getByText('已闭环').first().waitFor();
    await panel(page).getByText('已于 2026-06-22 闭环').waitFor();
    // It counts for the month it was published in.
    await panel(page).getByText('2026年3月').waitFor();
    await screenshot(page, shot('closed-desktop'), { fullPage: true });
    // The same page in English.
    await page.getByText('EN', { exact: true }).click();
    await panel(page).getByText('Revision lifecycle').waitFor();
    await panel(page).getByText('Its effect has been followed up: the loop is closed.').waitFor();
    await screenshot(page, shot('closed-en-desktop'), { fullPage: true });
    await page.context().close();

    const id = Number(recordPath.split('/').at(-1));
    const api = await server.testApp.login('zhibu1');
    const record = (await api.get(`/api/records/${id}`)).json() as { periodKey: string; status: string };
    expect(record).toMatchObject({ periodKey: '2026-03', status: 'approved' });

    // The register lists it as closed, on a phone too.
    const phone = await login('zhibu1', PHONE);
    await phone.goto(`${server.url}/revisions`);
    await phone.getByText(RULE).first().waitFor();
    await phone.getByText('已闭环').first().waitFor();
    await screenshot(phone, shot('register-390'), { fullPage: true });
    await expectNoSideScroll(phone);
    await phone.context().close();
  });
});
