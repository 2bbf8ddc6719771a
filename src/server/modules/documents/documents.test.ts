import JSZip from 'jszip';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordDetail } from '../../../common/api/records.js';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { json, type TestClient } from '../../test/test-client.js';
import { cnPunctuation as cn } from './docx-kit.js';
import { overrideLibreOffice } from './pdf.js';
import { breakdownsIn, ratesIn } from './summary-check.js';

/**
 * The documents of the demo year, opened with a Word reader and checked against the records and
 * the dashboard's numbers.
 */
let t: TestApp;
let committee: TestClient;
let campaignId: number;

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const cnDate = (iso: string) => iso.replace(/^(\d{4})-0?(\d+)-0?(\d+)$/, '$1年$2月$3日');

async function docxText(client: TestClient, url: string): Promise<string> {
  const res = await client.get(url);
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  expect(res.headers['content-type']).toBe(DOCX);
  expect(res.headers['content-disposition']).toMatch(/^attachment; filename=".*\.docx"; filename\*=UTF-8''/);
  return (await mammoth.extractRawText({ buffer: res.rawPayload })).value;
}

/** The text of a piece of WordprocessingML: its runs' text, one paragraph a line. */
const plainText = (xml: string) =>
  xml
    .replace(/<\/w:p>/g, '\n')
    .replace(/<w:tab\/>/g, '\t')
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'");

type Summary = { id: number; title: string; branchId: number; branchName: string; periodKey: string };
async function records(client: TestClient, query: string): Promise<Summary[]> {
  return json<{ items: Summary[] }>(
    await client.get(`/api/records?campaignId=${campaignId}&limit=500&${query}`),
  ).items;
}

beforeAll(async () => {
  t = await createTestApp({ demoActivity: true });
  committee = await t.login('jiguan');
  const campaigns = json<{ items: { id: number; year: number }[] }>(await committee.get('/api/campaigns'));
  campaignId = campaigns.items.find((c) => c.year === 2020)!.id;
});
afterAll(async () => t.close());

describe('meeting record (会议记录)', () => {
  it('lays out a study session from its record: time, place, form, attendance with reasons, content', async () => {
    // A session with someone on leave, so the reasons show.
    const studies = await records(committee, 'kind=study&status=approved');
    let detail: RecordDetail | undefined;
    for (const s of studies) {
      const d = json<RecordDetail>(await committee.get(`/api/records/${s.id}`));
      if (d.attendance.some((a) => a.status === 'leave')) {
        detail = d;
        break;
      }
    }
    expect(detail).toBeDefined();
    const r = detail!;
    const text = await docxText(committee, `/api/documents/records/${r.id}/meeting-record`);
    const data = r.data as {
      place: string;
      minutes: string;
      hostPersonId: number;
      recorderPersonId: number;
    };
    expect(text).toContain(`${r.branchName}`);
    // The demo's secretary chairs and its organisation member minutes: both named, not blank.
    expect(r.personNames[data.hostPersonId]).toBeTruthy();
    expect(text).toContain(`主持人\n\n${r.personNames[data.hostPersonId]}`);
    expect(text).toContain(`记录人\n\n${r.personNames[data.recorderPersonId]}`);
    expect(text).toContain('会议记录');
    expect(text).toContain(cn(r.title));
    expect(text).toContain(cnDate(r.occurredOn));
    expect(text).toContain(cn(data.place));
    expect(text).toContain(cn(data.minutes));
    expect(text).toContain(`应到人数\n\n${r.attendanceSummary.expected}人`);
    expect(text).toContain(`实到人数\n\n${r.attendanceSummary.present}人`);
    for (const a of r.attendance) {
      if (a.status === 'leave') expect(text).toContain(cn(`${a.name}(${a.reason})`));
      else expect(text).toContain(a.name);
    }
  });

  it('lays out a theme day with its theme, activity and summary', async () => {
    const [day] = await records(committee, 'kind=theme_day&status=approved&periodKey=2020-09');
    const r = json<RecordDetail>(await committee.get(`/api/records/${day!.id}`));
    const text = await docxText(committee, `/api/documents/records/${r.id}/meeting-record`);
    expect(text).toContain('主题党日活动记录');
    expect(text).toContain(cn(r.title));
    expect(text).toContain('观看影视');
    expect(text).toContain(cn((r.data as { summary: string }).summary));
  });

  it('follows the record’s visibility: own branch yes, another branch 404; only meetings', async () => {
    const [own] = await records(committee, 'kind=study&branchId=1');
    const member = await t.login('dangyuan');
    const other = await t.login('zhibu2');
    expect((await member.get(`/api/documents/records/${own!.id}/meeting-record`)).statusCode).toBe(200);
    expect((await other.get(`/api/documents/records/${own!.id}/meeting-record`)).statusCode).toBe(404);
    const [publicity] = await records(committee, 'kind=publicity&branchId=1');
    expect((await committee.get(`/api/documents/records/${publicity!.id}/meeting-record`)).statusCode).toBe(
      400,
    );
  });
});

describe('meeting record book (会议记录本)', () => {
  it('binds a branch’s year; a branch gets its own only, an empty or foreign month is refused', async () => {
    const secretary = await t.login('zhibu1');
    const book = (q: string, c = secretary) =>
      c.get(`/api/documents/meeting-book?campaignId=${campaignId}&${q}`);
    const meetings = [
      ...(await records(secretary, 'kind=study&branchId=1&status=approved')),
      ...(await records(secretary, 'kind=theme_day&branchId=1&status=approved')),
    ];
    const text = await docxText(secretary, `/api/documents/meeting-book?campaignId=${campaignId}&branchId=1`);
    expect(text).toContain('机关第一党支部会议记录本');
    expect(text).toContain('（2020年度）');
    expect(text).toContain(`共${meetings.length}次`);
    expect(text).toContain('仅收录已通过审核的记录');
    expect((await book('branchId=2')).statusCode).toBe(404);
    expect((await book('branchId=2', committee)).statusCode).toBe(200);
    const outside = await book('branchId=1&periodKey=2020-01');
    expect(outside.statusCode).toBe(400);
    expect(outside.body).toContain('该月份不在活动期间内');
  });
});

describe('meeting record book: pages and statuses', () => {
  it('puts each approved meeting of the month on its own page with its header, in date order', async () => {
    const month = '2020-06';
    const meetings = [
      ...(await records(committee, `kind=study&branchId=1&periodKey=${month}&status=approved`)),
      ...(await records(committee, `kind=theme_day&branchId=1&periodKey=${month}&status=approved`)),
    ];
    expect(meetings.length).toBeGreaterThan(1);
    const details: RecordDetail[] = [];
    for (const m of meetings) details.push(json<RecordDetail>(await committee.get(`/api/records/${m.id}`)));
    details.sort((a, b) => a.occurredOn.localeCompare(b.occurredOn));
    const res = await committee.get(
      `/api/documents/meeting-book?campaignId=${campaignId}&branchId=1&periodKey=${month}`,
    );
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    const xml = await (await JSZip.loadAsync(res.rawPayload)).file('word/document.xml')!.async('string');
    // The contents page, then one page per meeting: a new page starts before each record only.
    const pages = xml.split('<w:pageBreakBefore/>').map(plainText);
    expect(pages).toHaveLength(details.length + 1);
    expect(pages[0]).toContain('目录');
    for (const [i, r] of details.entries()) {
      const page = pages[i + 1]!;
      expect(page, r.title).toContain(cn(r.title));
      expect(page).toContain(cnDate(r.occurredOn));
      // A theme day names itself an activity (活动名称, 活动时间…), a study session a meeting.
      const what = r.kind === 'study' ? '会议' : '活动';
      for (const field of [
        `${what}名称`,
        `${what}时间`,
        `${what}地点`,
        '主持人',
        '记录人',
        '应到人数',
        '实到人数',
      ])
        expect(page, `${r.title}: ${field}`).toContain(field);
      expect(page).toContain(
        `${what}时间\n${cnDate(r.occurredOn)} ${(r.data as { startTime: string }).startTime}`,
      );
      expect(page).toContain(r.personNames[(r.data as { hostPersonId: number }).hostPersonId]);
    }
  });

  it('holds approved records by default; asked, the others too, each marked with its status', async () => {
    const [pending] = await records(committee, 'kind=study&status=submitted');
    expect(pending).toBeDefined();
    const url = `/api/documents/meeting-book?campaignId=${campaignId}&branchId=${pending!.branchId}&periodKey=${pending!.periodKey}`;
    const ownText = async (u: string) => {
      const res = await committee.get(u);
      if (res.statusCode === 400) return '';
      expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
      return (await mammoth.extractRawText({ buffer: res.rawPayload })).value;
    };
    expect(await ownText(url)).not.toContain(cn(pending!.title));
    const all = await ownText(`${url}&includeUnapproved=true`);
    expect(all).toContain(cn(pending!.title));
    expect(all).toMatch(/尚未通过审核，已在目录和该次记录中注明/);
    expect(all).toContain(cn('记录状态:待审核'));
  });
});

describe('monthly bulletin (月度通报)', () => {
  const month = '2020-10';

  it('has the month’s completion by branch, late and returned items, highlights, problems and publicity', async () => {
    const text = await docxText(
      committee,
      `/api/documents/bulletin?campaignId=${campaignId}&periodKey=${month}`,
    );
    expect(text).toContain('关于2020年10月机关党支部“五个一”对标活动开展情况的通报');
    for (const h of [
      '一、规定动作完成情况',
      '二、各支部开展情况',
      '三、补报、逾期和退回情况',
      '四、工作亮点',
      '五、为基层解决问题情况',
      '六、融合成效',
      '七、新闻宣传情况',
    ])
      expect(text).toContain(h);
    // The ranking is shown only where the campaign shows rankings (off in the demo year).
    expect(text).not.toContain('得分排名');

    const matrix = json<{
      branches: { id: number; name: string }[];
      cells: { branchId: number; periodKey: string; total: number; done: number; doneLate: number }[];
    }>(await committee.get(`/api/dashboard/matrix?campaignId=${campaignId}`));
    const cells = matrix.cells.filter((c) => c.periodKey === month);
    const total = cells.reduce((s, c) => s + c.total, 0);
    const done = cells.reduce((s, c) => s + c.done + c.doneLate, 0);
    const late = cells.reduce((s, c) => s + c.doneLate, 0);
    expect(text).toContain(cn(`应完成规定动作${total}项,其中按时完成${done - late}项`));
    expect(text).toMatch(new RegExp(`完成率[\\d.]+%\uff08已完成${done}项/应完成${total}项\uff09`));
    // Every breakdown adds up; every rate names its base.
    for (const b of breakdownsIn(text))
      expect(
        b.parts.reduce((x, n) => x + n, 0),
        b.text,
      ).toBe(b.total);
    for (const r of ratesIn(text)) expect(r[0]).toMatch(/^\d+(\.\d+)?%\uff08[^\uff09]+\/[^\uff09]+\uff09/);
    for (const b of matrix.branches) {
      const c = cells.find((x) => x.branchId === b.id)!;
      expect(text).toContain(`${b.name}`);
      expect(text).toMatch(new RegExp(`${b.name}[\\s\\S]*?${c.done + c.doneLate}/${c.total}`));
    }

    const indicators = json<{ highlights: { title: string; branchName: string }[] }>(
      await committee.get(`/api/dashboard/indicators?campaignId=${campaignId}&from=${month}&to=${month}`),
    );
    for (const h of indicators.highlights) expect(text).toContain(cn(h.title));
    for (const p of await records(committee, `kind=grassroots_problem&status=approved&periodKey=${month}`))
      expect(text).toContain(cn(p.title));
    const publicity = await records(committee, `kind=publicity&status=approved&periodKey=${month}`);
    expect(publicity.length).toBeGreaterThan(0);
    for (const p of publicity) expect(text).toContain(cn(p.title));
  });

  it('says per branch what was done and its attendance with the base, and each problem with the unit’s own rating', async () => {
    const text = await docxText(
      committee,
      `/api/documents/bulletin?campaignId=${campaignId}&periodKey=${month}`,
    );
    const section = text.slice(text.indexOf('二、各支部开展情况'), text.indexOf('三、补报、逾期和退回情况'));
    for (const r of await records(committee, `status=approved&periodKey=${month}`))
      expect(section).toContain(r.branchName);
    const studies = await records(committee, `kind=study&status=approved&periodKey=${month}`);
    for (const s of studies) expect(section).toContain(s.title.replace(/“/g, '‘').replace(/”/g, '’'));
    expect(section).toMatch(/应到\d+人次\uff0c其中实到\d+人次/);
    expect(section).toMatch(/出勤率[\d.]+%\uff08实到\d+人次\/应到\d+人次\uff09/);

    // The unit's rating as given: the demo units rated many problems 3 of 5, and said so.
    const year = json<{
      items: { title: string; satisfaction: number | null; confirmComment: string | null; state: string }[];
    }>(await committee.get(`/api/problems?state=confirmed`)).items;
    let threes = 0;
    for (const m of ['2020-04', '2020-05', '2020-06', month]) {
      const b = await docxText(committee, `/api/documents/bulletin?campaignId=${campaignId}&periodKey=${m}`);
      const solved = b.slice(b.indexOf('为基层解决问题情况'), b.indexOf('新闻宣传情况'));
      for (const p of year.filter((x) => x.state === 'confirmed' && solved.includes(cn(x.title)))) {
        const words = { 5: '满意', 4: '比较满意', 3: '基本满意' }[p.satisfaction as 3 | 4 | 5];
        expect(solved).toContain(`评价为“${words}”\uff08${p.satisfaction}分`);
        if (p.satisfaction === 3) threes++;
      }
      expect(solved).not.toContain('基层单位表示满意');
    }
    expect(threes).toBeGreaterThan(0);
    // Channels by their names, not codes.
    expect(text).toContain('公司网站');
    expect(text).not.toMatch(/\b(website|wechat|weixin|newsletter)\b/);
  });

  it('names returned items with the reason, and the ranking once the campaign shows it', async () => {
    const june = '2020-06';
    const details = await Promise.all(
      (await records(committee, `periodKey=${june}`)).map(async (r) =>
        json<RecordDetail>(await committee.get(`/api/records/${r.id}`)),
      ),
    );
    const returned = details.filter((d) => d.reviews.some((x) => x.decision === 'returned'));
    expect(returned.length).toBeGreaterThan(0);
    const patched = await committee.patch(`/api/campaigns/${campaignId}`, { branchesSeeRanking: true });
    expect(patched.statusCode, patched.body).toBe(200);
    try {
      const text = await docxText(
        committee,
        `/api/documents/bulletin?campaignId=${campaignId}&periodKey=${june}`,
      );
      for (const r of returned) {
        const reason = r.reviews.find((x) => x.decision === 'returned')!.comment;
        expect(text).toContain(cn(`${r.branchName}:“${r.title}”被退回修改,原因:${reason}`));
      }
      expect(text).toContain(cn('八、得分排名(内部)'));
      const ranking = json<{ rows: { branchName: string; score: number; max: number; rank: number }[] }>(
        await committee.get(`/api/dashboard/ranking?campaignId=${campaignId}&periodKey=${june}`),
      );
      for (const r of ranking.rows)
        expect(text).toMatch(new RegExp(`${r.rank}\\s+${r.branchName}\\s+${r.score}/${r.max}`));

      // A branch sees the ranking, but other branches' returns, problems and publicity stay theirs.
      const member = await t.login('dangyuan');
      const own = await docxText(
        member,
        `/api/documents/bulletin?campaignId=${campaignId}&periodKey=${june}`,
      );
      expect(own).toContain(cn('八、得分排名(内部)'));
      for (const r of returned) {
        const reason = cn(r.reviews.find((x) => x.decision === 'returned')!.comment ?? '');
        if (r.branchId === 1) expect(own).toContain(reason);
        else expect(own).not.toContain(reason);
      }
      const othersRecords = details.filter(
        (d) =>
          d.branchId !== 1 && d.status === 'approved' && ['grassroots_problem', 'publicity'].includes(d.kind),
      );
      // Highlights are the exception: shared with every branch that sees the ranking, as on the dashboard.
      const shared = json<{ highlights: { title: string }[] }>(
        await member.get(`/api/dashboard/indicators?campaignId=${campaignId}&from=${june}&to=${june}`),
      ).highlights.map((h) => h.title);
      const notShared = othersRecords.filter((d) => !shared.includes(d.title));
      expect(notShared.length).toBeGreaterThan(0);
      for (const d of notShared) expect(own).not.toContain(cn(d.title));
    } finally {
      await committee.patch(`/api/campaigns/${campaignId}`, { branchesSeeRanking: false });
    }
  });

  it('gives a branch its own copy, and refuses months outside the campaign and other roles', async () => {
    const secretary = await t.login('zhibu1');
    const text = await docxText(
      secretary,
      `/api/documents/bulletin?campaignId=${campaignId}&periodKey=${month}`,
    );
    expect(text).toContain('机关第一党支部');
    for (const other of ['机关第二党支部', '机关第三党支部', '机关第四党支部', '机关第五党支部'])
      expect(text).not.toContain(other);
    const outside = await committee.get(`/api/documents/bulletin?campaignId=${campaignId}&periodKey=2020-01`);
    expect(outside.statusCode).toBe(400);
    const leader = await t.login('lingdao');
    expect(
      (await leader.get(`/api/documents/bulletin?campaignId=${campaignId}&periodKey=${month}`)).statusCode,
    ).toBe(403);
  });
});

describe('without LibreOffice', () => {
  it('says PDF is unavailable and why, and answers a PDF request with a clear refusal', async () => {
    overrideLibreOffice(null);
    try {
      const caps = json<{ pdf: boolean; reason: string }>(await committee.get('/api/documents/capabilities'));
      expect(caps.pdf).toBe(false);
      expect(caps.reason).toContain('LibreOffice');
      const res = await committee.get(
        `/api/documents/bulletin?campaignId=${campaignId}&periodKey=2020-10&format=pdf`,
      );
      expect(res.statusCode).toBe(409);
      expect(json<{ error: { code: string; message: string } }>(res).error).toMatchObject({
        code: 'PDF_UNAVAILABLE',
        message: expect.stringContaining('Word'),
      });
      // Word still works.
      expect(
        (await committee.get(`/api/documents/bulletin?campaignId=${campaignId}&periodKey=2020-10`))
          .statusCode,
      ).toBe(200);
    } finally {
      overrideLibreOffice(undefined);
    }
  });
});
