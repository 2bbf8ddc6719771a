import { z } from 'zod';
import { id, page } from './shared.js';

export const notificationChannels = ['in_app', 'email', 'dingtalk', 'wecom'] as const;
export type NotificationChannel = (typeof notificationChannels)[number];
export const notificationChannelLabels: Record<NotificationChannel, { zh: string; en: string }> = {
  in_app: { zh: '站内通知', en: 'In-app' },
  email: { zh: '电子邮件', en: 'Email' },
  dingtalk: { zh: '钉钉群机器人', en: 'DingTalk robot' },
  wecom: { zh: '企业微信群机器人', en: 'WeCom robot' },
};

const lineSchema = z.object({ text: z.string(), link: z.string() });

export const notificationSchema = z.object({
  id: z.number(),
  title: z.string(),
  lines: z.array(lineSchema),
  link: z.string(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export const notificationListQuery = z.object({
  unread: z.enum(['true', 'false']).optional(),
  ...page,
});
export const notificationListSchema = z.object({
  items: z.array(notificationSchema),
  total: z.number(),
  unread: z.number(),
});
export const unreadCountSchema = z.object({ unread: z.number() });

const emailAddress = z.email('邮箱地址格式不正确').max(200);
export const preferencesSchema = z.object({
  inApp: z.boolean(),
  email: z.boolean(),
  emailAddress: emailAddress.nullable(),
  /** The person's address from the organisation, used when emailAddress is empty. */
  personEmail: z.string().nullable(),
  smtpConfigured: z.boolean(),
});
export const preferencesBody = z.object({
  inApp: z.boolean(),
  email: z.boolean(),
  emailAddress: z
    .union([emailAddress, z.literal('')])
    .nullable()
    .transform((v) => (v ? v : null)),
});

/** Robot webhooks must be http(s) URLs; DingTalk's and WeCom's are https in production. */
const webhookUrl = z
  .url({ protocol: /^https?$/, error: '请输入以 http:// 或 https:// 开头的完整网址' })
  .max(500);
export const branchRobotsSchema = z.object({
  branchId: z.number(),
  branchName: z.string(),
  dingtalkWebhook: z.string().nullable(),
  /** The secret itself is never sent back, only whether one is set. */
  dingtalkHasSecret: z.boolean(),
  wecomWebhook: z.string().nullable(),
});
export const branchRobotsListSchema = z.object({ items: z.array(branchRobotsSchema) });
export const branchRobotsBody = z.object({
  dingtalkWebhook: z
    .union([webhookUrl, z.literal('')])
    .nullable()
    .transform((v) => v || null),
  /** Omitted or undefined keeps the stored secret; '' or null removes it. */
  dingtalkSecret: z.string().trim().max(200).nullable().optional(),
  wecomWebhook: z
    .union([webhookUrl, z.literal('')])
    .nullable()
    .transform((v) => v || null),
});

/**
 * The reminder ladder of a campaign (days relative to a task's due date), with the issue's
 * defaults: 5 and 1 days before, on the day, 3 days overdue escalated to the committee.
 */
export const ladderSchema = z.object({
  enabled: z.boolean(),
  beforeDays: z
    .array(z.number().int().min(1).max(30))
    .max(5)
    .refine((d) => new Set(d).size === d.length, '天数不能重复'),
  onDueDate: z.boolean(),
  escalateAfterDays: z.number().int().min(1).max(30).nullable(),
  followups: z.boolean(),
  /** Records waiting for the committee's review, revisions for the leader in charge: days. */
  reviewWaitDays: z.number().int().min(1).max(30).nullable(),
  /** Problems marked solved, waiting for the grassroots unit's confirmation: days. */
  confirmWaitDays: z.number().int().min(1).max(60).nullable(),
});
export type Ladder = z.infer<typeof ladderSchema>;
export const defaultLadder: Ladder = {
  enabled: true,
  beforeDays: [5, 1],
  onDueDate: true,
  escalateAfterDays: 3,
  followups: true,
  reviewWaitDays: 3,
  confirmWaitDays: 7,
};
export const ladderParams = z.object({ id });

export const deliverySchema = z.object({
  id: z.number(),
  channel: z.enum(notificationChannels),
  recipient: z.string(),
  day: z.string(),
  title: z.string(),
  lines: z.array(lineSchema),
  status: z.enum(['pending', 'sending', 'sent', 'failed']),
  attempts: z.number(),
  nextAttemptAt: z.string(),
  lastError: z.string().nullable(),
  target: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});
export const deliveriesQuery = z.object({
  status: z.enum(['pending', 'sending', 'sent', 'failed']).optional(),
  channel: z.enum(notificationChannels).optional(),
  ...page,
});
export const deliveriesSchema = z.object({
  items: z.array(deliverySchema),
  total: z.number(),
  counts: z.object({ pending: z.number(), sending: z.number(), sent: z.number(), failed: z.number() }),
});
export const reminderSchema = z.object({
  id: z.number(),
  rule: z.string(),
  recipient: z.string(),
  day: z.string(),
  text: z.string(),
  link: z.string(),
  digested: z.boolean(),
});
export const remindersQuery = z.object({ ...page });
export const remindersSchema = z.object({ items: z.array(reminderSchema), total: z.number() });

export const channelStatusSchema = z.object({
  smtpConfigured: z.boolean(),
  publicBaseUrl: z.string(),
  schedulerIntervalSeconds: z.number(),
  maxAttempts: z.number(),
  lastRunAt: z.string().nullable(),
  leaseHolder: z.string().nullable(),
  robotsConfigured: z.object({ dingtalk: z.number(), wecom: z.number() }),
});

export const testMessageBody = z.object({
  channel: z.enum(notificationChannels),
  /** DingTalk and WeCom: the branch whose robot receives it. */
  branchId: id.optional(),
  /** Email: the address; default the caller's own. */
  to: emailAddress.optional(),
});
export const testMessageResult = z.object({ ok: z.boolean(), error: z.string().nullable() });
