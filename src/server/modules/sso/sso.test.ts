import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { desc, eq, sql } from 'drizzle-orm';
import { createTestApp, ADMIN_PASSWORD, type TestApp } from '../../test/harness.js';
import { errorCode, json, type TestClient } from '../../test/test-client.js';
import { startOidcProvider, throughProvider, TEST_CLIENT } from '../../test/oidc-provider.js';
import { auditLog } from '../../db/schema/index.js';
import { expectLocalPath, OFF_SITE_RETURNS } from '../../test/open-redirects.js';

const BASE = 'http://127.0.0.1:3000';
const REDIRECT = `${BASE}/api/auth/oidc/callback`;

let provider: Awaited<ReturnType<typeof startOidcProvider>>;
let t: TestApp;
let creating: TestApp;

interface MeBody {
  authenticated: boolean;
  signIn: { sso: { label: string | null } | null; passwords: string };
  user: {
    username: string;
    mustChangePassword: boolean;
    grants: { role: string; branchId: number | null }[];
  };
}

const env = (extra: Record<string, string> = {}) => ({
  PUBLIC_BASE_URL: BASE,
  OIDC_ISSUER: provider.issuer,
  OIDC_CLIENT_ID: TEST_CLIENT.id,
  OIDC_CLIENT_SECRET: TEST_CLIENT.secret,
  OIDC_EMPLOYEE_NO_CLAIM: 'employee_number',
  OIDC_ROLE_MAP: JSON.stringify({ 'dj-secretaries': 'branch_secretary', 'dj-committee': 'committee' }),
  ...extra,
});

beforeAll(async () => {
  provider = await startOidcProvider({
    redirectUri: REDIRECT,
    postLogoutRedirectUri: `${BASE}/login`,
    accounts: [
      // dangyuan's person (demo employee number HY20006), known at the provider by another name.
      { sub: 'u-wang', preferred_username: 'wangfang', name: '王芳', employee_number: 'HY20006' },
      { sub: 'u-zhibu1', preferred_username: 'zhibu1', name: '支部书记' },
      { sub: 'u-stranger', preferred_username: 'stranger', name: '外单位人员' },
      // A branch-2 person without an account (demo HY20013), in the secretaries' group.
      {
        sub: 'u-new',
        preferred_username: 'xinren',
        name: '新任委员',
        employee_number: 'HY20013',
        groups: ['dj-secretaries', 'unrelated'],
      },
    ],
  });
  t = await createTestApp({ env: env({ PASSWORD_LOGIN: 'break_glass' }) });
  creating = await createTestApp({ env: env({ OIDC_CREATE_ACCOUNTS: '1' }) });
  // Tokens carry the provider's real time; the apps' clocks start there too.
  t.clock.set(new Date());
  creating.clock.set(new Date());
}, 240_000);
afterAll(async () => {
  await t?.close();
  await creating?.close();
  await provider?.close();
});

/** Clicks 使用统一身份认证登录 and signs in at the provider; answers the URL it sends back. */
async function toProvider(client: TestClient, sub: string, returnTo = '/records'): Promise<URL> {
  provider.as(sub);
  const start = await client.get(`/api/auth/oidc/start?returnTo=${encodeURIComponent(returnTo)}`);
  expect(start.statusCode).toBe(302);
  const location = start.headers.location as string;
  expect(location.startsWith(`${provider.issuer}/auth?`)).toBe(true);
  const auth = new URL(location);
  expect(auth.searchParams.get('code_challenge_method')).toBe('S256');
  return throughProvider(location, REDIRECT);
}

const back = (client: TestClient, url: URL) => client.get(url.pathname + url.search);
const errorOf = (res: { statusCode: number; headers: Record<string, unknown> }) => {
  expect(res.statusCode).toBe(302);
  return new URL(res.headers.location as string, BASE).searchParams.get('code');
};
const rows = async (app: TestApp, query: ReturnType<typeof sql>) =>
  ((await app.database.db.execute(query)) as unknown as { rows: Record<string, unknown>[] }).rows;
const lastAudit = async (app: TestApp) =>
  (await app.database.db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(1))[0]!;

describe('OpenID Connect sign-in', () => {
  it('offers the company sign-in on the sign-in page', async () => {
    const me = json<MeBody>(await (await t.anonymous()).get('/api/auth/me'));
    expect(me.signIn).toEqual({
      sso: { label: null },
      directory: false,
      dingtalk: null,
      wecom: false,
      passwords: 'break_glass',
    });
  });

  it('signs a person in by employee number, back to the page asked for, audited as OIDC', async () => {
    const client = await t.anonymous();
    const res = await back(client, await toProvider(client, 'u-wang', '/records?month=3'));
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe('/records?month=3');
    const me = json<MeBody>(await client.get('/api/auth/me'));
    expect(me.user.username).toBe('dangyuan');
    // The demo password's forced change binds password sessions only.
    expect(me.user.mustChangePassword).toBe(false);
    const audit = await lastAudit(t);
    expect(audit).toMatchObject({ action: 'auth.login', after: { method: 'oidc' } });
  });

  it('matches by username when the provider sends no employee number', async () => {
    const client = await t.anonymous();
    await back(client, await toProvider(client, 'u-zhibu1'));
    expect(json<MeBody>(await client.get('/api/auth/me')).user.username).toBe('zhibu1');
  });

  it('never sends the browser off-site after sign-in, whatever return URL the link carries', async () => {
    for (const evil of OFF_SITE_RETURNS) {
      const client = await t.anonymous();
      const res = await back(client, await toProvider(client, 'u-zhibu1', evil));
      expectLocalPath(res.headers.location, BASE, evil);
    }
  });

  it('refuses a callback whose state is not the one it sent', async () => {
    const client = await t.anonymous();
    const url = await toProvider(client, 'u-wang');
    url.searchParams.set('state', 'forged-state');
    expect(errorOf(await back(client, url))).toBe('SSO_STATE_INVALID');
    expect(json<MeBody>(await client.get('/api/auth/me')).authenticated).toBe(false);
    expect(await lastAudit(t)).toMatchObject({
      action: 'auth.sso_failed',
      after: { code: 'SSO_STATE_INVALID' },
    });
  });

  it('refuses a callback with no sign-in started in this browser', async () => {
    const victim = await t.anonymous();
    const attacker = await t.anonymous();
    const url = await toProvider(attacker, 'u-stranger');
    expect(errorOf(await back(victim, url))).toBe('SSO_STATE_INVALID');
  });

  it('refuses a replayed code, even with the flow cookie put back', async () => {
    const client = await t.anonymous();
    const url = await toProvider(client, 'u-wang');
    const flow = client.cookies.get('duibiao_oidc')!;
    expect((await back(client, url)).headers.location).toBe('/records');
    // The cookie is spent with the first use; a captured copy replays the same code.
    expect(client.cookies.has('duibiao_oidc')).toBe(false);
    const replay = await t.anonymous();
    replay.cookies.set('duibiao_oidc', flow);
    expect(errorOf(await back(replay, url))).toBe('SSO_FAILED');
    expect(await lastAudit(t)).toMatchObject({
      action: 'auth.sso_failed',
      after: { code: 'SSO_FAILED', reason: 'invalid_grant' },
    });
  });

  it('refuses an ID token that has expired by the server clock', async () => {
    const client = await t.anonymous();
    const url = await toProvider(client, 'u-wang');
    // The provider issues ID tokens for an hour; the server reads them two hours later.
    t.clock.advance(2 * 60 * 60_000);
    try {
      expect(errorOf(await back(client, url))).toBe('SSO_FAILED');
    } finally {
      t.clock.set(new Date());
    }
    expect(json<MeBody>(await client.get('/api/auth/me')).authenticated).toBe(false);
  });

  it('sends someone without an account to 请联系管理员, creating nothing', async () => {
    const client = await t.anonymous();
    const before = await rows(t, sql`select count(*)::int as n from users`);
    expect(errorOf(await back(client, await toProvider(client, 'u-new')))).toBe('SSO_UNKNOWN_USER');
    const after = await rows(t, sql`select count(*)::int as n from users`);
    expect(after).toEqual(before);
    expect(await lastAudit(t)).toMatchObject({
      action: 'auth.sso_failed',
      after: { code: 'SSO_UNKNOWN_USER', username: 'xinren', employeeNo: 'HY20013' },
    });
  });

  it('keeps passwords for the break-glass administrator only', async () => {
    const client = await t.anonymous();
    const refused = await client.post('/api/auth/login', { username: 'jiguan', password: 'Duibiao@2020' });
    expect(errorCode(refused)).toBe('PASSWORD_LOGIN_OFF');
    await t.login('admin', ADMIN_PASSWORD);
  });

  it('logs out of Duibiao and then at the provider', async () => {
    const client = await t.anonymous();
    await back(client, await toProvider(client, 'u-zhibu1'));
    const out = json<{ endSessionUrl: string }>(await client.post('/api/auth/logout'));
    const end = new URL(out.endSessionUrl);
    expect(`${end.origin}${end.pathname}`).toBe(`${provider.issuer}/session/end`);
    expect(end.searchParams.get('client_id')).toBe(TEST_CLIENT.id);
    expect(end.searchParams.get('post_logout_redirect_uri')).toBe(`${BASE}/login`);
    expect(json<MeBody>(await client.get('/api/auth/me')).authenticated).toBe(false);
    // A password session has nothing to end at the provider.
    const admin = await t.login('admin', ADMIN_PASSWORD);
    expect(json<{ endSessionUrl: null }>(await admin.post('/api/auth/logout')).endSessionUrl).toBeNull();
  });
});

describe('OpenID Connect sign-in creating accounts', () => {
  it('creates the account at the first sign-in, linked to the person, with the mapped role', async () => {
    const client = await creating.anonymous();
    expect((await back(client, await toProvider(client, 'u-new'))).headers.location).toBe('/records');
    const me = json<MeBody>(await client.get('/api/auth/me'));
    expect(me.user.username).toBe('xinren');
    const [branch2] = await rows(creating, sql`select branch_id from people where employee_no = 'HY20013'`);
    expect(me.user.grants).toMatchObject([{ role: 'branch_secretary', branchId: branch2!.branch_id }]);
    const created = await creating.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'user.create'))
      .orderBy(desc(auditLog.id))
      .limit(1);
    expect(created[0]).toMatchObject({ after: { username: 'xinren', via: 'oidc', subject: 'u-new' } });
    // The second sign-in finds the same account.
    const again = await creating.anonymous();
    await back(again, await toProvider(again, 'u-new'));
    const count = await rows(creating, sql`select count(*)::int as n from users where username = 'xinren'`);
    expect(count).toEqual([{ n: 1 }]);
  });

  it('still refuses someone the mapping gives no role and no branch', async () => {
    const client = await creating.anonymous();
    expect(errorOf(await back(client, await toProvider(client, 'u-stranger')))).toBe('SSO_UNKNOWN_USER');
  });
});
