import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { desc, sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { errorCode, json, type TestClient } from '../../test/test-client.js';
import { startWorkAppStandin, type WorkAppStandin } from '../../test/work-app-standin.js';
import { auditLog } from '../../db/schema/index.js';
import { expectLocalPath, OFF_SITE_RETURNS } from '../../test/open-redirects.js';

/**
 * Sign-in from inside DingTalk and WeCom (免登), against a local stand-in that answers as their
 * documentation describes (src/server/test/work-app-standin.ts), on both engines.
 */
const BASE = 'http://duibiao.test';
// dangyuan's person in the demo organisation: employee number HY20006, mobile 13810039595.
const DANGYUAN = { jobNumber: 'HY20006', mobile: '13810039595' };

let standin: WorkAppStandin;
let t: TestApp;

interface MeBody {
  authenticated: boolean;
  signIn: { dingtalk: { corpId: string } | null; wecom: boolean };
  user: { username: string };
}

beforeAll(async () => {
  standin = await startWorkAppStandin({
    dingtalk: [
      { userid: 'manager4220', name: '王芳', jobNumber: DANGYUAN.jobNumber, mobile: '13900001111' },
      { userid: 'ding-mobile', name: '王芳', mobile: DANGYUAN.mobile },
      { userid: 'ding-stranger', name: '外单位人员', mobile: '13900000000' },
    ],
    wecom: [
      { userid: 'WangFang', name: '王芳', mobile: DANGYUAN.mobile },
      { userid: 'outsider', name: '外单位人员', mobile: '13900000001' },
    ],
  });
  t = await createTestApp({
    env: {
      PUBLIC_BASE_URL: BASE,
      DINGTALK_CORP_ID: standin.dingtalk.corpId,
      DINGTALK_APP_KEY: standin.dingtalk.appKey,
      DINGTALK_APP_SECRET: standin.dingtalk.appSecret,
      DINGTALK_API_BASE: standin.dingtalk.apiBase,
      WECOM_CORP_ID: standin.wecom.corpId,
      WECOM_AGENT_ID: standin.wecom.agentId,
      WECOM_SECRET: standin.wecom.secret,
      WECOM_API_BASE: standin.wecom.apiBase,
      WECOM_OAUTH_BASE: standin.wecom.oauthBase,
    },
  });
});
afterAll(async () => {
  await t?.close();
  await standin?.close();
});

const lastAudit = async () =>
  (await t.database.db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(1))[0]!;
/** Sessions opened by one way of signing in (the manual clock gives them all the same time). */
const sessionsBy = async (method: string) =>
  (
    (await t.database.db.execute(
      sql`select count(*)::int as n from sessions where method = ${method}`,
    )) as unknown as { rows: { n: number }[] }
  ).rows[0]!.n;

async function dingtalk(code: string): Promise<{ client: TestClient; status: number; code: string | null }> {
  const client = await t.anonymous();
  const res = await client.post('/api/auth/dingtalk/login', { code });
  return { client, status: res.statusCode, code: res.statusCode === 200 ? null : (errorCode(res) ?? null) };
}

/** Opens the app inside WeCom: start → WeCom's authorize address → back to the callback. */
async function throughWecom(client: TestClient, returnTo = '/records?month=3') {
  const start = await client.get(`/api/auth/wecom/start?returnTo=${encodeURIComponent(returnTo)}`);
  expect(start.statusCode).toBe(302);
  const authorize = new URL(start.headers.location as string);
  const atWecom = await fetch(authorize, { redirect: 'manual' });
  expect(atWecom.status).toBe(302);
  const back = new URL(atWecom.headers.get('location')!);
  expect(`${back.origin}${back.pathname}`).toBe(`${BASE}/api/auth/wecom/callback`);
  return { authorize, callback: `${back.pathname}${back.search}` };
}

describe('sign-in from inside DingTalk', () => {
  it('tells the page which organisation to ask DingTalk for a code, and that WeCom is on', async () => {
    const me = json<MeBody>(await (await t.anonymous()).get('/api/auth/me'));
    expect(me.signIn.dingtalk).toEqual({ corpId: standin.dingtalk.corpId });
    expect(me.signIn.wecom).toBe(true);
  });

  it('signs the member in by 工号 with the code requestAuthCode gave, audited as DingTalk', async () => {
    const before = await sessionsBy('dingtalk');
    const { client, status } = await dingtalk(standin.dingtalkCodeFor('manager4220'));
    expect(status).toBe(200);
    expect(json<MeBody>(await client.get('/api/auth/me')).user.username).toBe('dangyuan');
    expect(await lastAudit()).toMatchObject({ action: 'auth.login', after: { method: 'dingtalk' } });
    expect(await sessionsBy('dingtalk')).toBe(before + 1);
  });

  it('answers the page, never a redirect, whatever return URL is sent with the code', async () => {
    // The page keeps where to go back to itself (router state, a path of this site): the server
    // takes no return URL here, so a forged one has nothing to act on.
    const client = await t.anonymous();
    const res = await client.post(
      `/api/auth/dingtalk/login?returnTo=${encodeURIComponent('//evil.example/x')}`,
      { code: standin.dingtalkCodeFor('manager4220'), returnTo: 'https://evil.example/' },
    );
    expect(res.statusCode).toBe(200);
    expect(res.headers.location).toBeUndefined();
    expect(json<MeBody>(res).user.username).toBe('dangyuan');
  });

  it('matches by mobile where DingTalk has no 工号', async () => {
    const { client, status } = await dingtalk(standin.dingtalkCodeFor('ding-mobile'));
    expect(status).toBe(200);
    expect(json<MeBody>(await client.get('/api/auth/me')).user.username).toBe('dangyuan');
  });

  it('refuses a code used once already, with DingTalk’s own error in the audit', async () => {
    const code = standin.dingtalkCodeFor('manager4220');
    expect((await dingtalk(code)).status).toBe(200);
    const replay = await dingtalk(code);
    expect([replay.status, replay.code]).toEqual([401, 'WORK_APP_FAILED']);
    expect(await lastAudit()).toMatchObject({
      action: 'auth.work_app_failed',
      after: { code: 'WORK_APP_FAILED', service: 'dingtalk', errcode: 40078 },
    });
  });

  it('sends a member the organisation does not know to 请联系管理员, creating nothing', async () => {
    const users = async () =>
      (
        (await t.database.db.execute(sql`select count(*)::int as n from users`)) as unknown as {
          rows: { n: number }[];
        }
      ).rows[0]!.n;
    const before = await users();
    expect((await dingtalk(standin.dingtalkCodeFor('ding-stranger'))).code).toBe('SSO_UNKNOWN_USER');
    expect(await users()).toBe(before);
  });

  it('keeps the access token for its two hours, and fetches a new one when DingTalk calls it stale', async () => {
    const fetched = standin.tokenFetches.dingtalk;
    expect((await dingtalk(standin.dingtalkCodeFor('manager4220'))).status).toBe(200);
    expect(standin.tokenFetches.dingtalk).toBe(fetched);
    standin.expireTokens();
    expect((await dingtalk(standin.dingtalkCodeFor('manager4220'))).status).toBe(200);
    expect(standin.tokenFetches.dingtalk).toBe(fetched + 1);
  });
});

describe('sign-in from inside WeCom', () => {
  it('goes through WeCom’s authorize address and back to the page asked for, audited as WeCom', async () => {
    standin.wecomAs('WangFang');
    const before = await sessionsBy('wecom');
    const client = await t.anonymous();
    const { authorize, callback } = await throughWecom(client);
    expect(Object.fromEntries(authorize.searchParams)).toMatchObject({
      appid: standin.wecom.corpId,
      agentid: standin.wecom.agentId,
      response_type: 'code',
      scope: 'snsapi_privateinfo',
      redirect_uri: `${BASE}/api/auth/wecom/callback`,
    });
    expect(authorize.hash).toBe('#wechat_redirect');
    const res = await client.get(callback);
    expect([res.statusCode, res.headers.location]).toEqual([302, '/records?month=3']);
    expect(json<MeBody>(await client.get('/api/auth/me')).user.username).toBe('dangyuan');
    expect(await sessionsBy('wecom')).toBe(before + 1);
    expect(await lastAudit()).toMatchObject({ action: 'auth.login', after: { method: 'wecom' } });
  });

  it('refuses a callback of another browser’s flow, and a replayed one', async () => {
    standin.wecomAs('WangFang');
    const { callback } = await throughWecom(await t.anonymous());
    // The code reached a browser that never started this sign-in: no flow cookie, no session.
    const stranger = await t.anonymous();
    const res = await stranger.get(callback);
    expect(res.headers.location).toBe('/login/sso-error?code=SSO_STATE_INVALID');
    expect(json<MeBody>(await stranger.get('/api/auth/me')).authenticated).toBe(false);
    const owner = await t.anonymous();
    const flow = await throughWecom(owner);
    expect((await owner.get(flow.callback)).headers.location).toBe('/records?month=3');
    expect((await owner.get(flow.callback)).headers.location).toBe('/login/sso-error?code=SSO_STATE_INVALID');
  });

  it('never returns to another site, and turns away a member the organisation does not know', async () => {
    standin.wecomAs('WangFang');
    for (const evil of OFF_SITE_RETURNS) {
      const client = await t.anonymous();
      const { callback } = await throughWecom(client, evil);
      expectLocalPath((await client.get(callback)).headers.location, BASE, evil);
    }
    standin.wecomAs('outsider');
    const other = await t.anonymous();
    const flow = await throughWecom(other);
    expect((await other.get(flow.callback)).headers.location).toBe('/login/sso-error?code=SSO_UNKNOWN_USER');
  });
});
