import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';

/**
 * A stand-in for DingTalk's and WeCom's server APIs, answering as their documentation describes:
 * the same paths, parameters, JSON bodies and `errcode` / `errmsg` answers (HTTP 200 even for a
 * refusal, as both do). It is the one place to compare with a real tenant:
 *
 * DingTalk (oapi.dingtalk.com, H5 micro-app 免登):
 *   GET  /gettoken?appkey=&appsecret=                  → { errcode: 0, access_token, expires_in: 7200 }
 *   POST /topapi/v2/user/getuserinfo?access_token=  { code }            → { errcode: 0, result: { userid, … } }
 *   POST /topapi/v2/user/get?access_token=          { userid, language } → { errcode: 0, result: { name, mobile, job_number, … } }
 *   errors: 40089 bad key or secret · 40014 bad access_token · 42001 expired access_token ·
 *           40078 no such temporary code (unknown, used or expired) · 60121 no such user
 *
 * WeCom (qyapi.weixin.qq.com and open.weixin.qq.com, self-built app web sign-in):
 *   GET  /connect/oauth2/authorize?appid=&redirect_uri=&response_type=code&scope=&state=&agentid=
 *        → 302 redirect_uri?code=…&state=…  (inside WeCom, for the member who opened it)
 *   GET  /cgi-bin/gettoken?corpid=&corpsecret=          → { errcode: 0, access_token, expires_in: 7200 }
 *   GET  /cgi-bin/auth/getuserinfo?access_token=&code=  → { errcode: 0, userid, user_ticket, expires_in }
 *   POST /cgi-bin/auth/getuserdetail?access_token= { user_ticket } → { errcode: 0, userid, mobile, … }
 *   GET  /cgi-bin/user/get?access_token=&userid=        → { errcode: 0, userid, name, … }
 *   errors: 40013 invalid corpid · 40001 invalid credential (secret) · 40014 invalid access_token ·
 *           42001 access_token expired · 40029 invalid code (unknown, used or older than 5 minutes) ·
 *           60111 userid not found
 *
 * Served under /dingtalk, /wecom and /wecom-oauth on one loopback port.
 */
export interface StandinPerson {
  userid: string;
  name: string;
  mobile?: string;
  /** DingTalk's 工号 field. */
  jobNumber?: string;
}

export interface WorkAppStandin {
  url: string;
  dingtalk: { corpId: string; appKey: string; appSecret: string; apiBase: string };
  wecom: { corpId: string; agentId: string; secret: string; apiBase: string; oauthBase: string };
  /** The code DingTalk's requestAuthCode hands the page for this member. */
  dingtalkCodeFor(userid: string): string;
  /** Who is "inside WeCom" when the browser reaches the authorize address. */
  wecomAs(userid: string): void;
  /** Every token issued so far goes stale (the services' 42001). */
  expireTokens(): void;
  /** How many times each service's gettoken was called. */
  tokenFetches: { dingtalk: number; wecom: number };
  close(): Promise<void>;
}

const CODE_TTL_MS = 5 * 60_000;

async function bodyOf(req: IncomingMessage): Promise<Record<string, unknown>> {
  let text = '';
  for await (const chunk of req) text += chunk;
  try {
    return JSON.parse(text || '{}') as Record<string, unknown>;
  } catch {
    return {};
  }
}

export async function startWorkAppStandin(members: {
  dingtalk: StandinPerson[];
  wecom: StandinPerson[];
}): Promise<WorkAppStandin> {
  const dingtalk = { corpId: 'ding-corp-1', appKey: 'dingappkey1', appSecret: 'ding-secret-1' };
  const wecom = { corpId: 'ww-corp-1', agentId: '1000002', secret: 'wecom-secret-1' };
  const tokens = new Map<string, 'dingtalk' | 'wecom'>();
  const stale = new Set<string>();
  const codes = new Map<string, { service: 'dingtalk' | 'wecom'; userid: string; at: number }>();
  const tickets = new Map<string, string>();
  const tokenFetches = { dingtalk: 0, wecom: 0 };
  let wecomUser: string | null = null;
  const newCode = (service: 'dingtalk' | 'wecom', userid: string) => {
    const code = randomBytes(12).toString('hex');
    codes.set(code, { service, userid, at: Date.now() });
    return code;
  };
  /** A one-time code: gone once asked about, whatever the answer. */
  const takeCode = (service: 'dingtalk' | 'wecom', code: unknown) => {
    const found = typeof code === 'string' ? codes.get(code) : undefined;
    if (typeof code === 'string') codes.delete(code);
    return found && found.service === service && Date.now() - found.at < CODE_TTL_MS ? found.userid : null;
  };
  const tokenError = (service: 'dingtalk' | 'wecom', token: string | null) => {
    if (token && stale.has(token))
      return {
        errcode: 42001,
        errmsg: service === 'dingtalk' ? '不合法的access_token' : 'access_token expired',
      };
    if (!token || tokens.get(token) !== service)
      return {
        errcode: 40014,
        errmsg: service === 'dingtalk' ? '不合法的access_token' : 'invalid access_token',
      };
    return null;
  };
  const issueToken = (service: 'dingtalk' | 'wecom') => {
    tokenFetches[service]++;
    const token = randomBytes(16).toString('hex');
    tokens.set(token, service);
    return { errcode: 0, errmsg: 'ok', access_token: token, expires_in: 7200 };
  };

  const server: Server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url!, 'http://standin');
      const q = url.searchParams;
      const send = (answer: unknown) => {
        res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
        res.end(JSON.stringify(answer));
      };
      const route = `${req.method} ${url.pathname}`;
      if (route === 'GET /dingtalk/gettoken') {
        if (q.get('appkey') !== dingtalk.appKey || q.get('appsecret') !== dingtalk.appSecret)
          return send({ errcode: 40089, errmsg: '不合法的corpid或corpsecret' });
        return send(issueToken('dingtalk'));
      }
      if (route === 'POST /dingtalk/topapi/v2/user/getuserinfo') {
        const body = await bodyOf(req);
        const bad = tokenError('dingtalk', q.get('access_token'));
        if (bad) return send(bad);
        const userid = takeCode('dingtalk', body.code);
        if (!userid) return send({ errcode: 40078, errmsg: '不存在的临时授权码' });
        const m = members.dingtalk.find((x) => x.userid === userid)!;
        return send({
          errcode: 0,
          errmsg: 'ok',
          result: {
            userid,
            unionid: `u-${userid}`,
            name: m.name,
            sys: false,
            sys_level: 0,
            device_id: 'dev',
          },
          request_id: randomBytes(6).toString('hex'),
        });
      }
      if (route === 'POST /dingtalk/topapi/v2/user/get') {
        const body = await bodyOf(req);
        const bad = tokenError('dingtalk', q.get('access_token'));
        if (bad) return send(bad);
        const m = members.dingtalk.find((x) => x.userid === body.userid);
        if (!m) return send({ errcode: 60121, errmsg: '找不到该用户' });
        return send({
          errcode: 0,
          errmsg: 'ok',
          result: { userid: m.userid, name: m.name, mobile: m.mobile, job_number: m.jobNumber, active: true },
        });
      }
      if (route === 'GET /wecom-oauth/connect/oauth2/authorize') {
        const target = q.get('redirect_uri');
        if (q.get('appid') !== wecom.corpId || q.get('agentid') !== wecom.agentId || !target || !wecomUser) {
          res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' });
          return res.end('参数错误');
        }
        const back = new URL(target);
        back.searchParams.set('code', newCode('wecom', wecomUser));
        back.searchParams.set('state', q.get('state') ?? '');
        res.writeHead(302, { location: back.href });
        return res.end();
      }
      if (route === 'GET /wecom/cgi-bin/gettoken') {
        if (q.get('corpid') !== wecom.corpId) return send({ errcode: 40013, errmsg: 'invalid corpid' });
        if (q.get('corpsecret') !== wecom.secret)
          return send({ errcode: 40001, errmsg: 'invalid credential' });
        return send(issueToken('wecom'));
      }
      if (route === 'GET /wecom/cgi-bin/auth/getuserinfo') {
        const bad = tokenError('wecom', q.get('access_token'));
        if (bad) return send(bad);
        const userid = takeCode('wecom', q.get('code'));
        if (!userid) return send({ errcode: 40029, errmsg: 'invalid code' });
        const ticket = randomBytes(16).toString('hex');
        tickets.set(ticket, userid);
        return send({ errcode: 0, errmsg: 'ok', userid, user_ticket: ticket, expires_in: 1800 });
      }
      if (route === 'POST /wecom/cgi-bin/auth/getuserdetail') {
        const body = await bodyOf(req);
        const bad = tokenError('wecom', q.get('access_token'));
        if (bad) return send(bad);
        const userid = typeof body.user_ticket === 'string' ? tickets.get(body.user_ticket) : undefined;
        const m = members.wecom.find((x) => x.userid === userid);
        if (!m) return send({ errcode: 40001, errmsg: 'invalid credential' });
        return send({ errcode: 0, errmsg: 'ok', userid: m.userid, mobile: m.mobile, gender: '1' });
      }
      if (route === 'GET /wecom/cgi-bin/user/get') {
        const bad = tokenError('wecom', q.get('access_token'));
        if (bad) return send(bad);
        const m = members.wecom.find((x) => x.userid === q.get('userid'));
        if (!m) return send({ errcode: 60111, errmsg: 'userid not found' });
        return send({ errcode: 0, errmsg: 'ok', userid: m.userid, name: m.name, status: 1 });
      }
      res.writeHead(404);
      res.end();
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  return {
    url,
    dingtalk: { ...dingtalk, apiBase: `${url}/dingtalk` },
    wecom: { ...wecom, apiBase: `${url}/wecom`, oauthBase: `${url}/wecom-oauth` },
    dingtalkCodeFor: (userid) => newCode('dingtalk', userid),
    wecomAs: (userid) => (wecomUser = userid),
    expireTokens: () => tokens.forEach((_, token) => stale.add(token)),
    tokenFetches,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
