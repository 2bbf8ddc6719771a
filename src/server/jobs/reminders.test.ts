import { afterEach, describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import { buildApp } from '../app.js';
import { createTestApp, type TestApp } from '../test/harness.js';
import { json, type TestClient } from '../test/test-client.js';
import { recordOf, startCampaign } from '../test/fixtures.js';
import { testEngine } from '../test/test-db.js';
import { notificationDeliveries, notifications, reminders, roleGrants, users } from '../db/schema/index.js';
import { addDays } from '../lib/dates.js';
import { stepAt, stepsOf } from './reminder-ladder.js';
import type { NotificationJobs } from './notification-jobs.js';
import { defaultLadder } from '../../common/api/notifications.js';

/**
 * The reminder ladder driven by the manual clock through a campaign month: which reminders are
 * produced on which days, how they merge into one digest per person and day, that nothing is
 * produced or sent twice across ticks, restarts and a second app on the same database, and how
 * it catches up after downtime.
 */

let t: TestApp;
afterEach(async () => t?.close());

const at = (day: string, time = '09:00') => t.clock.set(new Date(`${day}T${time}:00+08:00`));
let jobs: () => NotificationJobs = () => t.app.services.notifications.jobs;
const tick = () => jobs().tick();

async function userId(username: string): Promise<number> {
  const [u] = await t.database.db.select({ id: users.id }).from(users).where(eq(users.username, username));
  return u!.id;
}

async function remindersOf(uid: number) {
  return t.database.db
    .select({
      key: reminders.key,
      rule: reminders.rule,
      day: reminders.day,
      text: reminders.text,
      link: reminders.link,
    })
    .from(reminders)
    .where(eq(reminders.userId, uid))
    .orderBy(asc(reminders.id));
}

function byDay(rows: { day: string; rule: string }[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const r of rows) (out[r.day] ??= []).push(r.rule);
  return out;
}

/** Ticks at 09:00 every day from `from` to `to`, inclusive, and again at 15:00 on days with reminders. */
async function runDays(from: string, to: string) {
  for (let day = from; day <= to; day = addDays(day, 1)) {
    at(day);
    const first = await tick();
    if (first.reminders > 0) {
      at(day, '15:00');
      expect(await tick()).toMatchObject({ reminders: 0, digests: 0 });
    }
  }
}

describe('the ladder steps', () => {
  const steps = stepsOf(defaultLadder);
  it('apply the latest step whose day has come, and the last one only for a week', () => {
    expect(stepAt(steps, -6)).toBeNull();
    expect(stepAt(steps, -5)?.name).toBe('before5');
    expect(stepAt(steps, -3)?.name).toBe('before5');
    expect(stepAt(steps, -1)?.name).toBe('before1');
    expect(stepAt(steps, 0)?.name).toBe('due');
    expect(stepAt(steps, 2)?.name).toBe('due');
    expect(stepAt(steps, 3)?.name).toBe('overdue3');
    expect(stepAt(steps, 10)?.name).toBe('overdue3');
    expect(stepAt(steps, 11)).toBeNull();
  });
});

describe(`reminders through a campaign month on ${testEngine}`, { timeout: 120_000 }, () => {
  it('are produced on the expected days, merged into one digest a day, and never twice', async () => {
    t = await createTestApp();
    const campaign = await startCampaign(await t.login('jiguan'));
    const [zhibu1, jiguan] = [await userId('zhibu1'), await userId('jiguan')];

    // Branch 1 submits its March study on the 20th; the committee approves it on the 25th.
    // (Sessions time out while the clock jumps: each step logs in afresh.)
    at('2026-03-20');
    let secretary: TestClient = await t.login('zhibu1');
    const created = json<{ id: number; version: number }>(
      await secretary.post('/api/records', recordOf('study', campaign.id, 1, '2026-03-18')),
    );
    expect(
      (await secretary.post(`/api/records/${created.id}/submit`, { version: created.version })).statusCode,
    ).toBe(200);

    await runDays('2026-03-02', '2026-03-24');
    at('2026-03-25');
    expect(
      (await (await t.login('jiguan')).post(`/api/records/${created.id}/review`, { decision: 'approved' }))
        .statusCode,
    ).toBe(200);
    await runDays('2026-03-25', '2026-04-07');
    at('2026-04-08');
    await tick();

    // The instance dies after its 09:00 tick (no lease released); a new app on the same database
    // takes over once the lease has expired, and produces nothing twice.
    const second = await buildApp({ config: t.config, database: t.database, clock: t.clock, webDir: null });
    jobs = () => second.services.notifications.jobs;
    const deliveries = (await t.database.db.select().from(notificationDeliveries)).length;
    try {
      at('2026-04-08', '09:01');
      expect((await tick()).ran).toBe(false);
      at('2026-04-08', '15:00');
      expect(await tick()).toMatchObject({ ran: true, reminders: 0, digests: 0, sent: 0 });
      expect(await t.database.db.select().from(notificationDeliveries)).toHaveLength(deliveries);
      await runDays('2026-04-09', '2026-04-12');
    } finally {
      await second.close();
      jobs = () => t.app.services.notifications.jobs;
    }

    // The branch secretary: the four open March tasks (the study is done), at each step.
    const mine = await remindersOf(zhibu1);
    const days = byDay(mine);
    expect(Object.keys(days)).toEqual(['2026-03-31', '2026-04-04', '2026-04-05', '2026-04-08']);
    expect(days['2026-03-31']).toEqual(Array(4).fill('task_before'));
    expect(days['2026-04-04']).toEqual(Array(4).fill('task_before'));
    expect(days['2026-04-05']).toEqual(Array(4).fill('task_due'));
    expect(days['2026-04-08']).toEqual(Array(4).fill('task_escalated'));
    expect(mine.find((r) => r.day === '2026-03-31')!.text).toMatch(/还有 5 天到期\(4月5日\)/);
    expect(mine.find((r) => r.day === '2026-04-04')!.text).toMatch(/还有 1 天到期/);
    expect(mine.find((r) => r.day === '2026-04-05')!.text).toMatch(/今天到期/);
    expect(mine.find((r) => r.day === '2026-04-08')!.text).toMatch(/已逾期 3 天/);
    expect(mine.some((r) => r.text.includes('学习研讨'))).toBe(false);

    // The committee: the study waiting for review since the 20th, then the escalation of both branches.
    const theirs = byDay(await remindersOf(jiguan));
    expect(theirs).toEqual({
      '2026-03-23': ['review_waiting'],
      '2026-04-08': Array(9).fill('task_escalated'),
    });

    // One in-app digest per person and day, however many ticks ran.
    const bell = await t.database.db
      .select()
      .from(notifications)
      .where(eq(notifications.userId, zhibu1))
      .orderBy(asc(notifications.id));
    expect(bell.map((n) => n.title)).toEqual([
      '对标提醒 · 3月31日:4 项待办',
      '对标提醒 · 4月4日:4 项待办',
      '对标提醒 · 4月5日:4 项待办',
      '对标提醒 · 4月8日:4 项待办',
    ]);
    expect(bell[0]!.link).toBe(`/workbench?campaignId=${campaign.id}&branchId=1&periodKey=2026-03`);
    secretary = await t.login('zhibu1');
    const listed = json<{ items: { lines: unknown[] }[]; unread: number }>(
      await secretary.get('/api/notifications'),
    );
    expect(listed.unread).toBe(4);
    expect(listed.items[0]!.lines).toHaveLength(4);
  });

  it('lead into a record under way, and to the month’s page for an action not begun', async () => {
    t = await createTestApp();
    const campaign = await startCampaign(await t.login('jiguan'));
    const zhibu1 = await userId('zhibu1');
    at('2026-03-20');
    const draft = json<{ id: number }>(
      await (await t.login('zhibu1')).post('/api/records', recordOf('study', campaign.id, 1, '2026-03-18')),
    );
    await runDays('2026-03-31', '2026-03-31');
    const lines = await remindersOf(zhibu1);
    const study = lines.filter((r) => r.text.includes('学习研讨'));
    expect(study.map((r) => r.link)).toEqual([`/workbench/records/${draft.id}`]);
    const others = lines.filter((r) => !r.text.includes('学习研讨'));
    expect(others).toHaveLength(4);
    for (const r of others)
      expect(r.link).toBe(`/workbench?campaignId=${campaign.id}&branchId=1&periodKey=2026-03`);
  });

  it('skips a step whose day has passed once the next applies, and sends a missed one late', async () => {
    t = await createTestApp();
    const committee = await t.login('jiguan');
    await startCampaign(committee, 2026, [1]);
    const zhibu1 = await userId('zhibu1');

    // Down from 30 March to 3 April: on the 4th only "1 day left" is sent, never "5 days left".
    at('2026-03-29');
    await tick();
    await runDays('2026-04-04', '2026-04-04');
    let mine = await remindersOf(zhibu1);
    expect(mine.map((r) => r.key.split(':')[2])).toEqual(Array(5).fill('before1'));

    // Down on the due date: on the 7th the due-date step is sent late, saying how late it is.
    await runDays('2026-04-07', '2026-04-07');
    mine = await remindersOf(zhibu1);
    const late = mine.filter((r) => r.day === '2026-04-07');
    expect(late.map((r) => r.rule)).toEqual(Array(5).fill('task_due'));
    expect(late[0]!.text).toMatch(/已逾期 2 天/);

    // And back on the 8th the escalation follows as usual.
    await runDays('2026-04-08', '2026-04-08');
    expect((await remindersOf(zhibu1)).filter((r) => r.day === '2026-04-08')).toHaveLength(5);
  });

  it('tells a secretary who also sits on the committee of an overdue task once, not twice', async () => {
    t = await createTestApp();
    await startCampaign(await t.login('jiguan'), 2026, [1]);
    const zhibu1 = await userId('zhibu1');
    await t.database.db.insert(roleGrants).values({ userId: zhibu1, role: 'committee' });
    await runDays('2026-04-08', '2026-04-08');
    const escalated = (await remindersOf(zhibu1)).filter((r) => r.day === '2026-04-08');
    // Branch 1's five March actions, each once, in the words addressed to the branch.
    expect(escalated).toHaveLength(5);
    expect(escalated.every((r) => !r.text.startsWith('【逾期督办】'))).toBe(true);
    // The rest of the committee is still told, with the escalation's words.
    const others = (await remindersOf(await userId('jiguan'))).filter((r) => r.day === '2026-04-08');
    expect(others.map((r) => r.text.startsWith('【逾期督办】'))).toEqual(Array(5).fill(true));
  });

  it('runs on one instance at a time: a second app waits for the lease or for its release', async () => {
    t = await createTestApp();
    const second = await buildApp({ config: t.config, database: t.database, clock: t.clock, webDir: null });
    try {
      at('2026-03-31');
      const [a, b] = await Promise.all([tick(), second.services.notifications.jobs.tick()]);
      expect([a.ran, b.ran].filter(Boolean)).toHaveLength(1);
      // The holder keeps it; the other takes over once it is released (or has expired).
      const holder = a.ran ? t.app.services.notifications.jobs : second.services.notifications.jobs;
      const other = a.ran ? second.services.notifications.jobs : t.app.services.notifications.jobs;
      expect((await other.tick()).ran).toBe(false);
      expect((await holder.tick()).ran).toBe(true);
      await holder.release();
      expect((await other.tick()).ran).toBe(true);
      // An instance that died without releasing: the lease expires after a few intervals.
      t.clock.advance(10 * 60_000);
      expect((await holder.tick()).ran).toBe(true);
    } finally {
      await second.close();
    }
  });

  it('produces nothing before the digest hour', async () => {
    t = await createTestApp();
    const committee = await t.login('jiguan');
    await startCampaign(committee, 2026, [1]);
    at('2026-03-31', '07:30');
    expect(await tick()).toMatchObject({ ran: true, reminders: 0 });
    at('2026-03-31', '08:00');
    expect((await tick()).reminders).toBeGreaterThan(0);
  });
});
