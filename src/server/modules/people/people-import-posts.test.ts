import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { errorCode, json, type TestClient } from '../../test/test-client.js';
import { importFile } from '../../test/xlsx-fixtures.js';

type Person = {
  id: number;
  name: string;
  employeeNo: string;
  branchPost: string | null;
  partyGroupId: number | null;
};
type Term = { post: string; startedOn: string; endedOn: string | null };

let t: TestApp;
let committee: TestClient;
beforeAll(async () => {
  t = await createTestApp();
  t.clock.set(new Date('2026-03-20T10:00:00+08:00'));
  committee = await t.login('jiguan');
});
afterAll(async () => t.close());

const upload = async (rows: (string | null)[][]) =>
  committee.upload('/api/people/import', {}, '党员信息.xlsx', await importFile(rows));
const person = async (employeeNo: string) =>
  json<{ items: Person[] }>(await committee.get(`/api/people?q=${employeeNo}`)).items[0]!;
const termsOf = async (id: number) =>
  json<{ items: Term[] }>(await committee.get(`/api/people/${id}/posts`)).items.map((x) => [
    x.post,
    x.startedOn,
    x.endedOn,
  ]);

/** Cells in the template's order: 工号 姓名 性别 党支部 党小组 部门 政治面貌 支部职务 电话 电子邮箱 入党时间 任职时间. */
const row = (no: string, name: string, group: string, post: string, since: string) => [
  no,
  name,
  '男',
  '机关第三党支部',
  group,
  '',
  '正式党员',
  post,
  '',
  '',
  '2010-07-01',
  since,
];

describe('the member import with posts and Party groups', () => {
  it('sets the group and the post from its first day, and hands the secretary’s post over in one file', async () => {
    const created = await upload([
      row('HY80001', '周明远', '工程安质党小组', '组织委员', '2026-01-10'),
      row('HY80002', '钱若水', '设计技术党小组', '', ''),
    ]);
    expect(created.statusCode, created.body).toBe(200);
    const zhou = await person('HY80001');
    expect(zhou.branchPost).toBe('organisation');
    const structureRes = await committee.get('/api/org/structure');
    expect(structureRes.statusCode, structureRes.body).toBe(200);
    const structure = json<{ partyGroups: { id: number; name: string }[] }>(structureRes);
    expect(zhou.partyGroupId).toBe(structure.partyGroups.find((g) => g.name === '工程安质党小组')!.id);
    expect(await termsOf(zhou.id)).toEqual([['organisation', '2026-01-10', null]]);

    // The branch's secretary hands over to 周明远 on 1 March; the old secretary keeps no post.
    const branch3 = json<{ items: (Person & { employeeNo: string })[] }>(
      await committee.get('/api/people?branchId=3&limit=100'),
    ).items;
    const old = branch3.find((p) => p.branchPost === 'secretary')!;
    const handover = await upload([
      row('HY80001', '周明远', '工程安质党小组', '书记', '2026-03-01'),
      row(old.employeeNo, old.name, '工程安质党小组', '', '2026-03-01'),
    ]);
    expect(handover.statusCode, handover.body).toBe(200);
    expect(await termsOf(zhou.id)).toEqual([
      ['secretary', '2026-03-01', null],
      ['organisation', '2026-01-10', '2026-02-28'],
    ]);
    const oldTerms = await termsOf(old.id);
    expect(oldTerms[0]).toEqual(['secretary', '2018-06-28', '2026-02-28']);
    expect((await person(old.employeeNo)).branchPost).toBeNull();

    // The same file again changes nothing.
    const again = await upload([
      row('HY80001', '周明远', '工程安质党小组', '书记', '2026-03-01'),
      row(old.employeeNo, old.name, '工程安质党小组', '', '2026-03-01'),
    ]);
    expect(json<{ unchanged: number }>(again).unchanged).toBe(2);
    expect(await termsOf(zhou.id)).toHaveLength(2);
  });

  it('reports a second secretary, a future or bad date and a non-member’s post by row, and imports nothing', async () => {
    const res = await upload([
      row('HY80011', '孙可为', '', '书记', '2026-03-05'),
      row('HY80012', '李安然', '', '宣传委员', '2026-04-01'),
      row('HY80013', '何清', '', '纪检委员', '2026年13月1日'),
      row('HY80014', '吴桐', '', '委员', '').map((c, i) => (i === 6 ? '群众' : c)),
    ]);
    expect(errorCode(res)).toBe('IMPORT_INVALID');
    const issues = json<{ error: { details: { row: number; column: string; message: string }[] } }>(res).error
      .details;
    expect(issues.map((i) => [i.row, i.column])).toEqual(
      expect.arrayContaining([
        [3, '任职时间'],
        [4, '任职时间'],
        [5, '支部职务'],
      ]),
    );
    expect(json<{ items: unknown[] }>(await committee.get('/api/people?q=HY8001')).items).toHaveLength(0);

    // A second secretary on the same day shows once the rest of the file is right.
    const twice = await upload([row('HY80011', '孙可为', '', '书记', '2026-03-05')]);
    expect(errorCode(twice)).toBe('IMPORT_INVALID');
    expect(twice.body).toContain('书记');
    expect(json<{ items: unknown[] }>(await committee.get('/api/people?q=HY80011')).items).toHaveLength(0);
  });
});
