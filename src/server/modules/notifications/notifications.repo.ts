import { and, asc, count, desc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { resultRows } from '../../db/values.js';
import { grantColumns } from '../../db/grant-scope.js';
import {
  auditLog,
  branchNotificationSettings,
  branches,
  campaignReminderSettings,
  notificationDeliveries,
  notificationPreferences,
  notifications,
  people,
  reminders,
  roleGrants,
  users,
  type NotificationLine,
} from '../../db/schema/index.js';

export type { NotificationLine };
export type DeliveryRow = typeof notificationDeliveries.$inferSelect;
export type ReminderInsert = Omit<typeof reminders.$inferInsert, 'id' | 'digestedAt'>;

// The scheduler's lease, shared with the other jobs.
export { acquireLease, findLease, markLeaseRun, releaseLease } from '../../jobs/leases.repo.js';

// ---------------------------------------------------------------------------------------------
// Who receives what

export async function activeGrants(db: Db) {
  return db
    .select({ userId: users.id, ...grantColumns })
    .from(roleGrants)
    .innerJoin(users, eq(users.id, roleGrants.userId))
    .where(eq(users.active, true));
}

export async function ladderRows(db: Db) {
  return db.select().from(campaignReminderSettings);
}

export async function findLadder(db: Db, campaignId: number) {
  const [row] = await db
    .select()
    .from(campaignReminderSettings)
    .where(eq(campaignReminderSettings.campaignId, campaignId));
  return row;
}

export async function saveLadder(db: Db, campaignId: number, ladder: unknown, at: Date) {
  await db
    .insert(campaignReminderSettings)
    .values({ campaignId, ladder, updatedAt: at })
    .onConflictDoUpdate({ target: campaignReminderSettings.campaignId, set: { ladder, updatedAt: at } });
}

/** When each revision now waiting for its leader was sent there (the latest such audit row). */
export async function leaderPendingSince(db: Db, recordIds: number[]) {
  if (!recordIds.length) return new Map<number, Date>();
  const rows = await db
    .select({ id: auditLog.entityId, at: sql<Date>`max(${auditLog.at})` })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.action, 'revision.to_leader'),
        eq(auditLog.entityType, 'record'),
        inArray(auditLog.entityId, recordIds.map(String)),
      ),
    )
    .groupBy(auditLog.entityId);
  return new Map(rows.map((r) => [Number(r.id), new Date(r.at)]));
}

// ---------------------------------------------------------------------------------------------
// Reminders and digests

/** Inserts the reminders not produced before; returns how many are new. */
export async function insertReminders(db: Db, rows: ReminderInsert[]): Promise<number> {
  if (!rows.length) return 0;
  let added = 0;
  for (let i = 0; i < rows.length; i += 500) {
    const inserted = await db
      .insert(reminders)
      .values(rows.slice(i, i + 500))
      .onConflictDoNothing({ target: reminders.key })
      .returning({ id: reminders.id });
    added += inserted.length;
  }
  return added;
}

export async function undigestedReminders(db: Db, fromDay: string) {
  return db
    .select()
    .from(reminders)
    .where(and(isNull(reminders.digestedAt), sql`${reminders.day} >= ${fromDay}`))
    .orderBy(asc(reminders.id));
}

/** Reminders never merged into a digest by `beforeDay` are stale: set aside, not sent. */
export async function setAsideStale(db: Db, beforeDay: string, at: Date) {
  await db
    .update(reminders)
    .set({ digestedAt: at })
    .where(and(isNull(reminders.digestedAt), sql`${reminders.day} < ${beforeDay}`));
}

export async function markDigested(db: Db, ids: number[], at: Date) {
  if (ids.length) await db.update(reminders).set({ digestedAt: at }).where(inArray(reminders.id, ids));
}

/** Inserts a delivery unless its digest key exists already; returns its id, or null. */
export async function insertDelivery(
  db: Db,
  values: typeof notificationDeliveries.$inferInsert,
): Promise<number | null> {
  const [row] = await db
    .insert(notificationDeliveries)
    .values(values)
    .onConflictDoNothing({ target: notificationDeliveries.digestKey })
    .returning({ id: notificationDeliveries.id });
  return row?.id ?? null;
}

export async function insertNotification(
  db: Db,
  values: { userId: number; title: string; lines: NotificationLine[]; link: string; createdAt: Date },
) {
  await db.insert(notifications).values(values);
}

export async function preferencesOf(db: Db, userIds: number[]) {
  if (!userIds.length) return [];
  return db
    .select({
      userId: users.id,
      inApp: notificationPreferences.inApp,
      email: notificationPreferences.email,
      emailAddress: notificationPreferences.emailAddress,
      personEmail: people.email,
    })
    .from(users)
    .leftJoin(notificationPreferences, eq(notificationPreferences.userId, users.id))
    .leftJoin(people, eq(people.id, users.personId))
    .where(inArray(users.id, userIds));
}

export async function savePreferences(
  db: Db,
  userId: number,
  values: { inApp: boolean; email: boolean; emailAddress: string | null },
  at: Date,
) {
  await db
    .insert(notificationPreferences)
    .values({ userId, ...values, updatedAt: at })
    .onConflictDoUpdate({ target: notificationPreferences.userId, set: { ...values, updatedAt: at } });
}

export async function robotsOf(db: Db, branchIds?: number[]) {
  return db
    .select({
      branchId: branches.id,
      branchName: branches.name,
      dingtalkWebhook: branchNotificationSettings.dingtalkWebhook,
      dingtalkSecret: branchNotificationSettings.dingtalkSecret,
      wecomWebhook: branchNotificationSettings.wecomWebhook,
    })
    .from(branches)
    .leftJoin(branchNotificationSettings, eq(branchNotificationSettings.branchId, branches.id))
    .where(branchIds ? inArray(branches.id, branchIds.length ? branchIds : [-1]) : eq(branches.active, true))
    .orderBy(asc(branches.sortOrder), asc(branches.id));
}

export async function saveRobots(
  db: Db,
  branchId: number,
  values: { dingtalkWebhook: string | null; dingtalkSecret: string | null; wecomWebhook: string | null },
  at: Date,
) {
  await db
    .insert(branchNotificationSettings)
    .values({ branchId, ...values, updatedAt: at })
    .onConflictDoUpdate({ target: branchNotificationSettings.branchId, set: { ...values, updatedAt: at } });
}

// ---------------------------------------------------------------------------------------------
// Delivery

/**
 * Claims deliveries that are due (pending, or stuck in "sending" past their lock), counting the
 * attempt. SKIP LOCKED: instances claiming at the same moment never get the same row.
 */
export async function claimDueDeliveries(db: Db, now: Date, lockUntil: Date, limit = 50, ids?: number[]) {
  const only = ids
    ? sql`and id in (${sql.join(
        ids.map((i) => sql`${i}`),
        sql`, `,
      )})`
    : sql``;
  const res = await db.execute(sql`
    update notification_deliveries set status = 'sending', attempts = attempts + 1, locked_until = ${lockUntil}
    where id in (
      select id from notification_deliveries
      where ((status = 'pending' and next_attempt_at <= ${now}) or (status = 'sending' and locked_until < ${now}))
      ${only}
      order by id limit ${limit} for update skip locked)
    returning id`);
  const claimed = resultRows<{ id: number }>(res).map((r) => Number(r.id));
  if (!claimed.length) return [];
  return db
    .select()
    .from(notificationDeliveries)
    .where(inArray(notificationDeliveries.id, claimed))
    .orderBy(asc(notificationDeliveries.id));
}

export async function finishDelivery(db: Db, id: number, values: Partial<DeliveryRow>) {
  await db
    .update(notificationDeliveries)
    .set({ ...values, lockedUntil: null })
    .where(eq(notificationDeliveries.id, id));
}

export async function findDelivery(db: Db, id: number) {
  const [row] = await db.select().from(notificationDeliveries).where(eq(notificationDeliveries.id, id));
  return row;
}

export async function listDeliveries(
  db: Db,
  f: { status?: DeliveryRow['status']; channel?: DeliveryRow['channel']; limit: number; offset: number },
) {
  const where: SQL[] = [];
  if (f.status) where.push(eq(notificationDeliveries.status, f.status));
  if (f.channel) where.push(eq(notificationDeliveries.channel, f.channel));
  const cond = where.length ? and(...where) : undefined;
  const [items, [total], byStatus] = await Promise.all([
    db
      .select({ d: notificationDeliveries, userName: users.displayName, branchName: branches.name })
      .from(notificationDeliveries)
      .leftJoin(users, eq(users.id, notificationDeliveries.userId))
      .leftJoin(branches, eq(branches.id, notificationDeliveries.branchId))
      .where(cond)
      .orderBy(desc(notificationDeliveries.id))
      .limit(f.limit)
      .offset(f.offset),
    db.select({ n: count() }).from(notificationDeliveries).where(cond),
    db
      .select({ status: notificationDeliveries.status, n: count() })
      .from(notificationDeliveries)
      .groupBy(notificationDeliveries.status),
  ]);
  return { items, total: total?.n ?? 0, byStatus };
}

export async function listReminders(db: Db, limit: number, offset: number) {
  const [items, [total]] = await Promise.all([
    db
      .select({ r: reminders, userName: users.displayName, branchName: branches.name })
      .from(reminders)
      .leftJoin(users, eq(users.id, reminders.userId))
      .leftJoin(branches, eq(branches.id, reminders.branchId))
      .orderBy(desc(reminders.id))
      .limit(limit)
      .offset(offset),
    db.select({ n: count() }).from(reminders),
  ]);
  return { items, total: total?.n ?? 0 };
}

// ---------------------------------------------------------------------------------------------
// The bell

export async function listNotifications(
  db: Db,
  userId: number,
  f: { unreadOnly: boolean; limit: number; offset: number },
) {
  const mine = eq(notifications.userId, userId);
  const cond = f.unreadOnly ? and(mine, isNull(notifications.readAt)) : mine;
  const [items, [total], unread] = await Promise.all([
    db
      .select()
      .from(notifications)
      .where(cond)
      .orderBy(desc(notifications.createdAt), desc(notifications.id))
      .limit(f.limit)
      .offset(f.offset),
    db.select({ n: count() }).from(notifications).where(cond),
    unreadCount(db, userId),
  ]);
  return { items, total: total?.n ?? 0, unread };
}

export async function unreadCount(db: Db, userId: number): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return row?.n ?? 0;
}

/** Marks the user's notification (or all of them) read; returns how many changed. */
export async function markRead(db: Db, userId: number, at: Date, id?: number): Promise<number> {
  const where = [eq(notifications.userId, userId), isNull(notifications.readAt)];
  if (id !== undefined) where.push(eq(notifications.id, id));
  const rows = await db
    .update(notifications)
    .set({ readAt: at })
    .where(and(...where))
    .returning({ id: notifications.id });
  return rows.length;
}

export async function findNotification(db: Db, userId: number, id: number) {
  const [row] = await db
    .select()
    .from(notifications)
    .where(and(eq(notifications.id, id), eq(notifications.userId, userId)));
  return row;
}

export async function findDeliveryNamed(db: Db, id: number) {
  const [row] = await db
    .select({ d: notificationDeliveries, userName: users.displayName, branchName: branches.name })
    .from(notificationDeliveries)
    .leftJoin(users, eq(users.id, notificationDeliveries.userId))
    .leftJoin(branches, eq(branches.id, notificationDeliveries.branchId))
    .where(eq(notificationDeliveries.id, id));
  return row;
}
