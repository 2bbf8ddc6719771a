import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { desc, sql } from 'drizzle-orm';
import { createTestApp, ADMIN_PASSWORD, type TestApp } from '../../test/harness.js';
import { errorCode, json } from '../../test/test-client.js';
import { auditLog } from '../../db/schema/index.js';
import {
  ADMIN_DN,
  ADMIN_SECRET,
  SUFFIX,
  announceLdapSkip,
  haveSlapd,
  startDirectory,
  type TestDirectory,
} from '../../test/ldap-server.js';

/**
 * Sign-in with the company directory against a real OpenLDAP server (slapd) seeded with a few
 * people and groups, on both engines: the name and password are checked by the directory, the
 * account is matched by employee number or name, groups map to roles, and failures are audited
 * and throttled like passwords.
 */
announceLdapSkip('ldap');

let directory: TestDirectory;
let t: TestApp;
let creating: TestApp;

interface MeBody {
  authenticated: boolean;
  signIn: unknown;
  user: { username: string; grants: { role: string; branchId: number | null }[] };
}

const env = (extra: Record<string, string> = {}) => ({
  LDAP_URL: directory.url,
  LDAP_BIND_DN: ADMIN_DN,
  LDAP_BIND_PASSWORD: ADMIN_SECRET,
  LDAP_USER_BASE: `ou=people,${SUFFIX}`,
  LDAP_GROUP_BASE: `ou=groups,${SUFFIX}`,
  LDAP_ROLE_MAP: JSON.stringify({ 'dj-secretaries': 'branch_secretary', 'dj-committee': 'committee' }),
  ...extra,
});

beforeAll(async () => {
  if (!haveSlapd) return;
  directory = await startDirectory();
  await directory.seed(
    [
      // dangyuan's person (demo employee number HY20006), known in the directory by another name.
      { uid: 'wangfang', name: '王芳', password: 'Dir#wang2026', employeeNumber: 'HY20006' },
      { uid: 'zhibu1', name: '支部书记', password: 'Dir#zhibu2026' },
      { uid: 'stranger', name: '外单位人员', password: 'Dir#str2026' },
      // A branch-2 person without an account (demo HY20013), in the secretaries' group.
      { uid: 'xinren', name: '新任委员', password: 'Dir#xin2026', employeeNumber: 'HY20013' },
    ],
    { 'dj-secretaries': ['xinren'], 'dj-committee': ['stranger'], unrelated: ['wangfang'] },
  );
  t = await createTestApp({ env: env({ PASSWORD_LOGIN: 'break_glass' }) });
  creating = await createTestApp({ env: env({ LDAP_CREATE_ACCOUNTS: '1' }) });
}, 300_000);
afterAll(async () => {
  await t?.close();
  await creating?.close();
  await directory?.stop();
});

const rows = async (app: TestApp, query: ReturnType<typeof sql>) =>
  ((await app.database.db.execute(query)) as unknown as { rows: Record<string, unknown>[] }).rows;
const lastAudit = async (app: TestApp) =>
  (await app.database.db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(1))[0]!;
const signIn = async (app: TestApp, username: string, password: string, ip = '127.0.0.1') => {
  const client = await app.anonymous(ip);
  return { client, res: await client.post('/api/auth/ldap/login', { username, password }) };
};

describe.skipIf(!haveSlapd)('directory (LDAP) sign-in', () => {
  it('tells the sign-in page that the form checks against the directory', async () => {
    const me = json<MeBody>(await (await t.anonymous()).get('/api/auth/me'));
    expect(me.signIn).toMatchObject({ sso: null, directory: true, passwords: 'break_glass' });
  });

  it('signs a person in by employee number with the directory password, audited as LDAP', async () => {
    const { client, res } = await signIn(t, 'wangfang', 'Dir#wang2026');
    expect(res.statusCode).toBe(200);
    expect(json<MeBody>(await client.get('/api/auth/me')).user.username).toBe('dangyuan');
    expect(await lastAudit(t)).toMatchObject({ action: 'auth.login', after: { method: 'ldap' } });
    const [session] = await rows(t, sql`select method from sessions order by created_at desc limit 1`);
    expect(session).toEqual({ method: 'ldap' });
  });

  it('answers the page, never a redirect, whatever return URL is sent with the form', async () => {
    // The sign-in page keeps where to go back to itself (router state, a path of this site).
    const client = await t.anonymous();
    const res = await client.post(`/api/auth/ldap/login?returnTo=${encodeURIComponent('//evil.example/x')}`, {
      username: 'wangfang',
      password: 'Dir#wang2026',
      returnTo: 'https://evil.example/',
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers.location).toBeUndefined();
    expect(json<MeBody>(res).user.username).toBe('dangyuan');
  });

  it('refuses a cross-site form post to the directory sign-in: no token, no session, nothing audited', async () => {
    // What another site's page can send: a form post carrying no X-CSRF-Token header.
    const client = await t.anonymous();
    client.sendCsrf = false;
    const before = await lastAudit(t);
    const res = await client.request(
      'POST',
      '/api/auth/ldap/login',
      'username=wangfang&password=Dir%23wang2026',
      {
        'content-type': 'application/x-www-form-urlencoded',
        origin: 'https://evil.example',
      },
    );
    expect([res.statusCode, errorCode(res)]).toEqual([403, 'CSRF_INVALID']);
    const asJson = await client.request('POST', '/api/auth/ldap/login', {
      username: 'wangfang',
      password: 'Dir#wang2026',
    });
    expect([asJson.statusCode, errorCode(asJson)]).toEqual([403, 'CSRF_INVALID']);
    expect(json<MeBody>(await client.get('/api/auth/me')).authenticated).toBe(false);
    expect((await lastAudit(t)).id).toBe(before.id);
  });

  it('matches an account by its name when the directory has no employee number', async () => {
    const { client, res } = await signIn(t, 'zhibu1', 'Dir#zhibu2026');
    expect(res.statusCode).toBe(200);
    expect(json<MeBody>(await client.get('/api/auth/me')).user.username).toBe('zhibu1');
  });

  it('refuses a wrong password and an unknown name alike, audited and counted', async () => {
    const wrong = await signIn(t, 'wangfang', 'Duibiao@2020', '10.9.0.1');
    const unknown = await signIn(t, 'nobody', 'Dir#wang2026', '10.9.0.1');
    expect(errorCode(wrong.res)).toBe('LOGIN_FAILED');
    expect(errorCode(unknown.res)).toBe('LOGIN_FAILED');
    expect(await lastAudit(t)).toMatchObject({
      action: 'auth.ldap_failed',
      after: { code: 'LOGIN_FAILED', username: 'nobody' },
    });
    // The local password of the matched account opens nothing through the directory form.
    expect(errorCode((await signIn(t, 'dangyuan', 'Duibiao@2020', '10.9.0.1')).res)).toBe('LOGIN_FAILED');
  });

  it('never lets a typed name widen the search, nor an empty password bind anonymously', async () => {
    for (const username of ['*', 'wang*', 'wangfang)(uid=*', '*)(|(uid=*'])
      expect(errorCode((await signIn(t, username, 'Dir#wang2026', '10.9.0.2')).res), username).toBe(
        'LOGIN_FAILED',
      );
    const empty = await (
      await t.anonymous('10.9.0.2')
    ).post('/api/auth/ldap/login', {
      username: 'wangfang',
      password: '',
    });
    expect(empty.statusCode).toBeGreaterThanOrEqual(400);
    expect(empty.statusCode).toBeLessThan(500);
  });

  it('throttles an address and name pair after its failures, as passwords are', async () => {
    const limit = t.config.loginPairMaxFailures;
    for (let i = 0; i < limit; i++)
      expect(errorCode((await signIn(t, 'zhibu1', `wrong-${i}`, '10.9.0.3')).res)).toBe('LOGIN_FAILED');
    // Now even the right password waits for the window to pass.
    expect(errorCode((await signIn(t, 'zhibu1', 'Dir#zhibu2026', '10.9.0.3')).res)).toBe('LOGIN_THROTTLED');
  });

  it('sends someone without an account to 请联系管理员 unless accounts may be created', async () => {
    const before = await rows(t, sql`select count(*)::int as n from users`);
    expect(errorCode((await signIn(t, 'xinren', 'Dir#xin2026')).res)).toBe('SSO_UNKNOWN_USER');
    expect(await rows(t, sql`select count(*)::int as n from users`)).toEqual(before);
    expect(await lastAudit(t)).toMatchObject({
      action: 'auth.ldap_failed',
      after: { code: 'SSO_UNKNOWN_USER', username: 'xinren', employeeNo: 'HY20013' },
    });
  });

  it('creates the account where allowed, with the role its group maps to in the person’s branch', async () => {
    const { client, res } = await signIn(creating, 'xinren', 'Dir#xin2026');
    expect(res.statusCode).toBe(200);
    const me = json<MeBody>(await client.get('/api/auth/me'));
    expect(me.user.username).toBe('xinren');
    expect(me.user.grants).toEqual([expect.objectContaining({ role: 'branch_secretary', branchId: 2 })]);
    // Someone the organisation does not know, in the committee's group: a committee account.
    const other = await signIn(creating, 'stranger', 'Dir#str2026');
    expect(other.res.statusCode).toBe(200);
    const grants = json<MeBody>(await other.client.get('/api/auth/me')).user.grants;
    expect(grants).toEqual([expect.objectContaining({ role: 'committee', branchId: null })]);
  });

  it('keeps passwords for the break-glass administrator only', async () => {
    const client = await t.anonymous();
    const refused = await client.post('/api/auth/login', { username: 'jiguan', password: 'Duibiao@2020' });
    expect(errorCode(refused)).toBe('PASSWORD_LOGIN_OFF');
    await t.login('admin', ADMIN_PASSWORD);
  });

  it('says the directory cannot be reached when it is down, and opens nothing', async () => {
    const down = await createTestApp({ env: env({ LDAP_URL: 'ldap://127.0.0.1:1' }) });
    try {
      const client = await down.anonymous();
      const res = await client.post('/api/auth/ldap/login', { username: 'zhibu1', password: 'x' });
      expect(res.statusCode).toBe(502);
      expect(errorCode(res)).toBe('LDAP_UNREACHABLE');
      expect(json<MeBody>(await client.get('/api/auth/me')).authenticated).toBe(false);
    } finally {
      await down.close();
    }
  });
});
