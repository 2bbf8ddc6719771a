import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken } from '../modules/auth/session-token.js';
import { ADMIN_PASSWORD, createTestApp, DEMO_PASSWORD, type TestApp } from './harness.js';
import { errorCode, json, TestClient } from './test-client.js';

/**
 * Security checks across the whole API: response headers on the API and on the web page, session
 * cookie flags, session fixation, CSRF on every state-changing route, login throttling that a
 * forged X-Forwarded-For does not get around, and an audit log nobody can change.
 */

let t: TestApp;
let webDir: string;

beforeAll(async () => {
  // A stand-in for the built web client: the server's handling of the page does not depend on it.
  webDir = mkdtempSync(path.join(tmpdir(), 'duibiao-web-'));
  writeFileSync(
    path.join(webDir, 'index.html'),
    '<!doctype html><html><body><div id="root"></div></body></html>',
  );
  mkdirSync(path.join(webDir, 'assets'));
  writeFileSync(path.join(webDir, 'assets', 'app.js'), 'console.log(1)');
  t = await createTestApp({ webDir, env: { LOGIN_IP_MAX_ATTEMPTS: '8', LOGIN_MAX_FAILURES: '4' } });
});
afterAll(async () => {
  await t?.close();
  rmSync(webDir, { recursive: true, force: true });
});

/** Row counts of every table but sessions and login throttling, which sign-ins change. */
async function dataCounts(): Promise<Record<string, number>> {
  const tables = (await t.database.db.execute(
    sql`select c.relname as "name" from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind = 'r' and c.relname not in ('sessions', 'login_throttle')`,
  )) as unknown as { rows: { name: string }[] };
  const res = (await t.database.db.execute(
    sql`select ${sql.join(
      tables.rows.map(
        (r) => sql`(select count(*)::int from ${sql.identifier(r.name)}) as ${sql.identifier(r.name)}`,
      ),
      sql`, `,
    )}`,
  )) as unknown as { rows: Record<string, number>[] };
  return res.rows[0]!;
}

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name!.toLowerCase(), values]),
  );
}

function expectSecurityHeaders(res: LightMyRequestResponse, what: string) {
  expect(res.headers['x-content-type-options'], what).toBe('nosniff');
  expect(['no-referrer', 'same-origin', 'strict-origin', 'strict-origin-when-cross-origin'], what).toContain(
    res.headers['referrer-policy'],
  );
  const csp = directives(String(res.headers['content-security-policy']));
  expect(csp.get('frame-ancestors'), what).toEqual(["'none'"]);
  // Nothing may expose the framework or its version.
  expect(res.headers['x-powered-by'], what).toBeUndefined();
  expect(res.headers['server'], what).toBeUndefined();
  return csp;
}

describe('response headers', () => {
  it('puts CSP (frame-ancestors none, scripts from self only), nosniff and a referrer policy on API answers', async () => {
    const admin = await t.login('admin');
    const answers: [string, LightMyRequestResponse][] = [
      ['health', await admin.get('/api/health')],
      ['a list', await admin.get('/api/people')],
      ['a change', await admin.patch('/api/org/organisation', { committeeName: '机关党委' })],
      ['a refusal', await (await t.anonymous()).get('/api/people')],
      ['an unknown route', await admin.get('/api/no-such-thing')],
      ['a validation error', await admin.post('/api/org/branches', { name: 42 })],
    ];
    for (const [what, res] of answers) {
      const csp = expectSecurityHeaders(res, what);
      expect(csp.get('default-src'), what).toEqual(["'self'"]);
      expect(csp.get('script-src'), what).toEqual(["'self'"]);
      expect(res.headers['x-frame-options'], what).toBe('DENY');
      expect(String(res.headers['content-type']), what).toMatch(/^application\/json/);
    }
  });

  it('puts the same headers on the web page, its client-side routes and its assets', async () => {
    const anonymous = new TestClient(t.app, '127.0.0.1');
    for (const url of ['/', '/records/12', '/login?next=%2Fadmin', '/assets/app.js']) {
      const res = await anonymous.get(url);
      expect(res.statusCode, url).toBe(200);
      const csp = expectSecurityHeaders(res, url);
      expect(csp.get('script-src'), url).toEqual(["'self'"]);
      expect(csp.get('script-src'), url).not.toContain("'unsafe-inline'");
      expect(csp.get('base-uri'), url).toEqual(["'self'"]);
      expect(res.headers['x-frame-options'], url).toBe('DENY');
    }
    expect(String((await anonymous.get('/records/12')).headers['content-type'])).toMatch(/^text\/html/);
  });

  it('keeps frame-ancestors none on the API documentation, whose viewer needs a looser CSP', async () => {
    // Signed in: by default anonymous visitors do not get the API description (deployment-defaults.test.ts).
    const res = await (await t.login('admin')).get('/api/docs/');
    expect(res.statusCode).toBeLessThan(400);
    expectSecurityHeaders(res, '/api/docs');
  });

  it('ignores X-Forwarded-Proto without the trusted-proxy setting: anyone could send it', async () => {
    const res = await (
      await t.anonymous()
    ).request(
      'POST',
      '/api/auth/login',
      { username: 'admin', password: ADMIN_PASSWORD },
      { 'x-forwarded-proto': 'https' },
    );
    expect(res.statusCode).toBe(200);
    expect(res.cookies.find((c) => c.name === 'duibiao_sid')!.secure).toBeFalsy();
  });

  it('sends no CORS headers: other origins cannot read API answers', async () => {
    const admin = await t.login('admin');
    const res = await admin.request('GET', '/api/people', undefined, { origin: 'https://evil.example' });
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    expect(res.headers['access-control-allow-credentials']).toBeUndefined();
    const preflight = await admin.request('OPTIONS' as 'GET', '/api/org/organisation', undefined, {
      origin: 'https://evil.example',
      'access-control-request-method': 'PATCH',
    });
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('session cookies', () => {
  const cookie = (res: LightMyRequestResponse, name: string) => res.cookies.find((c) => c.name === name);

  it('sets the session cookie HttpOnly, SameSite=Lax, for the whole site, and not Secure by default', async () => {
    const client = await t.anonymous();
    const res = await client.post('/api/auth/login', { username: 'admin', password: ADMIN_PASSWORD });
    const sid = cookie(res, 'duibiao_sid')!;
    expect(sid).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(sid.secure).toBeFalsy();
    // The CSRF cookie is read by the page (not HttpOnly) and never leaves the site.
    const csrf = cookie(res, 'duibiao_csrf')!;
    expect(csrf.httpOnly).toBeFalsy();
    expect(csrf.sameSite).toBe('Strict');
  });

  it('marks both cookies Secure with COOKIE_SECURE=1', async () => {
    const secure = await createTestApp({ env: { COOKIE_SECURE: '1' } });
    try {
      const client = await secure.anonymous();
      const res = await client.post('/api/auth/login', { username: 'admin', password: ADMIN_PASSWORD });
      expect(res.statusCode).toBe(200);
      expect(cookie(res, 'duibiao_sid')).toMatchObject({ secure: true, httpOnly: true, sameSite: 'Lax' });
      expect(cookie(res, 'duibiao_csrf')).toMatchObject({ secure: true });
      const me = await new TestClient(secure.app, '127.0.0.1').get('/api/auth/me');
      expect(cookie(me, 'duibiao_csrf')).toMatchObject({ secure: true });
    } finally {
      await secure.close();
    }
  });

  it('stores only a hash of the session id, and never sends password hashes', async () => {
    const client = await t.login('admin');
    const token = client.cookies.get('duibiao_sid')!;
    const rows = (await t.database.db.execute(sql`select id from sessions`)) as unknown as {
      rows: { id: string }[];
    };
    expect(rows.rows.map((r) => r.id)).toContain(hashToken(token));
    expect(rows.rows.map((r) => r.id)).not.toContain(token);
    for (const url of ['/api/users', '/api/auth/me', '/api/people?limit=500', '/api/audit?limit=500']) {
      const body = (await client.get(url)).body;
      expect(body, url).not.toMatch(/scrypt\$|passwordHash|password_hash/);
      expect(body, url).not.toContain(token);
    }
  });
});

describe('session fixation', () => {
  it('issues a new session id at login even when the browser already sent one', async () => {
    const client = await t.anonymous();
    client.cookies.set('duibiao_sid', 'attacker-chosen-session-id');
    const res = await client.post('/api/auth/login', { username: 'zhibu1', password: DEMO_PASSWORD });
    expect(res.statusCode).toBe(200);
    const issued = client.cookies.get('duibiao_sid')!;
    expect(issued).not.toBe('attacker-chosen-session-id');
    expect(issued.length).toBeGreaterThanOrEqual(40);
    const planted = new TestClient(t.app, '127.0.0.1');
    planted.cookies.set('duibiao_sid', 'attacker-chosen-session-id');
    expect(json<{ authenticated: boolean }>(await planted.get('/api/auth/me')).authenticated).toBe(false);
  });

  it('ends the session an attacker planted from their own login when the victim signs in', async () => {
    const attacker = await t.login('dangyuan');
    const planted = attacker.cookies.get('duibiao_sid')!;
    // Cookie injection plants both of the attacker's cookies in the victim's browser.
    const victim = await t.anonymous();
    victim.cookies.set('duibiao_sid', planted);
    victim.cookies.set('duibiao_csrf', attacker.csrf!);
    const res = await victim.post('/api/auth/login', { username: 'jiguan', password: DEMO_PASSWORD });
    expect(res.statusCode).toBe(200);
    expect(victim.cookies.get('duibiao_sid')).not.toBe(planted);
    // The planted id is gone: the attacker's copy is not signed in as anyone, least of all the victim.
    const me = json<{ authenticated: boolean }>(await attacker.get('/api/auth/me'));
    expect(me.authenticated).toBe(false);
    expect(json<{ user: { username: string } }>(await victim.get('/api/auth/me')).user.username).toBe(
      'jiguan',
    );
  });

  it('gives a new CSRF token with the new session', async () => {
    const client = await t.anonymous();
    const before = client.csrf;
    await client.post('/api/auth/login', { username: 'admin', password: ADMIN_PASSWORD });
    expect(client.csrf).toBeDefined();
    expect(client.csrf).not.toBe(before);
  });
});

describe('CSRF on every state-changing route', () => {
  const unsafe = () => t.app.apiRoutes.filter((r) => !r.startsWith('GET '));
  const urlOf = (route: string) => route.split(' ')[1]!.replace(/:\w+/g, '1');

  it('covers a route list with state-changing routes in it', () => {
    expect(unsafe().length).toBeGreaterThan(20);
  });

  it('refuses every one without the header (403 CSRF_INVALID), signed in or not (401), and stores nothing', async () => {
    const admin = await t.login('admin');
    const secretary = await t.login('zhibu1');
    const anonymous = await t.anonymous();
    for (const c of [admin, secretary, anonymous]) c.sendCsrf = false;
    const before = await dataCounts();
    const outcomes: string[] = [];
    for (const route of unsafe()) {
      const method = route.split(' ')[0] as 'POST' | 'PUT' | 'PATCH' | 'DELETE';
      const url = urlOf(route);
      for (const [who, c] of [
        ['admin', admin],
        ['secretary', secretary],
      ] as const) {
        const res = await c.request(method, url, method === 'DELETE' ? undefined : {});
        if (res.statusCode !== 403 || errorCode(res) !== 'CSRF_INVALID')
          outcomes.push(`${who} ${route}: ${res.statusCode} ${res.body.slice(0, 100)}`);
      }
      const res = await anonymous.request(method, url, method === 'DELETE' ? undefined : {});
      const ok =
        (res.statusCode === 401 && errorCode(res) === 'UNAUTHENTICATED') ||
        (res.statusCode === 403 && errorCode(res) === 'CSRF_INVALID');
      if (!ok) outcomes.push(`anonymous ${route}: ${res.statusCode} ${res.body.slice(0, 100)}`);
    }
    expect(outcomes).toEqual([]);
    expect(await dataCounts()).toEqual(before);
  });

  it('refuses a wrong token, another session’s token, and a multipart or text/plain form without one', async () => {
    const admin = await t.login('admin');
    const secretary = await t.login('zhibu1');
    const before = await dataCounts();
    const body = { name: '跨站请求伪造' };
    const forged = await admin.request('POST', '/api/org/branches', body, { 'x-csrf-token': 'forged' });
    expect(errorCode(forged)).toBe('CSRF_INVALID');
    const borrowed = await admin.request('POST', '/api/org/branches', body, {
      'x-csrf-token': secretary.csrf!,
    });
    expect(errorCode(borrowed)).toBe('CSRF_INVALID');
    admin.sendCsrf = false;
    const form = await admin.request('POST', '/api/org/branches', 'name=x', {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(errorCode(form)).toBe('CSRF_INVALID');
    const text = await admin.request('POST', '/api/org/branches', '{"name":"x"}', {
      'content-type': 'text/plain',
    });
    expect(errorCode(text)).toBe('CSRF_INVALID');
    secretary.sendCsrf = false;
    const upload = await secretary.upload(
      '/api/records/1/evidence',
      { kind: 'photo' },
      'a.jpg',
      Buffer.from('x'),
    );
    expect(errorCode(upload)).toBe('CSRF_INVALID');
    expect(await dataCounts()).toEqual(before);
  });
});

describe('cross-site posts to signing in and out', () => {
  // What another site's page can make a browser send: a form post, with no X-CSRF-Token header.
  const crossSite = (c: TestClient, url: string, body: string) => {
    c.sendCsrf = false;
    return c.request('POST', url, body, {
      'content-type': 'application/x-www-form-urlencoded',
      origin: 'https://evil.example',
    });
  };

  it('refuses a forged sign-in: no session, nothing audited', async () => {
    const client = await t.anonymous();
    const before = await dataCounts();
    const res = await crossSite(
      client,
      '/api/auth/login',
      `username=admin&password=${encodeURIComponent(ADMIN_PASSWORD)}`,
    );
    expect([res.statusCode, errorCode(res)]).toEqual([403, 'CSRF_INVALID']);
    expect(json<{ authenticated: boolean }>(await client.get('/api/auth/me')).authenticated).toBe(false);
    expect(await dataCounts()).toEqual(before);
  });

  it('refuses a forged logout: the session goes on', async () => {
    const admin = await t.login('admin');
    const res = await crossSite(admin, '/api/auth/logout', '');
    expect([res.statusCode, errorCode(res)]).toEqual([403, 'CSRF_INVALID']);
    expect(json<{ authenticated: boolean }>(await admin.get('/api/auth/me')).authenticated).toBe(true);
    // The page's own logout, with the token, ends it.
    admin.sendCsrf = true;
    expect((await admin.post('/api/auth/logout')).statusCode).toBe(200);
    expect(json<{ authenticated: boolean }>(await admin.get('/api/auth/me')).authenticated).toBe(false);
  });
});

describe('login throttling', () => {
  it('slows an address down after LOGIN_IP_MAX_ATTEMPTS failures, and X-Forwarded-For does not get around it', async () => {
    const client = await t.anonymous('10.66.0.1');
    for (let i = 0; i < t.config.loginIpMaxAttempts; i++) {
      const res = await client.request(
        'POST',
        '/api/auth/login',
        { username: `ghost${i}`, password: 'wrong' },
        { 'x-forwarded-for': `203.0.113.${i}` },
      );
      expect(errorCode(res)).toBe('LOGIN_FAILED');
    }
    for (const forwarded of ['198.51.100.7', '127.0.0.1', '10.66.0.2, 10.66.0.3']) {
      // A correct password still gets in, after the slow-down, which the audit row records.
      const res = await client.request(
        'POST',
        '/api/auth/login',
        { username: 'zhibu3', password: DEMO_PASSWORD },
        { 'x-forwarded-for': forwarded },
      );
      expect(res.statusCode, forwarded).toBe(200);
      const audit = (await t.database.db.execute(
        sql`select ip, after from audit_log where action = 'auth.login' order by id desc limit 1`,
      )) as unknown as { rows: { ip: string; after: unknown }[] };
      expect(audit.rows[0], forwarded).toEqual({
        ip: '10.66.0.1',
        after: { method: 'password', slowedDown: true },
      });
    }
    // Another address signs in as usual.
    expect(
      (
        await (
          await t.anonymous('10.66.0.9')
        ).post('/api/auth/login', { username: 'zhibu3', password: DEMO_PASSWORD })
      ).statusCode,
    ).toBe(200);
  });

  it('locks an account guessed at from many addresses', async () => {
    for (let i = 0; i < t.config.loginMaxFailures; i++) {
      const res = await (
        await t.anonymous(`10.67.0.${i + 1}`)
      ).post('/api/auth/login', {
        username: 'zhibu4',
        password: `guess-${i}`,
      });
      expect(res.statusCode).toBeGreaterThanOrEqual(400);
    }
    const right = await (
      await t.anonymous('10.67.1.1')
    ).post('/api/auth/login', {
      username: 'zhibu4',
      password: DEMO_PASSWORD,
    });
    expect(right.statusCode).toBe(423);
    expect(errorCode(right)).toBe('ACCOUNT_LOCKED');
  });
});

describe('the audit log', () => {
  const errorText = (e: unknown): string => {
    const err = e as { message?: string; cause?: { message?: string } };
    return `${err.message ?? ''} ${err.cause?.message ?? ''}`;
  };

  it('has no route that changes it', () => {
    const audit = t.app.apiRoutes.filter((r) => r.split(' ')[1]!.startsWith('/api/audit'));
    expect(audit.length).toBeGreaterThan(0);
    expect(audit.filter((r) => !r.startsWith('GET '))).toEqual([]);
  });

  it('refuses UPDATE, DELETE and TRUNCATE in the database itself, and takes new rows', async () => {
    const { db } = t.database;
    const count = async () =>
      (
        (await db.execute(sql`select count(*)::int as n from audit_log`)) as unknown as {
          rows: { n: number }[];
        }
      ).rows[0]!.n;
    const before = await count();
    expect(before).toBeGreaterThan(0);
    for (const statement of [
      sql`update audit_log set action = 'tampered'`,
      sql`update audit_log set actor_name = null where id = (select min(id) from audit_log)`,
      sql`delete from audit_log where id = (select max(id) from audit_log)`,
      sql`delete from audit_log`,
      sql`truncate audit_log`,
    ]) {
      const err = await db.execute(statement).then(
        () => null,
        (e: unknown) => e,
      );
      expect(err, 'the statement must fail').not.toBeNull();
      expect(errorText(err)).toContain('append-only');
    }
    expect(await count()).toBe(before);
    const tampered = (await db.execute(
      sql`select count(*)::int as n from audit_log where action = 'tampered'`,
    )) as unknown as { rows: { n: number }[] };
    expect(tampered.rows[0]!.n).toBe(0);
    await db.execute(
      sql`insert into audit_log (at, action, entity_type) values (now(), 'security.test', 'test')`,
    );
    expect(await count()).toBe(before + 1);
  });

  it('records sign-ins and refusals of the log-in form as they happen', async () => {
    const admin = await t.login('admin');
    const res = json<{ items: { action: string }[] }>(await admin.get('/api/audit?limit=50'));
    expect(res.items.map((i) => i.action)).toEqual(
      expect.arrayContaining(['auth.login', 'auth.login_failed']),
    );
    // How the session was opened: here the password form (the company sign-ins' tests assert
    // oidc, ldap, dingtalk and wecom on the same row).
    const last = (await t.database.db.execute(
      sql`select after from audit_log where action = 'auth.login' order by id desc limit 1`,
    )) as unknown as { rows: { after: { method: string } }[] };
    expect(last.rows[0]!.after.method).toBe('password');
  });
});

describe('error answers', () => {
  it('never carry SQL, stack traces or file paths, even for an internal error', async () => {
    const anonymous = await t.anonymous('10.68.0.1');
    // A NUL in the user name once ended in a database error (see fuzz-findings.test.ts).
    for (const res of [
      await anonymous.post('/api/auth/login', { username: 'a\u0000b', password: 'x' }),
      await anonymous.request('POST', '/api/auth/login', '{"username":', {
        'content-type': 'application/json',
      }),
      await (await t.login('admin')).get('/api/people/abc'),
    ]) {
      expect(res.statusCode).toBeGreaterThanOrEqual(400);
      const body = json<{ error: Record<string, unknown> }>(res);
      expect(Object.keys(body)).toEqual(['error']);
      expect(res.body).not.toMatch(/select |insert |Failed query| {4}at |node_modules|\/src\/|stack/i);
    }
  });
});
