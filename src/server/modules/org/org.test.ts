import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { errorCode, json, type TestClient } from '../../test/test-client.js';

let t: TestApp;
let admin: TestClient;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
});
afterAll(async () => t.close());

type Structure = {
  organisation: { name: string };
  companies: { id: number; name: string; branchCount: number; active: boolean }[];
  branches: { id: number; companyId: number; name: string; active: boolean; memberCount: number }[];
  departments: { id: number; name: string; branchId: number | null }[];
  partyGroups: { id: number; branchId: number }[];
};

describe('organisation administration', () => {
  it('creates a branch, assigns a new business centre to it and lists both', async () => {
    const branch = json<{ id: number }>(
      await admin.post('/api/org/branches', { name: '机关第六党支部', sortOrder: 6 }),
    );
    const dept = await admin.post('/api/org/departments', {
      name: '数字化中心',
      kind: 'business_centre',
      branchId: branch.id,
    });
    expect(dept.statusCode).toBe(200);
    const s = json<Structure>(await admin.get('/api/org/structure'));
    expect(s.branches.at(-1)).toMatchObject({ name: '机关第六党支部', memberCount: 0, active: true });
    expect(s.departments.find((d) => d.name === '数字化中心')?.branchId).toBe(branch.id);
  });

  it('edits only the fields a patch names', async () => {
    expect((await admin.patch('/api/org/branches/3', { shortName: '三支' })).statusCode).toBe(200);
    const b = json<{ branches: { id: number; sortOrder: number; shortName: string }[] }>(
      await admin.get('/api/org/structure'),
    ).branches.find((x) => x.id === 3)!;
    expect(b).toMatchObject({ shortName: '三支', sortOrder: 3 });
  });

  it('rejects duplicate names, unknown branches and bad enum values with clear codes', async () => {
    expect(errorCode(await admin.post('/api/org/branches', { name: '机关第一党支部' }))).toBe('NAME_TAKEN');
    expect(
      errorCode(
        await admin.post('/api/org/departments', { name: '无主部门', kind: 'department', branchId: 9999 }),
      ),
    ).toBe('INVALID_REFERENCE');
    const bad = await admin.post('/api/org/units', { name: '某单位', kind: 'factory' });
    expect(bad.statusCode).toBe(400);
    expect(errorCode(bad)).toBe('VALIDATION_FAILED');
    const details = json<{ error: { details: { path: string; message: string }[] } }>(bad).error.details;
    expect(details[0]!.path).toBe('body.kind');
    expect(details[0]!.message).toMatch(/[\u4e00-\u9fa5]/);
    expect(errorCode(await admin.patch('/api/org/units/9999', { active: false }))).toBe('NOT_FOUND');
  });

  it('deactivates instead of deleting, and refuses to assign people to an inactive branch', async () => {
    const s = json<Structure>(await admin.get('/api/org/structure'));
    const sixth = s.branches.find((b) => b.name === '机关第六党支部')!;
    expect((await admin.patch(`/api/org/branches/${sixth.id}`, { active: false })).statusCode).toBe(200);
    const after = json<Structure>(await admin.get('/api/org/structure'));
    expect(after.branches.find((b) => b.id === sixth.id)?.active).toBe(false);
    const res = await admin.post('/api/people', { name: '新人', branchId: sixth.id, memberStatus: 'full' });
    expect(errorCode(res)).toBe('INVALID_REFERENCE');
  });
});

describe('companies of a group', () => {
  // After the tests above: the installation is one company until this block adds a second.
  it('is one company, named as the organisation, until a second is added', async () => {
    expect((await admin.patch('/api/org/organisation', { name: '中建某局集团有限公司' })).statusCode).toBe(
      200,
    );
    const s = json<Structure>(await admin.get('/api/org/structure'));
    expect(s.companies).toEqual([
      expect.objectContaining({ id: 1, name: '中建某局集团有限公司', branchCount: s.branches.length }),
    ]);
    expect(s.branches.every((b) => b.companyId === 1)).toBe(true);
  });

  it('adds a company, asks which company a new branch belongs to, and keeps the history', async () => {
    const second = json<{ id: number }>(
      await admin.post('/api/org/companies', { name: '第二工程公司', committeeName: '机关党委' }),
    );
    expect(errorCode(await admin.post('/api/org/branches', { name: '二公司第一党支部' }))).toBe(
      'COMPANY_REQUIRED',
    );
    const branch = json<{ id: number }>(
      await admin.post('/api/org/branches', { name: '二公司第一党支部', companyId: second.id }),
    );
    const s = json<Structure>(await admin.get('/api/org/structure'));
    expect(s.branches.find((b) => b.id === branch.id)?.companyId).toBe(second.id);
    expect(s.companies.find((c) => c.id === second.id)?.branchCount).toBe(1);
    expect(s.companies.find((c) => c.id === 1)?.branchCount).toBe(s.branches.length - 1);
    // With two companies the organisation is the group: renaming it leaves the first company alone.
    await admin.patch('/api/org/organisation', { name: '中建某局' });
    expect(json<Structure>(await admin.get('/api/org/structure')).companies[0]!.name).toBe(
      '中建某局集团有限公司',
    );
    const audit = json<{ items: { action: string }[] }>(
      await admin.get(`/api/audit?entityType=company&entityId=${second.id}&limit=10`),
    );
    expect(audit.items.map((a) => a.action)).toEqual(['company.create']);
  });

  it('refuses a branch in an unknown or inactive company, and a second company of the same name', async () => {
    const s = json<Structure>(await admin.get('/api/org/structure'));
    const second = s.companies.find((c) => c.name === '第二工程公司')!;
    expect(errorCode(await admin.post('/api/org/companies', { name: '第二工程公司' }))).toBe('NAME_TAKEN');
    expect((await admin.patch(`/api/org/companies/${second.id}`, { active: false })).statusCode).toBe(200);
    expect(
      errorCode(await admin.post('/api/org/branches', { name: '二公司第二党支部', companyId: second.id })),
    ).toBe('INVALID_REFERENCE');
    expect(errorCode(await admin.patch('/api/org/branches/3', { companyId: 999 }))).toBe('INVALID_REFERENCE');
    expect(errorCode(await admin.patch('/api/org/companies/999', { active: true }))).toBe('NOT_FOUND');
  });
});

describe('people', () => {
  it('a branch secretary lists and edits only own branch, and cannot move someone out of it', async () => {
    const sec = await t.login('zhibu1');
    const list = json<{ total: number; items: { id: number; branchId: number }[] }>(
      await sec.get('/api/people?limit=100'),
    );
    expect(list.total).toBe(11);
    expect(list.items.every((p) => p.branchId === 1)).toBe(true);
    const someone = list.items[5]!;
    expect((await sec.patch(`/api/people/${someone.id}`, { phone: '13900000000' })).statusCode).toBe(200);
    expect(errorCode(await sec.patch(`/api/people/${someone.id}`, { branchId: 2 }))).toBe('FORBIDDEN');
  });

  it('searches by name and employee number, ignoring LIKE wildcards typed by the user', async () => {
    const all = json<{ items: { name: string; employeeNo: string }[] }>(
      await admin.get('/api/people?limit=100'),
    );
    const target = all.items[20]!;
    const byName = json<{ items: { name: string }[] }>(
      await admin.get(`/api/people?q=${encodeURIComponent(target.name)}`),
    );
    expect(byName.items.map((p) => p.name)).toContain(target.name);
    const byNo = json<{ total: number }>(await admin.get(`/api/people?q=${target.employeeNo}`));
    expect(byNo.total).toBe(1);
    expect(json<{ total: number }>(await admin.get('/api/people?q=%25')).total).toBe(0);
  });

  it('keeps the party group inside the person’s branch', async () => {
    const s = json<Structure>(await admin.get('/api/org/structure'));
    const groupOfBranch2 = s.partyGroups.find((g) => g.branchId === 2)!;
    const res = await admin.post('/api/people', {
      name: '错配',
      branchId: 1,
      partyGroupId: groupOfBranch2.id,
      memberStatus: 'probationary',
    });
    expect(errorCode(res)).toBe('INVALID_REFERENCE');
  });

  it('hides deactivated people from the roster unless asked, and never deletes them', async () => {
    const created = json<{ id: number }>(
      await admin.post('/api/people', {
        name: '调离人员',
        branchId: 3,
        memberStatus: 'full',
        employeeNo: 'OUT-1',
      }),
    );
    expect((await admin.patch(`/api/people/${created.id}`, { active: false })).statusCode).toBe(200);
    expect(json<{ total: number }>(await admin.get('/api/people?q=OUT-1')).total).toBe(0);
    expect(json<{ total: number }>(await admin.get('/api/people?q=OUT-1&includeInactive=true')).total).toBe(
      1,
    );
    expect(json<{ active: boolean }>(await admin.get(`/api/people/${created.id}`)).active).toBe(false);
  });
});

describe('accounts', () => {
  it('checks role scopes: a branch secretary needs a branch, a leader needs departments', async () => {
    const base = { username: 'scoped', displayName: '范围', initialPassword: 'Scope@2026' };
    expect(
      errorCode(await admin.post('/api/users', { ...base, grants: [{ role: 'branch_secretary' }] })),
    ).toBe('ROLE_SCOPE_INVALID');
    expect(
      errorCode(await admin.post('/api/users', { ...base, grants: [{ role: 'leader', departmentIds: [] }] })),
    ).toBe('ROLE_SCOPE_INVALID');
    expect(
      errorCode(
        await admin.post('/api/users', {
          ...base,
          grants: [{ role: 'grassroots_contact', grassrootsUnitId: 999 }],
        }),
      ),
    ).toBe('INVALID_REFERENCE');
    // A company's committee names a company that exists.
    expect(
      errorCode(await admin.post('/api/users', { ...base, grants: [{ role: 'committee', companyId: 999 }] })),
    ).toBe('INVALID_REFERENCE');
    const ok = await admin.post('/api/users', {
      ...base,
      grants: [
        { role: 'leader', departmentIds: [1, 2] },
        { role: 'member', branchId: 1, departmentIds: [5], companyId: 1 },
      ],
    });
    expect(ok.statusCode).toBe(200);
    // Scope fields a role does not use are dropped, not stored.
    const none = { companyId: null, companyBranchIds: [] };
    expect(json<{ grants: unknown[] }>(ok).grants).toEqual([
      { role: 'leader', branchId: null, grassrootsUnitId: null, departmentIds: [1, 2], ...none },
      { role: 'member', branchId: 1, grassrootsUnitId: null, departmentIds: [], ...none },
    ]);
    expect(errorCode(await admin.post('/api/users', { ...base, grants: [{ role: 'committee' }] }))).toBe(
      'USERNAME_TAKEN',
    );
  });

  it('never removes the last administrator', async () => {
    const me = json<{ user: { id: number } }>(await admin.get('/api/auth/me'));
    expect(errorCode(await admin.patch(`/api/users/${me.user.id}`, { active: false }))).toBe('LAST_ADMIN');
    expect(
      errorCode(await admin.patch(`/api/users/${me.user.id}`, { grants: [{ role: 'committee' }] })),
    ).toBe('LAST_ADMIN');
  });

  it('signs a deactivated user out at once', async () => {
    const victim = await t.login('zhibu5');
    const list = json<{ items: { id: number; username: string }[] }>(await admin.get('/api/users'));
    const id = list.items.find((u) => u.username === 'zhibu5')!.id;
    expect((await admin.patch(`/api/users/${id}`, { active: false })).statusCode).toBe(200);
    expect((await victim.get('/api/org/structure')).statusCode).toBe(401);
    await expect(t.login('zhibu5')).rejects.toThrow(/403/);
  });

  it('unlocks a locked account and resets a password to a new initial one', async () => {
    const client = await t.anonymous('10.9.9.9');
    for (let i = 0; i < 5; i++) await client.post('/api/auth/login', { username: 'zhibu2', password: 'x' });
    const list = json<{ items: { id: number; username: string; lockedUntil: string | null }[] }>(
      await admin.get('/api/users'),
    );
    const u = list.items.find((x) => x.username === 'zhibu2')!;
    expect(u.lockedUntil).not.toBeNull();
    expect((await admin.post(`/api/users/${u.id}/unlock`)).statusCode).toBe(200);
    await t.login('zhibu2');
    expect(
      (await admin.post(`/api/users/${u.id}/reset-password`, { newPassword: 'Reset#2026' })).statusCode,
    ).toBe(200);
    const again = await t.login('zhibu2', 'Reset#2026');
    expect(errorCode(await again.get('/api/org/structure'))).toBe('PASSWORD_CHANGE_REQUIRED');
  });
});
