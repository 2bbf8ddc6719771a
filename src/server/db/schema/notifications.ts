import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { branches } from './org.js';
import { users } from './auth.js';
import { campaigns } from './campaigns.js';

/** One line of a notification or digest: a short Chinese sentence and the page that needs action. */
export interface NotificationLine {
  text: string;
  link: string;
}

/** In-app notifications (the bell), one per user and day's digest, or a test message. */
export const notifications = pgTable(
  'notifications',
  {
    id: serial('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    title: text('title').notNull(),
    lines: jsonb('lines').$type<NotificationLine[]>().notNull(),
    link: text('link').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [index('notifications_user').on(t.userId, t.createdAt)],
);

/**
 * A reminder produced by the ladder, for one recipient: a user, or a branch's group robot.
 * The key names the rule, the subject, the date it is about and the recipient, so a reminder is
 * produced once however many ticks, restarts or instances compute it.
 */
export const reminders = pgTable(
  'reminders',
  {
    id: serial('id').primaryKey(),
    key: text('key').notNull(),
    rule: text('rule').notNull(),
    userId: integer('user_id').references(() => users.id),
    branchId: integer('branch_id').references(() => branches.id),
    /** The calendar day (China Standard Time) it was produced for. */
    day: date('day', { mode: 'string' }).notNull(),
    text: text('text').notNull(),
    link: text('link').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    /** Set when it was merged into its recipient's digests. */
    digestedAt: timestamp('digested_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('reminders_key').on(t.key), index('reminders_pending').on(t.digestedAt, t.day)],
);

/**
 * One message on one channel: a day's digest for a user or a branch robot, or a test message.
 * The digest key (channel, recipient, day) is unique: at most one digest per day per channel.
 */
export const notificationDeliveries = pgTable(
  'notification_deliveries',
  {
    id: serial('id').primaryKey(),
    channel: text('channel', { enum: ['in_app', 'email', 'dingtalk', 'wecom'] }).notNull(),
    userId: integer('user_id').references(() => users.id),
    branchId: integer('branch_id').references(() => branches.id),
    digestKey: text('digest_key').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    title: text('title').notNull(),
    lines: jsonb('lines').$type<NotificationLine[]>().notNull(),
    status: text('status', { enum: ['pending', 'sending', 'sent', 'failed'] })
      .notNull()
      .default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull(),
    /** While sending: after this instant an unfinished attempt counts as failed and is retried. */
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    lastError: text('last_error'),
    target: text('target'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('notification_deliveries_digest').on(t.digestKey),
    index('notification_deliveries_due').on(t.status, t.nextAttemptAt),
  ],
);

/** A user's choice of channels; no row means the defaults (in-app and email on). */
export const notificationPreferences = pgTable('notification_preferences', {
  userId: integer('user_id')
    .primaryKey()
    .references(() => users.id),
  inApp: boolean('in_app').notNull().default(true),
  email: boolean('email').notNull().default(true),
  /** An address of the user's choice; otherwise the person's email from the organisation. */
  emailAddress: text('email_address'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

/** A branch's group robots (DingTalk with its signing secret, WeCom). */
export const branchNotificationSettings = pgTable('branch_notification_settings', {
  branchId: integer('branch_id')
    .primaryKey()
    .references(() => branches.id),
  dingtalkWebhook: text('dingtalk_webhook'),
  dingtalkSecret: text('dingtalk_secret'),
  wecomWebhook: text('wecom_webhook'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

/** The reminder ladder of a campaign; no row means the defaults (see reminder-ladder.ts). */
export const campaignReminderSettings = pgTable('campaign_reminder_settings', {
  campaignId: integer('campaign_id')
    .primaryKey()
    .references(() => campaigns.id),
  ladder: jsonb('ladder').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

/** A named lease: the instance holding an unexpired lease runs the job; others skip their tick. */
export const schedulerLeases = pgTable('scheduler_leases', {
  name: text('name').primaryKey(),
  holder: text('holder').notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  lastRunAt: timestamp('last_run_at', { withTimezone: true }),
});
