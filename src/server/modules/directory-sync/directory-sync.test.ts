import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../test/harness.js';
import {
  ADMIN_DN,
  ADMIN_SECRET,
  SUFFIX,
  announceLdapSkip,
  haveSlapd,
  startDirectory,
  type TestDirectory,
} from '../../test/ldap-server.js';
import { cstDate } from '../../lib/dates.js';

/**
 * The nightly sync of people and departments from a real OpenLDAP server (slapd) into the demo
 * organisation, on both engines: people added, moved and gone, departments added to the branch
 * their OU maps to, nothing deleted, every change audited, and a second run that changes nothing.
 */
announceLdapSkip('directory-sync');

let directory: TestDirectory;
let t: TestApp;
const ctx = { actor: null, ip: 'test' };

beforeAll(async () => {
  if (!haveSlapd) return;
  directory = await startDirectory();
  await directory.seed(
    [
      // dangyuan (demo HY20006, branch 1) and a branch-2 person (HY20013), both already known.
      { uid: 'wangfang', name: '王芳', password: 'x', employeeNumber: 'HY20006', ou: '党群工作部' },
      { uid: 'xinren', name: '新任委员', password: 'x', employeeNumber: 'HY20013', ou: '财务资金部' },
      // Someone new, in a department the organisation does not have yet.
      {
        uid: 'zhaolei',
        name: '赵磊',
        password: 'x',
        employeeNumber: 'HY30001',
        ou: '新媒体中心',
        mobile: '13700000001',
      },
      // No employee number: cannot be matched, so skipped; outside every mapped OU: not brought in.
      { uid: 'temp', name: '临时人员', password: 'x', ou: '党群工作部' },
      { uid: 'outside', name: '外单位人员', password: 'x', employeeNumber: 'HY39999', ou: '外部单位' },
    ],
    {},
  );
  t = await createTestApp({
    env: {
      LDAP_URL: directory.url,
      LDAP_BIND_DN: ADMIN_DN,
      LDAP_BIND_PASSWORD: ADMIN_SECRET,
      LDAP_USER_BASE: `ou=people,${SUFFIX}`,
      LDAP_SYNC: '1',
      LDAP_SYNC_BRANCHES: JSON.stringify({
        党群工作部: '机关第一党支部',
        新媒体中心: '一支部',
        [`ou=财务资金部,ou=people,${SUFFIX}`]: '机关第二党支部',
        审计部: '二支部',
      }),
    },
  });
}, 300_000);
afterAll(async () => {
  await t?.close();
  await directory?.stop();
});

const rows = async (query: ReturnType<typeof sql>) =>
  ((await t.database.db.execute(query)) as unknown as { rows: Record<string, unknown>[] }).rows;
const person = async (no: string) =>
  (
    await rows(sql`select p.id, p.name, p.active, p.branch_id as "branchId", p.party_group_id as "groupId",
      p.member_status as "status", p.phone, d.name as "department", d.branch_id as "departmentBranch"
      from people p left join departments d on d.id = p.department_id where p.employee_no = ${no}`)
  )[0]!;
const movesOf = async (no: string) =>
  rows(sql`select m.kind, m.on_date::text as "onDate", m.from_branch_id as "from", m.to_branch_id as "to"
    from person_moves m join people p on p.id = m.person_id where p.employee_no = ${no} order by m.id`);
const auditCount = async () => Number((await rows(sql`select count(*)::int as n from audit_log`))[0]!.n);
const sync = (dryRun = false) => t.app.services.directorySync.run(ctx, { dryRun });

describe.skipIf(!haveSlapd)('directory sync', () => {
  it('brings the directory’s people in: new ones added, known ones kept by it from now on', async () => {
    const today = cstDate(t.clock.now());
    const dry = await sync(true);
    expect(dry.lines).toEqual(
      expect.arrayContaining([
        '新增部门 新媒体中心 → 机关第一党支部',
        '新增人员 赵磊(HY30001) → 机关第一党支部 / 新媒体中心',
        expect.stringMatching(/^跳过 uid=temp,.*目录中没有工号$/),
      ]),
    );
    expect(await person('HY30001')).toBeUndefined();

    const lastAuditId = Number((await rows(sql`select max(id) as n from audit_log`))[0]!.n);
    const done = await sync();
    expect(done.lines).toEqual(dry.lines);
    expect(await person('HY30001')).toMatchObject({
      name: '赵磊',
      active: true,
      branchId: 1,
      status: 'non_member',
      phone: '13700000001',
      department: '新媒体中心',
      departmentBranch: 1,
    });
    expect(await movesOf('HY30001')).toEqual([{ kind: 'joined', onDate: today, from: null, to: 1 }]);
    expect(await movesOf('HY20006')).toEqual([{ kind: 'linked', onDate: today, from: 1, to: 1 }]);
    expect(await movesOf('HY20013')).toEqual([{ kind: 'linked', onDate: today, from: 2, to: 2 }]);
    expect(await person('HY39999')).toBeUndefined();
    // Every change audited, and the run itself.
    const audited = await rows(sql`select action from audit_log where id > ${lastAuditId} order by id`);
    expect(audited.map((a) => a.action)).toEqual(
      expect.arrayContaining(['department.create', 'person.create', 'person.update', 'directory.sync']),
    );
    expect((await sync()).lines).toEqual([expect.stringMatching(/^跳过 uid=temp/)]);
  });

  it('follows an addition, a move, a transfer and a departure, keeping every person and their history', async () => {
    const today = cstDate(t.clock.now());
    const gone = await person('HY20013');
    const terms = await rows(
      sql`select count(*)::int as n from branch_post_terms where person_id = ${gone.id}`,
    );
    await directory.seed(
      [{ uid: 'sunli', name: '孙丽', password: 'x', employeeNumber: 'HY30003', ou: '审计部' }],
      {},
    );
    await directory.move('wangfang', '审计部');
    await directory.move('zhaolei', '外部单位');
    await directory.remove('xinren');

    const auditBefore = await auditCount();
    const dry = await sync(true);
    expect(dry.lines.filter((l) => !l.startsWith('跳过')).sort()).toEqual(
      [
        '新增人员 孙丽(HY30003) → 机关第二党支部 / 审计部',
        '调动 王芳(HY20006):机关第一党支部 / 党群工作部 → 机关第二党支部 / 审计部',
        '调出(不在任何已对应支部的组织单位中,标记为停用) 赵磊(HY30001)',
        '离开(目录中已无此人,标记为停用) 新任委员(HY20013)',
      ].sort(),
    );
    expect(await auditCount()).toBe(auditBefore);

    await sync();
    expect(await person('HY30003')).toMatchObject({ active: true, branchId: 2, department: '审计部' });
    // Moved to branch 2: the Party group of branch 1 no longer applies, and any post ended.
    expect(await person('HY20006')).toMatchObject({
      active: true,
      branchId: 2,
      groupId: null,
      department: '审计部',
    });
    expect(await movesOf('HY20006')).toEqual([
      { kind: 'linked', onDate: today, from: 1, to: 1 },
      { kind: 'moved', onDate: today, from: 1, to: 2 },
    ]);
    // Gone from the directory: inactive, never deleted; their branch, posts and history stay.
    expect(await person('HY20013')).toMatchObject({
      id: gone.id,
      active: false,
      branchId: 2,
      name: gone.name,
    });
    expect(await movesOf('HY20013')).toEqual([
      { kind: 'linked', onDate: today, from: 2, to: 2 },
      { kind: 'left', onDate: today, from: 2, to: null },
    ]);
    expect(
      await rows(sql`select count(*)::int as n from branch_post_terms where person_id = ${gone.id}`),
    ).toEqual(terms);
    expect(
      await rows(
        sql`select count(*)::int as n from branch_post_terms where person_id = ${gone.id} and ended_on is null`,
      ),
    ).toEqual([{ n: 0 }]);
    expect((await person('HY30001')).active).toBe(false);
    expect((await movesOf('HY30001')).map((m) => m.kind)).toEqual(['joined', 'transferred']);
    const deactivated = await rows(sql`select entity_id as person, after->>'move' as move from audit_log
      where action = 'person.deactivate' and after->>'source' = 'directory' order by id`);
    expect(deactivated).toEqual([
      { person: String((await person('HY30001')).id), move: 'transferred' },
      { person: String(gone.id), move: 'left' },
    ]);
  });

  it('changes nothing on a second run', async () => {
    const before = await auditCount();
    const moves = await rows(sql`select count(*)::int as n from person_moves`);
    const again = await sync();
    expect(again.plan.people).toEqual([]);
    expect(again.plan.departments).toEqual([]);
    expect(await auditCount()).toBe(before);
    expect(await rows(sql`select count(*)::int as n from person_moves`)).toEqual(moves);
  });

  it('brings back a person the directory let go when they return', async () => {
    await directory.move('zhaolei', '新媒体中心');
    expect((await sync()).lines).toContain('重新在册 赵磊(HY30001) → 机关第一党支部 / 新媒体中心');
    expect((await person('HY30001')).active).toBe(true);
    expect((await movesOf('HY30001')).map((m) => m.kind)).toEqual(['joined', 'transferred', 'returned']);
  });

  it('runs once a day from the scheduler, after the configured hour (China time)', async () => {
    const { directorySync } = t.app.services;
    const lastRun = async () =>
      (await rows(sql`select last_run_at::text as at from scheduler_leases where name = 'directory-sync'`))[0]
        ?.at ?? null;
    t.clock.set(new Date('2026-03-03T01:30:00+08:00'));
    expect(await directorySync.nightly('instance-a')).toBeNull();
    expect(await lastRun()).toBeNull();
    t.clock.set(new Date('2026-03-03T02:10:00+08:00'));
    await directory.move('zhaolei', '审计部');
    expect(await directorySync.nightly('instance-a')).toMatch(/^1 change\(s\): 调动 赵磊/);
    const first = await lastRun();
    expect(first).not.toBeNull();
    // Once that day, and by one instance while its lease runs.
    t.clock.set(new Date('2026-03-03T02:20:00+08:00'));
    expect(await directorySync.nightly('instance-a')).toBeNull();
    expect(await directorySync.nightly('instance-b')).toBeNull();
    expect(await lastRun()).toBe(first);
    // The next night, another instance takes over once the lease is given up.
    t.clock.set(new Date('2026-03-04T02:10:00+08:00'));
    await directorySync.releaseNightly('instance-a');
    expect(await directorySync.nightly('instance-b')).toBeNull();
    expect(await lastRun()).not.toBe(first);
  });
});
