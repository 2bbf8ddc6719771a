import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHmac } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { errorCode as code, json } from '../../test/test-client.js';
import { startCampaign } from '../../test/fixtures.js';
import { testEngine } from '../../test/test-db.js';

/**
 * The channels against real servers started here: an SMTP server that receives and parses the
 * mail, and an HTTP server playing DingTalk (checking its signature) and WeCom. Retries with
 * back-off are driven by the manual clock.
 */

// ---- a real SMTP server ----------------------------------------------------------------------
let smtp: SMTPServer;
let smtpPort = 0;
const mails: ParsedMail[] = [];
beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          mails.push(mail);
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  smtpPort = (smtp.server.address() as AddressInfo).port;
});
afterAll(async () => new Promise<void>((resolve) => smtp.close(() => resolve())));

// ---- a robot server: DingTalk with signing, WeCom ------------------------------------------------
const SECRET = 'SEC0123456789abcdef';
interface RobotCall {
  path: string;
  body: { msgtype: string; markdown: { title?: string; text?: string; content?: string } };
  signed: boolean;
}
let robot: Server;
let robotUrl = '';
const calls: RobotCall[] = [];
/** How many of the next calls answer with an error, to exercise the retries. */
let failNext = 0;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let data = '';
    req.on('data', (c: Buffer) => (data += c.toString()));
    req.on('end', () => resolve(data));
  });
}

beforeAll(async () => {
  robot = createServer((req, res) => {
    void readBody(req).then((raw) => {
      const url = new URL(req.url!, 'http://robot');
      let signed = false;
      if (url.pathname === '/dingtalk') {
        // DingTalk's check: sign = base64(HMAC-SHA256(secret, timestamp + "\n" + secret)).
        const ts = url.searchParams.get('timestamp') ?? '';
        const expected = createHmac('sha256', SECRET).update(`${ts}\n${SECRET}`).digest('base64');
        signed = !!ts && url.searchParams.get('sign') === expected;
        if (!signed) {
          res.writeHead(200, { 'content-type': 'application/json' });
          return res.end(JSON.stringify({ errcode: 310000, errmsg: 'sign not match' }));
        }
      }
      calls.push({ path: url.pathname, body: JSON.parse(raw) as RobotCall['body'], signed });
      if (failNext > 0) {
        failNext--;
        res.writeHead(500);
        return res.end('busy');
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ errcode: 0, errmsg: 'ok' }));
    });
  });
  await new Promise<void>((resolve) => robot.listen(0, '127.0.0.1', resolve));
  robotUrl = `http://127.0.0.1:${(robot.address() as AddressInfo).port}`;
});
afterAll(async () => new Promise<void>((resolve) => robot.close(() => resolve())));

let t: TestApp;
afterEach(async () => {
  await t?.close();
  mails.length = 0;
  calls.length = 0;
  failNext = 0;
});

const at = (day: string, time = '09:00') => t.clock.set(new Date(`${day}T${time}:00+08:00`));
const tick = () => t.app.services.notifications.jobs.tick();

async function app(extra: Record<string, string> = {}) {
  t = await createTestApp({
    env: {
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(smtpPort),
      SMTP_FROM: '对标 <duibiao@example.com>',
      PUBLIC_BASE_URL: 'https://duibiao.example.com/',
      NOTIFY_MAX_ATTEMPTS: '3',
      NOTIFY_WEBHOOK_HOSTS: '127.0.0.1',
      ...extra,
    },
  });
  return t;
}

describe(`notification channels on ${testEngine}`, { timeout: 120_000 }, () => {
  it('mails the day digest to the address the user chose, in Chinese, with links', async () => {
    await app();
    await startCampaign(await t.login('jiguan'), 2026, [1]);
    at('2026-03-31', '08:30');
    const secretary = await t.login('zhibu1');
    const saved = await secretary.put('/api/notifications/preferences', {
      inApp: true,
      email: true,
      emailAddress: 'zhibu1@example.com',
    });
    expect(json(saved)).toMatchObject({ emailAddress: 'zhibu1@example.com', smtpConfigured: true });

    at('2026-03-31');
    expect(await tick()).toMatchObject({ ran: true, sent: 1, failed: 0 });
    expect(mails).toHaveLength(1);
    const mail = mails[0]!;
    expect(mail.subject).toBe('对标提醒 · 3月31日:5 项待办');
    expect(mail.to && 'text' in mail.to ? mail.to.text : '').toBe('zhibu1@example.com');
    expect(mail.text).toContain('还有 5 天到期(4月5日),请及时填报并提交。');
    expect(mail.text).toContain('https://duibiao.example.com/workbench?campaignId=');
    expect(mail.html).toContain('去处理');

    // Later ticks the same day send nothing more; email switched off, the next digest is in-app only.
    at('2026-03-31', '18:00');
    expect(await tick()).toMatchObject({ sent: 0, digests: 0 });
    at('2026-04-04', '08:00');
    await (
      await t.login('zhibu1')
    ).put('/api/notifications/preferences', { inApp: true, email: false, emailAddress: '' });
    at('2026-04-04');
    await tick();
    expect(mails).toHaveLength(1);
    const bell = json<{ unread: number }>(await (await t.login('zhibu1')).get('/api/notifications'));
    expect(bell.unread).toBe(2);
  });

  it('does not mail the register address the user never saved (a secretary can edit it)', async () => {
    await app();
    const committee = await t.login('jiguan');
    await startCampaign(committee, 2026, [1]);
    // The committee account belongs to a branch-1 person whose register entry the secretary edits.
    const me = json<{ user: { personId: number } }>(await committee.get('/api/auth/me'));
    const secretary = await t.login('zhibu1');
    const edited = await secretary.patch(`/api/people/${me.user.personId}`, {
      email: 'redirect@example.com',
    });
    expect(edited.statusCode, edited.body).toBe(200);

    at('2026-04-08'); // three days overdue: the committee's escalation digest
    expect(await tick()).toMatchObject({ ran: true, failed: 0 });
    expect(json<{ unread: number }>(await (await t.login('jiguan')).get('/api/notifications')).unread).toBe(
      1,
    );
    expect(mails).toHaveLength(0);
  });

  it('posts to DingTalk signed and to WeCom, retries with back-off, gives up and shows it', async () => {
    await app();
    const committee = await t.login('jiguan');
    await startCampaign(committee, 2026, [1]);
    const set = await committee.put('/api/notifications/robots/1', {
      dingtalkWebhook: `${robotUrl}/dingtalk?access_token=abc`,
      dingtalkSecret: SECRET,
      wecomWebhook: `${robotUrl}/wecom?key=xyz`,
    });
    expect(json(set)).toMatchObject({ dingtalkHasSecret: true, wecomWebhook: `${robotUrl}/wecom?key=xyz` });
    expect(set.body).not.toContain(SECRET);

    // Both robots get the day's digest.
    at('2026-03-31');
    expect(await tick()).toMatchObject({ sent: 2, failed: 0 });
    const ding = calls.find((c) => c.path === '/dingtalk')!;
    expect(ding.signed).toBe(true);
    expect(ding.body.msgtype).toBe('markdown');
    expect(ding.body.markdown.text).toContain('还有 5 天到期');
    expect(ding.body.markdown.text).toContain('(https://duibiao.example.com/workbench?campaignId=');
    const wecom = calls.find((c) => c.path === '/wecom')!;
    expect(wecom.body.markdown.content).toContain('对标提醒 · 3月31日:5 项待办');

    // The next step's day: the robot server answers 500 twice (one failure for each), and both
    // are retried a minute later.
    at('2026-04-04');
    failNext = 2;
    expect(await tick()).toMatchObject({ sent: 0, failed: 2 });
    t.clock.advance(30_000);
    expect(await tick()).toMatchObject({ sent: 0, failed: 0 });
    t.clock.advance(30_000);
    expect(await tick()).toMatchObject({ sent: 2, failed: 0 });
    expect(calls.filter((c) => c.path === '/dingtalk')).toHaveLength(3);

    // A robot that keeps failing: after 3 attempts (1 + 2 + 4 minutes apart) it is given up.
    at('2026-04-05');
    failNext = 100;
    await tick();
    for (const wait of [60_000, 120_000]) {
      t.clock.advance(wait);
      await tick();
    }
    t.clock.advance(10 * 60_000);
    expect(await tick()).toMatchObject({ sent: 0, failed: 0 });
    const admin = await t.login('admin');
    const failed = json<{
      items: { id: number; attempts: number; lastError: string }[];
      counts: { failed: number };
    }>(await admin.get('/api/notifications/admin/deliveries?status=failed'));
    expect(failed.counts.failed).toBe(2);
    expect(failed.items[0]).toMatchObject({ attempts: 3, lastError: 'HTTP 500: busy' });

    // The administrator retries one once the robot is back.
    failNext = 0;
    const retried = await admin.post(`/api/notifications/admin/deliveries/${failed.items[0]!.id}/retry`);
    expect(json(retried)).toMatchObject({ status: 'sent', attempts: 1 });
    expect(code(await admin.post(`/api/notifications/admin/deliveries/${failed.items[0]!.id}/retry`))).toBe(
      'DELIVERY_NOT_FAILED',
    );
  });

  it('accepts robot webhooks only on the allowed hosts, so the server cannot be sent inward', async () => {
    t = await createTestApp(); // default hosts: DingTalk's and WeCom's
    const committee = await t.login('jiguan');
    for (const body of [
      { dingtalkWebhook: `${robotUrl}/dingtalk?access_token=abc`, wecomWebhook: null },
      { dingtalkWebhook: null, wecomWebhook: 'http://169.254.169.254/latest/meta-data' },
    ]) {
      const res = await committee.put('/api/notifications/robots/1', body);
      expect(res.statusCode, res.body).toBe(400);
      expect(json<{ error: { code: string; message: string } }>(res).error).toMatchObject({
        code: 'WEBHOOK_HOST_NOT_ALLOWED',
        message: expect.stringContaining('oapi.dingtalk.com'),
      });
    }
    expect(
      json<{ items: { dingtalkWebhook: string | null }[] }>(await committee.get('/api/notifications/robots'))
        .items[0]!.dingtalkWebhook,
    ).toBeNull();
    const ok = await committee.put('/api/notifications/robots/1', {
      dingtalkWebhook: 'https://oapi.dingtalk.com/robot/send?access_token=abc',
      wecomWebhook: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=xyz',
    });
    expect(ok.statusCode, ok.body).toBe(200);
  });

  it('refuses a DingTalk call with a wrong secret, as DingTalk does', async () => {
    await app();
    const committee = await t.login('jiguan');
    await committee.put('/api/notifications/robots/2', {
      dingtalkWebhook: `${robotUrl}/dingtalk?access_token=abc`,
      dingtalkSecret: 'wrong',
      wecomWebhook: null,
    });
    const res = json<{ ok: boolean; error: string }>(
      await (
        await t.login('admin')
      ).post('/api/notifications/admin/test', { channel: 'dingtalk', branchId: 2 }),
    );
    expect(res).toEqual({ ok: false, error: 'errcode 310000: sign not match' });
  });

  it('sends a test message on each channel from the administration page', async () => {
    await app();
    const committee = await t.login('jiguan');
    await committee.put('/api/notifications/robots/1', {
      dingtalkWebhook: `${robotUrl}/dingtalk`,
      dingtalkSecret: SECRET,
      wecomWebhook: `${robotUrl}/wecom`,
    });
    // Saving without a secret keeps the stored one.
    await committee.put('/api/notifications/robots/1', {
      dingtalkWebhook: `${robotUrl}/dingtalk`,
      wecomWebhook: `${robotUrl}/wecom`,
    });
    const admin = await t.login('admin');
    const send = (body: object) => admin.post('/api/notifications/admin/test', body);
    expect(json(await send({ channel: 'email', to: 'ops@example.com' }))).toEqual({ ok: true, error: null });
    expect(mails[0]!.subject).toBe('对标系统测试消息');
    expect(json(await send({ channel: 'dingtalk', branchId: 1 }))).toEqual({ ok: true, error: null });
    expect(json(await send({ channel: 'wecom', branchId: 1 }))).toEqual({ ok: true, error: null });
    expect(calls.map((c) => [c.path, c.signed])).toEqual([
      ['/dingtalk', true],
      ['/wecom', false],
    ]);
    expect(json(await send({ channel: 'in_app' }))).toEqual({ ok: true, error: null });
    expect(json<{ unread: number }>(await admin.get('/api/notifications/unread-count')).unread).toBe(1);
    expect(code(await send({ channel: 'wecom', branchId: 3 }))).toBe('NOTIFY_CHANNEL_UNCONFIGURED');
    expect(code(await send({ channel: 'dingtalk' }))).toBe('VALIDATION_FAILED');
    const log = json<{ counts: { sent: number } }>(await admin.get('/api/notifications/admin/deliveries'));
    expect(log.counts.sent).toBe(4);
    const status = json(await admin.get('/api/notifications/admin/status'));
    expect(status).toMatchObject({
      smtpConfigured: true,
      publicBaseUrl: 'https://duibiao.example.com',
      robotsConfigured: { dingtalk: 1, wecom: 1 },
    });
  });

  it('keeps the bell to its owner: read one, read all, nobody reads another’s', async () => {
    await app();
    await startCampaign(await t.login('jiguan'), 2026, [1, 2]);
    at('2026-03-31');
    await tick();
    at('2026-04-04');
    await tick();
    const one = await t.login('zhibu1');
    const two = await t.login('zhibu2');
    const mine = json<{ items: { id: number }[]; unread: number }>(await one.get('/api/notifications'));
    expect(mine.unread).toBe(2);
    const id = mine.items[0]!.id;
    expect((await two.post(`/api/notifications/${id}/read`)).statusCode).toBe(404);
    expect((await one.post(`/api/notifications/${id}/read`)).statusCode).toBe(200);
    expect(json<{ unread: number }>(await one.get('/api/notifications/unread-count')).unread).toBe(1);
    expect(json<{ total: number }>(await one.get('/api/notifications?unread=true')).total).toBe(1);
    await one.post('/api/notifications/read-all');
    expect(json<{ unread: number }>(await one.get('/api/notifications/unread-count')).unread).toBe(0);
    expect(json<{ unread: number }>(await two.get('/api/notifications/unread-count')).unread).toBe(2);
  });

  it('lets the committee set a campaign ladder: fewer steps, fewer reminders', async () => {
    await app();
    const committee = await t.login('jiguan');
    const campaign = await startCampaign(committee, 2026, [1]);
    const ladder = {
      enabled: true,
      beforeDays: [2],
      onDueDate: false,
      escalateAfterDays: null,
      followups: true,
      reviewWaitDays: 3,
      confirmWaitDays: 7,
    };
    expect(json(await committee.put(`/api/notifications/ladder/${campaign.id}`, ladder))).toEqual(ladder);
    expect(code(await committee.put('/api/notifications/ladder/99999', ladder))).toBe('NOT_FOUND');
    const days: string[] = [];
    for (const day of ['2026-03-31', '2026-04-03', '2026-04-04', '2026-04-05', '2026-04-08']) {
      at(day);
      if ((await tick()).reminders > 0) days.push(day);
    }
    expect(days).toEqual(['2026-04-03']);
  });
});
