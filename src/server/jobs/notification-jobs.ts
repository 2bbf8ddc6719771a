import { randomUUID } from 'node:crypto';
import type { ServiceDeps } from '../lib/service-deps.js';
import { addDays, cstDate } from '../lib/dates.js';
import * as repo from '../modules/notifications/notifications.repo.js';
import { sendDingtalk, sendEmail, sendWecom, type Message } from '../modules/notifications/channels.js';
import type { TasksService } from '../modules/tasks/tasks.service.js';
import { computeReminders } from './reminder-ladder.js';

export const LEASE_NAME = 'notifications';

export interface TickResult {
  /** False when another instance holds the lease: this tick did nothing. */
  ran: boolean;
  reminders: number;
  digests: number;
  sent: number;
  failed: number;
}

const CST_HOUR = (d: Date) => new Date(d.getTime() + 8 * 3600_000).getUTCHours();
const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err)).slice(0, 500);

/** The title of a day's digest: short, with the date and how many items. */
export function digestTitle(day: string, n: number): string {
  return `对标提醒 · ${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日:${n} 项待办`;
}
/** One link for the whole message: the items' page when they share one, else the notification centre. */
export const commonLink = (lines: repo.NotificationLine[]) =>
  lines.every((l) => l.link === lines[0]?.link) && lines[0] ? lines[0].link : '/notifications';

/**
 * The notification job: one tick takes the database lease, produces the day's reminders under
 * their unique keys, merges each recipient's into one digest per channel and day (all in one
 * transaction), and after commit delivers what is due, retrying failures with back-off.
 * Any number of instances may tick; the lease lets one work at a time, and the unique keys and
 * SKIP LOCKED claims keep every reminder and delivery single even if two overlap.
 */
export class NotificationJobs {
  readonly instanceId = randomUUID();
  constructor(
    private readonly deps: Pick<ServiceDeps, 'db' | 'config' | 'clock'>,
    private readonly use: { tasks: TasksService },
  ) {}

  private get leaseMs(): number {
    return Math.max(3 * this.deps.config.notify.intervalMs, 60_000);
  }

  async tick(): Promise<TickResult> {
    const { db, clock } = this.deps;
    const result: TickResult = { ran: false, reminders: 0, digests: 0, sent: 0, failed: 0 };
    const now = clock.now();
    if (
      !(await repo.acquireLease(db, LEASE_NAME, this.instanceId, now, new Date(now.getTime() + this.leaseMs)))
    )
      return result;
    result.ran = true;
    if (CST_HOUR(now) >= this.deps.config.notify.digestHour) {
      const candidates = await computeReminders({ db: this.deps.db, tasks: this.use.tasks }, now);
      await db.transaction(async (tx) => {
        const day = cstDate(now);
        result.reminders = await repo.insertReminders(
          tx,
          candidates.map((c) => ({ ...c, day, createdAt: now })),
        );
        result.digests = await this.digest(tx, now);
      });
    }
    const delivered = await this.deliverDue();
    result.sent = delivered.sent;
    result.failed = delivered.failed;
    await repo.markLeaseRun(db, LEASE_NAME, this.instanceId, clock.now());
    return result;
  }

  /** Lets another instance take over at once (on a clean shutdown). */
  async release(): Promise<void> {
    await repo.releaseLease(this.deps.db, LEASE_NAME, this.instanceId);
  }

  /**
   * Merges undigested reminders into one message per recipient, channel and day. A recipient
   * whose digests of today exist already keeps the new reminders for tomorrow's; reminders older
   * than yesterday are stale and dropped.
   */
  private async digest(tx: ServiceDeps['db'], now: Date): Promise<number> {
    const day = cstDate(now);
    await repo.setAsideStale(tx, addDays(day, -1), now);
    const pending = await repo.undigestedReminders(tx, addDays(day, -1));
    if (!pending.length) return 0;
    const groups = new Map<string, typeof pending>();
    for (const r of pending) {
      const k = r.userId ? `u${r.userId}` : `b${r.branchId}`;
      groups.set(k, [...(groups.get(k) ?? []), r]);
    }
    const userIds = pending.filter((r) => r.userId).map((r) => r.userId!);
    const prefs = new Map((await repo.preferencesOf(tx, [...new Set(userIds)])).map((p) => [p.userId, p]));
    const branchIds = [...new Set(pending.filter((r) => r.branchId).map((r) => r.branchId!))];
    const robots = new Map((await repo.robotsOf(tx, branchIds)).map((b) => [b.branchId, b]));
    const smtp = this.deps.config.smtp;
    let created = 0;
    for (const [who, items] of groups) {
      const lines = items.map((r) => ({ text: r.text, link: r.link }));
      const title = digestTitle(day, lines.length);
      const first = items[0]!;
      const channels: { channel: 'in_app' | 'email' | 'dingtalk' | 'wecom'; target: string | null }[] = [];
      if (first.userId) {
        const p = prefs.get(first.userId);
        if (p?.inApp ?? true) channels.push({ channel: 'in_app', target: null });
        // Only an address the user saved: the register's address can be edited by a branch
        // secretary, who must not be able to redirect a committee member's mail.
        const address = p?.emailAddress ?? null;
        if (smtp && (p?.email ?? true) && address) channels.push({ channel: 'email', target: address });
      } else {
        const b = robots.get(first.branchId!);
        if (b?.dingtalkWebhook) channels.push({ channel: 'dingtalk', target: null });
        if (b?.wecomWebhook) channels.push({ channel: 'wecom', target: null });
      }
      let any = channels.length === 0;
      for (const { channel, target } of channels) {
        const inApp = channel === 'in_app';
        const id = await repo.insertDelivery(tx, {
          channel,
          userId: first.userId,
          branchId: first.userId ? null : first.branchId,
          digestKey: `${channel}:${who}:${day}`,
          day,
          title,
          lines,
          // In-app messages are rows in this same transaction: delivered on commit.
          status: inApp ? 'sent' : 'pending',
          attempts: inApp ? 1 : 0,
          sentAt: inApp ? now : null,
          nextAttemptAt: now,
          target,
          createdAt: now,
        });
        if (id === null) continue;
        any = true;
        created++;
        if (inApp)
          await repo.insertNotification(tx, {
            userId: first.userId!,
            title,
            lines,
            link: commonLink(lines),
            createdAt: now,
          });
      }
      if (any)
        await repo.markDigested(
          tx,
          items.map((r) => r.id),
          now,
        );
    }
    return created;
  }

  /** Sends every delivery that is due; `ids` limits it to some (a test message). */
  async deliverDue(
    ids?: number[],
    retry = true,
  ): Promise<{ sent: number; failed: number; errors: string[] }> {
    const { db, clock, config } = this.deps;
    const out = { sent: 0, failed: 0, errors: [] as string[] };
    for (;;) {
      const now = clock.now();
      const batch = await repo.claimDueDeliveries(db, now, new Date(now.getTime() + 5 * 60_000), 20, ids);
      if (!batch.length) return out;
      for (const d of batch) {
        try {
          await this.send(d);
          await repo.finishDelivery(db, d.id, { status: 'sent', sentAt: clock.now(), lastError: null });
          out.sent++;
        } catch (err) {
          const giveUp = !retry || d.attempts >= config.notify.maxAttempts;
          const backoff = config.notify.retryBaseMs * 2 ** (d.attempts - 1);
          await repo.finishDelivery(db, d.id, {
            status: giveUp ? 'failed' : 'pending',
            lastError: errorText(err),
            nextAttemptAt: new Date(clock.now().getTime() + backoff),
          });
          out.failed++;
          out.errors.push(errorText(err));
        }
      }
      if (ids) return out;
    }
  }

  private async send(d: repo.DeliveryRow): Promise<void> {
    const { config, db, clock } = this.deps;
    const m: Message = { title: d.title, lines: d.lines };
    const base = config.publicBaseUrl;
    switch (d.channel) {
      case 'in_app':
        if (d.userId)
          await repo.insertNotification(db, {
            userId: d.userId,
            title: d.title,
            lines: d.lines,
            link: commonLink(d.lines),
            createdAt: clock.now(),
          });
        return;
      case 'email':
        if (!config.smtp) throw new Error('未配置邮件服务器(SMTP_HOST)');
        if (!d.target) throw new Error('没有收件地址');
        return sendEmail(config.smtp, base, d.target, m);
      case 'dingtalk':
      case 'wecom': {
        const [b] = await repo.robotsOf(db, [d.branchId ?? -1]);
        if (d.channel === 'dingtalk') {
          if (!b?.dingtalkWebhook) throw new Error('该支部未配置钉钉机器人');
          return sendDingtalk(b.dingtalkWebhook, b.dingtalkSecret, base, m, clock.now());
        }
        if (!b?.wecomWebhook) throw new Error('该支部未配置企业微信机器人');
        return sendWecom(b.wecomWebhook, base, m);
      }
    }
  }
}
