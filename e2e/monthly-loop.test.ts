/**
 * Browser test of the monthly loop through the real pages: a branch secretary records a study
 * session with attendance (one member on leave) and a photo and submits it; the committee returns
 * it with a reason; the secretary reads the reason on a phone, fixes and resubmits; the committee
 * approves; the workbench card shows 已完成. Screenshots (1366 px and 390 px) go to test-results/.
 * Needs Chromium; without it the suite is skipped with a message, never failed.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startTestServer } from '../src/server/test/harness.js';
import { startCampaign } from '../src/server/test/fixtures.js';
import {
  announceSkip,
  ensureWebBuilt,
  haveChromium,
  launchChromium,
  resultsDir,
  webDir,
  screenshot,
} from './support.js';

announceSkip('e2e/monthly-loop');

const NOW = new Date('2026-03-20T10:00:00+08:00');
const DESKTOP = { width: 1366, height: 900 };
const PHONE = { width: 390, height: 844 };
const TOPIC = '学习习近平总书记在全国两会期间的重要讲话精神';
const RETURN_REASON = '研讨要点过于简单,请补充每位发言党员的主要观点。';
const shot = (name: string) => path.join(resultsDir, `monthly-loop-${name}.png`);

// Four people's sessions, each a fresh browser loading the client: more than the default 30 s.
describe.skipIf(!haveChromium)('the monthly loop in a browser', { timeout: 120_000 }, () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  let photoDir: string;
  let photo: string;
  let recordPath: string;

  beforeAll(async () => {
    ensureWebBuilt();
    server = await startTestServer({ webDir });
    server.testApp.clock.set(NOW);
    await startCampaign(await server.testApp.login('jiguan'), 2026, [1, 2]);
    browser = await launchChromium();
    // A real photo: it decodes and gets a thumbnail, as one from a phone would.
    photoDir = mkdtempSync(path.join(tmpdir(), 'duibiao-e2e-'));
    photo = path.join(photoDir, '学习现场.jpg');
    const jpeg = await sharp({
      create: { width: 800, height: 600, channels: 3, background: { r: 200, g: 30, b: 30 } },
    })
      .jpeg()
      .toBuffer();
    writeFileSync(photo, jpeg);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (photoDir) rmSync(photoDir, { recursive: true, force: true });
  });

  /** Logs in through the login page, with the browser's clock at the server's "now". */
  async function login(username: string, viewport = DESKTOP): Promise<Page> {
    // The users work in China: their browsers show times in China Standard Time.
    const context = await browser.newContext({ viewport, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const page = await context.newPage();
    await page.clock.setFixedTime(NOW);
    await page.goto(`${server.url}/`);
    await page.getByLabel('用户名', { exact: true }).fill(username);
    await page.getByLabel('密码', { exact: true }).fill('Duibiao@2020');
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.getByText('支部工作台').waitFor();
    return page;
  }

  const studyCard = (page: Page) => page.getByTestId('task-card-study');

  /** Picks a person in the searchable select labelled `label`: typed, then chosen with Enter. */
  async function choose(page: Page, label: string, option: string) {
    const select = page.getByLabel(label, { exact: true });
    await select.fill(option);
    await page.keyboard.press('Enter');
  }

  async function expectNoSideScroll(page: Page) {
    const [scrollWidth, clientWidth] = await page.evaluate(() => [
      document.documentElement.scrollWidth,
      document.documentElement.clientWidth,
    ]);
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
  }

  it('the secretary records a study session with attendance and a photo, and submits it', async () => {
    const page = await login('zhibu1');
    // Home of a branch secretary is the workbench of this month.
    expect(new URL(page.url()).pathname).toBe('/workbench');
    await page.getByText('2026年3月').first().waitFor();
    await expect(studyCard(page).textContent()).resolves.toContain('未开始');
    // Due 2026-03-31 + 5 days' grace; "today" is 2026-03-20.
    await expect(studyCard(page).textContent()).resolves.toContain('截止 2026-04-05');
    await expect(studyCard(page).textContent()).resolves.toContain('还剩 16 天');
    await screenshot(page, shot('workbench-desktop'), { fullPage: true });

    await studyCard(page).getByRole('button', { name: '填 报' }).click();
    await page.getByText('填报:学习研讨').waitFor();
    await page.getByLabel('组织形式(三会一课)').click();
    await page.locator('.ant-select-item-option', { hasText: '支部党员大会' }).click();
    await page.getByLabel('学习主题').fill(TOPIC);
    await page.getByLabel('会议记录 / 研讨要点').fill('支部书记领学重要讲话精神,党员结合岗位交流。');
    // The meeting's facts: when, where, who hosted and who kept the record, and the agenda.
    await page.getByLabel('开始时间').fill('14:30');
    await page.getByLabel('结束时间').fill('16:00');
    await page.getByLabel('地点', { exact: true }).fill('三楼党员活动室');
    await choose(page, '主持人', '王建华');
    await choose(page, '记录人', '高志强');
    await page.getByRole('button', { name: '添加列席人员' }).click();
    await page.getByPlaceholder('姓名').fill('周立新');
    await page.getByPlaceholder('单位或职务').fill('公司党委办公室副主任');
    await page.getByRole('button', { name: '添加议题' }).click();
    const item = page.getByTestId('agenda-item');
    await item.getByLabel('议题', { exact: true }).fill('传达学习重要讲话精神');
    await item.getByLabel('发言人').fill('王建华');
    await item.getByLabel('发言内容摘要').fill('领学讲话原文,要求结合岗位抓落实。');
    await item.getByLabel('决议').fill('各党小组本月内组织一次交流。');

    // A 党员大会 expects all Party members, all present at first; one is on leave, with a reason.
    const count = (what: string) => page.getByTestId(`att-${what}`).textContent();
    await expect(count('expected')).resolves.toBe('应到 10');
    await expect(count('present')).resolves.toBe('实到 10');
    await page.locator('[data-person="黄晓梅"]').getByText('请假', { exact: true }).click();
    await page.getByLabel('黄晓梅 请假原因').fill('出差在外');
    await expect(count('present')).resolves.toBe('实到 9');
    await expect(count('leave')).resolves.toBe('请假 1');
    await expect(count('absent')).resolves.toBe('缺席 0');
    // The rate is against those expected (应到), never those present.
    await expect(count('rate')).resolves.toBe('出勤率 90%');

    await page.getByRole('button', { name: '保存草稿' }).first().click();
    await page.waitForURL(/\/workbench\/records\/\d+$/);
    recordPath = new URL(page.url()).pathname;
    await page.getByText('草稿已保存').waitFor();

    // The photo goes to the multipart endpoint and comes back as a thumbnail.
    await page.locator('input[type=file]').setInputFiles(photo);
    await page.getByTestId('evidence-tile').locator('img').waitFor();
    await expect(page.getByTestId('evidence-tile').textContent()).resolves.toContain('照片');
    await expect(
      page
        .getByRole('list', { name: '完成情况' })
        .locator('li', { hasText: '上传现场照片或签到表' })
        .getAttribute('data-done'),
    ).resolves.toBe('true');
    await screenshot(page, shot('record-form-desktop'), { fullPage: true });

    await page.getByRole('button', { name: '提交审核' }).first().click();
    await page.getByText('已提交,等待机关党委审核').waitFor();
    // Submitted: the page turns read-only and says it waits for review.
    await page.locator('.ant-tag', { hasText: '待审核' }).first().waitFor();
    await page.getByRole('button', { name: '保存草稿' }).waitFor({ state: 'detached' });
    await page.context().close();
  });

  it('the committee returns it with a reason', async () => {
    const page = await login('jiguan');
    await page.getByRole('menuitem', { name: '审核' }).click();
    await page.getByRole('link', { name: TOPIC }).click();
    await page.getByText('审核意见').waitFor();
    // Everything a reviewer checks is on the page: fields, attendance, the photo, the checklist.
    await page.getByText('支部党员大会', { exact: true }).first().waitFor();
    await page.getByText('黄晓梅(组织委员) · 请假:出差在外').waitFor();
    // The meeting's facts read as the secretary typed them: time, 列席, agenda with speech and decision.
    await page.getByText('14:30', { exact: true }).waitFor();
    await page.getByText('周立新(公司党委办公室副主任)').waitFor();
    const agenda = page.getByTestId('agenda-view');
    await agenda.getByText('传达学习重要讲话精神').waitFor();
    await agenda.getByText('领学讲话原文,要求结合岗位抓落实。').waitFor();
    await agenda.getByText('各党小组本月内组织一次交流。').waitFor();
    await expect(page.getByTestId('att-rate').textContent()).resolves.toBe('出勤率 90%');
    await page.getByTestId('evidence-tile').locator('img').waitFor();
    await screenshot(page, shot('review-desktop'), { fullPage: true });

    const phone = await login('jiguan', PHONE);
    await phone.goto(`${server.url}${recordPath.replace('/workbench/records/', '/review/')}`);
    // On a phone the decision waits at the bottom of the first screen, not after the whole record.
    const bar = phone.getByTestId('review-decision-bar');
    const approve = bar.getByRole('button', { name: /通\s*过/ });
    await approve.waitFor();
    const box = (await approve.boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(PHONE.height);
    await expectNoSideScroll(phone);
    await screenshot(phone, shot('review-phone'));
    // A return asks for its reason there too.
    await bar.getByRole('button', { name: '退回修改' }).click();
    await bar.getByLabel('退回原因').waitFor();
    await screenshot(phone, shot('review-return-phone'));
    await bar.getByRole('button', { name: /取\s*消/ }).click();
    // An approval's optional comment opens on demand.
    await bar.getByRole('button', { name: '填写意见' }).click();
    await bar.getByLabel('意见(选填)').waitFor();
    await phone.context().close();

    await page.getByRole('button', { name: '退回修改' }).click();
    // A return needs a reason.
    await page.getByRole('button', { name: '确认退回' }).click();
    await page.getByText('退回时须填写原因').waitFor();
    await page.getByLabel('退回原因').fill(RETURN_REASON);
    await page.getByRole('button', { name: '确认退回' }).click();
    await page.getByText('已退回支部修改').waitFor();
    await page.getByText('没有待审核的记录').waitFor();
    await page.context().close();
  });

  it('the secretary reads the reason on a phone, fixes the record and resubmits', async () => {
    const page = await login('zhibu1', PHONE);
    await expect(studyCard(page).textContent()).resolves.toContain('已退回');
    await expectNoSideScroll(page);
    await screenshot(page, shot('workbench-phone'), { fullPage: true });

    await studyCard(page).getByRole('button', { name: '继续填报' }).click();
    const notice = page.getByTestId('returned-notice');
    await expect(notice.textContent()).resolves.toContain(RETURN_REASON);
    const minutes = page.getByLabel('会议记录 / 研讨要点');
    await minutes.fill(
      '支部书记领学重要讲话精神。黄晓梅因出差请假。高志强:要把讲话精神落实到项目管理中;宋丽娟:以作风转变提升服务质量。',
    );
    await expectNoSideScroll(page);
    await screenshot(page, shot('record-form-phone'), { fullPage: true });

    await page.getByRole('button', { name: '修改后重新提交' }).click();
    await page.getByText('已提交,等待机关党委审核').waitFor();
    await page.context().close();
  });

  it('the committee approves, and the workbench card shows 已完成', async () => {
    const committee = await login('jiguan');
    await committee.goto(`${server.url}${recordPath.replace('/workbench/records/', '/review/')}`);
    await committee.getByText('审核意见').waitFor();
    // The trail keeps the earlier return and its reason.
    await committee.getByText(RETURN_REASON).waitFor();
    await committee.getByRole('button', { name: '通 过' }).click();
    await committee.getByText('没有待审核的记录').waitFor();
    await committee.context().close();

    const page = await login('zhibu1');
    await expect(studyCard(page).textContent()).resolves.toContain('已完成');
    await expect(page.getByText('已完成 1 / 5').count()).resolves.toBe(1);
    await screenshot(page, shot('workbench-done-desktop'), { fullPage: true });
    await page.context().close();
  });
});
