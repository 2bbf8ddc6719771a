import { z } from 'zod';

export const channelSchema = z.object({
  code: z.string().regex(/^[a-z0-9_]{1,30}$/, '渠道代码为 1–30 位小写字母、数字或下划线'),
  label: z.string().trim().min(1, '不能为空').max(40),
  active: z.boolean().default(true),
});
export const channelsBody = z.object({
  channels: z
    .array(channelSchema)
    .min(1)
    .max(30)
    .refine((c) => new Set(c.map((x) => x.code)).size === c.length, '渠道代码不能重复'),
});
export type Channel = z.output<typeof channelSchema>;
