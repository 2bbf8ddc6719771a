import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHmac } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, DEMO_PASSWORD } from './harness.js';
import { createPostgresDatabaseUrl, testDatabaseUrl } from './test-db.js';
import { HttpClient, serverEnv, startServer, type ServerProcess } from './server-process.js';
import { cstDate, monthEnd } from '../lib/dates.js';
import { jpeg, recordOf } from './fixtures.js';
import { createTestBucket, type TestBucket } from './s3.js';

/**
 * Two real server processes on one PostgreSQL database, as behind a load balancer: a session
 * made through one is valid on the other, and a reminder due now is delivered exactly once
 * although both run the scheduler (every second here). Needs TEST_DATABASE_URL. Both keep
 * evidence in one bucket of an S3-speaking server (see s3.ts), as instances that share nothing
 * but PostgreSQL and object storage.
 */

const SECRET = 'SECinstances';
const robotCalls: string[] = [];
let robot: Server;
let robotUrl = '';
let dropDatabase: (() => Promise<void>) | null = null;
const servers: ServerProcess[] = [];
const dirs: string[] = [];

const run = testDatabaseUrl ? describe : describe.skip;
let bucket: TestBucket | null = null;
if (!testDatabaseUrl)
  console.warn('instances.test.ts skipped: set TEST_DATABASE_URL to run two instances on PostgreSQL');

beforeAll(async () => {
  if (!testDatabaseUrl) return;
  robot = createServer((req, res) => {
    const url = new URL(req.url!, 'http://robot');
    const ts = url.searchParams.get('timestamp') ?? '';
    const ok =
      url.searchParams.get('sign') ===
      createHmac('sha256', SECRET).update(`${ts}\n${SECRET}`).digest('base64');
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      if (ok) robotCalls.push(body);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify(ok ? { errcode: 0, errmsg: 'ok' } : { errcode: 310000, errmsg: 'sign not match' }),
      );
    });
  });
  await new Promise<void>((resolve) => robot.listen(0, '127.0.0.1', resolve));
  robotUrl = `http://127.0.0.1:${(robot.address() as AddressInfo).port}/robot/send?access_token=t`;

  const db = await createPostgresDatabaseUrl();
  dropDatabase = db.drop;
  bucket = await createTestBucket();
  const env = (name: string) => {
    const dir = mkdtempSync(path.join(tmpdir(), `duibiao-${name}-`));
    dirs.push(dir);
    return {
      ...serverEnv(dir, db.url),
      NOTIFY_INTERVAL_SECONDS: '1',
      NOTIFY_DIGEST_HOUR: '0',
      NOTIFY_WEBHOOK_HOSTS: '127.0.0.1',
      LOG_LEVEL: 'warn',
      ...bucket?.env,
    };
  };
  // One after the other: the first creates the administrator and the demo organisation.
  servers.push(await startServer({ ...env('a'), LOG_LEVEL: 'info' }));
  servers.push(await startServer({ ...env('b'), LOG_LEVEL: 'info' }));
});

afterAll(async () => {
  for (const s of servers) s.child.kill('SIGKILL');
  await Promise.all(servers.map((s) => s.exited));
  await dropDatabase?.();
  await bucket?.drop();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  if (robot) await new Promise<void>((resolve) => robot.close(() => resolve()));
});

async function until(what: string, check: () => Promise<boolean>, ms = 60_000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`timed out waiting for ${what}`);
}

run('two instances on one PostgreSQL', { timeout: 120_000 }, () => {
  it('share sessions: logged in through one, served by the other', async () => {
    const [a, b] = servers as [ServerProcess, ServerProcess];
    const viaA = await new HttpClient(a.url).login('admin', ADMIN_PASSWORD);
    const viaB = new HttpClient(b.url);
    for (const [k, v] of viaA.cookies) viaB.cookies.set(k, v);
    const me = await viaB.json<{ user: { username: string } | null }>('GET', '/api/auth/me');
    expect(me.user?.username).toBe('admin');
    // A change through B with the CSRF token issued by A.
    const res = await viaB.request('POST', '/api/notifications/read-all', {});
    expect(res.status).toBe(200);
    // Logging out on B ends the session on A too.
    await viaB.request('POST', '/api/auth/logout', {});
    const after = await viaA.json<{ user: unknown }>('GET', '/api/auth/me');
    expect(after.user).toBeNull();
  });

  it('deliver a reminder due now exactly once, whichever instance ticks', async () => {
    const [a, b] = servers as [ServerProcess, ServerProcess];
    const committeeA = await new HttpClient(a.url).login('jiguan', DEMO_PASSWORD);
    const committeeB = await new HttpClient(b.url).login('jiguan', DEMO_PASSWORD);

    // A campaign of this month for branch 1, its ladder off while it is set up.
    const today = cstDate(new Date());
    const year = Number(today.slice(0, 4));
    const month = Number(today.slice(5, 7));
    const campaign = await committeeA.json<{ id: number }>('POST', '/api/campaigns', {
      name: '多实例提醒测试',
      year,
      months: [month],
      branchIds: [1],
      actionKinds: [{ kind: 'study', title: '组织一次学习研讨', required: true }],
    });
    const ladder = {
      enabled: false,
      beforeDays: [30],
      onDueDate: true,
      escalateAfterDays: null,
      followups: false,
      reviewWaitDays: null,
      confirmWaitDays: null,
    };
    await committeeB.json('PUT', `/api/notifications/ladder/${campaign.id}`, ladder);
    await committeeB.json('PUT', '/api/notifications/robots/1', {
      dingtalkWebhook: robotUrl,
      dingtalkSecret: SECRET,
      wecomWebhook: null,
    });
    await committeeA.json('POST', `/api/campaigns/${campaign.id}/start`, {});
    const tasks = await committeeA.json<{ items: { id: number }[] }>(
      'GET',
      `/api/tasks?campaignId=${campaign.id}`,
    );
    // Due at the end of this month: at most 30 days ahead, inside the 30-day step.
    await committeeA.json('POST', `/api/tasks/${tasks.items[0]!.id}/extend`, {
      dueDate: monthEnd(year, month),
      reason: '测试提醒',
    });
    await committeeB.json('PUT', `/api/notifications/ladder/${campaign.id}`, { ...ladder, enabled: true });

    const secretary = await new HttpClient(b.url).login('zhibu1', DEMO_PASSWORD);
    const unread = async () =>
      (await secretary.json<{ unread: number }>('GET', '/api/notifications/unread-count')).unread;
    await until('the reminder', async () => robotCalls.length > 0 && (await unread()) > 0);

    // Several more ticks of both instances (every second) change nothing.
    await new Promise((r) => setTimeout(r, 4_000));
    expect(robotCalls).toHaveLength(1);
    expect(robotCalls[0]).toContain('组织一次学习研讨');
    expect(await unread()).toBe(1);
    const admin = await new HttpClient(a.url).login('admin', ADMIN_PASSWORD);
    const log = await admin.json<{ items: { channel: string; status: string }[] }>(
      'GET',
      '/api/notifications/admin/deliveries',
    );
    const mine = log.items.filter((d) => d.channel === 'dingtalk');
    expect(mine).toEqual([expect.objectContaining({ status: 'sent' })]);
    const status = await admin.json<{ leaseHolder: string | null; lastRunAt: string | null }>(
      'GET',
      '/api/notifications/admin/status',
    );
    expect(status.leaseHolder).not.toBeNull();
    expect(status.lastRunAt).not.toBeNull();
  });

  it('share evidence through the bucket: uploaded through one, downloaded through the other', async () => {
    const [a, b] = servers as [ServerProcess, ServerProcess];
    const committee = await new HttpClient(a.url).login('jiguan', DEMO_PASSWORD);
    const today = cstDate(new Date());
    const campaign = await committee.json<{ id: number }>('POST', '/api/campaigns', {
      name: '多实例证据测试',
      year: Number(today.slice(0, 4)),
      months: [Number(today.slice(5, 7))],
      branchIds: [2],
      actionKinds: [{ kind: 'study', title: '组织一次学习研讨', required: true }],
    });
    await committee.json('POST', `/api/campaigns/${campaign.id}/start`, {});
    const viaA = await new HttpClient(a.url).login('zhibu2', DEMO_PASSWORD);
    const record = await viaA.json<{ id: number }>(
      'POST',
      '/api/records',
      recordOf('study', campaign.id, 2, today),
    );
    const photo = await jpeg();
    const up = await viaA.upload(`/api/records/${record.id}/evidence`, { kind: 'photo' }, '现场.jpg', photo);
    expect(up.status).toBe(200);
    const { id } = (await up.json()) as { id: number };

    const viaB = await new HttpClient(b.url).login('zhibu2', DEMO_PASSWORD);
    const down = await viaB.request('GET', `/api/evidence/${id}/file`);
    expect(down.status).toBe(200);
    expect(Buffer.from(await down.arrayBuffer())).toEqual(photo);
  });
});
