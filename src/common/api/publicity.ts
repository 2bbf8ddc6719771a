import { z } from 'zod';
import { actionKinds, publicityKinds, recordStatuses } from '../actions.js';
import { id, monthKey } from './shared.js';

export const publicityQuery = z.object({
  campaignId: id.optional(),
  branchId: id.optional(),
  /** Items released in this month (on any channel, or on `channel` when given). */
  month: monthKey.optional(),
  channel: z
    .string()
    .regex(/^[a-z0-9_]{1,30}$/, '渠道代码不正确')
    .optional(),
});

export const publicityItem = z.object({
  recordId: z.number(),
  campaignId: z.number(),
  branchId: z.number(),
  branchName: z.string(),
  title: z.string(),
  kind: z.enum(publicityKinds).nullable(),
  author: z.string(),
  status: z.enum(recordStatuses),
  /** The month it counts for: the month of its first release. */
  periodKey: z.string().nullable(),
  highlights: z.string(),
  channels: z.array(
    z.object({
      channel: z.string(),
      label: z.string(),
      publishedOn: z.string(),
      link: z.string(),
      /** Reach is shown for information: it never enters any score. */
      views: z.number().nullable(),
      likes: z.number().nullable(),
    }),
  ),
  /** The branch's activities it reports on. */
  related: z.array(z.object({ recordId: z.number(), kind: z.enum(actionKinds), title: z.string() })),
});
export const publicityList = z.object({ items: z.array(publicityItem) });
export type PublicityItem = z.infer<typeof publicityItem>;
