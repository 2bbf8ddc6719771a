import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, people } from '../../db/schema/index.js';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { errorCode, json, type TestClient } from '../../test/test-client.js';
import { importFile, importHeader, readXlsx } from '../../test/xlsx-fixtures.js';
import { jpeg } from '../../test/fixtures.js';
import { declaredUnpackedSize } from './people-import.sheet.js';

let t: TestApp;
let committee: TestClient;
beforeAll(async () => {
  t = await createTestApp();
  committee = await t.login('jiguan');
});
afterAll(async () => t.close());

const upload = (client: TestClient, content: Buffer, name = '党员信息.xlsx') =>
  client.upload('/api/people/import', {}, name, content);

async function tableCounts() {
  const [p] = await t.database.db.select({ n: count() }).from(people);
  const [a] = await t.database.db.select({ n: count() }).from(auditLog);
  return { people: p!.n, audit: a!.n };
}

interface Issue {
  row: number;
  column: string;
  value: string;
  message: string;
}
interface Result {
  created: number;
  updated: number;
  unchanged: number;
  rows: { row: number; employeeNo: string; name: string; outcome: string; changed: string[] }[];
}

/** Three new people and one existing (HY20001, the first demo person) with a new phone number. */
const validRows = () => [
  [
    'HY90001',
    '陈思齐',
    '男',
    '机关第一党支部',
    '办公室党小组',
    '党群工作部',
    '正式党员',
    '',
    '13900000001',
    'chensq@example.com',
    '2012-07-01',
  ],
  [
    'HY90002',
    '林雨桐',
    '女',
    '机关第二党支部',
    '',
    '财务资金部',
    '预备党员',
    '',
    '',
    '',
    new Date(Date.UTC(2025, 6, 1)),
  ],
  ['HY90003', '郑浩', '男', '二支部', '经营党小组', '', '群众', '', '010-88886666', '', ''],
];

describe('member import', () => {
  it('offers a template with the headers, one example row and drop-down lists', async () => {
    const res = await committee.get('/api/people/import-template');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(decodeURIComponent(String(res.headers['content-disposition']).split("UTF-8''")[1]!)).toBe(
      '党员信息导入模板.xlsx',
    );
    const workbook = await readXlsx(res.rawPayload);
    const sheet = workbook.getWorksheet('党员信息')!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(importHeader);
    expect(String(sheet.getCell('A2').value)).toMatch(/^示例/);
    expect(sheet.getCell('D2').value).toBe('机关第一党支部');
    // It prints on A4 landscape at full size, the header row on every page, pages numbered.
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', printTitlesRow: '1:1' });
    expect(sheet.pageSetup.fitToPage).toBeFalsy();
    expect(sheet.headerFooter.oddFooter).toBe('&C第 &P 页 共 &N 页');
    // One page wide: A4 landscape holds about 1,020 px between its margins (7 px a unit + 5).
    const widths = importHeader.map((_, i) => sheet.getColumn(i + 1).width ?? 9);
    expect(widths.reduce((sum, w) => sum + w * 7 + 5, 0)).toBeLessThanOrEqual(1020);
    expect(workbook.getWorksheet('填写说明')!.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'portrait',
    });
    const validations = (
      sheet as unknown as { dataValidations: { model: Record<string, { type: string; formulae: string[] }> } }
    ).dataValidations.model;
    const lists = Object.values(validations).filter((v) => v.type === 'list');
    expect(lists.length).toBeGreaterThanOrEqual(6);
    const options = workbook.getWorksheet('选项')!;
    const values = (col: string) =>
      (options.getColumn(col).values as unknown[]).slice(2).filter((v) => v !== undefined && v !== null);
    expect(values('A')).toEqual(['男', '女']);
    expect(values('B')).toHaveLength(5);
    expect(values('E')).toEqual(['正式党员', '预备党员', '群众']);

    // A secretary's template offers only their own branch.
    const secretary = await t.login('zhibu1');
    const own = await readXlsx((await secretary.get('/api/people/import-template')).rawPayload);
    expect((own.getWorksheet('选项')!.getColumn('B').values as unknown[]).slice(2)).toEqual([
      '机关第一党支部',
    ]);
    expect((await (await t.login('dangyuan')).get('/api/people/import-template')).statusCode).toBe(403);
  });

  it('reports every error by row and column and imports nothing when any row is wrong', async () => {
    const before = await tableCounts();
    const file = await importFile([
      ...validRows(),
      ['HY90004', '', '男', '机关第一党支部', '', '', '正式党员'], // row 5: no name
      ['HY90005', '何静', '未知', '机关第九党支部', '', '', '正式党员'], // row 6: gender, branch
      ['HY90001', '重复者', '女', '机关第一党支部', '', '', '团员', '', '12ab', '', '2099-01-01'], // row 7
    ]);
    const res = await upload(committee, file);
    expect(res.statusCode).toBe(400);
    expect(errorCode(res)).toBe('IMPORT_INVALID');
    const body = json<{ error: { message: string; details: Issue[] } }>(res).error;
    expect(body.message).toContain('未导入');
    const issues = body.details;
    expect([...new Set(issues.map((i) => i.row))]).toEqual([5, 6, 7]);
    const at = (row: number) => issues.filter((i) => i.row === row).map((i) => i.column);
    expect(at(5)).toEqual(['姓名']);
    expect(at(6)).toEqual(['性别', '党支部']);
    expect(at(7)).toEqual(expect.arrayContaining(['工号', '政治面貌', '入党时间']));
    expect(issues.find((i) => i.row === 7 && i.column === '工号')!.message).toBe('与第 2 行的工号重复');
    expect(issues.find((i) => i.row === 6 && i.column === '性别')!.value).toBe('未知');
    for (const i of issues) expect(i.message).toMatch(/[\u4e00-\u9fa5]/);
    expect(await tableCounts()).toEqual(before);
  });

  it('imports a valid file in one go, matching people by 工号 and auditing each change', async () => {
    const admin = await t.login('admin');
    const before = await tableCounts();
    const existing = json<{ items: { id: number; name: string; employeeNo: string; branchId: number }[] }>(
      await committee.get('/api/people?q=HY20001'),
    ).items[0]!;
    const rows = [
      ...validRows(),
      [
        existing.employeeNo,
        existing.name,
        '男',
        '机关第一党支部',
        '办公室党小组',
        '党委办公室(总经理办公室)',
        '正式党员',
        '书记',
        '13912345678',
        '',
        '1995-07-01',
      ],
    ];
    const file = await importFile(rows);
    const res = await upload(committee, file);
    expect(res.statusCode, res.body).toBe(200);
    const result = json<Result>(res);
    expect(result).toMatchObject({ created: 3, updated: 1, unchanged: 0 });
    expect(result.rows.find((r) => r.employeeNo === 'HY20001')).toMatchObject({
      outcome: 'updated',
      changed: ['电话'],
    });

    const created = json<{
      items: {
        name: string;
        gender: string;
        branchId: number;
        memberStatus: string;
        joinedPartyOn: string | null;
        phone: string | null;
        partyGroupId: number | null;
      }[];
    }>(await committee.get('/api/people?q=HY9000'));
    expect(created.items.map((p) => p.name).sort()).toEqual(['林雨桐', '郑浩', '陈思齐'].sort());
    const lin = created.items.find((p) => p.name === '林雨桐')!;
    expect(lin).toMatchObject({
      gender: 'female',
      branchId: 2,
      memberStatus: 'probationary',
      joinedPartyOn: '2025-07-01',
    });
    const zheng = created.items.find((p) => p.name === '郑浩')!;
    expect(zheng).toMatchObject({ branchId: 2, memberStatus: 'non_member', phone: '010-88886666' });
    expect(zheng.partyGroupId).not.toBeNull();

    const after = await tableCounts();
    expect(after.people).toBe(before.people + 3);
    // One row per person created or changed, and one for the import itself.
    expect(after.audit).toBe(before.audit + 5);
    const audit = json<{
      items: { action: string; entityId: string | null; after: Record<string, unknown> }[];
    }>(await admin.get(`/api/audit?entityType=person&entityId=${existing.id}`));
    expect(audit.items[0]).toMatchObject({
      action: 'person.update',
      after: { phone: '13912345678', source: 'import' },
    });

    // The same file again changes nothing at all.
    const settled = await tableCounts();
    const again = await upload(committee, file);
    expect(again.statusCode).toBe(200);
    expect(json<Result>(again)).toMatchObject({ created: 0, updated: 0, unchanged: 4 });
    expect(await tableCounts()).toEqual(settled);
  });

  it('keeps a branch secretary to their own branch', async () => {
    const secretary = await t.login('zhibu1');
    const before = await tableCounts();
    const res = await upload(
      secretary,
      await importFile([
        ['HY91001', '秦朗', '男', '机关第一党支部', '', '', '正式党员'],
        ['HY91002', '钱多', '男', '机关第二党支部', '', '', '正式党员'],
        ['HY20012', '改名者', '男', '机关第一党支部', '', '', '正式党员'], // a person of branch 2
      ]),
    );
    expect(errorCode(res)).toBe('IMPORT_INVALID');
    const issues = json<{ error: { details: Issue[] } }>(res).error.details;
    expect(issues.map((i) => [i.row, i.column])).toEqual([
      [3, '党支部'],
      [4, '工号'],
    ]);
    expect(await tableCounts()).toEqual(before);
    // The 工号 is taken, and that is all the branch learns: not who has it, nor in which branch.
    const holder = json<{ items: { name: string; employeeNo: string }[] }>(
      await committee.get('/api/people?q=HY20012'),
    ).items.find((p) => p.employeeNo === 'HY20012')!;
    const taken = issues.find((i) => i.row === 4)!;
    expect(taken).toEqual({
      row: 4,
      column: '工号',
      value: 'HY20012',
      message: '工号已被占用,请联系机关党委核对',
    });
    expect(res.body).not.toContain(holder.name);

    const ok = await upload(
      secretary,
      await importFile([['HY91001', '秦朗', '男', '机关第一党支部', '', '', '正式党员']]),
    );
    expect(json<Result>(ok)).toMatchObject({ created: 1 });
    expect((await upload(await t.login('jiceng'), await importFile([]))).statusCode).toBe(403);
  });

  it('shows the committee that a row moves a person of another branch, by name and changed columns', async () => {
    const holder = json<{ items: { id: number; name: string; employeeNo: string; branchId: number }[] }>(
      await committee.get('/api/people?q=HY20013'),
    ).items.find((p) => p.employeeNo === 'HY20013')!;
    expect(holder.branchId).toBe(2);
    const res = await upload(
      committee,
      await importFile([['HY20013', holder.name, '男', '机关第一党支部', '', '', '正式党员']]),
    );
    expect(res.statusCode, res.body).toBe(200);
    const row = json<Result>(res).rows[0]!;
    expect(row).toMatchObject({ employeeNo: 'HY20013', name: holder.name, outcome: 'updated' });
    expect(row.changed).toContain('党支部');
    expect(json<{ branchId: number }>(await committee.get(`/api/people/${holder.id}`)).branchId).toBe(1);
  });

  it('refuses files that are not xlsx, files without the header and empty files', async () => {
    const photo = await upload(committee, await jpeg(), 'a.xlsx');
    expect(photo.statusCode).toBe(415);
    expect(errorCode(photo)).toBe('FILE_TYPE_REJECTED');
    const noHeader = await upload(
      committee,
      await importFile([]).then(async () => {
        const ExcelJS = (await import('exceljs')).default;
        const wb = new ExcelJS.Workbook();
        wb.addWorksheet('x').addRow(['a', 'b']);
        return Buffer.from(await wb.xlsx.writeBuffer());
      }),
    );
    expect(errorCode(noHeader)).toBe('IMPORT_INVALID');
    expect(json<{ error: { details: Issue[] } }>(noHeader).error.details[0]!.message).toContain('表头');
    const empty = await upload(committee, await importFile([]));
    expect(errorCode(empty)).toBe('IMPORT_INVALID');
    // A zip that says it unpacks to more than a roster could (a zip bomb) is not opened.
    const bomb = await importFile([['HY70001', '吴六', '男', '机关第一党支部', '', '', '正式党员']]);
    expect(declaredUnpackedSize(bomb)).toBeGreaterThan(0);
    expect(declaredUnpackedSize(bomb)).toBeLessThan(100_000);
    const eocd = bomb.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    bomb.writeUInt32LE(200 * 1024 * 1024, bomb.readUInt32LE(eocd + 16) + 24);
    const refused = await upload(committee, bomb);
    expect(refused.statusCode).toBe(415);
    const notMultipart = await committee.post('/api/people/import', {});
    expect(errorCode(notMultipart)).toBe('VALIDATION_FAILED');
  });
});
