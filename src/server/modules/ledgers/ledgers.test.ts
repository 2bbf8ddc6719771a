import { PassThrough } from 'node:stream';
import type ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { errorCode, json, type TestClient } from '../../test/test-client.js';
import { readXlsx } from '../../test/xlsx-fixtures.js';
import type { Actor } from '../../lib/actor.js';

let t: TestApp;
let committee: TestClient;
let campaignId: number;
let campaignName: string;

type Summary = { id: number; branchId: number; branchName: string; title: string; occurredOn: string };
type Task = {
  id: number;
  branchName: string;
  periodKey: string;
  title: string;
  status: string;
  dueDate: string;
};

beforeAll(async () => {
  t = await createTestApp({ demoActivity: true });
  committee = await t.login('jiguan');
  const campaigns = json<{ items: { id: number; year: number; name: string }[] }>(
    await committee.get('/api/campaigns'),
  );
  const c = campaigns.items.find((x) => x.year === 2020)!;
  campaignId = c.id;
  campaignName = c.name;
});
afterAll(async () => t.close());

async function records(client: TestClient, query: string): Promise<Summary[]> {
  const out: Summary[] = [];
  for (let offset = 0; ; offset += 500) {
    const page = json<{ total: number; items: Summary[] }>(
      await client.get(`/api/records?campaignId=${campaignId}&limit=500&offset=${offset}&${query}`),
    );
    out.push(...page.items);
    if (out.length >= page.total) return out;
  }
}

/** Downloads a ledger and opens it with exceljs. */
async function ledger(client: TestClient, kind: string, query = '') {
  const res = await client.get(`/api/ledgers/${kind}?campaignId=${campaignId}${query}`);
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  return { res, workbook: await readXlsx(res.rawPayload) };
}

/** The table under the title block: header names and the data rows as objects by header. */
function table(sheet: ExcelJS.Worksheet) {
  let headerRow = 0;
  for (let r = 1; r <= 12 && !headerRow; r++) if (sheet.getCell(r, 1).value === '序号') headerRow = r;
  const headers = (sheet.getRow(headerRow).values as unknown[]).slice(1) as string[];
  const rows: Record<string, unknown>[] = [];
  for (let r = headerRow + 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    if (typeof row.getCell(1).value !== 'number') continue;
    rows.push(Object.fromEntries(headers.map((h, i) => [h, row.getCell(i + 1).value])));
  }
  // The title block's lines read 标签:内容, one cell each.
  const block = Object.fromEntries(
    Array.from({ length: headerRow - 2 }, (_, i) => String(sheet.getCell(i + 2, 1).value ?? ''))
      .filter(Boolean)
      .map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 1)]),
  );
  return { title: String(sheet.getCell(1, 1).value), block, headers, rows };
}

const day = (v: unknown) => (v instanceof Date ? v.toISOString().slice(0, 10) : v);

describe('record ledgers (xlsx)', () => {
  it('the study ledger holds every approved study of the demo year, with a title block and attendance', async () => {
    const { res, workbook } = await ledger(committee, 'study');
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const disposition = String(res.headers['content-disposition']);
    expect(disposition).toMatch(/^attachment; filename="ledger-study-2020\.xlsx"; filename\*=UTF-8''/);
    expect(decodeURIComponent(disposition.split("UTF-8''")[1]!)).toBe(
      `学习研讨台账-${campaignName}-2020年3月至2020年12月.xlsx`.replace(/[\s"]/g, '_'),
    );

    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe('学习研讨台账');
    const { title, block, headers, rows } = table(sheet);
    expect(title).toBe('机关党委学习研讨台账');
    expect(block['单位']).toBe('华远工程有限公司 机关党委');
    expect(block['活动']).toBe(campaignName);
    expect(block['期间']).toBe('2020年3月至2020年12月');
    expect(block['导出人']).toContain('(jiguan)');
    expect(block['导出时间']).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    for (const h of ['党支部', '日期', '会议形式', '方式', '学习主题', '主持人', '应到', '实到', '出勤率'])
      expect(headers).toContain(h);

    expect(block['范围']).toBe('支部:全部支部;状态:已通过');
    const expected = await records(committee, 'kind=study&status=approved');
    expect(rows).toHaveLength(expected.length);
    expect(rows.length).toBeGreaterThanOrEqual(45);
    expect(new Set(rows.map((r) => r['标题']))).toEqual(new Set(expected.map((r) => r.title)));
    expect(rows.map((r) => r['序号'])).toEqual(rows.map((_, i) => i + 1));

    // One record in detail: date, branch and its attendance against those who should attend.
    type Detail = {
      data: { topic: string };
      attendance: { name: string; status: string; reason: string | null }[];
      attendanceSummary: { expected: number; present: number; leave: number; absent: number };
    };
    // A July study with someone on leave, so the reasons column has something to show.
    let sample = expected[0]!;
    let detail = json<Detail>(await committee.get(`/api/records/${sample.id}`));
    for (const candidate of expected.filter((r) => r.occurredOn.startsWith('2020-07'))) {
      sample = candidate;
      detail = json<Detail>(await committee.get(`/api/records/${sample.id}`));
      if (detail.attendanceSummary.leave > 0) break;
    }
    expect(detail.attendanceSummary.leave).toBeGreaterThan(0);
    const row = rows.find(
      (r) =>
        r['党支部'] === sample.branchName &&
        day(r['日期']) === sample.occurredOn &&
        r['标题'] === sample.title,
    )!;
    expect(row).toBeDefined();
    expect(row['学习主题']).toBe(detail.data.topic);
    expect(row['应到']).toBe(detail.attendanceSummary.expected);
    expect(row['实到']).toBe(detail.attendanceSummary.present);
    expect(row['请假']).toBe(detail.attendanceSummary.leave);
    expect(row['缺席']).toBe(detail.attendanceSummary.absent);
    expect(row['出勤率']).toBeCloseTo(
      detail.attendanceSummary.present / detail.attendanceSummary.expected,
      6,
    );
    expect(row['方式']).toBe('现场会议');
    const away = detail.attendance
      .filter((a) => a.status !== 'present')
      .map((a) => `${a.name}(${a.status === 'leave' ? '请假' : '缺席'}${a.reason ? `:${a.reason}` : ''})`)
      .join('、');
    expect(row['请假、缺席人员及原因']).toBe(away);
    expect(away).toMatch(/请假:/);
  });

  it('writes one ledger per kind, each with the kind’s records and its own columns', async () => {
    const checks: [string, string, string][] = [
      ['theme_day', '主题党日台账', '活动小结'],
      ['rule_revision', '制度修订台账', '文号'],
      ['grassroots_problem', '为基层解决问题台账', '满意度(1-5)'],
      ['publicity', '新闻宣传台账', '发布渠道(日期、链接或期号)'],
      ['optional', '自选动作台账', '创新之处'],
    ];
    for (const [kind, name, column] of checks) {
      const { workbook } = await ledger(committee, kind);
      const sheet = workbook.worksheets[0]!;
      expect(sheet.name).toBe(name);
      const { headers, rows } = table(sheet);
      expect(headers).toContain(column);
      const expected = await records(committee, `kind=${kind}&status=approved`);
      expect(rows, kind).toHaveLength(expected.length);
      expect(rows.length, kind).toBeGreaterThan(0);
    }
    const revisions = table((await ledger(committee, 'rule_revision')).workbook.worksheets[0]!).rows;
    expect(revisions.map((r) => r['制度或流程名称'])).toContain('公司纪委执纪办案工作实施办法');
    const publicity = table((await ledger(committee, 'publicity')).workbook.worksheets[0]!).rows;
    expect(publicity.some((r) => String(r['标题']).includes('公司举办首届BIM技术大赛'))).toBe(true);
    const problems = table((await ledger(committee, 'grassroots_problem')).workbook.worksheets[0]!).rows;
    expect(problems.some((r) => typeof r['满意度(1-5)'] === 'number')).toBe(true);
  });

  it('applies the filters on screen: month range, branch and status', async () => {
    const { workbook } = await ledger(
      committee,
      'theme_day',
      '&from=2020-05&to=2020-06&branchId=3&status=approved',
    );
    const { title, block, rows } = table(workbook.worksheets[0]!);
    expect(title).toBe('机关第三党支部主题党日台账');
    expect(block['期间']).toBe('2020年5月至2020年6月');
    expect(block['范围']).toBe('支部:机关第三党支部;状态:已通过');
    const expected = (await records(committee, 'kind=theme_day&branchId=3&status=approved')).filter(
      (r) => r.occurredOn >= '2020-05-01' && r.occurredOn <= '2020-06-30',
    );
    expect(rows).toHaveLength(expected.length);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r['党支部'] === '机关第三党支部' && r['状态'] === '已通过')).toBe(true);
  });

  it('gives a branch secretary only their own branch, and nothing to members or other branches', async () => {
    const secretary = await t.login('zhibu1');
    const { workbook } = await ledger(secretary, 'study');
    const { title, block, rows } = table(workbook.worksheets[0]!);
    expect(title).toBe('机关第一党支部学习研讨台账');
    expect(block['范围']).toContain('机关第一党支部');
    const own = await records(committee, 'kind=study&branchId=1&status=approved');
    expect(rows).toHaveLength(own.length);
    expect(rows.every((r) => r['党支部'] === '机关第一党支部')).toBe(true);

    const attendance = await ledger(secretary, 'attendance');
    for (const sheet of attendance.workbook.worksheets)
      expect(table(sheet).rows.every((r) => r['党支部'] === '机关第一党支部')).toBe(true);

    const other = await secretary.get(`/api/ledgers/study?campaignId=${campaignId}&branchId=2`);
    expect(other.statusCode).toBe(404);
    const member = await t.login('dangyuan');
    expect((await member.get(`/api/ledgers/study?campaignId=${campaignId}`)).statusCode).toBe(403);
    const bad = await committee.get(`/api/ledgers/tasks?campaignId=${campaignId}&status=draft`);
    expect(errorCode(bad)).toBe('VALIDATION_FAILED');
    const reversed = await committee.get(
      `/api/ledgers/study?campaignId=${campaignId}&from=2020-06&to=2020-05`,
    );
    expect(reversed.statusCode).toBe(400);
  });
});

describe('attendance and task ledgers', () => {
  it('lists each member’s attendance: totals with the rate against 应到, and every meeting', async () => {
    const { workbook } = await ledger(committee, 'attendance', '&branchId=2');
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['出勤汇总', '参学明细']);
    const totals = table(workbook.worksheets[0]!).rows;
    const lines = table(workbook.worksheets[1]!).rows;
    expect(totals.length).toBeGreaterThanOrEqual(9);
    const meetings = [
      ...(await records(committee, 'kind=study&branchId=2&status=approved')),
      ...(await records(committee, 'kind=theme_day&branchId=2&status=approved')),
    ];
    let expectedLines = 0;
    for (const m of meetings) {
      const d = json<{ attendance: unknown[] }>(await committee.get(`/api/records/${m.id}`));
      expectedLines += d.attendance.length;
    }
    expect(lines).toHaveLength(expectedLines);
    expect(totals.reduce((s, r) => s + (r['应参加次数'] as number), 0)).toBe(expectedLines);
    for (const person of totals) {
      const mine = lines.filter((l) => l['姓名'] === person['姓名'] && l['工号'] === person['工号']);
      expect(mine).toHaveLength(person['应参加次数'] as number);
      const present = mine.filter((l) => l['出勤情况'] === '出席').length;
      expect(person['出席']).toBe(present);
      expect(person['出勤率']).toBeCloseTo(present / mine.length, 6);
      expect(String(person['工号'])).toMatch(/^HY\d+$/);
    }
    // Absences carry their reasons where one was given (leave always has one in the demo year).
    const leave = lines.filter((l) => l['出勤情况'] === '请假');
    expect(leave.length).toBeGreaterThan(0);
    expect(leave.every((l) => typeof l['请假或缺席原因'] === 'string')).toBe(true);
  });

  it('the task ledger is the campaign’s branch × month × action table with status, due date and score', async () => {
    const { workbook } = await ledger(committee, 'tasks');
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe('月度任务台账');
    const { rows } = table(sheet);
    const tasks = json<{ items: Task[] }>(await committee.get(`/api/tasks?campaignId=${campaignId}`)).items;
    expect(rows).toHaveLength(250);
    expect(rows).toHaveLength(tasks.length);
    const labels: Record<string, string> = {
      done: '已完成',
      done_late: '补报完成',
      overdue: '已逾期',
      submitted: '待审核',
      returned: '已退回',
      in_progress: '填报中',
      not_started: '未开始',
    };
    for (const task of tasks) {
      const row = rows.find(
        (r) =>
          r['党支部'] === task.branchName && r['月份'] === task.periodKey && r['规定动作'] === task.title,
      )!;
      expect(row, `${task.branchName} ${task.periodKey} ${task.title}`).toBeDefined();
      expect(row['完成情况']).toBe(labels[task.status]);
      expect(day(row['截止日期'])).toBe(task.dueDate);
      if (task.status === 'done') expect(row['得分']).toBeGreaterThan(0);
      if (task.status === 'done_late') expect(row['补报']).toBe('是');
      if (task.status === 'overdue') expect(row['得分']).toBe(0);
      if (task.status === 'submitted') expect(row['得分']).toBeNull();
    }
    const overdue = await ledger(committee, 'tasks', '&status=overdue&from=2020-03&to=2020-12');
    expect(table(overdue.workbook.worksheets[0]!).rows).toHaveLength(
      tasks.filter((x) => x.status === 'overdue').length,
    );
  });

  it('records every export in the audit log: who exported which ledger with which filters', async () => {
    const secretary = await t.login('zhibu1');
    await ledger(secretary, 'attendance', '&from=2020-03&to=2020-04');
    const audit = json<{ items: { action: string; actorName: string; after: Record<string, unknown> }[] }>(
      await (await t.login('admin')).get('/api/audit?action=ledger.export&limit=100'),
    );
    const mine = audit.items.find((a) => a.after.ledger === 'attendance' && a.after.from === '2020-03');
    expect(mine).toBeDefined();
    expect(mine!.after).toMatchObject({ to: '2020-04', branchId: null });
    expect(String(mine!.after.fileName)).toContain('党员参学考勤台账');
  });

  it('streams through writeLedger for callers outside HTTP (benchmarks)', async () => {
    const chunks: Buffer[] = [];
    const stream = new PassThrough();
    stream.on('data', (c: Buffer) => chunks.push(c));
    const done = new Promise((resolve) => stream.on('end', resolve));
    const { user } = json<{ user: Actor }>(await committee.get('/api/auth/me'));
    const result = await t.app.services.ledgers.writeLedger(
      { actor: { ...user, userId: (user as unknown as { id: number }).id }, ip: null },
      'study',
      { campaignId },
      stream,
    );
    await done;
    const { rows } = table((await readXlsx(Buffer.concat(chunks))).worksheets[0]!);
    expect(rows).toHaveLength(result.rows);
    expect(result.rows).toBeGreaterThan(40);
  });
});
