import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SummaryView } from '../../../common/api/documents.js';
import type { RecordDetail, RecordSummary } from '../../../common/api/records.js';
import { cnDate } from './format.js';
import { cnPunctuation } from './docx-kit.js';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { json, type TestClient } from '../../test/test-client.js';
import { libreOfficePath } from './pdf.js';
import { titleLines } from './typeset.js';
import { breakdownsIn, ratesIn } from './summary-check.js';

/**
 * Word → PDF through LibreOffice, read back with pdftotext. Where LibreOffice (or poppler's
 * pdftotext) is missing the suite is skipped with a message; with REQUIRE_LIBREOFFICE=1 (CI) a
 * missing one fails. The demo year's summary is also rendered to PNG pages (pdftoppm) under
 * test-results/documents/, to be looked at.
 */
const has = (program: string) => {
  try {
    execFileSync('sh', ['-c', `command -v ${program}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};
const available = !!libreOfficePath() && has('pdftotext');
if (!available) {
  if (process.env.REQUIRE_LIBREOFFICE)
    throw new Error('LibreOffice and pdftotext are required here (REQUIRE_LIBREOFFICE=1) but missing');
  console.warn(
    '[documents-pdf] skipped: LibreOffice (libreoffice-writer-nogui) or pdftotext (poppler-utils) is not installed',
  );
}

const resultsDir = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../../test-results/documents',
);

let t: TestApp;
let committee: TestClient;
let campaignId: number;
let work: string;

/** The PDF's text; the file and its pages as PNG stay under test-results/documents/ to be looked at. */
function pdfText(pdf: Buffer, name: string): string {
  const file = path.join(work, `${name}.pdf`);
  writeFileSync(file, pdf);
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(path.join(resultsDir, `${name}.pdf`), pdf);
  if (has('pdftoppm'))
    execFileSync('pdftoppm', ['-r', '70', '-png', file, path.join(resultsDir, name)], { stdio: 'ignore' });
  return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}

/** A page that begins a meeting's record: its title, then the header block. */
const recordPage = /^\S{2,40}?(会议记录|党课记录|活动记录)(会议|活动)名称/;

/** pdftotext lays text out in columns: compare without spaces and line breaks. */
const squeeze = (s: string) => s.replace(/\s+/g, '');
/** A value as the document prints it: Chinese punctuation, compared without spaces. */
const printed = (s: string) => squeeze(cnPunctuation(s));

/** The title is set on the lines typeset.ts chose: each printed line is one of them, whole. */
function expectTitle(raw: string, title: string) {
  const lines = raw.split('\n').map((l) => l.replace(/\s+/g, ''));
  for (const line of titleLines(title)) expect(lines).toContain(line);
}

/** The fonts the PDF embeds: the official faces mapped to Noto CJK, never a Latin face for Chinese. */
function expectCjkFaces(pdf: Buffer) {
  const file = path.join(work, 'fonts.pdf');
  writeFileSync(file, pdf);
  const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' });
  expect(fonts).toMatch(/NotoSerifCJK\S*-Regular/);
  expect(fonts).toMatch(/NotoSerifCJK\S*-Bold/);
  expect(fonts).not.toMatch(/DejaVu/);
}

// Each conversion starts LibreOffice (13 s quiet, over 30 s beside the rest of CI).
describe.skipIf(!available)('PDF through LibreOffice', { timeout: 120_000 }, () => {
  beforeAll(async () => {
    t = await createTestApp({ demoActivity: true });
    committee = await t.login('jiguan');
    const campaigns = json<{ items: { id: number; year: number }[] }>(await committee.get('/api/campaigns'));
    campaignId = campaigns.items.find((c) => c.year === 2020)!.id;
    work = mkdtempSync(path.join(tmpdir(), 'duibiao-pdf-test-'));
  });
  afterAll(async () => {
    await t?.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('says PDF is available', async () => {
    expect(json(await committee.get('/api/documents/capabilities'))).toEqual({ pdf: true, reason: null });
  });

  it('converts a monthly bulletin, with its headings and numbers', async () => {
    const res = await committee.get(
      `/api/documents/bulletin?campaignId=${campaignId}&periodKey=2020-06&format=pdf`,
    );
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const raw = pdfText(res.rawPayload, 'bulletin');
    const text = squeeze(raw);
    expect(text).toContain('关于2020年6月机关党支部“五个一”对标活动开展情况的通报');
    // Two whole lines, “关于……“五个一”” over “对标活动开展情况的通报”, never “对/标”.
    expectTitle(raw, '关于2020年6月机关党支部“五个一”对标活动开展情况的通报');
    expect(titleLines('关于2020年6月机关党支部“五个一”对标活动开展情况的通报')).toHaveLength(2);
    expectCjkFaces(res.rawPayload);
    for (const h of [
      '一、规定动作完成情况',
      '二、各支部开展情况',
      '三、补报、逾期和退回情况',
      '四、工作亮点',
      '六、融合成效',
      '七、新闻宣传情况',
    ])
      expect(text).toContain(h);
    const matrix = json<{ cells: { periodKey: string; total: number; done: number; doneLate: number }[] }>(
      await committee.get(`/api/dashboard/matrix?campaignId=${campaignId}`),
    );
    const june = matrix.cells.filter((c) => c.periodKey === '2020-06');
    const total = june.reduce((s, c) => s + c.total, 0);
    const done = june.reduce((s, c) => s + c.done + c.doneLate, 0);
    expect(text).toContain(`应完成规定动作${total}项`);
    expect(text).toContain(`已完成${done}项`);
  });

  it('converts the annual summary; its pages read like the article’s section (三) with the data’s numbers', async () => {
    const view = json<SummaryView>(await committee.get(`/api/documents/summary?campaignId=${campaignId}`));
    const value = (name: string) => view.placeholders.find((p) => p.name === name)!.value;
    const res = await committee.get(`/api/documents/summary/file?campaignId=${campaignId}&format=pdf`);
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    const raw = pdfText(res.rawPayload, 'summary');
    const text = squeeze(raw);
    expect(text).toContain('2020年机关党支部“五个一”对标活动工作总结');
    expectTitle(raw, '2020年机关党支部“五个一”对标活动工作总结');
    expect(text).toContain('从3月开始至12月共10个月的实践中');
    for (const h of ['一、基本情况', '二、主要做法和成效', '三、存在的问题和不足', '四、下一步工作打算'])
      expect(text).toContain(h);
    expect(text).toContain('（一）学习研讨通过组织学习研讨');
    expect(text).toContain(`各支部共组织学习研讨${value('学习次数')}次`);
    expect(text).toContain('（二）主题党日通过开展“主题党日”活动');
    expect(text).toContain(`共开展主题党日活动${value('主题党日次数')}次`);
    expect(text).toContain(`共修订制度或流程${value('修订制度数')}项`);
    expect(text).toContain(`共为基层解决困难和问题${value('解决问题数')}个`);
    expect(text).toContain(`共发布宣传稿件${value('宣传稿件数')}篇`);
    expect(text).toContain('典型案例');
    // Every rate, as printed, names what it counts and its base; every breakdown adds up.
    const rates = ratesIn(text);
    expect(rates.length).toBeGreaterThanOrEqual(3);
    for (const r of rates)
      expect(r[0]).toMatch(/^\d+(\.\d+)?%（[^）/]+\d+(项|人次|个)\/[^）]+\d+(项|人次|个)）/);
    const sums = breakdownsIn(text);
    expect(sums.length).toBeGreaterThanOrEqual(8);
    for (const b of sums)
      expect(
        b.parts.reduce((s, n) => s + n, 0),
        b.text,
      ).toBe(b.total);
    expectCjkFaces(res.rawPayload);

    // Several pages, rendered for a person to look at (test-results/documents/summary-N.png).
    if (has('pdftoppm'))
      expect(readdirSync(resultsDir).filter((f) => /^summary-\d+\.png$/.test(f)).length).toBeGreaterThan(1);
  }, 180_000);

  it('converts a meeting record with its header fields and its start–end time', async () => {
    const studies = json<{ items: RecordSummary[] }>(
      await committee.get(`/api/records?campaignId=${campaignId}&kind=study&status=approved&limit=1`),
    );
    const r = json<RecordDetail>(await committee.get(`/api/records/${studies.items[0]!.id}`));
    const d = r.data as { startTime: string; endTime: string; place?: string; platform?: string };
    const person = (key: 'hostPersonId' | 'recorderPersonId') =>
      r.personNames[String((r.data as Record<string, number>)[key])]!;
    const res = await committee.get(`/api/documents/records/${r.id}/meeting-record?format=pdf`);
    expect(res.statusCode).toBe(200);
    const text = squeeze(pdfText(res.rawPayload, 'meeting'));
    expect(d.startTime).toMatch(/^\d\d:\d\d$/);
    expect(text).toContain(`会议名称${printed(r.title)}`);
    expect(text).toContain(`会议时间${cnDate(r.occurredOn)}${d.startTime}—${d.endTime}`);
    expect(text).toContain(`会议地点${printed(d.place || d.platform || '')}`);
    expect(text).toContain(`主持人${person('hostPersonId')}`);
    expect(text).toContain(`记录人${person('recorderPersonId')}`);
    expect(text).toContain(`应到人数${r.attendanceSummary.expected}人`);
    expect(text).toContain(`实到人数${r.attendanceSummary.present}人`);
    expect(text).toMatch(/主持人（签字）：\s*记录人（签字）：/);
  });

  it('binds a branch’s meetings of a month into one record book, each on its own page, in order', async () => {
    const list = async (kind: string) =>
      json<{ items: RecordSummary[] }>(
        await committee.get(`/api/records?campaignId=${campaignId}&periodKey=2020-06&kind=${kind}&limit=200`),
      ).items;
    const june = [...(await list('study')), ...(await list('theme_day'))].filter(
      (m) => m.status === 'approved',
    );
    // The branch with the most meetings that month.
    const counts = new Map<number, number>();
    for (const m of june) counts.set(m.branchId, (counts.get(m.branchId) ?? 0) + 1);
    const branchId = [...counts].sort((a, b) => b[1] - a[1])[0]![0];
    const meetings = june
      .filter((m) => m.branchId === branchId)
      .sort((a, b) => a.occurredOn.localeCompare(b.occurredOn) || a.id - b.id);
    expect(meetings.length).toBeGreaterThan(1);
    const res = await committee.get(
      `/api/documents/meeting-book?campaignId=${campaignId}&branchId=${branchId}&periodKey=2020-06&format=pdf`,
    );
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect(decodeURIComponent(String(res.headers['content-disposition']))).toContain(
      `${meetings[0]!.branchName}会议记录本（2020年6月）.pdf`,
    );
    const pages = pdfText(res.rawPayload, 'meeting-book').split('\f').map(squeeze);
    // The cover lists every meeting; then each meeting's record begins a page of its own.
    expect(pages[0]).toContain(`${meetings[0]!.branchName}会议记录本`);
    expect(pages[0]).toContain(`共${meetings.length}次`);
    const starts = meetings.map((m) =>
      pages.findIndex(
        (p, i) =>
          i > 0 &&
          recordPage.test(p) &&
          p.includes(`名称${printed(m.title)}`) &&
          p.includes(`时间${cnDate(m.occurredOn)}`),
      ),
    );
    for (const [i, page] of starts.entries()) {
      expect(page, meetings[i]!.title).toBeGreaterThan(0);
      if (i > 0) expect(page).toBeGreaterThan(starts[i - 1]!);
    }
    // Nothing else starts a page as a record: every meeting of the month, no other.
    expect(pages.filter((p) => recordPage.test(p)).length).toBe(meetings.length);
  }, 180_000);
});
