import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import {
  defaultLadder,
  ladderSchema,
  type branchRobotsBody,
  type deliveriesQuery,
  type Ladder,
  type preferencesBody,
  type testMessageBody,
} from '../../../common/api/notifications.js';
import type { ServiceDeps } from '../../lib/service-deps.js';
import type { Db } from '../../db/client.js';
import type { AuthedContext } from '../../lib/actor.js';
import { AppError, notFound } from '../../lib/errors.js';
import { writeAudit } from '../../lib/audit.js';
import { cstDate } from '../../lib/dates.js';
import { campaignExists } from '../campaigns/campaigns.service.js';
import { NotificationJobs, LEASE_NAME } from '../../jobs/notification-jobs.js';
import type { TasksService } from '../tasks/tasks.service.js';
import * as repo from './notifications.repo.js';
import { assertAdmin, assertCanConfigure } from './notifications.policy.js';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** The notification centre, channel settings, the reminder ladder and the delivery log. */
export class NotificationsService {
  /** The scheduler's job; main.ts runs it, tests tick it with the manual clock. */
  readonly jobs: NotificationJobs;
  constructor(
    private readonly deps: Pick<ServiceDeps, 'db' | 'config' | 'clock'>,
    use: { tasks: TasksService },
  ) {
    this.jobs = new NotificationJobs(deps, use);
  }

  // --- the bell: only the caller's own notifications ----------------------------------------

  async list(ctx: AuthedContext, q: { unread?: 'true' | 'false'; limit: number; offset: number }) {
    const res = await repo.listNotifications(this.deps.db, ctx.actor.userId, {
      unreadOnly: q.unread === 'true',
      limit: q.limit,
      offset: q.offset,
    });
    return {
      items: res.items.map((n) => ({
        id: n.id,
        title: n.title,
        lines: n.lines,
        link: n.link,
        createdAt: n.createdAt.toISOString(),
        readAt: iso(n.readAt),
      })),
      total: res.total,
      unread: res.unread,
    };
  }

  async unread(ctx: AuthedContext) {
    return { unread: await repo.unreadCount(this.deps.db, ctx.actor.userId) };
  }

  // Reading a notification is the reader's own bookkeeping, not a change of anyone's work: no audit row.
  async markRead(ctx: AuthedContext, id: number) {
    if (!(await repo.findNotification(this.deps.db, ctx.actor.userId, id))) throw notFound();
    await repo.markRead(this.deps.db, ctx.actor.userId, this.deps.clock.now(), id);
    return { ok: true as const };
  }

  async markAllRead(ctx: AuthedContext) {
    await repo.markRead(this.deps.db, ctx.actor.userId, this.deps.clock.now());
    return { ok: true as const };
  }

  /**
   * A notification now, not in tomorrow's digest, for something that waits on its recipients
   * (a revision sent to its leader). Written in the caller's transaction, so it exists exactly when
   * what it announces does: in the bell at once, by email (when the user saved an address) on the
   * job's next delivery round, after commit. `key` names the event: one message per event and user.
   */
  async notify(
    tx: Db,
    userIds: number[],
    note: { key: string; title: string; text: string; link: string },
  ): Promise<void> {
    const { clock, config } = this.deps;
    const now = clock.now();
    const lines = [{ text: note.text, link: note.link }];
    const prefs = new Map((await repo.preferencesOf(tx, userIds)).map((p) => [p.userId, p]));
    for (const userId of new Set(userIds)) {
      const p = prefs.get(userId);
      const delivery = { userId, day: cstDate(now), title: note.title, lines, createdAt: now };
      if (p?.inApp ?? true) {
        const id = await repo.insertDelivery(tx, {
          ...delivery,
          channel: 'in_app',
          digestKey: `in_app:${note.key}:u${userId}`,
          status: 'sent',
          attempts: 1,
          sentAt: now,
          nextAttemptAt: now,
        });
        if (id !== null)
          await repo.insertNotification(tx, {
            userId,
            title: note.title,
            lines,
            link: note.link,
            createdAt: now,
          });
      }
      // Only an address the user saved, as for digests.
      if (config.smtp && (p?.email ?? true) && p?.emailAddress)
        await repo.insertDelivery(tx, {
          ...delivery,
          channel: 'email',
          digestKey: `email:${note.key}:u${userId}`,
          nextAttemptAt: now,
          target: p.emailAddress,
        });
    }
  }

  // --- the caller's channels ------------------------------------------------------------------

  async preferences(ctx: AuthedContext) {
    const [p] = await repo.preferencesOf(this.deps.db, [ctx.actor.userId]);
    return {
      inApp: p?.inApp ?? true,
      email: p?.email ?? true,
      emailAddress: p?.emailAddress ?? null,
      personEmail: p?.personEmail ?? null,
      smtpConfigured: !!this.deps.config.smtp,
    };
  }

  async savePreferences(ctx: AuthedContext, body: z.output<typeof preferencesBody>) {
    await this.deps.db.transaction(async (tx) => {
      const [before] = await repo.preferencesOf(tx, [ctx.actor.userId]);
      await repo.savePreferences(tx, ctx.actor.userId, body, this.deps.clock.now());
      await writeAudit(tx, ctx, this.deps.clock, {
        action: 'notifications.preferences',
        entityType: 'user',
        entityId: ctx.actor.userId,
        before: before && { inApp: before.inApp, email: before.email, emailAddress: before.emailAddress },
        after: body,
      });
    });
    return this.preferences(ctx);
  }

  // --- branch robots ------------------------------------------------------------------------

  /** Robot webhooks are fetched by the server: only the configured hosts (DingTalk's, WeCom's). */
  private assertWebhookHostAllowed(path: string, url: string | null | undefined) {
    if (!url) return;
    const allowed = this.deps.config.notify.webhookHosts;
    if (allowed.includes(new URL(url).hostname.toLowerCase())) return;
    const message = `只能填写以下域名的机器人地址:${allowed.join('、')}(其他地址请由管理员配置 NOTIFY_WEBHOOK_HOSTS)`;
    throw new AppError('WEBHOOK_HOST_NOT_ALLOWED', [{ path, message }], message);
  }

  async robots(ctx: AuthedContext) {
    assertCanConfigure(ctx.actor);
    const rows = await repo.robotsOf(this.deps.db);
    return { items: rows.map(publicRobots) };
  }

  async saveRobots(ctx: AuthedContext, branchId: number, body: z.output<typeof branchRobotsBody>) {
    assertCanConfigure(ctx.actor);
    this.assertWebhookHostAllowed('body.dingtalkWebhook', body.dingtalkWebhook);
    this.assertWebhookHostAllowed('body.wecomWebhook', body.wecomWebhook);
    return this.deps.db.transaction(async (tx) => {
      const [before] = await repo.robotsOf(tx, [branchId]);
      if (!before) throw notFound();
      const secret =
        body.dingtalkSecret === undefined ? before.dingtalkSecret : body.dingtalkSecret?.trim() || null;
      const values = {
        dingtalkWebhook: body.dingtalkWebhook,
        dingtalkSecret: body.dingtalkWebhook ? secret : null,
        wecomWebhook: body.wecomWebhook,
      };
      await repo.saveRobots(tx, branchId, values, this.deps.clock.now());
      const after = { ...before, ...values };
      // The signing secret stays out of the audit log: only whether one is set.
      await writeAudit(tx, ctx, this.deps.clock, {
        action: 'notifications.robots',
        entityType: 'branch',
        entityId: branchId,
        before: publicRobots(before),
        after: publicRobots(after),
      });
      return publicRobots(after);
    });
  }

  // --- the reminder ladder of a campaign --------------------------------------------------------

  async ladder(ctx: AuthedContext, campaignId: number): Promise<Ladder> {
    assertCanConfigure(ctx.actor);
    if (!(await campaignExists(this.deps.db, campaignId))) throw notFound();
    const row = await repo.findLadder(this.deps.db, campaignId);
    const parsed = row ? ladderSchema.safeParse(row.ladder) : null;
    return parsed?.success ? parsed.data : defaultLadder;
  }

  async saveLadder(ctx: AuthedContext, campaignId: number, ladder: Ladder): Promise<Ladder> {
    assertCanConfigure(ctx.actor);
    const before = await this.ladder(ctx, campaignId);
    const sorted = { ...ladder, beforeDays: [...ladder.beforeDays].sort((a, b) => b - a) };
    await this.deps.db.transaction(async (tx) => {
      await repo.saveLadder(tx, campaignId, sorted, this.deps.clock.now());
      await writeAudit(tx, ctx, this.deps.clock, {
        action: 'notifications.ladder',
        entityType: 'campaign',
        entityId: campaignId,
        before,
        after: sorted,
      });
    });
    return sorted;
  }

  // --- administration -----------------------------------------------------------------------

  async status(ctx: AuthedContext) {
    assertAdmin(ctx.actor);
    const { config, db } = this.deps;
    const [lease, robots] = await Promise.all([repo.findLease(db, LEASE_NAME), repo.robotsOf(db)]);
    return {
      smtpConfigured: !!config.smtp,
      publicBaseUrl: config.publicBaseUrl,
      schedulerIntervalSeconds: config.notify.intervalMs / 1000,
      maxAttempts: config.notify.maxAttempts,
      lastRunAt: iso(lease?.lastRunAt ?? null),
      leaseHolder: lease && lease.expiresAt > this.deps.clock.now() ? lease.holder : null,
      robotsConfigured: {
        dingtalk: robots.filter((r) => r.dingtalkWebhook).length,
        wecom: robots.filter((r) => r.wecomWebhook).length,
      },
    };
  }

  async deliveries(ctx: AuthedContext, q: z.output<typeof deliveriesQuery>) {
    assertAdmin(ctx.actor);
    const res = await repo.listDeliveries(this.deps.db, q);
    const counts = { pending: 0, sending: 0, sent: 0, failed: 0 };
    for (const s of res.byStatus) counts[s.status] = s.n;
    return { items: res.items.map(toDelivery), total: res.total, counts };
  }

  async reminders(ctx: AuthedContext, q: { limit: number; offset: number }) {
    assertAdmin(ctx.actor);
    const res = await repo.listReminders(this.deps.db, q.limit, q.offset);
    return {
      items: res.items.map(({ r, userName, branchName }) => ({
        id: r.id,
        rule: r.rule,
        recipient: userName ?? (branchName ? `${branchName}(群机器人)` : ''),
        day: r.day,
        text: r.text,
        link: r.link,
        digested: !!r.digestedAt,
      })),
      total: res.total,
    };
  }

  /** Sends a failed delivery again now (and it gets the usual retries if it fails again). */
  async retry(ctx: AuthedContext, id: number) {
    assertAdmin(ctx.actor);
    await this.deps.db.transaction(async (tx) => {
      const d = await repo.findDelivery(tx, id);
      if (!d) throw notFound();
      if (d.status !== 'failed') throw new AppError('DELIVERY_NOT_FAILED');
      await repo.finishDelivery(tx, id, {
        status: 'pending',
        attempts: 0,
        nextAttemptAt: this.deps.clock.now(),
      });
      await writeAudit(tx, ctx, this.deps.clock, {
        action: 'notifications.retry',
        entityType: 'notification_delivery',
        entityId: id,
        before: { status: d.status, attempts: d.attempts, lastError: d.lastError },
      });
    });
    // After commit: the attempt itself, so the administrator sees its outcome at once.
    await this.jobs.deliverDue([id]);
    return toDelivery((await repo.findDeliveryNamed(this.deps.db, id))!);
  }

  /** One message on one channel, now, to check its settings: no retries. */
  async sendTest(ctx: AuthedContext, body: z.output<typeof testMessageBody>) {
    assertAdmin(ctx.actor);
    const { db, clock, config } = this.deps;
    let target: string | null = null;
    let branchId: number | null = null;
    if (body.channel === 'email') {
      if (!config.smtp)
        throw new AppError('NOTIFY_CHANNEL_UNCONFIGURED', undefined, '未配置邮件服务器(SMTP)');
      const [p] = await repo.preferencesOf(db, [ctx.actor.userId]);
      target = body.to ?? p?.emailAddress ?? p?.personEmail ?? null;
      if (!target) throw new AppError('VALIDATION_FAILED', [{ path: 'body.to', message: '请填写收件地址' }]);
    }
    if (body.channel === 'dingtalk' || body.channel === 'wecom') {
      if (!body.branchId)
        throw new AppError('VALIDATION_FAILED', [{ path: 'body.branchId', message: '请选择支部' }]);
      const [b] = await repo.robotsOf(db, [body.branchId]);
      if (!b) throw notFound();
      if (!(body.channel === 'dingtalk' ? b.dingtalkWebhook : b.wecomWebhook))
        throw new AppError('NOTIFY_CHANNEL_UNCONFIGURED', undefined, `${b.branchName}未配置该群机器人`);
      branchId = b.branchId;
    }
    const now = clock.now();
    const id = await db.transaction(async (tx) => {
      const deliveryId = await repo.insertDelivery(tx, {
        channel: body.channel,
        userId: body.channel === 'in_app' || body.channel === 'email' ? ctx.actor.userId : null,
        branchId,
        digestKey: `test:${randomUUID()}`,
        day: cstDate(now),
        title: '对标系统测试消息',
        lines: [
          { text: `这是一条测试消息,由${ctx.actor.displayName}发送。收到即表示该渠道配置正确。`, link: '/' },
        ],
        nextAttemptAt: now,
        target,
        createdAt: now,
      });
      await writeAudit(tx, ctx, clock, {
        action: 'notifications.test',
        entityType: 'notification_delivery',
        entityId: deliveryId,
        after: { channel: body.channel, branchId, target },
      });
      return deliveryId!;
    });
    const res = await this.jobs.deliverDue([id], false);
    return { ok: res.sent === 1, error: res.errors[0] ?? null };
  }
}

function publicRobots(r: {
  branchId: number;
  branchName: string;
  dingtalkWebhook: string | null;
  dingtalkSecret: string | null;
  wecomWebhook: string | null;
}) {
  return {
    branchId: r.branchId,
    branchName: r.branchName,
    dingtalkWebhook: r.dingtalkWebhook,
    dingtalkHasSecret: !!r.dingtalkSecret,
    wecomWebhook: r.wecomWebhook,
  };
}

function toDelivery({
  d,
  userName,
  branchName,
}: {
  d: repo.DeliveryRow;
  userName: string | null;
  branchName: string | null;
}) {
  return {
    id: d.id,
    channel: d.channel,
    recipient: userName ?? (branchName ? `${branchName}(群机器人)` : ''),
    day: d.day,
    title: d.title,
    lines: d.lines,
    status: d.status,
    attempts: d.attempts,
    nextAttemptAt: d.nextAttemptAt.toISOString(),
    lastError: d.lastError,
    target: d.target,
    createdAt: d.createdAt.toISOString(),
    sentAt: iso(d.sentAt),
  };
}
