import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, ADMIN_PASSWORD, type TestApp } from '../../test/harness.js';
import { errorCode, json } from '../../test/test-client.js';
import { hashToken } from './session-token.js';
import { sessions } from '../../db/schema/index.js';
import { eq } from 'drizzle-orm';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ env: { LOGIN_PAIR_MAX_FAILURES: '12' } });
});
afterAll(async () => t.close());

describe('login', () => {
  it('signs in with the right password and answers who the user is', async () => {
    const client = await t.login('zhibu1');
    const me = json<{ authenticated: boolean; user: { username: string; grants: { role: string }[] } }>(
      await client.get('/api/auth/me'),
    );
    expect(me.authenticated).toBe(true);
    expect(me.user.username).toBe('zhibu1');
    expect(me.user.grants.map((g) => g.role)).toEqual(['branch_secretary', 'member']);
  });

  it('sets an httpOnly SameSite session cookie and a fresh session id at every login', async () => {
    const client = await t.anonymous();
    const first = await client.post('/api/auth/login', { username: 'zhibu2', password: 'Duibiao@2020' });
    const cookie = first.cookies.find((c) => c.name === 'duibiao_sid')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    const again = await client.post('/api/auth/login', { username: 'zhibu2', password: 'Duibiao@2020' });
    const second = again.cookies.find((c) => c.name === 'duibiao_sid')!;
    expect(second.value).not.toBe(cookie.value);
    // The old session is gone from the database: no fixation, no pile-up.
    const old = await t.database.db
      .select()
      .from(sessions)
      .where(eq(sessions.id, hashToken(cookie.value)));
    expect(old).toHaveLength(0);
  });

  it('rejects a wrong password and an unknown user with the same answer', async () => {
    const client = await t.anonymous('10.0.0.1');
    const wrong = await client.post('/api/auth/login', { username: 'zhibu3', password: 'nope' });
    const unknown = await client.post('/api/auth/login', { username: 'nobody', password: 'nope' });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(errorCode(wrong)).toBe('LOGIN_FAILED');
    expect(json<{ error: { message: string } }>(unknown).error.message).toBe('用户名或密码错误');
  });

  it('locks the account after 5 failures for 15 minutes, even for the right password', async () => {
    const client = await t.anonymous('10.0.0.2');
    for (let i = 0; i < 4; i++) {
      expect(errorCode(await client.post('/api/auth/login', { username: 'zhibu4', password: 'bad' }))).toBe(
        'LOGIN_FAILED',
      );
    }
    expect(errorCode(await client.post('/api/auth/login', { username: 'zhibu4', password: 'bad' }))).toBe(
      'ACCOUNT_LOCKED',
    );
    const right = await client.post('/api/auth/login', { username: 'zhibu4', password: 'Duibiao@2020' });
    expect(right.statusCode).toBe(423);
    t.clock.advance(14 * 60_000);
    expect(
      errorCode(await client.post('/api/auth/login', { username: 'zhibu4', password: 'Duibiao@2020' })),
    ).toBe('ACCOUNT_LOCKED');
    t.clock.advance(2 * 60_000);
    const after = await client.post('/api/auth/login', { username: 'zhibu4', password: 'Duibiao@2020' });
    expect(after.statusCode).toBe(200);
  });

  it('answers an unknown name like a real one once it has failed as often as a lock takes', async () => {
    const client = await t.anonymous('10.0.0.7');
    const real: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < t.config.loginMaxFailures + 1; i++) {
      real.push(
        (await client.post('/api/auth/login', { username: 'zhibu7', password: `bad-${i}` })).statusCode,
      );
      const res = await client.post('/api/auth/login', { username: 'no-such-user', password: `bad-${i}` });
      unknown.push(res.statusCode);
      if (i >= t.config.loginMaxFailures - 1) expect(errorCode(res)).toBe('ACCOUNT_LOCKED');
    }
    expect(unknown).toEqual(real);
  });

  it('slows down, but does not refuse, one address that keeps failing across accounts', async () => {
    const client = await t.anonymous('10.0.0.3');
    for (let i = 0; i < t.config.loginIpMaxAttempts; i++) {
      await client.post('/api/auth/login', { username: `ghost${i}`, password: 'bad' });
    }
    // Behind an untrusted proxy this address is everyone's: a correct password still gets in.
    expect(
      (await client.post('/api/auth/login', { username: 'zhibu5', password: 'Duibiao@2020' })).statusCode,
    ).toBe(200);
    expect(
      errorCode(
        await (await t.anonymous('10.0.0.3')).post('/api/auth/login', { username: 'zhibu5', password: 'x' }),
      ),
    ).toBe('LOGIN_FAILED');
  });

  it('refuses one address that keeps guessing one account, and only that pair', async () => {
    // Past the account's lock-out, again and again from one address: the pair is refused for a day.
    const guess = (ip: string, password: string) =>
      t.anonymous(ip).then((c) => c.post('/api/auth/login', { username: 'zhibu2', password }));
    let failures = 0;
    while (failures < t.config.loginPairMaxFailures) {
      for (let i = 0; i < t.config.loginMaxFailures && failures < t.config.loginPairMaxFailures; i++) {
        expect((await guess('10.0.0.7', `guess-${failures}`)).statusCode).toBeGreaterThanOrEqual(400);
        failures++;
      }
      t.clock.advance(t.config.loginLockMs + 1000);
    }
    const refused = await guess('10.0.0.7', 'Duibiao@2020');
    expect(refused.statusCode).toBe(429);
    expect(errorCode(refused)).toBe('LOGIN_THROTTLED');
    // The account itself, from anywhere else, and other accounts from that address are unaffected.
    expect((await guess('10.0.0.8', 'Duibiao@2020')).statusCode).toBe(200);
    expect(
      (
        await (
          await t.anonymous('10.0.0.7')
        ).post('/api/auth/login', { username: 'zhibu3', password: 'Duibiao@2020' })
      ).statusCode,
    ).toBe(200);
  });

  it('validates the body with a clear code', async () => {
    const client = await t.anonymous();
    const res = await client.post('/api/auth/login', { username: '' });
    expect(res.statusCode).toBe(400);
    expect(errorCode(res)).toBe('VALIDATION_FAILED');
  });
});

describe('sessions', () => {
  it('expire after 30 idle minutes', async () => {
    const client = await t.login('jiguan');
    t.clock.advance(29 * 60_000);
    expect((await client.get('/api/org/structure')).statusCode).toBe(200);
    t.clock.advance(29 * 60_000);
    expect((await client.get('/api/org/structure')).statusCode).toBe(200);
    t.clock.advance(31 * 60_000);
    const res = await client.get('/api/org/structure');
    expect(res.statusCode).toBe(401);
    expect(errorCode(res)).toBe('SESSION_EXPIRED');
  });

  it('are not kept alive by the bell’s background poll, only by the user’s requests', async () => {
    const polled = await t.login('zhibu2');
    const worked = await t.login('zhibu3');
    for (let minute = 1; minute < 30; minute++) {
      t.clock.advance(60_000);
      expect((await polled.get('/api/notifications/unread-count')).statusCode).toBe(200);
      expect((await worked.get('/api/notifications/unread-count')).statusCode).toBe(200);
      // One ordinary request, in the middle of the half hour, is the other user at work.
      if (minute === 15) expect((await worked.get('/api/org/structure')).statusCode).toBe(200);
    }
    t.clock.advance(60_000);
    const res = await polled.get('/api/notifications/unread-count');
    expect(res.statusCode).toBe(401);
    expect(errorCode(res)).toBe('SESSION_EXPIRED');
    expect((await worked.get('/api/notifications/unread-count')).statusCode).toBe(200);
  });

  it('expire after 12 hours however active the user is', async () => {
    const client = await t.login('dangyuan');
    for (let i = 0; i < 24; i++) {
      t.clock.advance(25 * 60_000);
      expect((await client.get('/api/auth/me')).statusCode).toBe(200);
    }
    // 10 h so far; two more hours of activity end the session.
    let last = 200;
    for (let i = 0; i < 6; i++) {
      t.clock.advance(25 * 60_000);
      last = (await client.get('/api/org/structure')).statusCode;
    }
    expect(last).toBe(401);
  });

  it('end at logout', async () => {
    const client = await t.login('lingdao');
    expect((await client.post('/api/auth/logout')).statusCode).toBe(200);
    expect((await client.get('/api/org/structure')).statusCode).toBe(401);
  });
});

describe('CSRF', () => {
  it('rejects a state-changing request without the token, with a wrong one, and accepts the right one', async () => {
    const client = await t.login('admin');
    client.sendCsrf = false;
    const missing = await client.patch('/api/org/organisation', { committeeName: '机关党委' });
    expect(missing.statusCode).toBe(403);
    expect(errorCode(missing)).toBe('CSRF_INVALID');
    const wrong = await client.request(
      'PATCH',
      '/api/org/organisation',
      { committeeName: '机关党委' },
      {
        'x-csrf-token': 'forged',
      },
    );
    expect(errorCode(wrong)).toBe('CSRF_INVALID');
    client.sendCsrf = true;
    expect((await client.patch('/api/org/organisation', { committeeName: '机关党委' })).statusCode).toBe(200);
  });

  it('protects the login form too', async () => {
    const client = await t.anonymous();
    client.sendCsrf = false;
    const res = await client.post('/api/auth/login', { username: 'admin', password: ADMIN_PASSWORD });
    expect(errorCode(res)).toBe('CSRF_INVALID');
  });
});

describe('passwords', () => {
  it('forces a new account to change its initial password before anything else', async () => {
    const admin = await t.login('admin');
    const created = await admin.post('/api/users', {
      username: 'newcomer',
      displayName: '新同志',
      initialPassword: 'Init@12345',
      grants: [{ role: 'committee' }],
    });
    expect(created.statusCode).toBe(200);
    const user = await t.login('newcomer', 'Init@12345');
    expect(
      json<{ user: { mustChangePassword: boolean } }>(await user.get('/api/auth/me')).user.mustChangePassword,
    ).toBe(true);
    expect(errorCode(await user.get('/api/org/structure'))).toBe('PASSWORD_CHANGE_REQUIRED');

    for (const weak of ['short1A', 'alllowercase', 'lowerandupper', '12345678ab']) {
      const res = await user.post('/api/auth/password', { currentPassword: 'Init@12345', newPassword: weak });
      expect(errorCode(res), weak).toBe('PASSWORD_WEAK');
    }
    expect(
      errorCode(
        await user.post('/api/auth/password', { currentPassword: 'wrong', newPassword: 'Better#2026' }),
      ),
    ).toBe('PASSWORD_WRONG');
    expect(
      (await user.post('/api/auth/password', { currentPassword: 'Init@12345', newPassword: 'Better#2026' }))
        .statusCode,
    ).toBe(200);
    expect((await user.get('/api/org/structure')).statusCode).toBe(200);
    // The old password no longer works; the new one does.
    await expect(t.login('newcomer', 'Init@12345')).rejects.toThrow();
    await t.login('newcomer', 'Better#2026');
  });

  it('accepts 8 characters of three classes', async () => {
    const admin = await t.login('admin');
    const res = await admin.post('/api/users', {
      username: 'threeclasses',
      displayName: '三类字符',
      initialPassword: 'abcdEF12',
      grants: [{ role: 'committee' }],
    });
    expect(res.statusCode).toBe(200);
  });
});
