import type ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { jpeg, recordOf } from '../../test/fixtures.js';
import { json, type TestClient } from '../../test/test-client.js';
import { readXlsx } from '../../test/xlsx-fixtures.js';
import { textWidth } from './ledger-print.js';

// The ledgers as paper: how they print, which records they hold by default, and what an
// inspector finds in them besides the records' fields (reviews, follow-ups, evidence, scores).

let t: TestApp;
let committee: TestClient;
let campaignId: number;

type Summary = {
  id: number;
  branchId: number;
  title: string;
  status: string;
  kind: string;
  taskId: number | null;
};

beforeAll(async () => {
  t = await createTestApp({ demoActivity: true });
  committee = await t.login('jiguan');
  const campaigns = json<{ items: { id: number; year: number }[] }>(await committee.get('/api/campaigns'));
  campaignId = campaigns.items.find((x) => x.year === 2020)!.id;
});
afterAll(async () => t.close());

async function records(query: string): Promise<Summary[]> {
  const out: Summary[] = [];
  for (let offset = 0; ; offset += 500) {
    const page = json<{ total: number; items: Summary[] }>(
      await committee.get(`/api/records?campaignId=${campaignId}&limit=500&offset=${offset}&${query}`),
    );
    out.push(...page.items);
    if (out.length >= page.total) return out;
  }
}

async function ledger(kind: string, query = '') {
  const res = await committee.get(`/api/ledgers/${kind}?campaignId=${campaignId}${query}`);
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  return readXlsx(res.rawPayload);
}

/** The header row (the row whose first cell is 序号 or 台账序号), its headers and data rows. */
function table(sheet: ExcelJS.Worksheet) {
  let headerRow = 0;
  for (let r = 1; r <= 12 && !headerRow; r++)
    if (String(sheet.getCell(r, 1).value).endsWith('序号')) headerRow = r;
  const headers = (sheet.getRow(headerRow).values as unknown[]).slice(1) as string[];
  const rows: { row: ExcelJS.Row; at: (h: string) => ExcelJS.Cell }[] = [];
  for (let r = headerRow + 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    if (typeof row.getCell(1).value !== 'number') continue;
    rows.push({ row, at: (h) => row.getCell(headers.indexOf(h) + 1) });
  }
  return { headerRow, headers, rows };
}

const text = (c: ExcelJS.Cell) => {
  const v = c.value as unknown;
  if (v && typeof v === 'object' && 'text' in v) return String((v as { text: unknown }).text);
  return v === null || v === undefined ? '' : String(v);
};

describe('ledgers print on A4 at a readable size', () => {
  it('prints landscape A4 at full size, repeating the header row, numbering the pages', async () => {
    for (const kind of ['study', 'rule_revision', 'tasks', 'attendance']) {
      const workbook = await ledger(kind);
      for (const sheet of workbook.worksheets) {
        const { headerRow, headers } = table(sheet);
        const setup = sheet.pageSetup;
        expect(setup.paperSize, kind).toBe(9);
        expect(setup.orientation, kind).toBe('landscape');
        // Never shrunk to a page's width: a wide ledger runs on over several pages.
        expect(setup.fitToPage, kind).toBeFalsy();
        expect(setup.fitToWidth, kind).not.toBe(1);
        expect(setup.scale ?? 100, kind).toBeGreaterThanOrEqual(100);
        expect(setup.pageOrder, kind).toBe('overThenDown');
        expect(setup.printTitlesRow, kind).toBe(`${headerRow}:${headerRow}`);
        expect(setup.printTitlesColumn, kind).toBe('A:B');
        expect(sheet.headerFooter.oddFooter, kind).toBe('&C第 &P 页 共 &N 页');
        expect(sheet.headerFooter.oddHeader, kind).toContain('台账');
        expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: headerRow, xSplit: 2 });
        expect(headers.length).toBeGreaterThan(5);
      }
    }
  });

  it('sizes columns to their content and wraps long text into taller rows, never below 9 pt', async () => {
    const sheet = (await ledger('study')).worksheets[0]!;
    const { headers, rows } = table(sheet);
    expect(headers.length).toBeGreaterThanOrEqual(27);
    let wrapped = 0;
    for (const [i, h] of headers.entries()) {
      const width = sheet.getColumn(i + 1).width ?? 9;
      const widest = Math.max(...rows.map((r) => textWidth(text(r.at(h)))));
      // Narrow content gets a narrow column (no wider than the header or its widest value needs)…
      expect(width, h).toBeLessThanOrEqual(Math.max(widest, textWidth(h), 10) + 2);
      // …a short header is never cut: its column is at least as wide as it is.
      if (textWidth(h) <= 10) expect(width, h).toBeGreaterThanOrEqual(textWidth(h));
      for (const r of rows) {
        const cell = r.at(h);
        expect(cell.font?.size ?? 11, h).toBeGreaterThanOrEqual(9);
        if (typeof cell.value === 'string') {
          expect(cell.alignment?.wrapText, h).toBe(true);
          if (textWidth(cell.value) > width) {
            wrapped++;
            // The row is tall enough for the wrapped lines (15.5 pt a line).
            const lines = Math.ceil(textWidth(cell.value) / width);
            expect(r.row.height, h).toBeGreaterThanOrEqual(Math.min(lines * 15.5, 400) * 0.9);
          }
        }
      }
    }
    expect(wrapped).toBeGreaterThan(10);
    // The ledger is wider than a page (about 148 units of A4 landscape at full size).
    const total = headers.reduce((s, _, i) => s + (sheet.getColumn(i + 1).width ?? 9), 0);
    expect(total).toBeGreaterThan(148);
  });
});

describe('which records a ledger holds', () => {
  it('lists approved records by default, and on request the others too, shaded and with their status', async () => {
    let checked = 0;
    for (const kind of [
      'study',
      'theme_day',
      'rule_revision',
      'grassroots_problem',
      'publicity',
      'optional',
    ]) {
      const all = await records(`kind=${kind}`);
      const approved = all.filter((r) => r.status === 'approved');
      const byDefault = table((await ledger(kind)).worksheets[0]!);
      expect(byDefault.rows, kind).toHaveLength(approved.length);
      expect(
        byDefault.rows.every((r) => r.at('状态').value === '已通过'),
        kind,
      ).toBe(true);

      const sheet = (await ledger(kind, '&includeUnapproved=true')).worksheets[0]!;
      const everything = table(sheet);
      expect(everything.rows, kind).toHaveLength(all.length);
      expect(String(sheet.getCell(5, 1).value)).toContain('未通过审核的记录以黄色底纹标出');
      for (const r of everything.rows) {
        const fill = (r.at('序号').fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb;
        if (r.at('状态').value === '已通过') expect(fill, kind).toBeUndefined();
        else {
          expect(['草稿', '待审核', '已退回']).toContain(r.at('状态').value);
          expect(fill, kind).toBe('FFFFF2CC');
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(0);
  });
});

describe('what an inspector asks besides the fields', () => {
  it('the revision ledger names the reviewing leader and date, the 文号, publication and each follow-up', async () => {
    const revisions = json<{
      items: {
        recordId: number;
        ruleTitle: string;
        recordStatus: string;
        documentNo: string | null;
        leaderReviews: { leader: string; at: string; decision: string }[];
        followups: { dueOn: string; note: string | null }[];
      }[];
    }>(await committee.get(`/api/revisions?campaignId=${campaignId}`)).items;
    const { headers, rows } = table((await ledger('rule_revision')).worksheets[0]!);
    for (const h of ['审核领导', '审核日期', '审核意见', '文号', '发布日期']) expect(headers).toContain(h);
    const followHeader = headers.find((h) => h.startsWith('效果跟踪'))!;
    expect(followHeader).toBeDefined();

    const reviewed = revisions.filter(
      (r) => r.recordStatus === 'approved' && r.leaderReviews.length && r.followups.some((f) => f.note),
    );
    expect(reviewed.length).toBeGreaterThan(0);
    for (const rev of reviewed) {
      const row = rows.find((r) => r.at('制度或流程名称').value === rev.ruleTitle)!;
      expect(row, rev.ruleTitle).toBeDefined();
      const last = rev.leaderReviews.at(-1)!;
      expect(row.at('审核领导').value).toBe(last.leader);
      const day = new Date(Date.parse(last.at) + 8 * 3600_000).toISOString().slice(0, 10);
      expect((row.at('审核日期').value as Date).toISOString().slice(0, 10)).toBe(day);
      expect(text(row.at('文号'))).toBe(rev.documentNo ?? '');
      const follow = text(row.at(followHeader));
      for (const f of rev.followups) {
        expect(follow).toContain(f.dueOn);
        if (f.note) expect(follow).toContain(f.note);
      }
    }
  });

  it('a meeting’s row has its time, platform, host and recorder, 列席 and each agenda item with its decision', async () => {
    const secretary = await t.login('zhibu1');
    const draft = recordOf('study', campaignId, 1, '2020-06-10');
    const body = { ...draft, data: { ...draft.data, attendees: [{ name: '刘明', unit: '公司纪委' }] } };
    const created = await secretary.post('/api/records', body);
    expect(created.statusCode, created.body).toBe(200);
    const sheet = (await ledger('study', '&includeUnapproved=true')).worksheets[0]!;
    const { headers, rows } = table(sheet);
    for (const h of ['时间', '地点或线上平台', '主持人', '记录人', '列席人员', '授课人'])
      expect(headers).toContain(h);
    const row = rows.find((r) => text(r.at('列席人员')) === '刘明(公司纪委)')!;
    expect(row).toBeDefined();
    expect(text(row.at('时间'))).toBe('14:30—16:00');
    expect(text(row.at('地点或线上平台'))).toBe('腾讯会议 会议号 / 群号 512 300 118');
    expect(text(row.at('主持人'))).not.toBe('');
    expect(text(row.at('记录人'))).not.toBe('');
    // The speeches are left to the meeting record book, and the minutes too: the ledger says so.
    expect(text(row.at('议题及决议'))).toBe('1. 传达学习重要讲话精神\n决议:各党小组本月内组织一次交流。');
    expect(headers).not.toContain('会议记录');
    expect(text(sheet.getCell(sheet.rowCount, 1))).toContain('会议记录和发言摘要见会议记录本');
    expect(text(row.at('状态'))).toBe('草稿');
  });

  it('every ledger lists the evidence of each record, linked to the file for signed-in readers', async () => {
    // Files can be attached while a record is open (a draft or returned); the demo has some.
    const open = (await records('')).filter(
      (r) => (r.status === 'draft' || r.status === 'returned') && r.taskId !== null,
    );
    const one = open[0]!;
    const two = open[1]!;
    expect(open.length).toBeGreaterThanOrEqual(2);
    const photo = await jpeg();
    const upload = async (r: Summary, kind: string, name: string) => {
      const secretary = await t.login(`zhibu${r.branchId}`);
      const res = await secretary.upload(`/api/records/${r.id}/evidence`, { kind }, name, photo);
      expect(res.statusCode, res.body).toBe(200);
      return json<{ id: number }>(res).id;
    };
    const single = await upload(one, 'sign_in_sheet', '签到表.jpg');
    const first = await upload(two, 'photo', '现场照片1.jpg');
    const second = await upload(two, 'photo', '现场照片2.jpg');

    /** The evidence cell of the row that lists `file` (file names here are unique). */
    const cellOf = async (r: Summary, file: string) => {
      const workbook = await ledger(r.kind, '&includeUnapproved=true');
      const row = table(workbook.worksheets[0]!).rows.find((x) => text(x.at('佐证材料')).includes(file));
      expect(row, file).toBeDefined();
      return { workbook, cell: row!.at('佐证材料') };
    };

    const a = await cellOf(one, '签到表.jpg');
    expect(text(a.cell!)).toBe('签到表:签到表.jpg');
    expect((a.cell!.value as ExcelJS.CellHyperlinkValue).hyperlink).toMatch(
      new RegExp(`/api/evidence/${single}/file$`),
    );

    const b = await cellOf(two, '现场照片1.jpg');
    expect(text(b.cell!)).toContain('照片:现场照片1.jpg\n照片:现场照片2.jpg');
    expect(text(b.cell!)).toContain('共 2 份');
    const files = b.workbook.getWorksheet('佐证材料')!;
    expect(files).toBeDefined();
    const links = table(files).rows.map(
      (r) => r.at('文件(点击下载,需登录系统)').value as ExcelJS.CellHyperlinkValue,
    );
    expect(links.map((l) => l.text)).toEqual(['现场照片1.jpg', '现场照片2.jpg']);
    expect(links.map((l) => l.hyperlink.replace(/^.*\/api/, '/api'))).toEqual([
      `/api/evidence/${first}/file`,
      `/api/evidence/${second}/file`,
    ]);
    // The link is the download address: a signed-in reader gets the file.
    expect((await committee.get(`/api/evidence/${first}/file`)).statusCode).toBe(200);

    // The task ledger counts each task's files by kind.
    const tasks = table((await ledger('tasks')).worksheets[0]!).rows.map((r) => text(r.at('佐证材料')));
    expect(tasks.some((x) => x.includes('签到表 1 份'))).toBe(true);
    expect(tasks.some((x) => x.includes('照片 2 份'))).toBe(true);

    // Records without evidence say so.
    const { rows } = table((await ledger('study')).worksheets[0]!);
    expect(rows.some((r) => r.at('佐证材料').value === '无')).toBe(true);
  });

  it('the task ledger explains every score, and why one is above the action’s points', async () => {
    const { rows } = table((await ledger('tasks')).worksheets[0]!);
    const scored = rows.filter((r) => typeof r.at('得分').value === 'number');
    expect(scored.length).toBeGreaterThan(0);
    for (const r of scored) expect(text(r.at('计分说明')), text(r.at('规定动作'))).not.toBe('');
    const above = scored.filter((r) => (r.at('得分').value as number) > (r.at('分值').value as number));
    expect(above.length).toBeGreaterThan(0);
    for (const r of above) {
      const note = text(r.at('计分说明'));
      expect(note).toMatch(/质量评定“优”,加 \d+%/);
      expect(note).toContain(`得分高于分值 ${r.at('分值').value as number} 分`);
    }
    expect(rows.some((r) => text(r.at('计分说明')).includes('亮点'))).toBe(true);
  });
});
