import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { errorCode, json } from '../../test/test-client.js';

let t: TestApp;
beforeAll(async () => {
  // The demo organisation without its year of records: the year's loading is the test snapshots'
  // own seeding (demo-activity.test.ts reads it), and half a minute here.
  t = await createTestApp({ seed: false, env: { DUIBIAO_DEMO_ACTIVITY: '0' } });
});
afterAll(async () => t.close());

const body = {
  organisationName: '测试工程有限公司',
  committeeName: '机关党委',
  adminUsername: 'root_admin',
  adminDisplayName: '管理员甲',
  adminPassword: 'Setup#2026',
  loadDemo: true,
};

describe('first run', () => {
  it('tells the browser that setup is required on an empty database', async () => {
    const me = json<{ setupRequired: boolean; authenticated: boolean }>(
      await (await t.anonymous()).get('/api/auth/me'),
    );
    expect(me).toMatchObject({ setupRequired: true, authenticated: false });
  });

  it('refuses a weak administrator password and writes nothing', async () => {
    const client = await t.anonymous();
    const res = await client.post('/api/setup', { ...body, adminPassword: 'weakpass' });
    expect(errorCode(res)).toBe('PASSWORD_WEAK');
    expect(json<{ setupRequired: boolean }>(await client.get('/api/auth/me')).setupRequired).toBe(true);
  });

  it('creates the organisation, the administrator and the demo organisation, and signs the administrator in', async () => {
    const client = await t.anonymous();
    const res = await client.post('/api/setup', body);
    expect(res.statusCode).toBe(200);
    const me = json<{
      authenticated: boolean;
      demo: boolean;
      organisationName: string;
      user: { grants: { role: string }[] };
    }>(res);
    expect(me.authenticated).toBe(true);
    expect(me.organisationName).toBe('测试工程有限公司');
    expect(me.demo).toBe(true);
    expect(me.user.grants.map((g) => g.role)).toEqual(['admin']);

    const structure = json<{ branches: { name: string; memberCount: number }[]; units: unknown[] }>(
      await client.get('/api/org/structure'),
    );
    expect(structure.branches.map((b) => b.name)).toEqual([
      '机关第一党支部',
      '机关第二党支部',
      '机关第三党支部',
      '机关第四党支部',
      '机关第五党支部',
    ]);
    // Ten Party members (nine full, one probationary) and one non-member per branch.
    expect(structure.branches.every((b) => b.memberCount === 10)).toBe(true);
    expect(structure.units).toHaveLength(8);
    const people = json<{ total: number }>(await client.get('/api/people'));
    expect(people.total).toBe(55);
    // Demo accounts for each role can sign in.
    for (const username of ['jiguan', 'zhibu3', 'lingdao', 'dangyuan', 'jiceng']) await t.login(username);
    // Asked for the organisation alone (DUIBIAO_DEMO_ACTIVITY=0): no year of records with it.
    expect(json<{ items: unknown[] }>(await client.get('/api/campaigns')).items).toEqual([]);
  });

  it('cannot be replayed once an account exists', async () => {
    const client = await t.anonymous();
    const res = await client.post('/api/setup', { ...body, adminUsername: 'intruder' });
    expect(res.statusCode).toBe(409);
    expect(errorCode(res)).toBe('SETUP_ALREADY_DONE');
    await expect(t.login('intruder', body.adminPassword)).rejects.toThrow();
  });
});
