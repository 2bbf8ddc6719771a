import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SummaryView } from '../../../common/api/documents.js';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { json, type TestClient } from '../../test/test-client.js';
import { cnPunctuation as cn } from './docx-kit.js';
import { cite } from './format.js';
import { breakdownsIn, ratesIn } from './summary-check.js';

/**
 * The annual summary of the demo year, read as an inspector reads it: every breakdown adds up to
 * its whole, every rate says what it counts and against what, the examples are the committee's
 * choice, and the shortcomings are drafted from the data.
 */
let t: TestApp;
let committee: TestClient;
let campaignId: number;

async function summaryText(): Promise<string> {
  const res = await committee.get(`/api/documents/summary/file?campaignId=${campaignId}`);
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  return (await mammoth.extractRawText({ buffer: res.rawPayload })).value;
}
const view = async () =>
  json<SummaryView>(await committee.get(`/api/documents/summary?campaignId=${campaignId}`));

beforeAll(async () => {
  t = await createTestApp({ demoActivity: true });
  committee = await t.login('jiguan');
  const campaigns = json<{ items: { id: number; year: number }[] }>(await committee.get('/api/campaigns'));
  campaignId = campaigns.items.find((c) => c.year === 2020)!.id;
});
afterAll(async () => t.close());

describe('annual summary (年度总结)', () => {
  it('is laid out as summaries are: 基本情况, 主要做法和成效 per action, 存在的问题和不足, 下一步工作打算', async () => {
    const v = await view();
    expect(v.period).toEqual({ from: '2020-03', to: '2020-12', months: 10 });
    expect(v.parts.map((p) => p.key)).toEqual([
      'intro',
      'study',
      'theme_day',
      'rule_revision',
      'grassroots_problem',
      'publicity',
      'optional',
      'shortcomings',
      'plans',
      'closing',
    ]);
    const text = await summaryText();
    expect(text).toContain('2020年机关党支部“五个一”对标活动工作总结');
    expect(text).toContain(cn('从3月开始至12月共10个月的实践中'));
    const order = [
      '一、基本情况',
      '二、主要做法和成效',
      cn('(一)学习研讨'),
      cn('(二)主题党日'),
      cn('(三)制度修订'),
      cn('(四)为基层解决问题'),
      cn('(五)新闻宣传'),
      cn('(六)自选动作和典型案例'),
      '三、存在的问题和不足',
      '四、下一步工作打算',
    ].map((h) => text.indexOf(h));
    expect(order.every((at) => at >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    // Plain words: no screen words.
    for (const word of ['重新打开', '驳回', 'reopened', 'status']) expect(text).not.toContain(word);
  });

  it('adds up: every breakdown’s parts sum to its whole, returned, overdue and absent included', async () => {
    const text = await summaryText();
    const found = breakdownsIn(text);
    expect(found.length).toBeGreaterThanOrEqual(8);
    for (const b of found) {
      expect(
        b.parts.every((n) => Number.isFinite(n)),
        b.text,
      ).toBe(true);
      expect(
        b.parts.reduce((s, n) => s + n, 0),
        b.text,
      ).toBe(b.total);
    }
    // The required tasks are the dashboard's, all due in the closed year, each status counted.
    const matrix = json<{ cells: { periodKey: string; total: number }[] }>(
      await committee.get(`/api/dashboard/matrix?campaignId=${campaignId}`),
    );
    const due = matrix.cells.reduce((s, c) => s + c.total, 0);
    const tasks = found.find((b) => b.text.startsWith(`${due}项`) && b.text.includes('按时完成'));
    expect(tasks?.text).toMatch(/退回修改中\d+项/);
    expect(tasks?.text).toMatch(/逾期未完成\d+项/);
    const indicators = json<{ attendance: { expected: number; present: number; leave: number } }>(
      await committee.get(`/api/dashboard/indicators?campaignId=${campaignId}&from=2020-03&to=2020-12`),
    );
    const a = indicators.attendance;
    expect(text).toContain(
      cn(
        `应到${a.expected}人次,其中实到${a.present}人次、请假${a.leave}人次、缺席${a.expected - a.present - a.leave}人次`,
      ),
    );
    expect(a.expected - a.present - a.leave).toBeGreaterThan(0);
  });

  it('names the base of every rate', async () => {
    const text = await summaryText();
    const rates = ratesIn(text);
    expect(rates.length).toBeGreaterThanOrEqual(3);
    for (const r of rates)
      expect(r[0]).toMatch(/^\d+(\.\d+)?%\uff08[^\uff09/]+\d+(项|人次|个)\/[^\uff09]+\d+(项|人次|个)\uff09/);
    expect(text).toMatch(/完成率\d+\.\d%\uff08已完成\d+项\/应完成\d+项\uff09/);
    expect(text).toMatch(/按时完成率\d+\.\d%\uff08按时完成\d+项\/应完成\d+项\uff09/);
  });

  it('drafts 存在的问题 from the data: lateness, attendance, revisions without effect, ratings, problems that came back', async () => {
    const v = await view();
    const facts = v.parts.find((p) => p.key === 'shortcomings')!.facts.join('\n');
    expect(facts).toMatch(/逾期未完成\d+项/);
    expect(facts).toMatch(/被退回修改/);
    expect(facts).toContain('基本满意');
    expect(facts).toMatch(/尚未记录实施效果/);
    expect(facts).toMatch(/又重新办理/);
    // The plans are a draft the committee can rewrite.
    const saved = await committee.put('/api/documents/summary', {
      campaignId,
      version: v.version,
      title: v.title,
      parts: { plans: '明年重点抓好出勤。' },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const text = await summaryText();
    expect(text).toContain('四、下一步工作打算\n\n明年重点抓好出勤。');
  });

  it('cites the examples the committee chose: its highlights and cases by default, or those picked', async () => {
    const v = await view();
    expect(v.examples.length).toBeGreaterThan(0);
    expect(v.examples.every((e) => e.chosen && (e.highlight || e.exemplary))).toBe(true);
    let text = await summaryText();
    for (const e of v.examples) expect(text).toContain(cn(cite(e.title)));
    // Not every title: an approved revision that is no example is not listed.
    const revisions = json<{ items: { id: number; title: string }[] }>(
      await committee.get(
        `/api/records?campaignId=${campaignId}&kind=rule_revision&status=approved&limit=500`,
      ),
    ).items;
    const plain = revisions.filter((r) => !v.examples.some((e) => e.id === r.id));
    expect(plain.length).toBeGreaterThan(0);
    for (const r of plain) expect(text).not.toContain(cite(r.title));

    const [keep, drop] = v.examples.filter((e) => e.kind === 'study');
    const picked = await committee.put('/api/documents/summary', {
      campaignId,
      version: v.version,
      title: v.title,
      parts: {},
      exampleIds: [keep!.id, plain[0]!.id],
    });
    expect(picked.statusCode, picked.body).toBe(200);
    const after = json<SummaryView>(picked);
    expect(after.examples.filter((e) => e.chosen).map((e) => e.id)).toEqual([keep!.id, plain[0]!.id]);
    text = await summaryText();
    expect(text).toContain(cn(cite(keep!.title)));
    expect(text).not.toContain(cn(cite(drop!.title)));
    expect(text).toContain(cn(cite(plain[0]!.title)));

    // Only approved records of the campaign's months can be examples.
    const stray = await committee.put('/api/documents/summary', {
      campaignId,
      version: after.version,
      title: v.title,
      parts: {},
      exampleIds: [999999],
    });
    expect(stray.statusCode).toBe(400);
    expect(json<{ error: { code: string } }>(stray).error.code).toBe('VALIDATION_FAILED');
  });

  it('shows the branches’ positions only where the campaign shows rankings, marked 内部', async () => {
    expect(await summaryText()).not.toContain('名次');
    const patched = await committee.patch(`/api/campaigns/${campaignId}`, { branchesSeeRanking: true });
    expect(patched.statusCode, patched.body).toBe(200);
    try {
      const text = await summaryText();
      expect(text).toContain(cn('各支部全年得分和名次(内部)'));
      expect(text).toMatch(/第1名机关第.党支部[\d.]+分/);
    } finally {
      await committee.patch(`/api/campaigns/${campaignId}`, { branchesSeeRanking: false });
    }
  });

  it('keeps edited prose per campaign, resolves placeholders at export, and warns of hand-typed numbers', async () => {
    const before = await view();
    const studies = before.placeholders.find((p) => p.name === '学习次数')!.value;
    const saved = await committee.put('/api/documents/summary', {
      campaignId,
      version: before.version,
      title: '机关党委2020年“五个一”对标活动工作总结',
      parts: { study: '全年共组织学习研讨{学习次数}次,其中12次为视频会议。{不存在}' },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const v = json<SummaryView>(saved);
    expect(v.version).toBe(before.version + 1);
    const study = v.parts.find((p) => p.key === 'study')!;
    expect(study.resolved).toContain(`全年共组织学习研讨${studies}次`);
    expect(study.isDefault).toBe(false);
    expect(study.warnings.join('\n')).toContain('{不存在}');
    expect(study.warnings.join('\n')).toContain('“12次”');
    expect(v.parts.find((p) => p.key === 'theme_day')!.isDefault).toBe(true);

    const text = await summaryText();
    expect(text).toContain('机关党委2020年“五个一”对标活动工作总结');
    expect(text).toContain(`全年共组织学习研讨${studies}次`);
    expect(text).not.toContain('{学习次数}');

    const stale = await committee.put('/api/documents/summary', {
      campaignId,
      version: before.version,
      title: '旧标题',
      parts: {},
    });
    expect(stale.statusCode).toBe(409);
    const admin = await t.login('admin');
    const audit = json<{ items: { action: string; entityId: string }[] }>(
      await admin.get('/api/audit?action=documents.summary_saved'),
    );
    expect(audit.items.some((a) => a.entityId === String(campaignId))).toBe(true);
  });

  it('is the committee’s: branches and other roles may not read or edit it', async () => {
    const secretary = await t.login('zhibu1');
    expect((await secretary.get(`/api/documents/summary?campaignId=${campaignId}`)).statusCode).toBe(403);
    expect((await secretary.get(`/api/documents/summary/file?campaignId=${campaignId}`)).statusCode).toBe(
      403,
    );
    expect(
      (await secretary.put('/api/documents/summary', { campaignId, version: 0, title: 'x', parts: {} }))
        .statusCode,
    ).toBe(403);
  });
});
